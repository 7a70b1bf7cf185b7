import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, rawFetch, unwrap, unwrapPage, type Schemas } from "../api/client";
import { FileDrop } from "../components/FileDrop";
import { ProgressBar } from "../components/ProgressBar";
import { useToast } from "../components/toast";
import { Badge, Button, Dialog, EmptyState, ErrorAlert, Spinner, formatDate, type Tone } from "../components/ui";
import { canRevert, isActive, runProgress } from "../lib/imports";
import { saveResponse } from "../lib/download";
import { useSession, useWorkspace } from "../session";
import { MappingStep } from "./ImportMapping";

type Run = Schemas["ImportRead"];
type Uploaded = Schemas["ImportUploaded"];

const ACCEPT = ".csv,.tsv,.txt,.xlsx,.json,.ndjson,.jsonl";

export const STATUS_TONES: Record<string, Tone> = {
  uploaded: "slate",
  queued: "sky",
  running: "sky",
  succeeded: "green",
  failed: "red",
  cancelled: "amber",
  reverting: "amber",
  reverted: "slate",
  revert_failed: "red",
};

export function ImportPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const importId = params.get("id");
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const workspace = useWorkspace();
  const queryClient = useQueryClient();

  const run = useQuery({
    queryKey: ["import", workspace, importId],
    enabled: !!importId,
    queryFn: () => unwrap(api.GET("/api/v1/imports/{import_id}", { params: { path: { import_id: importId! } } })),
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? 1000 : false),
    staleTime: 0,
  });

  if (!can("leads:import")) {
    return (
      <EmptyState title="Importing needs more rights">
        Your role cannot import leads. Ask an owner, admin or manager.
      </EmptyState>
    );
  }

  const step = !importId ? 1 : run.data?.status === "uploaded" ? 2 : 3;
  const restart = () => {
    setUploaded(null);
    setParams({});
  };

  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold text-slate-900">Import leads</h1>
        {importId && (
          <Button variant="ghost" onClick={restart}>
            Import another file
          </Button>
        )}
      </div>
      <Steps current={step} />
      {!importId && (
        <>
          <UploadStep
            onUploaded={(answer) => {
              setUploaded(answer);
              queryClient.setQueryData(["import", workspace, answer.id], answer);
              setParams({ id: answer.id });
            }}
          />
          <RecentImports />
        </>
      )}
      {importId && run.isPending && <Spinner label="Loading the import…" />}
      {importId && run.isError && (
        <ErrorAlert title="The import could not be loaded" error={run.error} retry={() => void run.refetch()} />
      )}
      {run.data && run.data.status === "uploaded" && (
        <MappingStep run={run.data} uploaded={uploaded?.id === run.data.id ? uploaded : null} onCancel={restart} />
      )}
      {run.data && run.data.status !== "uploaded" && <RunStep run={run.data} />}
    </div>
  );
}

function Steps({ current }: { current: number }) {
  const names = ["Upload a file", "Map and preview", "Import"];
  return (
    <ol className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Steps">
      {names.map((name, index) => {
        const number = index + 1;
        const state = number < current ? "done" : number === current ? "current" : "next";
        return (
          <li
            key={name}
            aria-current={state === "current" ? "step" : undefined}
            className={`flex items-center gap-2 ${state === "next" ? "text-slate-500" : "font-medium text-slate-900"}`}
          >
            <span
              aria-hidden
              className={`flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold ${
                state === "current"
                  ? "bg-indigo-700 text-white"
                  : state === "done"
                    ? "bg-indigo-100 text-indigo-900"
                    : "bg-slate-200 text-slate-700"
              }`}
            >
              {state === "done" ? "✓" : number}
            </span>
            {name}
          </li>
        );
      })}
    </ol>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (uploaded: Uploaded) => void }) {
  const upload = useMutation({
    mutationFn: async (file: File): Promise<Uploaded> => {
      const body = new FormData();
      body.append("file", file, file.name);
      const response = await rawFetch("/api/v1/imports", { method: "POST", body });
      return ((await response.json()) as { data: Uploaded }).data;
    },
    onSuccess: onUploaded,
  });
  return (
    <section aria-label="Upload" className="flex flex-col gap-3">
      <FileDrop
        id="import-file"
        accept={ACCEPT}
        busy={upload.isPending}
        hint="CSV or TSV (any common encoding), Excel (XLSX), JSON or NDJSON. Nothing is imported until you start it."
        onFile={(file) => upload.mutate(file)}
      />
      {upload.isError && <ErrorAlert title="This file cannot be imported" error={upload.error} />}
    </section>
  );
}

function RecentImports() {
  const workspace = useWorkspace();
  const runs = useQuery({
    queryKey: ["imports", workspace],
    queryFn: () => unwrapPage(api.GET("/api/v1/imports", { params: { query: { limit: 10 } } })),
  });
  if (!runs.data?.items.length) return null;
  return (
    <section aria-labelledby="recent-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="recent-h" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Recent imports
      </h2>
      <ul className="divide-y divide-slate-100">
        {runs.data.items.map((run) => (
          <li key={run.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
            <Link to={`/import?id=${run.id}`} className="min-w-0 truncate font-medium text-indigo-800 hover:underline">
              {run.file_name}
            </Link>
            <Badge tone={STATUS_TONES[run.status] ?? "slate"}>{run.status.replace("_", " ")}</Badge>
            <span className="ml-auto text-slate-600">
              {run.counts?.created ?? 0} created · {run.counts?.updated ?? 0} updated ·{" "}
              {formatDate(run.created_at, true)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Counter({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${(value > 0 && tone) || "text-slate-900"}`}>
        {value.toLocaleString()}
      </dd>
    </div>
  );
}

function RunStep({ run }: { run: Run }) {
  const toast = useToast();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [confirmRevert, setConfirmRevert] = useState(false);
  const progress = runProgress(run);
  const active = isActive(run.status);
  const key = ["import", workspace, run.id];
  const refresh = (next: Run) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: ["imports"] });
  };

  const lastStatus = useRef(run.status);
  if (lastStatus.current !== run.status) {
    lastStatus.current = run.status;
    if (!isActive(run.status)) {
      void queryClient.invalidateQueries({ queryKey: ["leads"] });
      void queryClient.invalidateQueries({ queryKey: ["pipeline"] });
    }
  }

  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/imports/{import_id}/cancel", { params: { path: { import_id: run.id } } })),
    onSuccess: (next) => {
      refresh(next);
      toast.info("Stopping the import after the current chunk.");
    },
    onError: toast.error,
  });
  const revert = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/imports/{import_id}/revert", { params: { path: { import_id: run.id } } })),
    onSuccess: (next) => {
      refresh(next);
      setConfirmRevert(false);
    },
    onError: toast.error,
  });

  async function downloadErrors() {
    try {
      const response = await rawFetch(`/api/v1/imports/${run.id}/errors.csv`);
      await saveResponse(response, "errors.csv");
    } catch (error) {
      toast.error(error);
    }
  }

  const reverting = run.status === "reverting";
  const title =
    run.status === "queued"
      ? "Waiting for a worker…"
      : run.status === "running"
        ? "Importing…"
        : reverting
          ? "Reverting…"
          : run.status === "succeeded"
            ? run.dry_run
              ? "Dry run finished"
              : "Import finished"
            : run.status === "cancelled"
              ? "Import cancelled"
              : run.status === "reverted"
                ? "Import reverted"
                : run.status === "revert_failed"
                  ? "The revert failed"
                  : "Import failed";

  return (
    <section aria-labelledby="run-h" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="run-h" className="mr-auto text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <Badge tone={STATUS_TONES[run.status] ?? "slate"}>{run.status.replace("_", " ")}</Badge>
      </div>
      <p className="-mt-2 text-sm text-slate-600">
        {run.file_name} · {run.file_format.toUpperCase()} · started {formatDate(run.created_at, true)}
      </p>
      {!reverting && run.status !== "reverted" && (
        <ProgressBar
          label="Rows read"
          percent={progress.percent}
          tone={run.status === "failed" ? "red" : run.status === "succeeded" ? "green" : "indigo"}
        />
      )}
      {reverting && <Spinner label="Removing the leads it created and restoring the ones it updated…" />}
      {run.error && <ErrorAlert title="What went wrong" error={new Error(run.error)} />}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" aria-live="polite">
        <Counter label="Read" value={progress.read} />
        <Counter label="Created" value={progress.created} tone="text-green-800" />
        <Counter label="Updated" value={progress.updated} tone="text-sky-800" />
        <Counter label="Skipped" value={progress.skipped} />
        <Counter label="Review" value={progress.review} tone="text-amber-800" />
        <Counter label="Failed" value={progress.failed} tone={progress.failed ? "text-red-800" : undefined} />
        <Counter label="Warnings" value={progress.warnings} />
      </dl>
      {run.status === "reverted" && (
        <p className="text-sm text-slate-700">
          Removed {run.counts?.removed ?? 0} leads it created and restored {run.counts?.restored ?? 0} it updated.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {active && !reverting && (
          <Button variant="secondary" busy={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel import
          </Button>
        )}
        {!active && (progress.failed > 0 || progress.warnings > 0) && (
          <Button onClick={() => void downloadErrors()}>Download error report (CSV)</Button>
        )}
        {!active && run.status !== "reverted" && !run.dry_run && (
          <Link
            to="/leads?source=import"
            className="inline-flex items-center rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-800"
          >
            Show imported leads
          </Link>
        )}
        {canRevert(run.status, run.dry_run) && (
          <Button variant="danger" className="sm:ml-auto" onClick={() => setConfirmRevert(true)}>
            Revert import…
          </Button>
        )}
      </div>
      <Dialog open={confirmRevert} onClose={() => setConfirmRevert(false)} title="Revert this import?">
        <p className="text-sm text-slate-700">
          {progress.created + progress.review === 1
            ? "The lead it created is removed (with its timeline, tags and files)."
            : `The ${progress.created + progress.review} leads it created are removed (with their timeline, tags and files).`}
          {progress.updated > 0 &&
            (progress.updated === 1
              ? " The lead it updated gets back the values it replaced, even if someone edited them since."
              : ` The ${progress.updated} leads it updated get back the values it replaced, even if someone edited them since.`)}
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={() => setConfirmRevert(false)}>Keep it</Button>
          <Button variant="danger" busy={revert.isPending} onClick={() => revert.mutate()}>
            Revert
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
