/**
 * Child-process entry of the scale benchmark's probe: `tsx bench/scale-probe.ts <url>`.
 *
 * The probe asks the simulator for its settings, one call at a time, and times each answer. It runs in a process
 * of its own so that what it measures is the simulator's wait alone: in the process that builds and sends the
 * seed batches, a probe's answer would also wait for that process's own work and garbage collection. It says
 * `{ ready: true }` over IPC after its first answer; on the message "take" it sends `{ probes: [ms, …] }`, the
 * times since the last "take", and goes on; it exits when the parent goes away.
 */
const url = process.argv[2];
if (url === undefined || typeof process.send !== "function") {
  process.stderr.write("bench/scale-probe.ts runs as a child of the benchmark, given the simulator's URL\n");
  process.exit(2);
}
const send = process.send.bind(process);
const authorization = `Basic ${Buffer.from("sim-site:sim-key").toString("base64")}`;
let probes: number[] = [];
process.on("message", (message) => {
  if (message !== "take") return;
  send({ probes });
  probes = [];
});
process.on("disconnect", () => process.exit(0));

for (let first = true; ; first = false) {
  const started = performance.now();
  const response = await fetch(`${url}/__simulator/settings`, { headers: { authorization } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET /__simulator/settings answered ${response.status}`);
  probes.push(performance.now() - started);
  if (first) send({ ready: true });
}
