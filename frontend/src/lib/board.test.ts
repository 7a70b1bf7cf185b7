import { describe, expect, it } from "vitest";
import { moveCard } from "./board";

const a = { id: "a", stage_id: "s1", value: 100 };
const b = { id: "b", stage_id: "s1", value: null };
const c = { id: "c", stage_id: "s2", value: 5 };

describe("moveCard", () => {
  it("moves the card to the top of the target column and carries the totals", () => {
    const board = {
      from: [a, b],
      to: [c],
      summary: [
        { stage_id: "s1", count: 2, value: 100 },
        { stage_id: "s2", count: 1, value: 5 },
      ],
    };
    const after = moveCard(board, a, "s1", "s2");
    expect(after.from.map((l) => l.id)).toEqual(["b"]);
    expect(after.to.map((l) => l.id)).toEqual(["a", "c"]);
    expect(after.to[0]!.stage_id).toBe("s2");
    expect(after.summary).toEqual([
      { stage_id: "s1", count: 1, value: 0 },
      { stage_id: "s2", count: 2, value: 105 },
    ]);
    // the snapshot for a rollback is untouched
    expect(board.from.map((l) => l.id)).toEqual(["a", "b"]);
    expect(board.summary[0]).toEqual({ stage_id: "s1", count: 2, value: 100 });
  });

  it("creates the target's total when the column was empty, and counts a lead without value as 0", () => {
    const after = moveCard({ from: [b], to: [], summary: [{ stage_id: "s1", count: 1, value: 0 }] }, b, "s1", "s3");
    expect(after.summary).toEqual([
      { stage_id: "s1", count: 0, value: 0 },
      { stage_id: "s3", count: 1, value: 0 },
    ]);
  });

  it("does nothing when dropped on its own column", () => {
    const board = { from: [a], to: [a], summary: [] };
    expect(moveCard(board, a, "s1", "s1")).toBe(board);
  });
});
