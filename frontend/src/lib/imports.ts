// The import wizard's logic: the column mapping (suggestions, presets, problems), the options
// the API accepts together, and the run's progress as the job reports it.

export type Mapping = Record<string, string | null>;

/** Lead fields a column can fill (docs/import.md), with the labels the wizard shows. */
export const LEAD_FIELDS: readonly { key: string; label: string }[] = [
  { key: "first_name", label: "First name" },
  { key: "last_name", label: "Last name" },
  { key: "full_name", label: "Full name (split)" },
  { key: "email", label: "Email" },
  { key: "phone", label: "Phone" },
  { key: "company_name", label: "Company" },
  { key: "website", label: "Website" },
  { key: "job_title", label: "Job title" },
  { key: "city", label: "City" },
  { key: "country", label: "Country" },
  { key: "external_id", label: "External ID" },
  { key: "lifecycle", label: "Lifecycle stage" },
  { key: "value", label: "Deal value" },
  { key: "do_not_contact", label: "Do not contact" },
  { key: "tags", label: "Tags" },
  { key: "notes", label: "Notes (timeline)" },
  { key: "utm_source", label: "UTM source" },
  { key: "utm_medium", label: "UTM medium" },
  { key: "utm_campaign", label: "UTM campaign" },
  { key: "utm_term", label: "UTM term" },
  { key: "utm_content", label: "UTM content" },
];

export const MODES = ["upsert", "create", "update"] as const;
export const POLICIES = ["fill_empty", "overwrite", "skip", "review"] as const;
export type Mode = (typeof MODES)[number];
export type Policy = (typeof POLICIES)[number];

export const MODE_LABELS: Record<Mode, string> = {
  upsert: "Create and update leads",
  create: "Only create new leads",
  update: "Only update existing leads",
};
export const POLICY_LABELS: Record<Policy, string> = {
  fill_empty: "Fill in empty fields only",
  overwrite: "Overwrite with the file's values",
  skip: "Skip the row",
  review: "Create it, flag for review",
};

/** The duplicate policies that make sense with a mode (the API refuses the others). */
export function policiesFor(mode: Mode): Policy[] {
  if (mode === "create") return ["skip", "review"];
  if (mode === "update") return ["fill_empty", "overwrite"];
  return [...POLICIES];
}

/** The policy kept when the mode changes: the same one if allowed, else the mode's first. */
export function policyAfterModeChange(mode: Mode, policy: Policy): Policy {
  const allowed = policiesFor(mode);
  return allowed.includes(policy) ? policy : allowed[0]!;
}

/** Every column of the file, with its suggested target (or none). */
export function initialMapping(columns: string[], suggested: Record<string, unknown>): Mapping {
  const mapping: Mapping = {};
  for (const column of columns) {
    const target = suggested[column];
    mapping[column] = typeof target === "string" && target ? target : null;
  }
  return mapping;
}

/** A preset's mapping over the file's columns: its target where it names the column, the
 * current choice elsewhere (a preset made for a file of another shape still helps). */
export function applyPreset(current: Mapping, preset: Record<string, unknown>): Mapping {
  const next: Mapping = { ...current };
  for (const column of Object.keys(current)) {
    if (column in preset) {
      const target = preset[column];
      next[column] = typeof target === "string" && target ? target : null;
    }
  }
  return next;
}

/** Targets chosen for more than one column (the API refuses a field given twice). */
export function duplicateTargets(mapping: Mapping): string[] {
  const seen = new Map<string, number>();
  for (const target of Object.values(mapping)) {
    if (target) seen.set(target, (seen.get(target) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([target]) => target);
}

const IDENTIFYING = ["first_name", "last_name", "full_name", "email", "phone", "company_name"];

/** What stops a mapping before the API is asked: nothing mapped that identifies a person, or
 * a field mapped twice. */
export function mappingProblems(mapping: Mapping, labelOf: (target: string) => string = (t) => t): string[] {
  const problems: string[] = [];
  const targets = Object.values(mapping).filter((t): t is string => !!t);
  if (!targets.length) problems.push("Map at least one column.");
  else if (!targets.some((t) => IDENTIFYING.includes(t)))
    problems.push("Map a column to a name, email, phone or company: without one, no row can make a lead.");
  for (const target of duplicateTargets(mapping))
    problems.push(`${labelOf(target)} is chosen for more than one column.`);
  return problems;
}

export type RunStatus =
  "uploaded" | "queued" | "running" | "succeeded" | "failed" | "cancelled" | "reverting" | "reverted" | "revert_failed";

const ACTIVE: readonly string[] = ["queued", "running", "reverting"];

/** The run is still changing: keep polling it. */
export function isActive(status: string): boolean {
  return ACTIVE.includes(status);
}

export function canRevert(status: string, dryRun: boolean): boolean {
  return !dryRun && ["succeeded", "failed", "cancelled", "revert_failed"].includes(status);
}

export interface RunProgress {
  percent: number;
  read: number;
  created: number;
  updated: number;
  skipped: number;
  review: number;
  failed: number;
  warnings: number;
}

function count(counts: Record<string, number> | undefined, key: string): number {
  const value = counts?.[key];
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** The bar and the counters: the job's percent (whole, 0 to 100; 100 once it finished well)
 * and its counts, missing ones as 0. */
export function runProgress(run: { status: string; progress: number; counts?: Record<string, number> }): RunProgress {
  const raw = Number.isFinite(run.progress) ? run.progress : 0;
  const percent = run.status === "succeeded" ? 100 : Math.max(0, Math.min(100, Math.floor(raw)));
  const c = run.counts;
  return {
    percent,
    read: count(c, "read"),
    created: count(c, "created"),
    updated: count(c, "updated"),
    skipped: count(c, "skipped"),
    review: count(c, "review"),
    failed: count(c, "failed"),
    warnings: count(c, "warnings"),
  };
}
