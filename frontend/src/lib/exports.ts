// The export dialog's logic: which formats a preset allows, how the file is made (a direct
// download for small sets, a job for large ones), and the download's query.

export const FORMATS = ["csv", "xlsx", "json", "ndjson", "xml"] as const;
export const PRESETS = ["hubspot", "salesforce", "pipedrive"] as const;
export type ExportFormat = (typeof FORMATS)[number];
export type ExportPreset = (typeof PRESETS)[number];

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: "CSV",
  xlsx: "Excel (XLSX)",
  json: "JSON",
  ndjson: "NDJSON",
  xml: "XML",
};
export const PRESET_LABELS: Record<ExportPreset, string> = {
  hubspot: "HubSpot",
  salesforce: "Salesforce",
  pipedrive: "Pipedrive",
};

/** Above these, the file is made by a background job (an XLSX is assembled whole before its
 * download starts, so it goes to a job sooner). */
export const DIRECT_LIMIT: Record<ExportFormat, number> = {
  csv: 20_000,
  json: 20_000,
  ndjson: 20_000,
  xml: 20_000,
  xlsx: 5_000,
};

/** Ticked rows travel in the download's URL, which holds about 200 ids; more go to a job. */
export const MAX_URL_IDS = 200;

/** `null` count: not known, take the job (it never times out). */
export function exportPlan(count: number | null, format: ExportFormat, ids?: readonly string[]): "direct" | "job" {
  if (ids && ids.length > MAX_URL_IDS) return "job";
  return count !== null && count <= DIRECT_LIMIT[format] ? "direct" : "job";
}

/** Presets make CSV or XLSX only (the API refuses the others). */
export function formatsFor(preset: ExportPreset | ""): readonly ExportFormat[] {
  return preset ? ["csv", "xlsx"] : FORMATS;
}

export interface ExportChoice {
  format: ExportFormat;
  preset: ExportPreset | "";
  /** Field keys in order; `null` = every field. */
  fields: string[] | null;
  labels: boolean;
  /** Only these leads (the ticked rows); `null` = every lead matching the filters. */
  ids?: string[] | null;
}

/** The query string of GET /exports/leads: the options, then the leads list's filters. */
export function exportQuery(choice: ExportChoice, filters: Record<string, string | number>): URLSearchParams {
  const params = new URLSearchParams({ format: choice.format });
  if (choice.preset) params.set("preset", choice.preset);
  if (choice.fields) params.set("fields", choice.fields.join(","));
  if (choice.labels) params.set("headers", "labels");
  if (choice.ids?.length) params.set("ids", choice.ids.join(","));
  for (const [key, value] of Object.entries(filters)) params.set(key, String(value));
  return params;
}

/** The body of POST /exports: the same choice, filters under `filter`. */
export function exportBody(choice: ExportChoice, filters: Record<string, string | number>) {
  return {
    format: choice.format,
    ...(choice.preset ? { preset: choice.preset } : {}),
    ...(choice.fields ? { fields: choice.fields } : {}),
    headers: choice.labels ? ("labels" as const) : ("keys" as const),
    ...(choice.ids?.length ? { ids: choice.ids } : {}),
    filter: filters,
  };
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}
