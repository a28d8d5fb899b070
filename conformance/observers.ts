/**
 * Observers: how behaviour checks see what a `200 {}` did. One for the simulator in-process, one for any server
 * that offers the simulator's inspection routes under `/__simulator/` (openapi/simulator.yaml).
 */
import type { Simulator } from "../src/simulator/index.js";
import { basic } from "./http.js";
import type { ObservedActivity, ObservedPerson, Observer, PersonRef } from "./types.js";

export function simulatorObserver(simulator: Simulator): Observer {
  return {
    person: (ref) => Promise.resolve(simulator.person(ref)),
    activity: (since) => Promise.resolve(simulator.activity(since === undefined ? {} : { since })),
    deletePerson: (ref) => Promise.resolve(simulator.deletePerson(ref)),
    updateSettings: (patch) => {
      simulator.updateSettings(patch);
      return Promise.resolve();
    },
  };
}

/** Reads state through `/__simulator/` routes, authenticated like the Track API. */
export function httpObserver(
  baseUrl: string,
  siteId: string,
  apiKey: string,
  fetcher: (request: Request) => Promise<Response>,
): Observer {
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const headers = new Headers({ Authorization: basic(siteId, apiKey) });
    if (body !== undefined) headers.set("Content-Type", "application/json");
    return fetcher(
      new Request(`${baseUrl}/__simulator/${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  };
  const json = async <T>(response: Response): Promise<T> => {
    if (!response.ok) throw new Error(`inspection route answered ${response.status}`);
    return (await response.json()) as T;
  };
  const query = (ref: PersonRef) =>
    "id" in ref
      ? `id=${encodeURIComponent(ref.id)}`
      : "email" in ref
        ? `email=${encodeURIComponent(ref.email)}`
        : `cio_id=${encodeURIComponent(ref.cioId)}`;
  return {
    async person(ref) {
      const response = await call("GET", `people/lookup?${query(ref)}&include_deleted=true`);
      if (response.status === 404) return undefined;
      return unwrap<ObservedPerson>(await json<unknown>(response), "person");
    },
    async activity(since) {
      // The listing is paged: follow next_cursor to the end. A server that answers one unpaged body (a bare
      // array, or an object without next_cursor) is read as one page.
      const entries: ObservedActivity[] = [];
      let cursor: string | undefined;
      do {
        const query = new URLSearchParams({ limit: "1000" });
        if (since !== undefined) query.set("since", String(since));
        if (cursor !== undefined) query.set("cursor", cursor);
        const body = await json<unknown>(await call("GET", `activity?${query}`));
        entries.push(...unwrap<ObservedActivity[]>(body, "activity"));
        const next = typeof body === "object" && body !== null && "next_cursor" in body ? body.next_cursor : null;
        cursor = typeof next === "string" ? next : undefined;
      } while (cursor !== undefined);
      return entries;
    },
    async deletePerson(ref) {
      const person = await this.person(ref);
      if (!person) return false;
      const response = await call("DELETE", `people/${encodeURIComponent(person.cio_id)}`);
      return response.ok;
    },
    async updateSettings(patch) {
      await json<unknown>(await call("PATCH", "settings", patch));
    },
  };
}

/** Accepts both a bare value and one wrapped in `{ <key>: value }`. */
function unwrap<T>(value: unknown, key: string): T {
  if (value && typeof value === "object" && !Array.isArray(value) && key in value)
    return (value as Record<string, T>)[key] as T;
  return value as T;
}

/** Whether a server offers the inspection routes: a GET of its settings answers the settings object. */
export async function probeInspection(
  baseUrl: string,
  siteId: string,
  apiKey: string,
  fetcher: (request: Request) => Promise<Response>,
): Promise<boolean> {
  try {
    const response = await fetcher(
      new Request(`${baseUrl}/__simulator/settings`, { headers: { Authorization: basic(siteId, apiKey) } }),
    );
    const text = await response.text();
    if (!response.ok) return false;
    const settings = JSON.parse(text) as unknown;
    return typeof settings === "object" && settings !== null && "identifiedBy" in settings;
  } catch {
    return false;
  }
}
