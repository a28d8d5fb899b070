/**
 * The floor server: node:http answering every request `200 {}` once its body has been read, with no routing,
 * no authentication and no validation. What a real server cannot beat; the client benchmark uses it as a sink
 * so that only the client's own work differs between contenders.
 */
import { createServer, type Server } from "node:http";

const BODY = Buffer.from("{}");
const HEADERS = { "content-type": "application/json; charset=utf-8", "content-length": String(BODY.byteLength) };

export function createSink(): Server {
  return createServer((req, res) => {
    req.on("end", () => {
      res.writeHead(200, HEADERS);
      res.end(BODY);
    });
    req.resume();
  });
}
