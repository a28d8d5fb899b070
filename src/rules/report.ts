/** Recording problems whose message starts with the name of the field at fault. */
import type { Problem } from "../problem.js";
import { shortName } from "./attributes.js";

type Path = readonly (string | number)[];

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
