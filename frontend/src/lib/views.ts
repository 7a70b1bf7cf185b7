// Saved views of the leads list: what a view stores (the page's URL query and the visible
// columns) and how the page tells which view it is showing.
import type { VisibilityState } from "@tanstack/react-table";

/** The leads table's columns, in their order (ids are what a view stores). */
export const LEAD_COLUMNS = {
  name: "Name",
  email: "Email",
  company: "Company",
  job_title: "Job title",
  stage: "Stage",
  owner: "Owner",
  source: "Source",
  tags: "Tags",
  score: "Score",
  value: "Value",
  verification: "Email status",
  created: "Created",
  updated: "Updated",
} as const;

export type LeadColumn = keyof typeof LEAD_COLUMNS;
const COLUMN_IDS = Object.keys(LEAD_COLUMNS) as LeadColumn[];

export interface SavedViewLike {
  id: string;
  name: string;
  query: string;
  columns?: string[] | null;
}

/** The visible columns, in table order. */
export function visibleColumns(visibility: VisibilityState): LeadColumn[] {
  return COLUMN_IDS.filter((id) => visibility[id] !== false);
}

/** The table's visibility for a view's columns (unknown ids, from an older app, are ignored). */
export function visibilityFor(columns: readonly string[]): VisibilityState {
  return Object.fromEntries(COLUMN_IDS.map((id) => [id, columns.includes(id)]));
}

/** The same query whatever the key order ("?" or not): what the page has and what a view says. */
export function canonicalQuery(query: string): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const pairs = [...params.entries()].filter(([, value]) => value.trim() !== "");
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}

/** The view the page shows now: same query, and same columns when the view stores them. */
export function currentView<V extends SavedViewLike>(
  views: readonly V[],
  search: string,
  visibility: VisibilityState,
  preferId?: string | null,
): V | undefined {
  const query = canonicalQuery(search);
  const columns = visibleColumns(visibility).join(",");
  const matches = views.filter(
    (view) => canonicalQuery(view.query) === query && (!view.columns || view.columns.join(",") === columns),
  );
  return matches.find((view) => view.id === preferId) ?? matches[0];
}

/** A name for "Save view" that the member does not have yet ("Hot leads (2)"). */
export function freeName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
