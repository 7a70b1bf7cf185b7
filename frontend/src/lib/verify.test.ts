import { describe, expect, it } from "vitest";
import { isJobFinal, jobPercent, parseAddresses, parseResults, tally } from "./verify";

describe("pasted addresses", () => {
  it("takes one a line, trimmed, without blank lines", () => {
    expect(parseAddresses("  jane@acme.io \r\n\n\nbob@acme.io\n").emails).toEqual(["jane@acme.io", "bob@acme.io"]);
  });

  it("splits a pasted row or a To: line, and reads `Name <address>`", () => {
    expect(parseAddresses("a@x.io, b@x.io; c@x.io\td@x.io").emails).toEqual(["a@x.io", "b@x.io", "c@x.io", "d@x.io"]);
    expect(parseAddresses("Jane Doe <jane@acme.io>\nmailto:bob@acme.io").emails).toEqual([
      "jane@acme.io",
      "bob@acme.io",
    ]);
  });

  it("checks an address once whatever its case, and counts what it left out", () => {
    const parsed = parseAddresses(`Jane@Acme.io\njane@acme.io\n${"x".repeat(400)}@acme.io\nnot an address`);
    expect(parsed.emails).toEqual(["Jane@Acme.io", "not an address"]);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.tooLong).toBe(1);
  });
});

describe("the results file", () => {
  it("reads JSON lines in row order, skipping blank and broken ones", () => {
    const text =
      '{"row":2,"email":"b@x.io","status":"invalid"}\n\n{"row":1,"email":"a@x.io","status":"valid"}\n{"row":3,"err\n[1]\n{"row":4,"error":"empty"}\n';
    const results = parseResults(text);
    expect(results.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(tally(results)).toEqual({ valid: 1, invalid: 1, skipped: 1 });
  });
});

describe("a job's percent", () => {
  it("prefers done of total, stays under 100 until it succeeded", () => {
    expect(jobPercent({ status: "running", progress: 10, counts: { done: 50, total: 200 } })).toBe(25);
    expect(jobPercent({ status: "running", progress: 99, counts: { done: 200, total: 200 } })).toBe(99);
    expect(jobPercent({ status: "succeeded", progress: 99, counts: {} })).toBe(100);
    expect(jobPercent({ status: "running", progress: 33.9, counts: {} })).toBe(33);
    expect(jobPercent({ status: "queued", progress: 0, counts: { done: 0, total: 0 } })).toBe(0);
  });

  it("knows a final status", () => {
    expect(["succeeded", "failed", "cancelled"].every(isJobFinal)).toBe(true);
    expect(isJobFinal("running") || isJobFinal("queued")).toBe(false);
  });
});
