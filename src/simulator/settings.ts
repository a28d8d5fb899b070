/**
 * The workspace settings: their defaults and the one check that options, the settings route and the state file
 * share. Besides the two settings Customer.io documents (identified by, "Allow updates to email using ID"), three
 * settle choices the endpoint's description leaves open, where Customer.io's behaviour could plausibly be either
 * way and a test may depend on it (docs/simulator.md, "Open choices").
 */
import type { WorkspaceSettings } from "./types.js";

export const DEFAULT_SETTINGS: Readonly<WorkspaceSettings> = Object.freeze({
  identifiedBy: "email_or_id",
  allowEmailUpdatesById: false,
  bodyIdentifierPrecedence: "id",
  pathReplacesSetIdentifier: false,
  deletedAnonymousIds: "reserved",
});

/** Every value each setting may take. */
export const SETTING_VALUES: { readonly [K in keyof WorkspaceSettings]: readonly WorkspaceSettings[K][] } = {
  identifiedBy: ["email_or_id", "id"],
  allowEmailUpdatesById: [true, false],
  bodyIdentifierPrecedence: ["id", "email"],
  pathReplacesSetIdentifier: [true, false],
  deletedAnonymousIds: ["reserved", "released"],
};

export const SETTING_NAMES = Object.keys(SETTING_VALUES) as (keyof WorkspaceSettings)[];

/** What is wrong with `settings`, naming the setting and its allowed values; undefined when all is well. */
export function settingsProblem(settings: Readonly<Record<string, unknown>>): string | undefined {
  for (const name of SETTING_NAMES) {
    const allowed: readonly unknown[] = SETTING_VALUES[name];
    if (!allowed.includes(settings[name]))
      return `${name} must be ${allowed.map((value) => (typeof value === "string" ? `"${value}"` : String(value))).join(" or ")}`;
  }
  return undefined;
}

/** The settings named here, each from `settings` (defaults for those left out), without any other key. */
export function completeSettings(settings: Readonly<Partial<WorkspaceSettings>>): WorkspaceSettings {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) out[name] = settings[name] ?? DEFAULT_SETTINGS[name];
  return out as unknown as WorkspaceSettings;
}
