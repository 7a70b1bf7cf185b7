import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Badge, Button, ErrorAlert, SelectField, TextField, inputClass, type Tone } from "../components/ui";
import {
  LEAD_FIELDS,
  MODES,
  MODE_LABELS,
  POLICY_LABELS,
  applyPreset,
  initialMapping,
  mappingProblems,
  policiesFor,
  policyAfterModeChange,
  type Mapping,
  type Mode,
  type Policy,
} from "../lib/imports";
import { useWorkspace } from "../session";

type Run = Schemas["ImportRead"];
type Uploaded = Schemas["ImportUploaded"];
type Preview = Schemas["PreviewRead"];
type Options = Schemas["ImportOptions"];

const DECISION_TONES: Record<string, Tone> = {
  create: "green",
  update: "sky",
  skip: "slate",
  review: "amber",
  fail: "red",
};
const MATCH_CHOICES: Record<string, string[] | null> = {
  auto: null,
  email: ["email"],
  external_id: ["external_id"],
  phone: ["phone"],
  name_company: ["first_name", "last_name", "company_name"],
};
const MATCH_LABELS: Record<string, string> = {
  auto: "Automatic (email, ID or phone)",
  email: "Email",
  external_id: "External ID",
  phone: "Phone",
  name_company: "Name and company",
};

interface OptionState {
  mode: Mode;
  policy: Policy;
  match: string;
  tags: string;
  region: string;
  dateOrder: "dmy" | "mdy";
  checkProbable: boolean;
}

function toOptions(state: OptionState): Options {
  const tags = state.tags
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    mode: state.mode,
    duplicate_policy: state.policy,
    match_on: MATCH_CHOICES[state.match] ?? null,
    tags,
    default_region: state.region.trim() || null,
    date_order: state.dateOrder,
    check_probable: state.checkProbable,
  } as Options;
}

function fromOptions(options: Record<string, unknown>): OptionState {
  const mode = (MODES as readonly string[]).includes(String(options.mode)) ? (options.mode as Mode) : "upsert";
  const policy = policyAfterModeChange(mode, (options.duplicate_policy as Policy) ?? "fill_empty");
  const matchOn = JSON.stringify(options.match_on ?? null);
  const match = Object.entries(MATCH_CHOICES).find(([, v]) => JSON.stringify(v) === matchOn)?.[0] ?? "auto";
  return {
    mode,
    policy,
    match,
    tags: Array.isArray(options.tags) ? options.tags.join(", ") : "",
    region: typeof options.default_region === "string" ? options.default_region : "",
    dateOrder: options.date_order === "mdy" ? "mdy" : "dmy",
    checkProbable: options.check_probable !== false,
  };
}

export function MappingStep({
  run,
  uploaded,
  onCancel,
}: {
  run: Run;
  uploaded: Uploaded | null;
  onCancel: () => void;
}) {
  const workspace = useWorkspace();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<Mapping>(() => initialMapping(run.columns, run.mapping));
  const [options, setOptions] = useState<OptionState>(() => fromOptions(run.options));
  const [presetName, setPresetName] = useState("");
  const customFields = useQuery({
    queryKey: ["custom-fields", workspace],
    queryFn: () => unwrap(api.GET("/api/v1/custom-fields")),
    staleTime: 60_000,
  });
  const presets = useQuery({
    queryKey: ["import-presets", workspace],
    queryFn: () => unwrap(api.GET("/api/v1/import-presets")),
  });

  const labels = useMemo(() => {
    const map = new Map(LEAD_FIELDS.map((f) => [f.key, f.label]));
    for (const field of customFields.data ?? []) map.set(`custom:${field.key}`, field.label);
    return map;
  }, [customFields.data]);
  const labelOf = (target: string) => labels.get(target) ?? target;
  const reasons = new Map(uploaded?.suggestions.map((s) => [s.column, s.reason]) ?? []);
  const localProblems = mappingProblems(mapping, labelOf);
  const body = { mapping, options: toOptions(options) };
  const bodyKey = JSON.stringify(body);

  const preview = useMutation({
    mutationFn: async (key: string): Promise<{ key: string; result: Preview }> => ({
      key,
      result: await unwrap(
        api.POST("/api/v1/imports/{import_id}/preview", {
          params: { path: { import_id: run.id } },
          body: { ...body, rows: 20 } as Schemas["ImportPreview"],
        }),
      ),
    }),
  });
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/imports/{import_id}/start", {
          params: { path: { import_id: run.id } },
          body: body as Schemas["ImportStart"],
        }),
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(["import", workspace, run.id], next);
      void queryClient.invalidateQueries({ queryKey: ["imports"] });
    },
  });
  const savePreset = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/import-presets", {
          body: { name: presetName.trim(), mapping, options: toOptions(options) },
        }),
      ),
    onSuccess: (preset) => {
      toast.info(`Saved the preset “${preset.name}”.`);
      setPresetName("");
      void queryClient.invalidateQueries({ queryKey: ["import-presets"] });
    },
    onError: toast.error,
  });

  const previewed = preview.data?.key === bodyKey ? preview.data.result : null;
  const canStart = !!previewed && previewed.problems.length === 0 && localProblems.length === 0;

  function choosePreset(id: string) {
    const preset = presets.data?.find((p) => p.id === id);
    if (!preset) return;
    setMapping((current) => applyPreset(current, preset.mapping));
    setOptions(fromOptions(preset.options));
  }

  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="mapping-h" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <div className="mr-auto">
            <h2 id="mapping-h" className="text-lg font-semibold text-slate-900">
              Columns of {run.file_name}
            </h2>
            <p className="text-sm text-slate-600">
              Each column fills a lead field, a custom field, or is left out. Suggestions come from the headers.
            </p>
          </div>
          {!!presets.data?.length && (
            <SelectField
              label="Apply a preset"
              value=""
              onChange={(e) => choosePreset(e.target.value)}
              className="w-56"
            >
              <option value="">Choose…</option>
              {presets.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm sm:min-w-[560px]">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Column
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  First values
                </th>
                <th scope="col" className="px-3 py-2 sm:w-64">
                  Imports into
                </th>
              </tr>
            </thead>
            <tbody>
              {run.columns.map((column) => (
                <MappingRow
                  key={column}
                  column={column}
                  samples={(uploaded?.sample ?? []).slice(0, 3).map((row) => row[column] ?? "")}
                  reason={reasons.get(column)}
                  target={mapping[column] ?? null}
                  customFields={customFields.data ?? []}
                  onChange={(target) => setMapping((m) => ({ ...m, [column]: target }))}
                />
              ))}
            </tbody>
          </table>
        </div>
        {localProblems.length > 0 && (
          <ul role="alert" className="mt-3 list-disc pl-5 text-sm text-red-800">
            {localProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="options-h" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="options-h" className="mb-3 text-lg font-semibold text-slate-900">
          What each row does
        </h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            label="Mode"
            value={options.mode}
            onChange={(e) => {
              const mode = e.target.value as Mode;
              setOptions((o) => ({ ...o, mode, policy: policyAfterModeChange(mode, o.policy) }));
            }}
          >
            {MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="When a row matches an existing lead"
            value={options.policy}
            onChange={(e) => setOptions((o) => ({ ...o, policy: e.target.value as Policy }))}
          >
            {policiesFor(options.mode).map((p) => (
              <option key={p} value={p}>
                {POLICY_LABELS[p]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Match rows to leads on"
            value={options.match}
            onChange={(e) => setOptions((o) => ({ ...o, match: e.target.value }))}
          >
            {Object.keys(MATCH_CHOICES).map((k) => (
              <option key={k} value={k}>
                {MATCH_LABELS[k]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Tags for every lead"
            hint="Comma-separated"
            value={options.tags}
            onChange={(e) => setOptions((o) => ({ ...o, tags: e.target.value }))}
          />
          <TextField
            label="Country for phone numbers"
            hint="ISO code, e.g. DE, for numbers without +"
            maxLength={2}
            value={options.region}
            onChange={(e) => setOptions((o) => ({ ...o, region: e.target.value.toUpperCase() }))}
          />
          <SelectField
            label="Dates like 03/04/2026 are"
            value={options.dateOrder}
            onChange={(e) => setOptions((o) => ({ ...o, dateOrder: e.target.value as "dmy" | "mdy" }))}
          >
            <option value="dmy">day/month/year</option>
            <option value="mdy">month/day/year</option>
          </SelectField>
          <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-2 lg:col-span-3">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={options.checkProbable}
              onChange={(e) => setOptions((o) => ({ ...o, checkProbable: e.target.checked }))}
            />
            Flag new leads that look like existing ones (typos, new addresses) for review
          </label>
        </div>
        <form
          className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (presetName.trim()) savePreset.mutate();
          }}
        >
          <TextField
            label="Save this mapping as a preset"
            placeholder="e.g. Trade fair scanner"
            value={presetName}
            onChange={(e) => setPresetName(e.target.value)}
            className="w-64"
          />
          <Button type="submit" size="sm" busy={savePreset.isPending} disabled={!presetName.trim()}>
            Save preset
          </Button>
        </form>
      </section>

      <section aria-labelledby="preview-h" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <h2 id="preview-h" className="mr-auto text-lg font-semibold text-slate-900">
            Preview
          </h2>
          <Button onClick={onCancel}>Cancel</Button>
          <Button busy={preview.isPending} disabled={localProblems.length > 0} onClick={() => preview.mutate(bodyKey)}>
            {preview.data ? "Preview again" : "Preview"}
          </Button>
          <Button variant="primary" busy={start.isPending} disabled={!canStart} onClick={() => start.mutate()}>
            Start import
          </Button>
        </div>
        {preview.isError && <ErrorAlert title="The preview failed" error={preview.error} />}
        {start.isError && <ErrorAlert title="The import did not start" error={start.error} />}
        {!preview.data && !preview.isError && (
          <p className="text-sm text-slate-600">
            See what the first 20 rows would do before anything is written. The import starts after a preview of the
            current choices.
          </p>
        )}
        {preview.data && !previewed && (
          <p className="mb-2 text-sm text-amber-800">The choices changed since this preview: preview again.</p>
        )}
        {preview.data && <PreviewTable preview={preview.data.result} labelOf={labelOf} />}
      </section>
    </div>
  );
}

function MappingRow({
  column,
  samples,
  reason,
  target,
  customFields,
  onChange,
}: {
  column: string;
  samples: string[];
  reason: string | undefined;
  target: string | null;
  customFields: Schemas["CustomFieldRead"][];
  onChange: (target: string | null) => void;
}) {
  const id = useId();
  const unknownCustom = target?.startsWith("custom:") && !customFields.some((f) => `custom:${f.key}` === target);
  return (
    <tr className="border-b border-slate-100 align-top">
      <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
        <label htmlFor={id}>{column}</label>
        {reason && reason !== "no match" && <p className="text-xs font-normal text-slate-600">suggested: {reason}</p>}
        {samples[0] && (
          <p className="max-w-[10rem] truncate text-xs font-normal text-slate-600 sm:hidden">e.g. {samples[0]}</p>
        )}
      </th>
      <td className="hidden max-w-[16rem] px-3 py-2 text-slate-700 sm:table-cell">
        {samples.filter(Boolean).length ? (
          samples.map((value, index) => (
            <span key={index} className="block truncate" title={value}>
              {value || "—"}
            </span>
          ))
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
      <td className="px-3 py-2">
        <select
          id={id}
          className={`${inputClass} ${target ? "" : "text-slate-600"}`}
          value={target ?? ""}
          onChange={(e) => onChange(e.target.value || null)}
        >
          <option value="">Leave out</option>
          <optgroup label="Lead fields">
            {LEAD_FIELDS.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </optgroup>
          {(customFields.length > 0 || unknownCustom) && (
            <optgroup label="Custom fields">
              {customFields.map((f) => (
                <option key={f.id} value={`custom:${f.key}`}>
                  {f.label}
                </option>
              ))}
              {unknownCustom && <option value={target!}>{target}</option>}
            </optgroup>
          )}
        </select>
      </td>
    </tr>
  );
}

function PreviewTable({ preview, labelOf }: { preview: Preview; labelOf: (target: string) => string }) {
  if (preview.problems.length) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
        <p className="font-semibold">The mapping has problems</p>
        <ul className="mt-1 list-disc pl-5">
          {preview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </div>
    );
  }
  const shown = ["first_name", "last_name", "email", "company_name"];
  return (
    <>
      <p className="mb-2 flex flex-wrap gap-2 text-sm" aria-label="Decisions">
        {Object.entries(preview.counts).map(([decision, n]) => (
          <Badge key={decision} tone={DECISION_TONES[decision] ?? "slate"}>
            {n} {decision}
          </Badge>
        ))}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] border-collapse text-sm" aria-label="Preview rows">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
            <tr>
              <th scope="col" className="w-14 px-3 py-2">
                Row
              </th>
              <th scope="col" className="w-24 px-3 py-2">
                Does
              </th>
              {shown.map((key) => (
                <th key={key} scope="col" className="px-3 py-2">
                  {labelOf(key)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                Problems
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const fields = row.fields as Record<string, unknown>;
              const problems = row.problems ?? [];
              return (
                <tr
                  key={row.row}
                  className={`border-b border-slate-100 align-top ${row.decision === "fail" ? "bg-red-50" : ""}`}
                >
                  <td className="px-3 py-2 tabular-nums text-slate-700">{row.row}</td>
                  <td className="px-3 py-2">
                    <Badge
                      tone={DECISION_TONES[row.decision] ?? "slate"}
                      title={row.probability ? `${Math.round(row.probability * 100)}% alike` : undefined}
                    >
                      {row.decision}
                    </Badge>
                  </td>
                  {shown.map((key) => (
                    <td key={key} className="max-w-[12rem] truncate px-3 py-2 text-slate-800">
                      {fields[key] == null ? "—" : String(fields[key])}
                    </td>
                  ))}
                  <td className="px-3 py-2 text-slate-800">
                    {problems.length === 0 ? (
                      <span className="text-slate-500">—</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {problems.map((p, index) => (
                          <li key={index} className={p.fatal ? "text-red-800" : "text-amber-800"}>
                            {p.column && <span className="font-medium">{p.column}: </span>}
                            {p.value && <span className="font-mono text-xs">“{p.value}” </span>}
                            {p.reason}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {preview.rows.some((r) => r.problems?.length) && (
        <p className="mt-2 text-xs text-slate-600">
          Red: the row is not imported. Amber: the value is left out and the rest of the row imported.
        </p>
      )}
    </>
  );
}
