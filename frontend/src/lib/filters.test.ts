import { describe, expect, it } from "vitest";
import {
  DEFAULT_SORT,
  activeFilterCount,
  filtersFromSearch,
  sortFromSearch,
  toApiQuery,
  toSearch,
  type LeadFilters,
} from "./filters";

const STAGE = "01a2015f-097d-7179-8c16-e7e291dcb4c4";

describe("filters in the URL", () => {
  it("round-trips every filter and the order", () => {
    const filters: LeadFilters = {
      q: "ada lovelace",
      stage_id: STAGE,
      owner_id: STAGE,
      source: "import",
      tag: "webinar",
      score_min: 10,
      score_max: 90,
      verification_status: "unverified",
      created_from: "2026-01-01",
      created_to: "2026-01-31",
    };
    const sort = { field: "last_name" as const, descending: false };
    const search = toSearch(filters, sort);
    expect(search.toString()).toBe(
      "q=ada+lovelace&stage=01a2015f-097d-7179-8c16-e7e291dcb4c4&owner=01a2015f-097d-7179-8c16-e7e291dcb4c4" +
        "&source=import&tag=webinar&score_min=10&score_max=90&verification=unverified&from=2026-01-01&to=2026-01-31&sort=last_name",
    );
    const back = new URLSearchParams(search.toString());
    expect(filtersFromSearch(back)).toEqual(filters);
    expect(sortFromSearch(back)).toEqual(sort);
  });

  it("leaves defaults and empty values out", () => {
    expect(toSearch({ q: "", tag: undefined }, DEFAULT_SORT).toString()).toBe("");
    expect(toSearch({ score_min: 0 }).toString()).toBe("score_min=0");
  });

  it("ignores malformed values from a hand-edited link", () => {
    const params = new URLSearchParams(
      "stage=not-a-uuid&source=fax&score_min=ten&score_max=1.5&verification=maybe&from=2026-13-45&to=yesterday&sort=-password&q=%20%20",
    );
    expect(filtersFromSearch(params)).toEqual({});
    expect(sortFromSearch(params)).toEqual(DEFAULT_SORT);
  });

  it("reads a descending sort", () => {
    expect(sortFromSearch(new URLSearchParams("sort=-updated_at"))).toEqual({ field: "updated_at", descending: true });
  });
});

describe("filters for the API", () => {
  it("turns days into UTC instants with an inclusive end day", () => {
    expect(toApiQuery({ created_from: "2026-02-28", created_to: "2026-02-28", tag: "VIP", score_min: 0 })).toEqual({
      created_from: "2026-02-28T00:00:00Z",
      created_to: "2026-03-01T00:00:00Z",
      tag: "vip",
      score_min: 0,
    });
    expect(toApiQuery({ created_to: "2026-12-31" }).created_to).toBe("2027-01-01T00:00:00Z");
  });

  it("counts the filters apart from the search", () => {
    expect(activeFilterCount({ q: "x", source: "api", tag: "a" })).toBe(2);
  });
});
