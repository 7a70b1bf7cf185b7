// The merge dialog's state: for each field where the leads disagree, which value survives
// (a strategy, one lead's value, or one typed by hand), and the request it becomes.
import type { Lead, Schemas } from "../api/client";

export type MergeField =
  | "first_name"
  | "last_name"
  | "email"
  | "phone"
  | "job_title"
  | "company_name"
  | "website"
  | "city"
  | "country"
  | "value";

export const MERGE_FIELDS: { key: MergeField; label: string }[] = [
  { key: "first_name", label: "First name" },
  { key: "last_name", label: "Last name" },
  { key: "email", label: "Email" },
  { key: "phone", label: "Phone" },
  { key: "job_title", label: "Job title" },
  { key: "company_name", label: "Company" },
  { key: "website", label: "Website" },
  { key: "city", label: "City" },
  { key: "country", label: "Country" },
  { key: "value", label: "Value" },
];

export type Strategy = "most_recent" | "most_complete";
export type Choice = { kind: "lead"; leadId: string } | { kind: Strategy } | { kind: "manual"; value: string };

export interface MergeState {
  survivorId: string;
  choices: Partial<Record<MergeField, Choice>>;
}

type MergeLead = Pick<Lead, "id" | "updated_at" | Exclude<MergeField, "phone"> | "phone_raw" | "phone_e164">;

export function valueOf(lead: MergeLead, field: MergeField): string {
  if (field === "phone") return lead.phone_raw ?? lead.phone_e164 ?? "";
  if (field === "value") return lead.value === null || lead.value === undefined ? "" : String(lead.value);
  return lead[field] ?? "";
}

/** The fields on which the leads disagree (and at least one has a value): the ones to choose. */
export function differingFields(leads: MergeLead[]): MergeField[] {
  return MERGE_FIELDS.map((f) => f.key).filter((field) => {
    const values = new Set(leads.map((l) => valueOf(l, field).trim()));
    return values.size > 1;
  });
}

/** The starting choice: the survivor's value, or the other's where the survivor has none. */
export function initialState(leads: MergeLead[], survivorId: string): MergeState {
  const survivor = leads.find((l) => l.id === survivorId) ?? leads[0]!;
  const choices: MergeState["choices"] = {};
  for (const field of differingFields(leads)) {
    const from = valueOf(survivor, field).trim() ? survivor : (leads.find((l) => valueOf(l, field).trim()) ?? survivor);
    choices[field] = { kind: "lead", leadId: from.id };
  }
  return { survivorId: survivor.id, choices };
}

/** Another survivor: choices that pointed at "the survivor's value" follow it. */
export function withSurvivor(state: MergeState, leads: MergeLead[], survivorId: string): MergeState {
  const fresh = initialState(leads, survivorId);
  const choices: MergeState["choices"] = { ...fresh.choices };
  for (const [field, choice] of Object.entries(state.choices) as [MergeField, Choice][]) {
    const wasDefault = choice.kind === "lead" && choice.leadId === state.survivorId;
    if (!wasDefault) choices[field] = choice;
  }
  return { survivorId, choices };
}

export function choose(state: MergeState, field: MergeField, choice: Choice): MergeState {
  return { ...state, choices: { ...state.choices, [field]: choice } };
}

/** The value a choice will give the surviving lead, as the API decides it. */
export function resultOf(choice: Choice, leads: MergeLead[], field: MergeField): string {
  switch (choice.kind) {
    case "lead": {
      const lead = leads.find((l) => l.id === choice.leadId);
      return lead ? valueOf(lead, field) : "";
    }
    case "manual":
      return choice.value;
    case "most_recent": {
      const withValue = leads.filter((l) => valueOf(l, field).trim());
      withValue.sort((a, b) => b.updated_at.localeCompare(a.updated_at));
      return withValue[0] ? valueOf(withValue[0], field) : "";
    }
    case "most_complete":
      return leads.map((l) => valueOf(l, field)).reduce((a, b) => (b.trim().length > a.trim().length ? b : a), "");
  }
}

/** A manual value the API would refuse before it is sent (a number field with text in it). */
export function manualProblem(field: MergeField, choice: Choice | undefined): string | null {
  if (choice?.kind !== "manual") return null;
  if (field === "value" && choice.value.trim() && !/^-?\d+$/.test(choice.value.trim())) return "Enter a whole number.";
  if ((field === "first_name" || field === "last_name") && !choice.value.trim()) return "A name cannot be empty.";
  return null;
}

/** POST /merges: the survivor, the leads merged into it, and one choice per differing field. */
export function mergeRequest(state: MergeState, leads: MergeLead[]): Schemas["MergeCreate"] {
  const fields: Schemas["MergeCreate"]["fields"] = {};
  for (const [field, choice] of Object.entries(state.choices) as [MergeField, Choice][]) {
    if (choice.kind === "lead") fields[field] = choice.leadId;
    else if (choice.kind === "manual") {
      const text = choice.value.trim();
      fields[field] = { value: field === "value" ? (text ? Number(text) : null) : text || null };
    } else fields[field] = choice.kind;
  }
  return {
    survivor_id: state.survivorId,
    merged_ids: leads.map((l) => l.id).filter((id) => id !== state.survivorId),
    fields,
    default: "survivor_first",
  };
}
