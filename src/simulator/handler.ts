/**
 * The simulator's WHATWG fetch handler: `Request → Response`, web-standard APIs only, so it runs in-process
 * (as a client's `fetch`), behind node:http (server.ts, for what its fast path leaves to it) or on any other
 * fetch runtime.
 *
 * Routing: `/__simulator/…` is the inspection API (inspection.ts); everything else goes to the Track API core
 * (track.ts), which answers its two routes and 404s the rest. This file only converts: the Request into the
 * core's plain inputs (its body read lazily, so that a request refused before the body is read never reads
 * it), and the core's plain answer into a Response.
 *
 * Bad input never reaches the catch-all below: an unexpected exception is a simulator bug, answered 500 with
 * the envelope and reported to `onError`.
 */
import { MAX_BODY_BYTES, readCapped } from "./body.js";
import { isConnectionReset } from "./faults.js";
import { INTERNAL_ERROR, toResponse, type Answer, type Truncation } from "./http.js";
import { handleInspection, INSPECTION_PREFIX, type InspectionTarget } from "./inspection.js";
import type { Recording, RequestLog } from "./requests.js";
import type { DeferredBody, TrackApi } from "./track.js";

export interface HandlerOptions {
  track: TrackApi;
  inspection: InspectionTarget;
  /** Where Track API requests are recorded (every one gets a seq, whatever the log keeps). */
  requests: RequestLog;
  onError?: (error: unknown) => void;
}

export interface Handler {
  /** WHATWG fetch: `Request → Response`. */
  fetch(request: Request): Promise<Response>;
  /**
   * The same, but a Track API answer stays a plain {@link Answer}, so that a transport with a socket (server.ts)
   * writes a truncated one itself.
   */
  answer(request: Request): Promise<Answer | Response>;
}

export function createHandler(options: HandlerOptions): Handler {
  const { track, inspection, requests, onError } = options;
  const isAuthorized = (request: Request) => track.isAuthorized(request.headers.get("authorization"));

  async function route(request: Request): Promise<Answer | Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === INSPECTION_PREFIX.slice(0, -1) || path.startsWith(INSPECTION_PREFIX)) {
      return handleInspection(request, url, inspection, isAuthorized);
    }
    const { headers } = request;
    const recording = requests.open(request.method, `${path}${url.search}`, headers);
    let answer;
    try {
      answer = await track.handle(
        {
          method: request.method,
          path,
          search: url.search,
          authorization: headers.get("authorization"),
          contentType: headers.get("content-type"),
          origin: () => url.origin,
          seq: recording.seq,
        },
        deferredBody(request, recording),
      );
    } catch (error) {
      recording.failed(isConnectionReset(error) ? "connection reset (a reset fault)" : "the simulator failed");
      throw error;
    }
    recording.answered(answer);
    return answer;
  }

  async function answer(request: Request): Promise<Answer | Response> {
    try {
      return await route(request);
    } catch (error) {
      // A reset "connection" is the fault asked for, not a simulator bug: it rejects, as fetch does.
      if (isConnectionReset(error)) throw error;
      onError?.(error);
      return INTERNAL_ERROR;
    }
  }

  return {
    answer,
    async fetch(request) {
      const result = await answer(request);
      if (result instanceof Response) return result;
      return result.truncation === undefined ? toResponse(result) : truncatedResponse(result, result.truncation);
    },
  };
}

/** A Request's body for the core: read with the cap only when asked, cancelled when a fault drops the request. */
function deferredBody(request: Request, recording: Recording): DeferredBody {
  return {
    read: async () => {
      const bytes = await readCapped(request, MAX_BODY_BYTES);
      if (bytes instanceof Uint8Array) recording.setBody(bytes);
      return bytes;
    },
    discard: async () => {
      await request.body?.cancel().catch(() => undefined);
    },
  };
}

/** The `truncate` fault in-process: the body stream fails halfway, as fetch's does when the connection drops. */
function truncatedResponse(answer: Answer, truncation: Truncation): Response {
  const { head } = truncation;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head.slice());
    },
    pull(controller) {
      controller.error(
        new TypeError("terminated", {
          cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
        }),
      );
    },
  });
  return new Response(body, { status: answer.status, headers: answer.headers });
}
