/**
 * An injected fetch for transport tests: records every Request the client sends (as nock's helpers do, so
 * expectSpecValid can check it), the fake-timer time it was sent at, and how many were in flight at once.
 */
import type { WireRequest } from "../support/wire.js";

export interface Sent extends WireRequest {
  /** Full URL, still encoded. */
  url: string;
  /** Date.now() when the request reached fetch: under fake timers, the delays the client waited. */
  at: number;
  /** The Request object itself, to prove each attempt gets a fresh one. */
  request: Request;
}

export type Answer = (request: Request, index: number) => Response | Promise<Response>;

export function fakeFetch(answer: Answer) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const index = sent.length;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const url = new URL(request.url);
    sent.push({
      method: request.method,
      path: url.pathname + url.search,
      headers,
      body: "",
      url: request.url,
      at: Date.now(),
      request,
    });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      sent[index]!.body = await request.text();
      return await answer(request, index);
    } finally {
      inFlight -= 1;
    }
  };
  return {
    fetch,
    sent,
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
  };
}

/** A response with a JSON (or given) body. */
export function reply(
  status: number,
  body = "{}",
  headers: Record<string, string> = { "content-type": "application/json" },
): Response {
  return new Response([101, 103, 204, 205, 304].includes(status) ? null : body, { status, headers });
}

/** A server that never answers: the promise rejects only when the client aborts the attempt. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal.addEventListener(
      "abort",
      () => reject(new DOMException("This operation was aborted", "AbortError")),
      { once: true },
    );
  });
}

/** A promise whose outcome can be read without an unhandled rejection while fake timers run. */
export function settle<T>(
  promise: Promise<T>,
): Promise<{ value: T; error?: undefined } | { value?: undefined; error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** The gaps between consecutive sends, in milliseconds. */
export function gaps(sent: readonly Sent[]): number[] {
  return sent.slice(1).map((s, i) => s.at - sent[i]!.at);
}

/** A promise with its resolve function, to hold a response until the test releases it. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
