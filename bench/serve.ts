/**
 * Child-process entry of the servers under test: `tsx bench/serve.ts sink|simulator`.
 *
 * Each server runs in a process of its own so that it never shares an event loop with the load generator or the
 * client being measured. It listens on a free loopback port, reports `{ url }` to the parent over IPC, and exits
 * when told to (SIGTERM, SIGINT) or when the parent goes away (the IPC channel closes), so that no server
 * outlives a benchmark.
 */
import type { AddressInfo } from "node:net";
import { serveSimulator } from "../src/simulator/server.js";
import { createSink } from "./sink.js";

export type ServedKind = "sink" | "simulator";

async function start(kind: string): Promise<{ url: string; close: () => Promise<void> }> {
  if (kind === "simulator") {
    const served = await serveSimulator({ port: 0, host: "127.0.0.1" });
    return { url: served.url, close: () => served.close() };
  }
  if (kind === "sink") {
    const server = createSink();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }
  throw new Error(`bench/serve.ts: unknown server ${JSON.stringify(kind)} (sink or simulator)`);
}

if (typeof process.send !== "function") {
  process.stderr.write("bench/serve.ts runs as a child of the benchmark (it needs an IPC channel)\n");
  process.exit(2);
}

const served = await start(process.argv[2] ?? "");
let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  void served.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
process.send({ url: served.url });
