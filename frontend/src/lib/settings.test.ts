import { describe, expect, it } from "vitest";
import {
  countryCodes,
  droppedOn,
  inOrder,
  inviteLink,
  keyFromLabel,
  keyState,
  moveTargets,
  moved,
  tokenFromHash,
} from "./settings";

const stages = [
  { id: "a", kind: "open" },
  { id: "b", kind: "open" },
  { id: "w", kind: "won" },
  { id: "c", kind: "open" },
];

describe("settings rules", () => {
  it("moves a stage up or down, never past either end", () => {
    expect(moved(stages, 1, -1)).toEqual(["b", "a", "w", "c"]);
    expect(moved(stages, 1, 1)).toEqual(["a", "w", "b", "c"]);
    expect(moved(stages, 0, -1)).toEqual(["a", "b", "w", "c"]);
    expect(moved(stages, 3, 1)).toEqual(["a", "b", "w", "c"]);
  });

  it("puts the invitation token in the link's fragment and reads it back", () => {
    const link = inviteLink("https://crm.example.com/", "a+b/c=d");
    expect(link).toBe("https://crm.example.com/accept-invite#token=a%2Bb%2Fc%3Dd");
    expect(tokenFromHash(new URL(link).hash)).toBe("a+b/c=d");
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#token=")).toBeNull();
    expect(tokenFromHash("#other=1")).toBeNull();
  });

  it("puts a dragged stage in the place of the one it is dropped on", () => {
    expect(droppedOn(stages, "c", "a")).toEqual(["c", "a", "b", "w"]);
    expect(droppedOn(stages, "a", "w")).toEqual(["b", "w", "a", "c"]);
    expect(droppedOn(stages, "a", "a")).toEqual(["a", "b", "w", "c"]);
    expect(droppedOn(stages, "a", "gone")).toEqual(["a", "b", "w", "c"]);
    const positioned = stages.map((s, position) => ({ ...s, position }));
    expect(inOrder(positioned, ["w", "a", "b", "c"]).map((s) => [s.id, s.position])).toEqual([
      ["w", 0],
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
  });

  it("offers the other stages as targets for a deleted stage's leads, open ones first", () => {
    expect(moveTargets(stages, "b").map((s) => s.id)).toEqual(["a", "c", "w"]);
  });

  it("tells an active key from a revoked or expired one", () => {
    const now = Date.parse("2026-03-01T00:00:00Z");
    expect(keyState({ revoked_at: null, expires_at: null }, now)).toBe("active");
    expect(keyState({ revoked_at: "2026-02-01T00:00:00Z", expires_at: null }, now)).toBe("revoked");
    expect(keyState({ revoked_at: null, expires_at: "2026-02-28T00:00:00Z" }, now)).toBe("expired");
    expect(keyState({ revoked_at: null, expires_at: "2026-03-02T00:00:00Z" }, now)).toBe("active");
  });

  it("suggests a custom field key the API accepts", () => {
    expect(keyFromLabel("Seats wanted")).toBe("seats_wanted");
    expect(keyFromLabel("2026 Budget (€)")).toBe("budget");
    expect(keyFromLabel("Größe")).toBe("grosse");
    expect(keyFromLabel("!!!")).toBe("");
    expect(keyFromLabel("a".repeat(80))).toHaveLength(64);
  });

  it("reads country codes", () => {
    expect(countryCodes("de, at ch;DE")).toEqual(["DE", "AT", "CH"]);
    expect(countryCodes("  ")).toEqual([]);
  });
});
