/**
 * Entry of `npm run simulate`: runs the simulate command with the process's arguments and exits with its code.
 */
import { simulateCommand } from "./command.js";

process.exit(await simulateCommand(process.argv.slice(2)));
