import { describe, expect, it } from "vitest";
import {
  applyPreset,
  canRevert,
  duplicateTargets,
  initialMapping,
  isActive,
  mappingProblems,
  policiesFor,
  policyAfterModeChange,
  runProgress,
} from "./imports";

describe("the column mapping", () => {
  it("starts from the suggestions, every column present, unknown targets as skip", () => {
    expect(
      initialMapping(["E-Mail", "Firma", "Notes"], { "E-Mail": "email", Firma: "company_name", Notes: null }),
    ).toEqual({ "E-Mail": "email", Firma: "company_name", Notes: null });
    expect(initialMapping(["A"], {})).toEqual({ A: null });
  });

  it("takes a preset's choice for the columns it names and keeps the others", () => {
    const current = { Mail: "email", Name: null, Extra: "city" };
    expect(applyPreset(current, { Name: "full_name", Extra: null, Missing: "phone" })).toEqual({
      Mail: "email",
      Name: "full_name",
      Extra: null,
    });
  });

  it("finds a field chosen twice, and a mapping that cannot make a lead", () => {
    const mapping = { a: "email", b: "email", c: "city", d: null };
    expect(duplicateTargets(mapping)).toEqual(["email"]);
    expect(mappingProblems(mapping, (t) => t.toUpperCase())).toEqual(["EMAIL is chosen for more than one column."]);
    expect(mappingProblems({ a: null })).toEqual(["Map at least one column."]);
    expect(mappingProblems({ a: "city" })[0]).toMatch(/name, email, phone or company/);
    expect(mappingProblems({ a: "full_name", b: "custom:budget" })).toEqual([]);
  });
});

describe("mode and duplicate policy", () => {
  it("offers only the policies the API accepts with the mode", () => {
    expect(policiesFor("create")).toEqual(["skip", "review"]);
    expect(policiesFor("update")).toEqual(["fill_empty", "overwrite"]);
    expect(policiesFor("upsert")).toHaveLength(4);
  });

  it("keeps the policy when it still fits, else the mode's first", () => {
    expect(policyAfterModeChange("create", "review")).toBe("review");
    expect(policyAfterModeChange("create", "fill_empty")).toBe("skip");
    expect(policyAfterModeChange("update", "skip")).toBe("fill_empty");
  });
});

describe("the run's progress", () => {
  it("clamps and floors the percent, and is full once succeeded", () => {
    expect(runProgress({ status: "running", progress: 42.7 }).percent).toBe(42);
    expect(runProgress({ status: "running", progress: 140 }).percent).toBe(100);
    expect(runProgress({ status: "running", progress: -3 }).percent).toBe(0);
    expect(runProgress({ status: "running", progress: Number.NaN }).percent).toBe(0);
    expect(runProgress({ status: "succeeded", progress: 99 }).percent).toBe(100);
  });

  it("reads the counts, missing or odd ones as 0", () => {
    const progress = runProgress({
      status: "running",
      progress: 10,
      counts: { read: 200, created: 150, updated: 30, failed: 2, review: -1 },
    });
    expect(progress).toMatchObject({ read: 200, created: 150, updated: 30, skipped: 0, review: 0, failed: 2 });
  });

  it("knows when to poll and when a revert is possible", () => {
    expect(isActive("queued") && isActive("running") && isActive("reverting")).toBe(true);
    expect(isActive("succeeded") || isActive("uploaded") || isActive("reverted")).toBe(false);
    expect(canRevert("succeeded", false)).toBe(true);
    expect(canRevert("cancelled", false)).toBe(true);
    expect(canRevert("succeeded", true)).toBe(false);
    expect(canRevert("reverted", false)).toBe(false);
    expect(canRevert("running", false)).toBe(false);
  });
});
