/** `cors: true` (`cio-customers simulate --cors`): pages on other origins may call the served simulator. */
import { afterEach, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";

const page = "http://localhost:5173";
const auth = `Basic ${btoa("sim-site:sim-key")}`;
let served: ServedSimulator | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

const preflight = (url: string) =>
  fetch(`${url}/api/v1/customers/user-1`, {
    method: "OPTIONS",
    headers: {
      origin: page,
      "access-control-request-method": "PUT",
      "access-control-request-headers": "authorization,content-type",
    },
  });

describe("the served simulator and CORS", () => {
  it("with cors on, answers a preflight with the method and headers asked for, and lets any origin read answers", async () => {
    served = await serveSimulator({ port: 0, cors: true });
    const answer = await preflight(served.url);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(answer.headers.get("access-control-allow-headers")).toBe("authorization,content-type");

    const put = await fetch(`${served.url}/api/v1/customers/user-1`, {
      method: "PUT",
      headers: { origin: page, authorization: auth, "content-type": "application/json" },
      body: JSON.stringify({ email: "ada@example.com" }),
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("access-control-allow-origin")).toBe("*");
    expect(served.simulator.person({ id: "user-1" })?.email).toBe("ada@example.com");

    // Inspection routes and refusals are readable too (a 401 a page cannot read would look like a network error).
    const refused = await fetch(`${served.url}/__simulator/people`, { headers: { origin: page } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("is off by default: no CORS header, and a preflight is not answered as one", async () => {
    served = await serveSimulator({ port: 0 });
    const answer = await preflight(served.url);
    expect(answer.status).not.toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const put = await fetch(`${served.url}/api/v1/customers/user-1`, {
      method: "PUT",
      headers: { origin: page, authorization: auth, "content-type": "application/json" },
      body: "{}",
    });
    expect(put.headers.get("access-control-allow-origin")).toBeNull();
  });
});
