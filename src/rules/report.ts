/** Recording problems whose message starts with the name of the field at fault. */
import type { Problem } from "../problem.js";

type Path = readonly (string | number)[];

/** A long name, shortened for a message. */
export function shortName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

/** The last key of a path, for a message (`tags[1]`, `min`), shortened when long. */
export function fieldName(path: Path): string {
  const last = path.at(-1);
  return shortName(typeof last === "number" ? `${String(path.at(-2))}[${last}]` : String(last));
}

/**
 * Adds a problem whose message is the field's name followed by `text` (`email is not an email address`). Returns
 * undefined, so a check can refuse and return in one step: the value at fault is not sent.
 */
export function refuse(problems: Problem[], code: string, path: Path, text: string): undefined {
  problems.push({ code, path, message: `${fieldName(path)} ${text}` });
  return undefined;
}
