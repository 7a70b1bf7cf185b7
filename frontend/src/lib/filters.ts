// The leads list's filters and order, to and from the page's URL (so a view can be shared),
// and to the API's query parameters.

export const SOURCES = ["form", "email", "import", "api", "crawl", "manual"] as const;
export const VERIFICATION = ["valid", "invalid", "accept_all", "disposable", "unknown", "unverified"] as const;
export const SORTABLE = ["created_at", "updated_at", "first_name", "last_name"] as const;

export type Source = (typeof SOURCES)[number];
export type Verification = (typeof VERIFICATION)[number];
export type SortField = (typeof SORTABLE)[number];

export interface LeadFilters {
  q?: string;
  stage_id?: string;
  owner_id?: string;
  source?: Source;
  tag?: string;
  score_min?: number;
  score_max?: number;
  verification_status?: Verification;
  created_from?: string; // YYYY-MM-DD, inclusive
  created_to?: string; // YYYY-MM-DD, inclusive
}

export interface Sort {
  field: SortField;
  descending: boolean;
}

export const DEFAULT_SORT: Sort = { field: "created_at", descending: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function integer(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
}

function text(value: string | null, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

function day(value: string | null): string | undefined {
  return value && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** Reads what the URL says, ignoring anything malformed (a hand-edited link never breaks the page). */
export function filtersFromSearch(params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = {
    q: text(params.get("q"), 200),
    stage_id: UUID.test(params.get("stage") ?? "") ? params.get("stage")! : undefined,
    owner_id: UUID.test(params.get("owner") ?? "") ? params.get("owner")! : undefined,
    source: oneOf(SOURCES, params.get("source")),
    tag: text(params.get("tag"), 64),
    score_min: integer(params.get("score_min")),
    score_max: integer(params.get("score_max")),
    verification_status: oneOf(VERIFICATION, params.get("verification")),
    created_from: day(params.get("from")),
    created_to: day(params.get("to")),
  };
  return compact(filters);
}

export function sortFromSearch(params: URLSearchParams): Sort {
  const raw = params.get("sort") ?? "";
  const descending = raw.startsWith("-");
  const field = oneOf(SORTABLE, descending ? raw.slice(1) : raw);
  return field ? { field, descending } : DEFAULT_SORT;
}

const URL_KEYS: Record<keyof LeadFilters, string> = {
  q: "q",
  stage_id: "stage",
  owner_id: "owner",
  source: "source",
  tag: "tag",
  score_min: "score_min",
  score_max: "score_max",
  verification_status: "verification",
  created_from: "from",
  created_to: "to",
};

/** The URL's query for these filters and order, in a stable key order; defaults are left out. */
export function toSearch(filters: LeadFilters, sort: Sort = DEFAULT_SORT): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(URL_KEYS) as (keyof LeadFilters)[]) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(URL_KEYS[key], String(value));
  }
  if (sort.field !== DEFAULT_SORT.field || sort.descending !== DEFAULT_SORT.descending) {
    params.set("sort", sortParam(sort));
  }
  return params;
}

export function sortParam(sort: Sort): string {
  return `${sort.descending ? "-" : ""}${sort.field}`;
}

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The API's query: dates become UTC instants (`to` is inclusive of its whole day). */
export function toApiQuery(filters: LeadFilters): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters) as [keyof LeadFilters, string | number | undefined][]) {
    if (value === undefined || value === "") continue;
    if (key === "created_from") query[key] = `${value}T00:00:00Z`;
    else if (key === "created_to") query[key] = `${nextDay(String(value))}T00:00:00Z`;
    else if (key === "tag") query[key] = String(value).toLowerCase();
    else query[key] = value;
  }
  return query;
}

export function compact(filters: LeadFilters): LeadFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ""),
  ) as LeadFilters;
}

export function activeFilterCount(filters: LeadFilters): number {
  return Object.keys(compact(filters)).filter((key) => key !== "q").length;
}
