import { describe, expect, it } from "vitest";
import { parseDraft, patchLeadPages } from "./leadEdits";

const pages = {
  pages: [
    {
      items: [
        { id: "a", value: 1 },
        { id: "b", value: 2 },
      ],
      nextCursor: "x",
    },
    { items: [{ id: "c", value: 3 }], nextCursor: null },
  ],
  pageParams: [undefined, "x"],
};

describe("table edits", () => {
  it("changes the one lead in whichever page holds it, and nothing else", () => {
    const next = patchLeadPages(pages, "c", { value: 30 });
    expect(next.pages[1]!.items).toEqual([{ id: "c", value: 30 }]);
    expect(next.pages[0]).toBe(pages.pages[0]);
    expect(pages.pages[1]!.items[0]!.value).toBe(3); // the snapshot for a rollback is untouched
  });

  it("leaves other cached shapes and unknown leads alone", () => {
    expect(patchLeadPages(pages, "zzz", { value: 1 })).toBe(pages);
    const detail = { id: "c", value: 3 };
    expect(patchLeadPages(detail, "c", { value: 1 })).toBe(detail);
    expect(patchLeadPages(undefined, "c", { value: 1 })).toBeUndefined();
  });

  it("reads a draft: numbers whole and not negative, empty means none", () => {
    expect(parseDraft("number", " 1200 ")).toEqual({ value: 1200 });
    expect(parseDraft("number", "")).toEqual({ value: null });
    expect(parseDraft("number", "12.5")).toHaveProperty("error");
    expect(parseDraft("number", "-1")).toHaveProperty("error");
    expect(parseDraft("number", "abc")).toHaveProperty("error");
    expect(parseDraft("text", "  CTO ")).toEqual({ value: "CTO" });
    expect(parseDraft("text", "  ")).toEqual({ value: null });
  });
});
