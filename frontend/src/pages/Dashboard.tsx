// The dashboard: the analytics API's figures over the leads created in a date range (UTC days).
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrap, type Schemas } from "../api/client";
import { SERIES_COLORS, TimeChart } from "../components/TimeChart";
import { EmptyState, ErrorAlert, Spinner, VerificationBadge, inputClass } from "../components/ui";
import {
  PRESETS,
  barWidth,
  bucketFor,
  percent,
  presetRange,
  rangeFromSearch,
  rangeToSearch,
  timeSeries,
  withDay,
  type DashboardRange,
  type PresetId,
} from "../lib/dashboard";
import { useSession, useWorkspace } from "../session";

const AGE_COLORS = ["bg-emerald-500", "bg-sky-500", "bg-amber-500", "bg-red-600"];

function Card({
  id,
  title,
  children,
  className = "",
}: {
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 ${className}`}
    >
      <h2 id={id} className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Loading<T>({
  query,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.error)
    return <ErrorAlert error={query.error} title="Could not load this report" retry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Spinner label="Loading…" />;
  return <>{children(query.data)}</>;
}

function RangePicker({ range, onChange }: { range: DashboardRange; onChange: (range: DashboardRange) => void }) {
  const id = useId();
  const setDay = (key: "start" | "end", value: string) => {
    const next = withDay(range, key, value);
    if (next) onChange(next);
  };
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={`${id}-p`} className="mb-1 block text-xs font-medium text-slate-700">
          Leads created
        </label>
        <select
          id={`${id}-p`}
          className={`${inputClass} py-1.5`}
          value={range.preset}
          onChange={(e) =>
            onChange(
              e.target.value === "custom" ? { ...range, preset: "custom" } : presetRange(e.target.value as PresetId),
            )
          }
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-s`} className="mb-1 block text-xs font-medium text-slate-700">
          From
        </label>
        <input
          id={`${id}-s`}
          type="date"
          className={`${inputClass} py-1.5`}
          value={range.start}
          max={range.end}
          onChange={(e) => setDay("start", e.target.value)}
        />
      </div>
      <div>
        <label htmlFor={`${id}-e`} className="mb-1 block text-xs font-medium text-slate-700">
          To
        </label>
        <input
          id={`${id}-e`}
          type="date"
          className={`${inputClass} py-1.5`}
          value={range.end}
          min={range.start}
          onChange={(e) => setDay("end", e.target.value)}
        />
      </div>
    </div>
  );
}

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {hint && <p className="mt-0.5 text-xs text-slate-600">{hint}</p>}
    </div>
  );
}

function LeadsOverTime({ data }: { data: Schemas["LeadsOverTime"] }) {
  const chart = useMemo(() => timeSeries(data.periods, data.sources), [data]);
  const total = chart.series[0]?.values.reduce((a, b) => a + b, 0) ?? 0;
  if (!total)
    return (
      <EmptyState title="No new leads in this range">
        Pick a longer range, or add leads by import, form or API.
      </EmptyState>
    );
  const unit = data.bucket === "day" ? "day" : data.bucket === "week" ? "week (from Monday)" : "month";
  return (
    <>
      <TimeChart x={chart.x} series={chart.series} label={`New leads per ${unit}, by source`} />
      <p className="text-xs text-slate-600">Per {unit}, UTC.</p>
      <table className="sr-only">
        <caption>New leads per {unit}</caption>
        <thead>
          <tr>
            <th>Period</th>
            {chart.series.map((s) => (
              <th key={s.label}>{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.periods.map((p, i) => (
            <tr key={p.period}>
              <td>{p.period}</td>
              {chart.series.map((s) => (
                <td key={s.label}>{s.values[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function FunnelChart({ data }: { data: Schemas["Funnel"] }) {
  if (!data.total) return <EmptyState title="No leads in this range" />;
  const max = Math.max(...data.steps.map((s) => s.reached), 1);
  return (
    <>
      <ol className="flex flex-col gap-2" aria-label="Funnel steps">
        {data.steps.map((step) => (
          <li key={step.stage_id} data-stage={step.name}>
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <span className="truncate font-medium text-slate-800">{step.name}</span>
              <span className="shrink-0 tabular-nums text-slate-700">
                <span data-figure="reached">{step.reached}</span> reached
                {step.conversion !== null && step.conversion !== undefined && (
                  <span className="ml-2 text-slate-600" title="Of those that reached the stage before">
                    ({percent(step.conversion)})
                  </span>
                )}
              </span>
            </div>
            <div className="mt-1 h-3 rounded bg-slate-100">
              <div
                className={`h-3 rounded ${step.kind === "won" ? "bg-emerald-600" : "bg-indigo-600"}`}
                style={{ width: `${barWidth(step.reached, max)}%` }}
              />
            </div>
            <p className="mt-0.5 text-xs text-slate-600">{step.current} in this stage now</p>
          </li>
        ))}
      </ol>
      <p className="text-sm text-slate-700">
        Lost: <span className="font-medium tabular-nums">{data.lost}</span> of {data.total} leads
      </p>
    </>
  );
}

function AgeingChart({ data }: { data: Schemas["Ageing"] }) {
  const rows = data.stages.filter((s) => s.count > 0);
  if (!rows.length) return <EmptyState title="No leads in this range" />;
  const labels = data.stages[0]?.buckets.map((b) => b.label) ?? [];
  return (
    <>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        {labels.map((label, i) => (
          <li key={label} className="flex items-center gap-1.5">
            <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-sm ${AGE_COLORS[i]}`} />
            {label}
          </li>
        ))}
      </ul>
      <ul className="flex flex-col gap-2.5">
        {rows.map((stage) => (
          <li key={stage.stage_id}>
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <span className="truncate font-medium text-slate-800">{stage.name}</span>
              <span className="shrink-0 text-xs text-slate-600">
                {stage.count} · oldest {stage.oldest_days ?? 0} d
              </span>
            </div>
            <div className="mt-1 flex h-3 overflow-hidden rounded bg-slate-100">
              {stage.buckets.map((b, i) =>
                b.count ? (
                  <div
                    key={b.label}
                    className={AGE_COLORS[i]}
                    style={{ width: `${(b.count / stage.count) * 100}%` }}
                    title={`${b.label}: ${b.count}`}
                  />
                ) : null,
              )}
            </div>
            <p className="sr-only">{stage.buckets.map((b) => `${b.label}: ${b.count}`).join(", ")}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function VerificationChart({ data }: { data: Schemas["VerificationBreakdown"] }) {
  if (!data.total) return <EmptyState title="No leads in this range" />;
  const max = Math.max(...data.statuses.map((s) => s.count), 1);
  return (
    <ul className="flex flex-col gap-2">
      {data.statuses.map((s) => (
        <li
          key={s.status}
          className="grid grid-cols-[7.5rem_1fr_3.5rem] items-center gap-2 text-sm"
          data-status={s.status}
        >
          <VerificationBadge status={s.status === "unverified" ? null : s.status} />
          <div className="h-3 rounded bg-slate-100">
            <div className="h-3 rounded bg-sky-600" style={{ width: `${barWidth(s.count, max)}%` }} />
          </div>
          <span className="text-right tabular-nums text-slate-800">{s.count}</span>
        </li>
      ))}
    </ul>
  );
}

function SourcesTable({ data }: { data: Schemas["SourcesReport"] }) {
  if (!data.sources.length) return <EmptyState title="No leads in this range" />;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="py-1 pr-2 font-medium">Source</th>
            <th className="py-1 pr-2 text-right font-medium">Leads</th>
            <th className="py-1 pr-2 text-right font-medium">Won</th>
            <th className="py-1 font-medium">Conversion</th>
          </tr>
        </thead>
        <tbody>
          {data.sources.map((s, i) => (
            <tr key={s.source} className="border-t border-slate-100" data-source={s.source}>
              <td className="py-1.5 pr-2 font-medium text-slate-800">
                <span
                  aria-hidden
                  className="mr-1.5 inline-block h-2 w-2 rounded-full"
                  style={{ background: SERIES_COLORS[(i + 1) % SERIES_COLORS.length] }}
                />
                <Link className="hover:underline" to={`/leads?source=${s.source}`}>
                  {s.source}
                </Link>
              </td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{s.total}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{s.won}</td>
              <td className="py-1.5">
                <div className="flex items-center gap-2">
                  <div className="h-2.5 w-full min-w-12 rounded bg-slate-100">
                    <div className="h-2.5 rounded bg-emerald-600" style={{ width: `${barWidth(s.conversion, 1)}%` }} />
                  </div>
                  <span className="w-12 text-right tabular-nums">{percent(s.conversion)}</span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DashboardPage() {
  const workspace = useWorkspace();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const range = useMemo(() => rangeFromSearch(params), [params]);
  const query = { start: range.start, end: range.end };
  const bucket = bucketFor(range);
  const key = (name: string) => ["analytics", workspace, name, range.start, range.end];
  const allowed = can("analytics:read");
  const overTime = useQuery({
    queryKey: [...key("over-time"), bucket],
    enabled: allowed,
    queryFn: () => unwrap(api.GET("/api/v1/analytics/leads-over-time", { params: { query: { ...query, bucket } } })),
  });
  const funnel = useQuery({
    queryKey: key("funnel"),
    enabled: allowed,
    queryFn: () => unwrap(api.GET("/api/v1/analytics/funnel", { params: { query } })),
  });
  const ageing = useQuery({
    queryKey: key("ageing"),
    enabled: allowed,
    queryFn: () => unwrap(api.GET("/api/v1/analytics/stage-ageing", { params: { query } })),
  });
  const verification = useQuery({
    queryKey: key("verification"),
    enabled: allowed,
    queryFn: () => unwrap(api.GET("/api/v1/analytics/verification", { params: { query } })),
  });
  const sources = useQuery({
    queryKey: key("sources"),
    enabled: allowed,
    queryFn: () => unwrap(api.GET("/api/v1/analytics/sources", { params: { query } })),
  });
  if (!allowed) return <EmptyState title="Your role cannot see the dashboard" />;

  const won = funnel.data?.steps.filter((s) => s.kind === "won").reduce((a, s) => a + s.current, 0);
  const valid = verification.data?.statuses.find((s) => s.status === "valid")?.count ?? 0;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="mr-auto text-2xl font-semibold text-slate-900">Dashboard</h1>
        <RangePicker range={range} onChange={(next) => setParams(rangeToSearch(next), { replace: true })} />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Totals" role="group">
        <Figure label="New leads" value={funnel.data?.total ?? "…"} hint={`${range.start} – ${range.end}`} />
        <Figure label="Won" value={won ?? "…"} hint="in a won stage now" />
        <Figure
          label="Win rate"
          value={funnel.data ? percent(funnel.data.total ? (won ?? 0) / funnel.data.total : null) : "…"}
        />
        <Figure
          label="Valid emails"
          value={verification.data ? percent(verification.data.total ? valid / verification.data.total : null) : "…"}
          hint={verification.data ? `${valid} of ${verification.data.total}` : undefined}
        />
      </div>
      <Card id="over-time-h" title="New leads by source">
        <Loading query={overTime}>{(data) => <LeadsOverTime data={data} />}</Loading>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card id="funnel-h" title="Pipeline funnel">
          <Loading query={funnel}>{(data) => <FunnelChart data={data} />}</Loading>
        </Card>
        <Card id="ageing-h" title="Time in current stage">
          <Loading query={ageing}>{(data) => <AgeingChart data={data} />}</Loading>
        </Card>
        <Card id="verification-h" title="Email verification">
          <Loading query={verification}>{(data) => <VerificationChart data={data} />}</Loading>
        </Card>
        <Card id="sources-h" title="Sources by conversion">
          <Loading query={sources}>{(data) => <SourcesTable data={data} />}</Loading>
        </Card>
      </div>
    </div>
  );
}
