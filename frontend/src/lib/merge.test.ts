import { describe, expect, it } from "vitest";
import { choose, differingFields, initialState, manualProblem, mergeRequest, resultOf, withSurvivor } from "./merge";

const base = {
  first_name: "Ada",
  last_name: "Lovelace",
  email: null,
  phone_raw: null,
  phone_e164: null,
  job_title: null,
  company_name: null,
  website: null,
  city: null,
  country: null,
  value: null,
};
const older = { ...base, id: "a", updated_at: "2026-01-01T00:00:00Z", email: "ada@engines.co.uk", city: "London" };
const newer = {
  ...base,
  id: "b",
  updated_at: "2026-06-01T00:00:00Z",
  email: "ada.lovelace@gmail.com",
  job_title: "Countess",
  city: "Leeds",
};
const leads = [older, newer];

describe("merge choices", () => {
  it("asks only about the fields where the leads disagree", () => {
    expect(differingFields(leads)).toEqual(["email", "job_title", "city"]);
  });

  it("starts from the survivor's values, taking the other's where the survivor has none", () => {
    const state = initialState(leads, "a");
    expect(state.choices).toEqual({
      email: { kind: "lead", leadId: "a" },
      job_title: { kind: "lead", leadId: "b" },
      city: { kind: "lead", leadId: "a" },
    });
  });

  it("predicts each strategy's value as the API applies it", () => {
    expect(resultOf({ kind: "most_recent" }, leads, "city")).toBe("Leeds");
    expect(resultOf({ kind: "most_complete" }, leads, "email")).toBe("ada.lovelace@gmail.com");
    expect(resultOf({ kind: "lead", leadId: "a" }, leads, "job_title")).toBe("");
    expect(resultOf({ kind: "manual", value: "York" }, leads, "city")).toBe("York");
  });

  it("keeps the user's own choices when the survivor changes, and moves the defaults", () => {
    let state = initialState(leads, "a");
    state = choose(state, "city", { kind: "manual", value: "York" });
    state = withSurvivor(state, leads, "b");
    expect(state.survivorId).toBe("b");
    expect(state.choices.email).toEqual({ kind: "lead", leadId: "b" });
    expect(state.choices.city).toEqual({ kind: "manual", value: "York" });
  });

  it("becomes the API's request: lead ids, strategies and typed values", () => {
    let state = initialState(leads, "a");
    state = choose(state, "email", { kind: "most_recent" });
    state = choose(state, "city", { kind: "manual", value: " York " });
    expect(mergeRequest(state, leads)).toEqual({
      survivor_id: "a",
      merged_ids: ["b"],
      fields: { email: "most_recent", job_title: "b", city: { value: "York" } },
      default: "survivor_first",
    });
  });

  it("sends a typed value as a number and refuses text for it", () => {
    const state = choose(initialState(leads, "a"), "value", { kind: "manual", value: "1200" });
    expect(mergeRequest(state, leads).fields?.value).toEqual({ value: 1200 });
    expect(manualProblem("value", { kind: "manual", value: "lots" })).toBe("Enter a whole number.");
    expect(manualProblem("first_name", { kind: "manual", value: " " })).toBe("A name cannot be empty.");
    expect(manualProblem("city", { kind: "lead", leadId: "a" })).toBeNull();
  });
});
