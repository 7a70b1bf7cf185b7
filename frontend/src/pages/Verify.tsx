import { useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useMemo, useState, type ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { api, rawFetch, unwrap, type Schemas } from "../api/client";
import { FileDrop } from "../components/FileDrop";
import { ProgressBar, useJob } from "../components/ProgressBar";
import { useToast } from "../components/toast";
import {
  Badge,
  Button,
  EmptyState,
  ErrorAlert,
  Spinner,
  TextField,
  VerificationBadge,
  formatDate,
} from "../components/ui";
import { saveResponse } from "../lib/download";
import {
  MAX_BULK,
  isJobFinal,
  jobPercent,
  parseAddresses,
  parseResults,
  tally,
  type VerifyResult,
} from "../lib/verify";
import { useSession, useWorkspace } from "../session";

const ACCEPT = ".csv,.tsv,.txt,.xlsx,.json,.ndjson,.jsonl";
const PAGE = 200;
const STATUS_ORDER = ["valid", "accept_all", "unknown", "disposable", "invalid", "skipped"];

export function VerifyPage() {
  const { can } = useSession();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const jobId = params.get("job");
  const [text, setText] = useState("");
  const [smtp, setSmtp] = useState(true);
  const [column, setColumn] = useState("");
  const [single, setSingle] = useState<VerifyResult[] | null>(null);
  const parsed = useMemo(() => parseAddresses(text), [text]);

  const run = useMutation({
    mutationFn: async (): Promise<void> => {
      if (parsed.emails.length === 1) {
        const result = await unwrap(api.POST("/api/v1/verify", { body: { email: parsed.emails[0]!, smtp } }));
        setSingle([{ row: 1, ...(result as VerifyResult) }]);
        setParams({});
        return;
      }
      const job = await unwrap(api.POST("/api/v1/verify/bulk", { body: { emails: parsed.emails, smtp } }));
      setSingle(null);
      setParams({ job: job.id });
    },
    onError: toast.error,
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.append("file", file, file.name);
      if (column.trim()) body.append("column", column.trim());
      body.append("smtp", String(smtp));
      const response = await rawFetch("/api/v1/verify/bulk/file", { method: "POST", body });
      return ((await response.json()) as { data: Schemas["JobRead"] }).data;
    },
    onSuccess: (job) => {
      setSingle(null);
      setParams({ job: job.id });
    },
  });

  if (!can("prospect:run")) {
    return (
      <EmptyState title="Verifying needs more rights">
        Your role cannot run email verification. Ask an owner, admin, manager or sales member.
      </EmptyState>
    );
  }

  const tooMany = parsed.emails.length > MAX_BULK;
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-5">
      <h1 className="text-2xl font-semibold text-slate-900">Verify email addresses</h1>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section
          aria-labelledby="paste-h"
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="paste-h" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            Paste addresses
          </h2>
          <div>
            <label htmlFor="verify-addresses" className="mb-1 block text-sm font-medium text-slate-700">
              Addresses, one per line
            </label>
            <textarea
              id="verify-addresses"
              rows={7}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={"jane.doe@acme.io\ninfo@example.com"}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 placeholder:text-slate-500 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
            />
            <p className="mt-1 text-xs text-slate-600" aria-live="polite">
              {parsed.emails.length} address{parsed.emails.length === 1 ? "" : "es"}
              {parsed.duplicates > 0 && ` · ${parsed.duplicates} given twice (checked once)`}
              {parsed.tooLong > 0 && ` · ${parsed.tooLong} too long, left out`}
              {tooMany && ` · at most ${MAX_BULK.toLocaleString()} at once`}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button
              variant="primary"
              busy={run.isPending}
              disabled={parsed.emails.length === 0 || tooMany}
              onClick={() => run.mutate()}
            >
              Verify {parsed.emails.length > 1 ? `${parsed.emails.length} addresses` : ""}
            </Button>
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" className="h-4 w-4" checked={smtp} onChange={(e) => setSmtp(e.target.checked)} />
              Ask the mail servers (SMTP)
            </label>
          </div>
        </section>
        <section
          aria-labelledby="file-h"
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="file-h" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
            Or upload a file
          </h2>
          <FileDrop
            id="verify-file"
            accept={ACCEPT}
            busy={upload.isPending}
            hint="CSV, TSV, XLSX, JSON or NDJSON; the address column is found by its name."
            onFile={(file) => upload.mutate(file)}
          />
          <TextField
            label="Address column (optional)"
            placeholder="e.g. Contact email"
            value={column}
            onChange={(e) => setColumn(e.target.value)}
          />
          {upload.isError && <ErrorAlert title="This file cannot be verified" error={upload.error} />}
        </section>
      </div>
      {single && <ResultsTable results={single} />}
      {jobId && !single && <BulkRun jobId={jobId} />}
    </div>
  );
}

function BulkRun({ jobId }: { jobId: string }) {
  const toast = useToast();
  const workspace = useWorkspace();
  const job = useJob(jobId);
  const succeeded = job.data?.status === "succeeded";
  const results = useQuery({
    queryKey: ["verify-results", workspace, jobId],
    enabled: succeeded,
    staleTime: Infinity,
    queryFn: async () =>
      parseResults(await (await rawFetch(`/api/v1/verify/bulk/${jobId}/results?format=ndjson`)).text()),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/jobs/{job_id}/cancel", { params: { path: { job_id: jobId } } })),
    onSuccess: () => void job.refetch(),
    onError: toast.error,
  });

  async function download(format: "csv" | "ndjson") {
    try {
      await saveResponse(
        await rawFetch(`/api/v1/verify/bulk/${jobId}/results?format=${format}`),
        `verification.${format}`,
      );
    } catch (error) {
      toast.error(error);
    }
  }

  if (job.isPending) return <Spinner label="Loading the verification…" />;
  if (job.isError) return <ErrorAlert title="The verification could not be loaded" error={job.error} />;
  const data = job.data;
  const counts = data.counts as { done?: number; total?: number; statuses?: Record<string, number> };
  const final = isJobFinal(data.status);
  return (
    <>
      <section aria-labelledby="job-h" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="job-h" className="mr-auto text-lg font-semibold text-slate-900">
            {data.status === "queued"
              ? "Waiting for a worker…"
              : data.status === "running"
                ? "Verifying…"
                : data.status === "succeeded"
                  ? "Verification finished"
                  : data.status === "cancelled"
                    ? "Verification cancelled"
                    : "Verification failed"}
          </h2>
          {!final && (
            <Button busy={cancel.isPending || data.cancel_requested} onClick={() => cancel.mutate()}>
              Cancel
            </Button>
          )}
          {succeeded && (
            <>
              <Button onClick={() => void download("csv")}>Download CSV</Button>
              <Button onClick={() => void download("ndjson")}>Download NDJSON</Button>
            </>
          )}
        </div>
        <ProgressBar
          label={`${(counts.done ?? 0).toLocaleString()} of ${(counts.total ?? 0).toLocaleString()} checked`}
          percent={jobPercent(data)}
          tone={data.status === "failed" ? "red" : succeeded ? "green" : "indigo"}
        />
        {data.error && <ErrorAlert title="What went wrong" error={new Error(data.error)} />}
      </section>
      {results.isPending && succeeded && <Spinner label="Loading the results…" />}
      {results.isError && <ErrorAlert title="The results could not be loaded" error={results.error} />}
      {results.data && <ResultsTable results={results.data} />}
    </>
  );
}

function ResultsTable({ results }: { results: VerifyResult[] }) {
  const [status, setStatus] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const counts = tally(results);
  const shown = status ? results.filter((r) => (r.status ?? "skipped") === status) : results;
  const toggle = (index: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <section aria-labelledby="results-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id="results-h" className="mr-2 text-lg font-semibold text-slate-900">
          Results
        </h2>
        <div role="group" aria-label="Show status" className="flex flex-wrap gap-1.5">
          <FilterChip active={status === null} onClick={() => setStatus(null)}>
            All {results.length}
          </FilterChip>
          {STATUS_ORDER.filter((s) => counts[s]).map((s) => (
            <FilterChip key={s} active={status === s} onClick={() => setStatus(status === s ? null : s)}>
              {s.replace("_", "-")} {counts[s]}
            </FilterChip>
          ))}
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[760px] border-collapse text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
            <tr>
              <th scope="col" className="w-10 px-2 py-2">
                <span className="sr-only">Details</span>
              </th>
              <th scope="col" className="min-w-[14rem] px-3 py-2">
                Email
              </th>
              <th scope="col" className="w-32 px-3 py-2">
                Status
              </th>
              <th scope="col" className="w-40 px-3 py-2">
                Sub-status
              </th>
              <th scope="col" className="w-16 px-3 py-2">
                Score
              </th>
              <th scope="col" className="min-w-[18rem] px-3 py-2">
                Reason
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((result, index) => {
              const expanded = open.has(index);
              const detailsId = `verify-details-${index}`;
              return (
                <Fragment key={`${result.row ?? result.lead_id ?? index}`}>
                  <tr className="border-b border-slate-100 align-top">
                    <td className="px-2 py-2">
                      <button
                        type="button"
                        className="rounded p-1 text-slate-600 hover:bg-slate-100"
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        aria-label={`Details of ${result.email ?? `row ${result.row}`}`}
                        onClick={() => toggle(index)}
                      >
                        <span aria-hidden>{expanded ? "▾" : "▸"}</span>
                      </button>
                    </td>
                    <td className="break-all px-3 py-2 font-medium text-slate-900">
                      {result.email || <span className="text-slate-500">row {result.row}</span>}
                      {result.suggestion && (
                        <p className="text-xs font-normal text-amber-800">Did you mean {result.suggestion}?</p>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {result.status ? <VerificationBadge status={result.status} /> : <Badge>skipped</Badge>}
                    </td>
                    <td className="px-3 py-2 text-slate-800">{result.sub_status?.replaceAll("_", " ") ?? "—"}</td>
                    <td className="px-3 py-2 tabular-nums text-slate-800">{result.score ?? "—"}</td>
                    <td className="px-3 py-2 text-slate-700">{result.reason ?? result.error ?? "—"}</td>
                  </tr>
                  {expanded && (
                    <tr id={detailsId} className="border-b border-slate-100 bg-slate-50">
                      <td />
                      <td colSpan={5} className="px-3 py-3">
                        <Details result={result} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length > limit && (
        <div className="mt-3 text-center">
          <Button onClick={() => setLimit((n) => n + PAGE)}>
            Show more ({(shown.length - limit).toLocaleString()} left)
          </Button>
        </div>
      )}
    </section>
  );
}

function FilterChip({ active, onClick, children }: { active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={`rounded-full border px-2.5 py-0.5 text-xs font-medium ${
        active
          ? "border-indigo-700 bg-indigo-700 text-white"
          : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
      }`}
    >
      {children}
    </button>
  );
}

function Details({ result }: { result: VerifyResult }) {
  const flags = [
    result.is_disposable && "disposable domain",
    result.is_role && "role account",
    result.is_free && "free-mail provider",
    result.is_catch_all === true && "accepts any address",
  ].filter(Boolean);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-slate-700">Normalised</dt>
      <dd className="break-all text-slate-900">{result.normalized ?? "—"}</dd>
      <dt className="font-medium text-slate-700">Flags</dt>
      <dd className="text-slate-900">{flags.length ? flags.join(", ") : "none"}</dd>
      <dt className="font-medium text-slate-700">MX hosts</dt>
      <dd className="text-slate-900">
        {result.mx?.length ? (
          <ul>
            {result.mx.map((mx) => (
              <li key={`${mx.preference}-${mx.host}`} className="font-mono text-xs">
                {mx.preference} {mx.host}
              </li>
            ))}
          </ul>
        ) : (
          "none looked up"
        )}
      </dd>
      <dt className="font-medium text-slate-700">SMTP reply</dt>
      <dd className="break-words text-slate-900">
        {result.smtp ? (
          <span className="font-mono text-xs">
            {result.smtp.host}: {result.smtp.code ?? "no reply"} {result.smtp.enhanced ?? ""} {result.smtp.message}
          </span>
        ) : (
          "not asked"
        )}
      </dd>
      <dt className="font-medium text-slate-700">Checked</dt>
      <dd className="text-slate-900">
        {formatDate(result.checked_at, true)}
        {result.duration_ms !== undefined && ` in ${result.duration_ms} ms`}
      </dd>
    </dl>
  );
}
