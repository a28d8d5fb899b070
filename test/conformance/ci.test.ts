/**
 * The suite as a CI citizen: JUnit that the common CI readers' schema accepts, skips that count once, a run that
 * can demand behaviour, report files in folders that do not exist yet, targets outside loopback refused unless
 * writes are allowed, and every identifier a run creates under the run prefix.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import {
  formatHuman,
  formatJunit,
  runConformance,
  simulatorObserver,
  type ConformanceReport,
  type Target,
} from "../../conformance/index.js";
import { ReportWriteError, writeReportFile } from "../../conformance/report-file.js";
import { isLoopback } from "../../conformance/run.js";
import { createSimulator } from "../../src/simulator/index.js";
import { registerCredentials } from "../support/secrets.js";

const schema = readFileSync(new URL("fixtures/junit-jenkins.xsd", import.meta.url), "utf8");
const temp = mkdtempSync(join(tmpdir(), "cio-ci-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: "report.xml", contents: xml },
    schema: { fileName: "junit.xsd", contents: schema },
  });
  return result.errors.map((e) => e.message);
}

/** A server with no observer that answers {} to everything: wire checks fail, behaviour checks are skipped. */
const stateless: Target = {
  name: "stateless",
  baseUrl: "http://stateless.local",
  siteId: "s",
  apiKey: "k",
  fetch: () => Promise.resolve(new Response("{}", { status: 200, headers: { "content-type": "application/json" } })),
};

let mixed: ConformanceReport | undefined;
/** Passed, failed and skipped checks of every kind, in one report. */
async function mixedReport(): Promise<ConformanceReport> {
  mixed ??= await runConformance({
    target: stateless,
    seed: 7,
    runs: 3,
    only: [
      "client.headers",
      "wire.accepts-spec-examples",
      "wire.requires-credentials",
      "behaviour.C1.",
      "behaviour.C3.",
      "behaviour.C6.",
    ],
  });
  return mixed;
}

describe("JUnit for CI readers", () => {
  it("is valid against the JUnit schema Jenkins' xunit plugin validates (xmllint, libxml2 in WebAssembly)", async () => {
    const report = await mixedReport();
    expect(report.summary).toMatchObject({ passed: 2, failed: 1, skipped: 3 });
    expect(await schemaErrors(formatJunit(report))).toEqual([]);
  });

  it("the schema check fails on documents that break that schema", async () => {
    const good = formatJunit(await mixedReport());
    const propertiesInTestcase = good.replace(
      /(<testcase [^>]*>)/,
      '$1<properties><property name="x" value="y"/></properties>',
    );
    const noTests = good.replace(/(<testsuite [^>]*?) tests="\d+"/, "$1");
    const propertyWithoutValue = good.replace(/<property name="seed" value="\d+"\/>/, '<property name="seed"/>');
    expect(await schemaErrors(propertiesInTestcase)).not.toEqual([]);
    expect(await schemaErrors(noTests)).not.toEqual([]);
    expect(await schemaErrors(propertyWithoutValue)).not.toEqual([]);
  });

  it("names test cases by stable check ids; clauses and spec elements are properties; every suite carries its counts", async () => {
    const report = await mixedReport();
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
    }).parse(formatJunit(report)) as {
      testsuites: {
        testsuite: {
          name: string;
          tests: string;
          failures: string;
          errors: string;
          skipped: string;
          time: string;
          properties: { property: { name: string; value: string }[] };
          testcase: { name: string; classname: string }[];
        }[];
      };
    };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(["conformance.client", "conformance.wire", "conformance.behaviour"]);
    for (const suite of suites) {
      for (const attribute of ["tests", "failures", "errors", "skipped", "time"] as const)
        expect(suite[attribute], `${suite.name} ${attribute}`).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(suite.tests)).toBe(suite.testcase.length);
    }
    const names = suites.flatMap((s) => s.testcase.map((c) => c.name));
    expect(names).toEqual(report.results.map((r) => r.id));
    for (const name of names) expect(name).toMatch(/^[a-z]+\.[A-Za-z0-9.-]+$/);
    const behaviour = suites[2]!;
    expect(behaviour.skipped).toBe("3");
    const properties = Object.fromEntries(behaviour.properties.property.map((p) => [p.name, p.value]));
    expect(properties["behaviour.C3.adopt-path-identifier.clauses"]).toBe("C3");
    expect(properties["behaviour.C3.adopt-path-identifier.spec"]).toBe("`People` tag description");
    expect(properties["run_prefix"]).toBe(report.runPrefix);
  });
});

describe("skips and --require-behaviour", () => {
  it("the human report gives each skip reason once, with the count", async () => {
    const text = formatHuman(await mixedReport());
    const reason = "the target offers no observer";
    expect(text.split(reason)).toHaveLength(2);
    expect(text).toMatch(/^3 checks skipped: the target offers no observer/m);
  });

  it("requireBehaviour turns skipped behaviour checks into one line saying why", async () => {
    const report = await runConformance({
      target: stateless,
      client: false,
      seed: 7,
      runs: 3,
      only: ["behaviour.C1.", "behaviour.C2."],
      requireBehaviour: true,
    });
    expect(report.summary.failed).toBe(0);
    expect(report.unmetRequirement).toMatch(
      /^behaviour was required but 2 behaviour checks were skipped: the target offers no observer/,
    );
    expect(report.unmetRequirement).not.toContain("\n");
  });

  it("requireBehaviour is met when an observer makes behaviour visible", async () => {
    const report = await runConformance({ seed: 7, runs: 3, only: ["behaviour.C1."], requireBehaviour: true });
    expect(report.summary).toMatchObject({ passed: 1, skipped: 0 });
    expect(report.unmetRequirement).toBeUndefined();
  });
});

describe("report files", () => {
  it("creates the missing parent folders", () => {
    const path = join(temp, "reports", "nested", "r.xml");
    writeReportFile(path, "<testsuites/>\n");
    expect(readFileSync(path, "utf8")).toBe("<testsuites/>\n");
  });

  it("a write that cannot happen is one line naming the path and the reason", () => {
    const file = join(temp, "a-file");
    writeFileSync(file, "");
    let caught: unknown;
    try {
      writeReportFile(join(file, "r.xml"), "x");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReportWriteError);
    const message = (caught as Error).message;
    expect(message).toMatch(/^cannot write the report to .*a-file\/r\.xml: (ENOTDIR|EEXIST)/);
    expect(message).not.toContain("\n");
  });
});

describe("writes outside loopback", () => {
  it("tells loopback hosts from others", () => {
    for (const host of [
      "127.0.0.1",
      "127.3.2.1",
      "localhost",
      "api.localhost",
      "[::1]",
      "::1",
      "[::ffff:127.0.0.1]",
      new URL("http://[::ffff:127.0.0.1]:4010/").hostname,
      new URL("http://[0:0:0:0:0:ffff:127.9.9.9]/").hostname,
    ])
      expect(isLoopback(host), host).toBe(true);
    for (const host of [
      "10.0.0.1",
      "track.customer.io",
      "192.168.1.2",
      "[::2]",
      "127.0.0.1.example.com",
      "localhost.example.com",
      "[::ffff:10.0.0.1]",
      new URL("http://[::ffff:10.0.0.1]/").hostname,
      "[::ffff:7f0:1]",
    ])
      expect(isLoopback(host), host).toBe(false);
  });

  it("refuses a target outside loopback without allowWrites, before sending anything", async () => {
    await expect(runConformance({ target: "https://track.customer.io", siteId: "s", apiKey: "k" })).rejects.toThrow(
      /^refusing to write to https:\/\/track\.customer\.io: it is not a loopback address.*--allow-writes/,
    );
  });

  it("every identifier a whole run creates starts with the run prefix the report lists", async () => {
    const sim = createSimulator({ strict: true });
    registerCredentials(sim.siteId, sim.apiKey);
    const target: Target = {
      name: "simulator",
      baseUrl: "http://simulator.local",
      siteId: sim.siteId,
      apiKey: sim.apiKey,
      fetch: sim.fetch,
      observer: simulatorObserver(sim),
    };
    const report = await runConformance({ target, client: false, seed: 11, runs: 5, strict: true });
    expect(report.summary.failed).toBe(0);
    expect(report.runPrefix).toMatch(/^cioconf-[a-z0-9]+-$/);
    expect(formatHuman(report)).toContain(`Identifiers this run created start with ${report.runPrefix}`);
    const people = sim.people();
    expect(people.length).toBeGreaterThan(40);
    // Emails compare without case (C9), and the C9 check writes one in upper case.
    const identifiers = people.flatMap((p) =>
      [p.id, p.email?.toLowerCase(), p.anonymous_id].filter((v): v is string => v !== undefined),
    );
    const objects = sim.objects().map((o) => o.object_id);
    expect(objects.length).toBeGreaterThan(0);
    for (const value of [...identifiers, ...objects]) expect(value.startsWith(report.runPrefix), value).toBe(true);
    // Every live person is findable by the prefix: none is known by its cio_id alone.
    for (const person of people) expect(person.id ?? person.email, `cio_${person.cio_id}`).toBeDefined();
  });
});
