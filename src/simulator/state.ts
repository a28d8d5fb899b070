/**
 * The state file (`serveSimulator({ state })`, `cio-customers simulate --state FILE`), for a simulator left running
 * as a shared dev or CI service: the people (deleted ones included), the workspace settings, the objects, the
 * cio_id counter and the activity sequence are loaded at start and written back after every change and at exit.
 *
 * Writes are atomic: the whole state goes to a temporary file next to the target (`FILE.<pid>.tmp`), which is
 * flushed to disk (fsync) and then renamed over the target, and the folder is flushed too. A crash at any moment
 * (kill -9, power loss) therefore leaves either the previous complete file or the new complete one, never a mix;
 * a temporary file left behind by a crash is removed at the next start.
 *
 * Writes are debounced: the first change schedules a write `debounceMs` later, and changes meanwhile join it, so
 * a burst of requests costs one write. Writes never overlap; a change during a write schedules the next one.
 *
 * With eventual processing, the calls accepted (answered `200 {}`) and not yet applied are kept too, in the order
 * they arrived, and wait again after a restart: a restart does not lose a call its sender was told was accepted.
 *
 * The activity entries themselves are not kept, only their numbering, so that a `seq` is never given twice to
 * different entries across restarts. Faults and the request log are not kept either: they are test arrangements
 * of one run.
 *
 * The state is captured at one instant, synchronously, so that the file is consistent (no identifier held twice);
 * writing the captured text to disk happens in the background. Capturing costs about as much as serialising the
 * workspace to JSON (see the scale figures in docs/simulator.md).
 */
import type { SimulatorInternals } from "./core.js";
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseJsonObject } from "./body.js";
import type { PendingCall } from "./processing.js";
import { DEFAULT_SETTINGS, settingsProblem } from "./settings.js";
import type { WorkspaceSettings } from "./types.js";
import type { SavedPerson, StoredPerson } from "./workspace.js";
import { problem } from "../problem.js";
import { SimulatorOptionError } from "./errors.js";

/** The parts of a simulator the state file restores and saves. */

export const STATE_FORMAT = "cio-customers-simulator-state";
export const STATE_VERSION = 1;
/** Default delay between a change and the write that saves it, in milliseconds. */
export const DEFAULT_STATE_DEBOUNCE_MS = 200;

/** What a state file holds. */
interface SavedState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  settings: WorkspaceSettings;
  cio_id_counter: number;
  last_seq: number;
  objects: { object_type_id: string; object_id: string }[];
  /** Accepted calls not yet applied, oldest first; absent in files written before it was kept. */
  pending?: PendingCall[];
  people: SavedPerson[];
}

/**
 * A state file that exists but cannot be loaded: the message names the file and what is wrong, never a value.
 * Its one problem's code says which: `unreadable`, `not_json`, `simulator_not_empty` or `invalid_content`.
 */
export class StateFileError extends SimulatorOptionError {
  override name = "StateFileError";

  constructor(file: string, message: string, code = "invalid_content") {
    super("invalid_state_file", [problem(code, [], message)], `state file ${file}: ${message}`);
  }
}

/** The whole state as text: one person per line, so that a large file stays readable and diffable. */
export function serializeState({ workspace, log, processor }: SimulatorInternals): string {
  const head = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    settings: workspace.settings,
    cio_id_counter: workspace.counter,
    last_seq: log.lastSeq,
    objects: workspace.objects(),
    pending: processor?.waiting() ?? [],
  };
  const people = workspace.everyoneSettled();
  const lines: string[] = new Array<string>(people.length);
  for (let i = 0; i < people.length; i++) lines[i] = JSON.stringify(workspace.save(people[i] as StoredPerson));
  const opening = JSON.stringify(head).slice(0, -1);
  return people.length === 0 ? `${opening},"people":[]}\n` : `${opening},"people":[\n${lines.join(",\n")}\n]}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** Checks the shape of a parsed state file; each problem names a field, never a value. */
function checkedState(value: unknown, file: string): SavedState {
  const fail = (message: string): never => {
    throw new StateFileError(file, message);
  };
  if (!isObject(value) || value["format"] !== STATE_FORMAT)
    return fail(`is not a simulator state file (no "format": "${STATE_FORMAT}")`);
  if (value["version"] !== STATE_VERSION)
    return fail(`has version ${JSON.stringify(value["version"])}; this simulator reads version ${STATE_VERSION}`);
  const settings = value["settings"];
  if (!isObject(settings)) return fail("settings must be an object of workspace settings");
  // A setting missing from a file written before it existed takes its default.
  const settingsWrong = settingsProblem({ ...DEFAULT_SETTINGS, ...settings });
  if (settingsWrong !== undefined) return fail(`settings: ${settingsWrong}`);
  if (!isCount(value["cio_id_counter"])) return fail("cio_id_counter must be a whole number from 0");
  if (!isCount(value["last_seq"])) return fail("last_seq must be a whole number from 0");
  const objects = value["objects"];
  if (
    !Array.isArray(objects) ||
    !objects.every((o) => isObject(o) && typeof o["object_type_id"] === "string" && typeof o["object_id"] === "string")
  ) {
    return fail("objects must be a list of { object_type_id, object_id }");
  }
  const pending = value["pending"] ?? [];
  if (
    !Array.isArray(pending) ||
    !pending.every(
      (call) =>
        isObject(call) &&
        typeof call["identifier"] === "string" &&
        call["identifier"] !== "" &&
        isObject(call["body"]) &&
        isCount(call["received_at"]),
    )
  ) {
    return fail("pending must be a list of { identifier, body, received_at }");
  }
  const people = value["people"];
  if (!Array.isArray(people)) return fail("people must be a list");
  const seen = new Set<string>();
  people.forEach((person, index) => {
    if (!isObject(person) || typeof person["cio_id"] !== "string" || person["cio_id"] === "")
      fail(`people[${index}].cio_id must be a non-empty string`);
    const cioId = (person as Record<string, unknown>)["cio_id"] as string;
    if (seen.has(cioId)) fail(`people[${index}].cio_id is held by an earlier person too`);
    seen.add(cioId);
  });
  return value as unknown as SavedState;
}

/** Loads a state file into an empty simulator. A missing file is an empty state, not an error. */
export function loadState(
  file: string,
  parts: SimulatorInternals,
): { loaded: boolean; people: number; pending: number } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { loaded: false, people: 0, pending: 0 };
    throw new StateFileError(
      file,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`,
      "unreadable",
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(file, "is not valid JSON", "not_json");
  }
  const state = checkedState(parsed, file);
  const { workspace, log } = parts;
  if (workspace.size > 0)
    throw new StateFileError(
      file,
      "can only be loaded into an empty simulator (leave out people)",
      "simulator_not_empty",
    );
  workspace.updateSettings(state.settings);
  for (const person of state.people) workspace.restore(person);
  for (const object of state.objects) workspace.relateObject(object.object_type_id, object.object_id);
  workspace.restoreCounter(state.cio_id_counter);
  log.continueFrom(state.last_seq);
  // A body as the Track API reads one: from JSON text, into objects without a prototype.
  const encoder = new TextEncoder();
  const pending = (state.pending ?? []).map((call) => {
    const parsed = parseJsonObject(encoder.encode(JSON.stringify(call.body)), false);
    if (!("value" in parsed)) throw new StateFileError(file, "pending holds a body that is not a JSON object");
    return { identifier: call.identifier, body: parsed.value, received_at: call.received_at };
  });
  parts.processor?.restore(pending);
  return { loaded: true, people: state.people.length, pending: pending.length };
}

/** Removes temporary files that a crashed writer of this state file left behind. */
function removeLeftovers(file: string): void {
  const name = basename(file);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+(?:\\.sync)?\\.tmp$`);
  let entries: string[];
  try {
    entries = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const entry of entries) if (pattern.test(entry)) rmSync(join(dirname(file), entry), { force: true });
}

/** Flushes a folder, so that a rename in it survives a crash of the machine (where the platform allows it). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot open or flush a folder; the rename is still atomic there.
  }
}

export interface StateFileOptions {
  /** Delay between a change and its write, in milliseconds. Default {@link DEFAULT_STATE_DEBOUNCE_MS}. */
  debounceMs?: number;
  /** Called with a write that failed (the next change tries again); the simulator keeps serving. */
  onError?: (error: unknown) => void;
}

/** A simulator's state file: loaded on open, written after changes and by close(). */
export class StateFile {
  readonly file: string;
  readonly #parts: SimulatorInternals;
  readonly #debounceMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> | undefined;
  #dirty = false;
  #closed = false;
  readonly #onExit = () => this.flushSync();
  /** Writes finished since open, for tests and figures. */
  writes = 0;

  private constructor(file: string, parts: SimulatorInternals, options: StateFileOptions) {
    this.file = file;
    this.#parts = parts;
    this.#debounceMs = options.debounceMs ?? DEFAULT_STATE_DEBOUNCE_MS;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Loads `file` into the simulator (which must be empty) and keeps it up to date from then on. */
  static open(parts: SimulatorInternals, file: string, options: StateFileOptions = {}): StateFile {
    if (options.debounceMs !== undefined && (!Number.isSafeInteger(options.debounceMs) || options.debounceMs < 0)) {
      throw new Error("state file: debounceMs must be a whole number of milliseconds from 0");
    }
    removeLeftovers(file);
    const loaded = loadState(file, parts);
    const state = new StateFile(file, parts, options);
    parts.workspace.onChange(() => state.changed());
    parts.processor?.onChange(() => state.changed());
    // Calls restored are now the processor's (or, with immediate processing, applied): the file must say so.
    if (loaded.pending > 0) state.changed();
    // A process that exits without close() (process.exit, an uncaught error) still saves what changed.
    process.on("exit", state.#onExit);
    return state;
  }

  /** Something changed: a write follows within the debounce delay. */
  changed(): void {
    this.#dirty = true;
    if (this.#timer !== undefined || this.#writing !== undefined || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#write();
    }, this.#debounceMs);
  }

  async #write(): Promise<void> {
    if (!this.#dirty || this.#writing !== undefined) return;
    // A seed being added in slices is captured whole or not at all: the write waits for it.
    const seeding = this.#parts.workspace.writing;
    if (seeding !== undefined) {
      await seeding;
      return this.#write();
    }
    this.#dirty = false;
    const text = serializeState(this.#parts);
    const tmp = `${this.file}.${process.pid}.tmp`;
    this.#writing = (async () => {
      const handle = await open(tmp, "w");
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.file);
      syncFolder(dirname(this.file));
      this.writes++;
    })();
    try {
      await this.#writing;
    } catch (error) {
      this.#dirty = true;
      this.#onError(error);
    } finally {
      this.#writing = undefined;
    }
    if (this.#dirty && !this.#closed) this.changed();
  }

  /** Writes now, synchronously, if anything changed since the last write: for process exit. */
  flushSync(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    const tmp = `${this.file}.${process.pid}.sync.tmp`;
    const fd = openSync(tmp, "w");
    try {
      const bytes = Buffer.from(serializeState(this.#parts));
      for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    syncFolder(dirname(this.file));
    this.writes++;
  }

  /** Stops watching, waits for a write under way, and writes what changed since. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    process.off("exit", this.#onExit);
    this.#parts.workspace.onChange(() => undefined);
    this.#parts.processor?.onChange(() => undefined);
    await this.#writing?.catch(() => undefined);
    this.flushSync();
  }
}
