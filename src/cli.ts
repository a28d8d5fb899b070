#!/usr/bin/env node
/** The `cio-customers` binary: the command line on the process's own arguments, streams and environment. */
import { processIo } from "./cli/io.js";
import { main } from "./cli/main.js";

process.exitCode = await main(process.argv.slice(2), processIo());
