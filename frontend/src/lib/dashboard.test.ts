import { describe, expect, it } from "vitest";
import {
  barWidth,
  bucketFor,
  percent,
  presetRange,
  rangeFromSearch,
  rangeToSearch,
  spanDays,
  timeSeries,
  withDay,
  MAX_RANGE_DAYS,
} from "./dashboard";

const today = new Date("2026-03-31T15:00:00Z");

describe("the dashboard's range", () => {
  it("defaults to the last 30 days, both ends included", () => {
    expect(rangeFromSearch(new URLSearchParams(), today)).toEqual({
      start: "2026-03-02",
      end: "2026-03-31",
      preset: "30d",
    });
    expect(spanDays(presetRange("7d", today))).toBe(7);
  });

  it("reads a preset or a custom range from the URL and writes it back", () => {
    const preset = rangeFromSearch(new URLSearchParams("range=90d"), today);
    expect(preset.start).toBe("2026-01-01");
    expect(rangeToSearch(preset)).toEqual({ range: "90d" });
    const custom = rangeFromSearch(new URLSearchParams("from=2026-02-01&to=2026-02-28"), today);
    expect(custom).toEqual({ start: "2026-02-01", end: "2026-02-28", preset: "custom" });
    expect(rangeToSearch(custom)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("ignores a malformed, impossible, inverted or too long range", () => {
    for (const search of [
      "from=2026-02-30&to=2026-03-01",
      "from=2026-03-10&to=2026-03-01",
      "from=yesterday&to=2026-03-01",
      "from=2000-01-01&to=2026-03-01",
      "range=forever",
    ]) {
      expect(rangeFromSearch(new URLSearchParams(search), today).preset).toBe("30d");
    }
  });

  it("moves the other end when a hand-picked day would invert the range or make it too long", () => {
    const range = { start: "2026-03-01", end: "2026-03-31", preset: "30d" as const };
    expect(withDay(range, "start", "2026-03-10")).toEqual({ start: "2026-03-10", end: "2026-03-31", preset: "custom" });
    expect(withDay(range, "start", "2026-04-10")).toEqual({ start: "2026-04-10", end: "2026-04-10", preset: "custom" });
    expect(withDay(range, "end", "2026-02-01")).toEqual({ start: "2026-02-01", end: "2026-02-01", preset: "custom" });
    const long = withDay(range, "start", "2010-01-01")!;
    expect(long.start).toBe("2010-01-01");
    expect(spanDays(long)).toBe(MAX_RANGE_DAYS);
    expect(withDay(range, "end", "")).toBeUndefined();
    expect(withDay(range, "end", "2026-02-31")).toBeUndefined();
  });

  it("chooses a bucket that keeps the chart readable", () => {
    expect(bucketFor({ start: "2026-03-01", end: "2026-03-31" })).toBe("day");
    expect(bucketFor({ start: "2026-01-01", end: "2026-03-31" })).toBe("week");
    expect(bucketFor({ start: "2024-01-01", end: "2026-03-31" })).toBe("month");
  });
});

describe("chart shapes", () => {
  it("turns periods into a column per source, zero where a source had no leads", () => {
    const { x, series } = timeSeries(
      [
        { period: "2026-03-02", total: 3, by_source: { form: 2, import: 1 } },
        { period: "2026-03-03", total: 1, by_source: { form: 1 } },
      ],
      ["form", "import"],
    );
    expect(x).toEqual([Date.UTC(2026, 2, 2) / 1000, Date.UTC(2026, 2, 3) / 1000]);
    expect(series).toEqual([
      { label: "All sources", values: [3, 1] },
      { label: "form", values: [2, 1] },
      { label: "import", values: [1, 0] },
    ]);
  });

  it("formats ratios and bar widths", () => {
    expect(percent(0.6667)).toMatch(/66[.,]7%/);
    expect(percent(null)).toBe("—");
    expect(barWidth(0, 10)).toBe(0);
    expect(barWidth(1, 10_000)).toBe(1);
    expect(barWidth(5, 10)).toBe(50);
    expect(barWidth(3, 0)).toBe(0);
  });
});
