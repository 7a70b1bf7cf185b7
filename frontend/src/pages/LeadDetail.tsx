import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api, unwrap, unwrapPage, type Lead, type Schemas } from "../api/client";
import { EnrichmentFacts } from "../components/EnrichmentFacts";
import { useToast } from "../components/toast";
import {
  Badge,
  Button,
  ErrorAlert,
  Spinner,
  VerificationBadge,
  formatDate,
  inputClass,
  leadName,
} from "../components/ui";
import { memberName, useMembers, useStages } from "../hooks";
import { useLiveStream } from "../lib/liveEvents";
import { alreadyShown } from "../lib/liveLeads";
import { useSession, useWorkspace } from "../session";
import { LostReasonDialog } from "../components/LostReasonDialog";
import { FIELDS, InlineField } from "./LeadFields";
import { Attachments } from "./LeadAttachments";
import { EnrichButton } from "./EnrichButton";
import { Duplicates, DuplicatesHint } from "./LeadDuplicates";
import { Timeline } from "./LeadTimeline";

type LeadDetail = Schemas["LeadDetailRead"];

export function LeadDetailPage() {
  const { leadId = "" } = useParams();
  const workspace = useWorkspace();
  const lead = useQuery({
    queryKey: ["lead", workspace, leadId],
    queryFn: () => unwrap(api.GET("/api/v1/leads/{lead_id}", { params: { path: { lead_id: leadId } } })),
  });

  if (lead.isPending) return <Spinner label="Loading lead…" />;
  if (lead.isError)
    return (
      <div className="space-y-3">
        <Link to="/leads" className="text-sm text-indigo-700 hover:underline">
          ← Leads
        </Link>
        <ErrorAlert title="This lead could not be loaded" error={lead.error} retry={() => void lead.refetch()} />
      </div>
    );
  return <LeadView lead={lead.data} />;
}

function LeadView({ lead }: { lead: LeadDetail }) {
  const { can } = useSession();
  const workspace = useWorkspace();
  const stages = useStages();
  const members = useMembers();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [lostFor, setLostFor] = useState<string | null>(null);
  const [mergedInto, setMergedInto] = useState<string | null>(null);
  const canWrite = can("leads:write");

  // Someone else changes this lead (or a job does): read it again, with its timeline.
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: ["lead", workspace, lead.id] });
    void queryClient.invalidateQueries({ queryKey: ["activities", workspace, lead.id] });
  };
  useLiveStream(workspace, {
    onEvent: (event) => {
      if (event.type === "leads.changed") return reload(); // perhaps this one among them
      if (event.lead_id !== lead.id) return;
      if (event.type === "lead.merged") setMergedInto(event.merged_into_id ?? null);
      if (!alreadyShown(lead.updated_at, event)) reload();
    },
    onResync: reload,
  });

  const saved = (updated: Lead) => {
    // Edits answer the list's shape: keep what only the lead's page has (its enrichment).
    queryClient.setQueryData(["lead", workspace, lead.id], (old: LeadDetail | undefined) => ({ ...old, ...updated }));
    void queryClient.invalidateQueries({ queryKey: ["leads"] });
    void queryClient.invalidateQueries({ queryKey: ["pipeline"] });
    void queryClient.invalidateQueries({ queryKey: ["activities", workspace, lead.id] });
  };
  const path = { params: { path: { lead_id: lead.id } } };
  const move = useMutation({
    mutationFn: (body: Schemas["StageMove"]) => unwrap(api.POST("/api/v1/leads/{lead_id}/stage", { ...path, body })),
    onSuccess: (updated) => {
      setLostFor(null);
      saved(updated);
    },
    onError: toast.error,
  });
  const assign = useMutation({
    mutationFn: (owner_id: string | null) =>
      unwrap(api.POST("/api/v1/leads/{lead_id}/assign", { ...path, body: { owner_id } })),
    onSuccess: saved,
    onError: toast.error,
  });

  const stage = stages.data?.find((s) => s.id === lead.stage_id);

  return (
    <div className="flex flex-col gap-5">
      <div>
        <Link to="/leads" className="text-sm text-indigo-700 hover:underline">
          ← Leads
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-slate-900">{leadName(lead)}</h1>
          {lead.email && <VerificationSummary lead={lead} />}
          {lead.deleted_at && <Badge tone="red">In the bin</Badge>}
          <DuplicatesHint leadId={lead.id} />
        </div>
        {mergedInto && (
          <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This lead was just merged into another one.{" "}
            <Link to={`/leads/${mergedInto}`} className="font-medium text-indigo-700 hover:underline">
              Open the merged lead
            </Link>
          </p>
        )}
        <p className="mt-1 text-sm text-slate-600">
          {[lead.job_title, lead.company_name].filter(Boolean).join(" at ") || "No title or company yet"} · source{" "}
          {lead.source} · created {formatDate(lead.created_at)}
        </p>
      </div>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] lg:items-start">
        <div className="flex flex-col gap-5">
          <section aria-labelledby="pipeline-h" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="pipeline-h" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
              Pipeline
            </h2>
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor="lead-stage" className="mb-1 block text-xs font-medium text-slate-700">
                  Stage
                </label>
                <select
                  id="lead-stage"
                  className={inputClass}
                  value={lead.stage_id ?? ""}
                  disabled={!canWrite || move.isPending}
                  onChange={(e) => {
                    const target = stages.data?.find((s) => s.id === e.target.value);
                    if (!target) return;
                    if (target.kind === "lost") setLostFor(target.id);
                    else move.mutate({ stage_id: target.id });
                  }}
                >
                  {!lead.stage_id && <option value="">No stage</option>}
                  {stages.isPending && lead.stage_id && <option value={lead.stage_id}>Loading…</option>}
                  {stages.data?.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                {stage?.kind === "lost" && lead.lost_reason && (
                  <p className="mt-1 text-xs text-slate-600">Lost: {lead.lost_reason}</p>
                )}
              </div>
              <div>
                <label htmlFor="lead-owner" className="mb-1 block text-xs font-medium text-slate-700">
                  Owner
                </label>
                {can("leads:assign") ? (
                  <select
                    id="lead-owner"
                    className={inputClass}
                    value={lead.owner_id ?? ""}
                    disabled={assign.isPending}
                    onChange={(e) => assign.mutate(e.target.value || null)}
                  >
                    <option value="">Unassigned</option>
                    {members.data?.map((m) => (
                      <option key={m.user_id} value={m.user_id}>
                        {m.full_name || m.email}
                      </option>
                    ))}
                  </select>
                ) : (
                  <p id="lead-owner" className="py-2 text-sm text-slate-800">
                    {memberName(members.data, lead.owner_id)}
                  </p>
                )}
              </div>
            </div>
          </section>

          <section aria-labelledby="fields-h" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="fields-h" className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-600">
              Details
            </h2>
            {!canWrite && <p className="mb-2 text-xs text-slate-600">Read only: your role cannot edit leads.</p>}
            <dl className="divide-y divide-slate-100">
              {FIELDS.map((field) => (
                <InlineField key={field.key} lead={lead} field={field} editable={canWrite} onSaved={saved} />
              ))}
            </dl>
          </section>

          {lead.company_id && <CompanyCard companyId={lead.company_id} />}
          <section aria-labelledby="lead-enrichment-h" className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
              <h2 id="lead-enrichment-h" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                Enrichment and sources
              </h2>
              {canWrite && lead.company_id && (
                <EnrichButton
                  start={() =>
                    unwrap(
                      api.POST("/api/v1/leads/{lead_id}/enrich", {
                        params: { path: { lead_id: lead.id } },
                        body: null,
                      }),
                    )
                  }
                  onDone={() => {
                    void queryClient.invalidateQueries({ queryKey: ["lead", workspace, lead.id] });
                    void queryClient.invalidateQueries({ queryKey: ["activities", workspace, lead.id] });
                    void queryClient.invalidateQueries({ queryKey: ["company", workspace, lead.company_id] });
                  }}
                />
              )}
            </div>
            <EnrichmentFacts enrichment={lead.enrichment} enrichedAt={lead.enriched_at} current={lead} />
          </section>
          <Duplicates lead={lead} />
          <Attachments lead={lead} />
        </div>
        <Timeline lead={lead} />
      </div>

      <LostReasonDialog
        open={lostFor !== null}
        busy={move.isPending}
        onClose={() => setLostFor(null)}
        onSubmit={(reason) => lostFor && move.mutate({ stage_id: lostFor, lost_reason: reason })}
      />
    </div>
  );
}

function CompanyCard({ companyId }: { companyId: string }) {
  const workspace = useWorkspace();
  const company = useQuery({
    queryKey: ["company", workspace, companyId],
    queryFn: () => unwrap(api.GET("/api/v1/companies/{company_id}", { params: { path: { company_id: companyId } } })),
  });
  return (
    <section aria-labelledby="company-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="company-h" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Company
      </h2>
      {company.isPending && <Spinner small label="Loading company…" />}
      {company.isError && <ErrorAlert error={company.error} title="The company could not be loaded" />}
      {company.data && (
        <div className="space-y-1 text-sm">
          <p>
            <Link
              to={`/companies/${company.data.id}`}
              className="text-base font-semibold text-indigo-800 hover:underline"
            >
              {company.data.name}
            </Link>
          </p>
          {company.data.website || company.data.domain ? (
            <a
              className="text-indigo-700 hover:underline"
              href={company.data.website ?? `https://${company.data.domain}`}
              target="_blank"
              rel="noreferrer noopener"
            >
              {company.data.domain ?? company.data.website}
            </a>
          ) : null}
          <p className="text-slate-700">
            {[company.data.industry, company.data.size_band, company.data.city, company.data.country]
              .filter(Boolean)
              .join(" · ") || "Not enriched yet"}
          </p>
          {company.data.description && <p className="text-slate-700">{company.data.description}</p>}
        </div>
      )}
    </section>
  );
}

function VerificationSummary({ lead }: { lead: Lead }) {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const activities = useQuery({
    queryKey: ["activities", workspace, lead.id, "verification"],
    queryFn: () =>
      unwrapPage(
        api.GET("/api/v1/leads/{lead_id}/activities", {
          params: { path: { lead_id: lead.id }, query: { limit: 200 } },
        }),
      ),
  });
  const last = activities.data?.items.find((a) => a.kind === "system" && a.data.event === "email_verified");
  const verify = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/leads/{lead_id}/verify", { params: { path: { lead_id: lead.id } }, body: { smtp: true } }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["lead", workspace, lead.id] });
      void queryClient.invalidateQueries({ queryKey: ["activities", workspace, lead.id] });
      toast.info("Email checked.");
    },
    onError: toast.error,
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls="verification-reasons"
        className="rounded-full"
        aria-label={`Email status: ${lead.verification_status ?? "unverified"}. Show reasons`}
      >
        <VerificationBadge status={lead.verification_status} />
      </button>
      {can("prospect:run") && can("leads:write") && (
        <Button size="sm" variant="ghost" busy={verify.isPending} onClick={() => verify.mutate()}>
          Verify email
        </Button>
      )}
      {open && (
        <div id="verification-reasons" className="w-full rounded-md bg-slate-100 p-3 text-sm text-slate-800">
          {last ? (
            <>
              <p>{last.body}</p>
              <p className="mt-1 text-xs text-slate-600">
                Sub-status {String(last.data.sub_status ?? "—")}, score {String(last.data.score ?? "—")}, checked{" "}
                {formatDate(last.occurred_at, true)}
              </p>
            </>
          ) : (
            <p>This address has not been checked yet.</p>
          )}
        </div>
      )}
    </div>
  );
}
