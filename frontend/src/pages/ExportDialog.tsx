import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, rawFetch, unwrap, type Schemas } from "../api/client";
import { ProgressBar, useJob } from "../components/ProgressBar";
import { useToast } from "../components/toast";
import { Button, Dialog, ErrorAlert, SelectField, Spinner } from "../components/ui";
import { saveResponse } from "../lib/download";
import {
  FORMAT_LABELS,
  PRESETS,
  PRESET_LABELS,
  exportBody,
  exportPlan,
  exportQuery,
  formatsFor,
  type ExportChoice,
  type ExportFormat,
  type ExportPreset,
} from "../lib/exports";
import { activeFilterCount, toApiQuery, type LeadFilters } from "../lib/filters";
import { isJobFinal } from "../lib/verify";
import { useWorkspace } from "../session";

type LeadQuery = NonNullable<Schemas["BulkFilter"]>;

/** Export the leads the list shows (its filters) in a format and with the fields chosen. */
export function ExportDialog({
  open,
  onClose,
  filters,
  selected = [],
}: {
  open: boolean;
  onClose: () => void;
  filters: LeadFilters;
  /** The ticked rows' ids: offered as what to export, instead of the whole filtered list. */
  selected?: string[];
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Export leads" wide>
      {open && <ExportForm filters={filters} selected={selected} onClose={onClose} />}
    </Dialog>
  );
}

function ExportForm({ filters, selected, onClose }: { filters: LeadFilters; selected: string[]; onClose: () => void }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const query = toApiQuery(filters);
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [onlySelected, setOnlySelected] = useState(selected.length > 0);
  const [preset, setPreset] = useState<ExportPreset | "">("");
  const [fields, setFields] = useState<string[] | null>(null);
  const [labels, setLabels] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  const catalogue = useQuery({
    queryKey: ["export-fields", workspace],
    queryFn: () => unwrap(api.GET("/api/v1/exports/fields")),
    staleTime: 60_000,
  });
  // The stage summary counts the live leads matching the list's filters: enough to choose
  // between a direct download and a job.
  const count = useQuery({
    queryKey: ["export-count", workspace, query],
    queryFn: async () => {
      const stages = await unwrap(api.GET("/api/v1/leads/stage-summary", { params: { query: query as LeadQuery } }));
      return stages.reduce((sum, stage) => sum + stage.count, 0);
    },
  });
  const job = useJob(jobId);

  const allKeys = catalogue.data?.fields.map((f) => f.key) ?? [];
  const chosen = new Set(fields ?? allKeys);
  const ids = onlySelected && selected.length ? selected : null;
  const choice: ExportChoice = { format, preset, fields: preset && !fields ? null : fields, labels, ids };
  const total = ids ? ids.length : (count.data ?? null);
  const [background, setBackground] = useState(false);
  const large = exportPlan(total, format, ids ?? undefined) === "job";
  const plan = large || background ? "job" : "direct";
  const spreadsheet = format === "csv" || format === "xlsx";

  const direct = useMutation({
    mutationFn: async () => {
      const response = await rawFetch(`/api/v1/exports/leads?${exportQuery(choice, query).toString()}`);
      return saveResponse(response, `leads.${format}`);
    },
    onSuccess: (name) => {
      toast.info(`Downloaded ${name}.`);
      onClose();
    },
  });
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/exports", {
          // The generated type marks defaulted options required; the API fills them in.
          body: {
            bom: false,
            deleted: false,
            delimiter: ",",
            ...exportBody(choice, query),
            filter: query as LeadQuery,
          },
        }),
      ),
    onSuccess: (started) => setJobId(started.id),
  });
  const download = useMutation({
    mutationFn: async () => saveResponse(await rawFetch(`/api/v1/exports/${jobId}/download`), `leads.${format}`),
    onSuccess: (name) => toast.info(`Downloaded ${name}.`),
    onError: toast.error,
  });

  function toggleField(key: string, on: boolean) {
    const next = allKeys.filter((k) => (k === key ? on : chosen.has(k)));
    setFields(next.length === allKeys.length && !preset ? null : next);
  }

  if (jobId) {
    const data = job.data;
    const counts = { ...data?.counts } as { rows?: number; total?: number };
    // The job reports its counts every few seconds; the final figure is in its result.
    if (data?.status === "succeeded" && typeof data.result?.rows === "number") {
      counts.rows = data.result.rows;
      counts.total ??= data.result.rows;
    }
    return (
      <div className="flex flex-col gap-4">
        {!data && <Spinner label="Starting the export…" />}
        {data && (
          <ProgressBar
            label={`${(counts.rows ?? 0).toLocaleString()} of ${(counts.total ?? total ?? 0).toLocaleString()} leads written`}
            percent={data.status === "succeeded" ? 100 : Math.max(0, Math.min(99, Math.floor(data.progress)))}
            tone={data.status === "failed" ? "red" : data.status === "succeeded" ? "green" : "indigo"}
          />
        )}
        {data?.status === "failed" && <ErrorAlert title="The export failed" error={new Error(data.error ?? "")} />}
        {data?.status === "cancelled" && <p className="text-sm text-slate-700">The export was cancelled.</p>}
        {job.isError && <ErrorAlert title="The export could not be followed" error={job.error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{data && isJobFinal(data.status) ? "Close" : "Close (it goes on)"}</Button>
          {data?.status === "succeeded" && (
            <Button variant="primary" busy={download.isPending} onClick={() => download.mutate()}>
              Download {String(data.result?.file_name ?? "file")}
            </Button>
          )}
        </div>
      </div>
    );
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (plan === "direct") direct.mutate();
        else start.mutate();
      }}
    >
      {selected.length > 0 && (
        <fieldset className="flex flex-col gap-1 text-sm text-slate-800">
          <legend className="mb-1 text-sm font-medium text-slate-700">Which leads</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="export-which" checked={onlySelected} onChange={() => setOnlySelected(true)} />
            The {selected.length} ticked lead{selected.length === 1 ? "" : "s"}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="export-which" checked={!onlySelected} onChange={() => setOnlySelected(false)} />
            Every lead the list's filters match
          </label>
        </fieldset>
      )}
      <p className="text-sm text-slate-700" aria-live="polite">
        {ids ? (
          large && "Many ids: the file is made in the background, then downloaded."
        ) : count.isPending ? (
          <Spinner small label="Counting…" />
        ) : count.data !== undefined ? (
          <>
            <strong>{count.data.toLocaleString()}</strong> lead{count.data === 1 ? "" : "s"}
            {activeFilterCount(filters) || filters.q ? " matching the list's filters" : " in this workspace"}.{" "}
            {large && "A large set: the file is made in the background, then downloaded."}
          </>
        ) : (
          "The leads matching the list's filters."
        )}
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label="CRM layout"
          value={preset}
          onChange={(e) => {
            const next = e.target.value as ExportPreset | "";
            setPreset(next);
            if (next && !formatsFor(next).includes(format)) setFormat("csv");
            setFields(next ? [] : null);
          }}
        >
          <option value="">None: Leadwise's fields</option>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {formatsFor(preset).map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </SelectField>
      </div>
      {preset && catalogue.data?.presets[preset] && (
        <p className="text-xs text-slate-600">
          {PRESET_LABELS[preset]} columns: {catalogue.data.presets[preset].join(", ")}. Fields ticked below are added
          after them.
        </p>
      )}
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{preset ? "Extra fields" : "Fields"}</legend>
        {catalogue.isPending && <Spinner small label="Loading fields…" />}
        {catalogue.isError && <ErrorAlert title="The fields could not be loaded" error={catalogue.error} />}
        {catalogue.data && (
          <>
            <div className="mb-2 flex gap-2">
              <Button size="sm" variant="ghost" onClick={() => setFields(preset ? [...allKeys] : null)}>
                All
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setFields([])}>
                None
              </Button>
            </div>
            <div className="grid max-h-56 grid-cols-1 gap-x-4 overflow-y-auto sm:grid-cols-3">
              {catalogue.data.fields.map((field) => (
                <label key={field.key} className="flex items-center gap-2 py-0.5 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="h-4 w-4"
                    checked={chosen.has(field.key)}
                    onChange={(e) => toggleField(field.key, e.target.checked)}
                  />
                  {field.label}
                </label>
              ))}
            </div>
          </>
        )}
      </fieldset>
      {spreadsheet && !preset && (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="h-4 w-4" checked={labels} onChange={(e) => setLabels(e.target.checked)} />
          Readable column headers (“First name” rather than first_name)
        </label>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="h-4 w-4"
          checked={plan === "job"}
          disabled={large}
          onChange={(e) => setBackground(e.target.checked)}
        />
        Make the file in the background, then download it
      </label>
      {(direct.isError || start.isError) && (
        <ErrorAlert title="The export did not start" error={direct.error ?? start.error} />
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          type="submit"
          variant="primary"
          busy={direct.isPending || start.isPending}
          disabled={!preset && fields !== null && fields.length === 0}
        >
          {plan === "direct" ? "Download" : "Start export"}
        </Button>
      </div>
    </form>
  );
}
