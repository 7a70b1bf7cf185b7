// The dashboard's date range (in the URL, so a view can be shared) and the shapes its charts
// draw, from the analytics API's answers.

export type Bucket = "day" | "week" | "month";

export const PRESETS = [
  { id: "7d", label: "Last 7 days", days: 7 },
  { id: "30d", label: "Last 30 days", days: 30 },
  { id: "90d", label: "Last 90 days", days: 90 },
  { id: "365d", label: "Last 12 months", days: 365 },
] as const;

export type PresetId = (typeof PRESETS)[number]["id"];

export interface DashboardRange {
  start: string; // YYYY-MM-DD, UTC, inclusive
  end: string; // YYYY-MM-DD, UTC, inclusive
  preset: PresetId | "custom";
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** The API's limit: a range spans at most this many days. */
export const MAX_RANGE_DAYS = 366 * 5;

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parseDay(value: string | null): Date | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || isoDay(date) !== value ? undefined : date;
}

export function spanDays(range: { start: string; end: string }): number {
  return Math.round((Date.parse(`${range.end}T00:00:00Z`) - Date.parse(`${range.start}T00:00:00Z`)) / DAY_MS) + 1;
}

export function presetRange(preset: PresetId, today: Date = new Date()): DashboardRange {
  const days = PRESETS.find((p) => p.id === preset)!.days;
  const end = isoDay(today);
  return { start: isoDay(new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * DAY_MS)), end, preset };
}

/** Reads the URL (`range=30d`, or `from` and `to`); anything malformed falls back to the last 30 days. */
export function rangeFromSearch(params: URLSearchParams, today: Date = new Date()): DashboardRange {
  const start = parseDay(params.get("from"));
  const end = parseDay(params.get("to"));
  if (start && end && start <= end && spanDays({ start: isoDay(start), end: isoDay(end) }) <= MAX_RANGE_DAYS) {
    return { start: isoDay(start), end: isoDay(end), preset: "custom" };
  }
  const preset = PRESETS.find((p) => p.id === params.get("range"));
  return presetRange(preset?.id ?? "30d", today);
}

export function rangeToSearch(range: DashboardRange): Record<string, string> {
  return range.preset === "custom" ? { from: range.start, to: range.end } : { range: range.preset };
}

/** Days up to two months, weeks up to a year, months beyond (a readable number of points). */
export function bucketFor(range: { start: string; end: string }): Bucket {
  const days = spanDays(range);
  return days <= 62 ? "day" : days <= 366 ? "week" : "month";
}

export interface Period {
  period: string;
  total: number;
  by_source: Record<string, number | undefined>;
}

/** Columns for a time chart: x in seconds (UTC midnight of each bucket), then one row per series. */
export function timeSeries(
  periods: Period[],
  sources: string[],
): { x: number[]; series: { label: string; values: number[] }[] } {
  return {
    x: periods.map((p) => Date.parse(`${p.period}T00:00:00Z`) / 1000),
    series: [
      { label: "All sources", values: periods.map((p) => p.total) },
      ...sources.map((source) => ({ label: source, values: periods.map((p) => p.by_source[source] ?? 0) })),
    ],
  };
}

export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return "—";
  return `${(ratio * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
}

/** A bar's width as a share of the largest value (0-100), never a sliver below 1% for a non-zero value. */
export function barWidth(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.round((value / max) * 1000) / 10);
}

/** The range with one end changed by hand; the other end follows when the range would be
 * inverted or longer than the API allows. Undefined for an incomplete or impossible day. */
export function withDay(range: DashboardRange, key: "start" | "end", value: string): DashboardRange | undefined {
  const day = parseDay(value);
  if (!day) return undefined;
  const next: DashboardRange = { ...range, [key]: value, preset: "custom" };
  const limit = (MAX_RANGE_DAYS - 1) * DAY_MS;
  if (next.end < next.start) {
    next[key === "start" ? "end" : "start"] = value;
  } else if (spanDays(next) > MAX_RANGE_DAYS) {
    if (key === "start") next.end = isoDay(new Date(day.getTime() + limit));
    else next.start = isoDay(new Date(day.getTime() - limit));
  }
  return next;
}
