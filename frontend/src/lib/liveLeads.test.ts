import { describe, expect, it } from "vitest";
import type { LiveEvent } from "./liveEvents";
import { alreadyShown, bannerText, listActionFor, takeRefetches } from "./liveLeads";

const shownRows: Record<string, string> = { a: "2025-01-31T09:00:00Z", b: "2025-01-31T09:00:00.500000Z" };
const rowVersion = (id: string) => shownRows[id];
const me = "user-me";

function event(type: string, fields: Partial<LiveEvent> & Record<string, unknown> = {}): LiveEvent {
  return { id: "e", type, ...fields };
}

describe("listActionFor", () => {
  it("refetches a lead on screen that someone changed or moved", () => {
    const later = { updated_at: "2025-01-31T09:00:01Z", actor_user_id: "other" };
    expect(listActionFor(event("lead.updated", { lead_id: "a", ...later }), rowVersion, me)).toEqual({
      kind: "refetch",
      id: "a",
    });
    expect(listActionFor(event("lead.moved", { lead_id: "b", ...later }), rowVersion, me).kind).toBe("refetch");
  });

  it("skips what the row already shows (the echo of this tab's own edit)", () => {
    const echo = event("lead.updated", { lead_id: "b", updated_at: "2025-01-31T09:00:00.500000Z", actor_user_id: me });
    expect(listActionFor(echo, rowVersion, me)).toEqual({ kind: "none" });
  });

  it("marks a lead on screen deleted or merged as gone, without moving the rows", () => {
    expect(listActionFor(event("lead.deleted", { lead_id: "a" }), rowVersion, me)).toEqual({
      kind: "gone",
      id: "a",
      mergedInto: null,
    });
    expect(listActionFor(event("lead.merged", { lead_id: "a", merged_into_id: "b" }), rowVersion, me)).toEqual({
      kind: "gone",
      id: "a",
      mergedInto: "b",
    });
  });

  it("counts new leads and bulk changes for the banner", () => {
    expect(listActionFor(event("lead.created", { lead_id: "n", actor_user_id: "other" }), rowVersion, me)).toEqual({
      kind: "count",
      count: 1,
    });
    // A job's import: no actor.
    expect(listActionFor(event("leads.changed", { count: 250, actor_user_id: null }), rowVersion, me)).toEqual({
      kind: "count",
      count: 250,
    });
    expect(listActionFor(event("leads.changed", {}), rowVersion, me)).toEqual({ kind: "count", count: 1 });
    expect(listActionFor(event("lead.restored", { lead_id: "n" }), rowVersion, me)).toEqual({
      kind: "count",
      count: 1,
    });
  });

  it("leaves out this user's own new leads and changes to leads not on screen", () => {
    expect(listActionFor(event("lead.created", { lead_id: "n", actor_user_id: me }), rowVersion, me).kind).toBe("none");
    expect(listActionFor(event("lead.updated", { lead_id: "elsewhere" }), rowVersion, me).kind).toBe("none");
    expect(listActionFor(event("lead.deleted", { lead_id: "elsewhere" }), rowVersion, me).kind).toBe("none");
    expect(listActionFor(event("lead.updated", {}), rowVersion, me).kind).toBe("none");
  });
});

describe("helpers", () => {
  it("compares versions as times, not as text", () => {
    expect(alreadyShown("2025-01-31T09:00:00.500000Z", event("x", { updated_at: "2025-01-31T09:00:00.4Z" }))).toBe(
      true,
    );
    expect(alreadyShown("2025-01-31T09:00:00Z", event("x", { updated_at: "2025-01-31T09:00:00.001Z" }))).toBe(false);
    expect(alreadyShown(undefined, event("x", { updated_at: "2025-01-31T09:00:00Z" }))).toBe(false);
    expect(alreadyShown("2025-01-31T09:00:00Z", event("x"))).toBe(false);
  });

  it("words the banner", () => {
    expect(bannerText(1)).toBe("1 new or changed lead");
    expect(bannerText(1200)).toBe(`${(1200).toLocaleString()} new or changed leads`);
    expect(bannerText(0)).toBe("Leads may have changed");
  });

  it("refetches a few rows and counts the rest", () => {
    expect(takeRefetches(new Set(["a", "b", "c"]), 2)).toEqual({ ids: ["a", "b"], overflow: 1 });
    expect(takeRefetches(new Set(["a"]), 2)).toEqual({ ids: ["a"], overflow: 0 });
  });
});
