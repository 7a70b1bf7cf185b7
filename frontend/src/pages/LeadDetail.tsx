import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { api, rawFetch, unwrap, unwrapPage, type Activity, type Lead, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import {
  Badge,
  Button,
  Dialog,
  EmptyState,
  ErrorAlert,
  Spinner,
  TextField,
  VerificationBadge,
  formatDate,
  formatMoney,
  inputClass,
  leadName,
} from "../components/ui";
import { memberName, useMembers, useStages } from "../hooks";
import { useSession, useWorkspace } from "../session";

type Editable = "first_name" | "last_name" | "email" | "phone" | "job_title" | "company_name" | "website" | "city" | "country" | "value" | "tags";

const FIELDS: { key: Editable; label: string; type?: string }[] = [
  { key: "first_name", label: "First name" },
  { key: "last_name", label: "Last name" },
  { key: "email", label: "Email", type: "email" },
  { key: "phone", label: "Phone", type: "tel" },
  { key: "job_title", label: "Job title" },
  { key: "company_name", label: "Company" },
  { key: "website", label: "Website", type: "url" },
  { key: "city", label: "City" },
  { key: "country", label: "Country" },
  { key: "value", label: "Value", type: "number" },
  { key: "tags", label: "Tags" },
];

function shown(lead: Lead, key: Editable): string {
  if (key === "phone") return lead.phone_raw ?? "";
  if (key === "tags") return lead.tags.join(", ");
  if (key === "value") return lead.value === null ? "" : String(lead.value);
  return (lead[key] as string | null) ?? "";
}

function patchOf(key: Editable, raw: string): Schemas["LeadUpdate"] {
  const value = raw.trim();
  if (key === "tags") return { tags: value ? value.split(",").map((t) => t.trim()).filter(Boolean) : [] };
  if (key === "value") return { value: value === "" ? null : Number(value) };
  if (key === "first_name" || key === "last_name") return { [key]: value };
  return { [key]: value || null };
}

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

function LeadView({ lead }: { lead: Lead }) {
  const { can } = useSession();
  const workspace = useWorkspace();
  const stages = useStages();
  const members = useMembers();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [lostFor, setLostFor] = useState<string | null>(null);
  const canWrite = can("leads:write");

  const saved = (updated: Lead) => {
    queryClient.setQueryData(["lead", workspace, lead.id], updated);
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
        </div>
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

export function LostReasonDialog({
  open,
  busy,
  onClose,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Why was this lead lost?">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const reason = String(new FormData(e.currentTarget).get("reason") ?? "").trim();
          if (reason) onSubmit(reason);
        }}
        className="space-y-4"
      >
        <TextField label="Lost reason" name="reason" required maxLength={500} autoFocus placeholder="Chose a competitor" />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Mark as lost
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function InlineField({
  lead,
  field,
  editable,
  onSaved,
}: {
  lead: Lead;
  field: (typeof FIELDS)[number];
  editable: boolean;
  onSaved: (lead: Lead) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // Back on the Edit button once the editor closes, so the keyboard user keeps their place.
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const save = useMutation({
    mutationFn: (body: Schemas["LeadUpdate"]) =>
      unwrap(api.PATCH("/api/v1/leads/{lead_id}", { params: { path: { lead_id: lead.id } }, body })),
    onSuccess: (updated) => {
      onSaved(updated);
      close();
    },
  });
  const current = shown(lead, field.key);
  const display = field.key === "value" ? formatMoney(lead.value) : current || "—";
  const inputId = `field-${field.key}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim() === current.trim()) return close();
    save.mutate(patchOf(field.key, draft), { onError: () => undefined });
  }
  function cancel(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      save.reset();
      close();
    }
  }

  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-start gap-2 py-2">
      <dt className="pt-1.5 text-sm text-slate-600">
        {editing ? <label htmlFor={inputId}>{field.label}</label> : field.label}
      </dt>
      <dd className="min-w-0">
        {editing ? (
          <form onSubmit={submit} className="flex flex-col gap-1">
            <div className="flex gap-2">
              <input
                id={inputId}
                className={inputClass}
                type={field.type ?? "text"}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={cancel}
                autoFocus
              />
              <Button type="submit" size="sm" variant="primary" busy={save.isPending}>
                Save
              </Button>
              <Button
                size="sm"
                onClick={() => {
                  save.reset();
                  close();
                }}
              >
                Cancel
              </Button>
            </div>
            {field.key === "tags" && <p className="text-xs text-slate-600">Separate tags with commas.</p>}
            {save.isError && (
              <p role="alert" className="text-sm text-red-800">
                {describe(save.error)}
              </p>
            )}
          </form>
        ) : (
          <div className="group flex min-h-8 items-center justify-between gap-2">
            <span className="break-words text-sm text-slate-900">
              {field.key === "tags" && lead.tags.length ? (
                <span className="flex flex-wrap gap-1">
                  {lead.tags.map((t) => (
                    <Badge key={t} tone="indigo">
                      {t}
                    </Badge>
                  ))}
                </span>
              ) : (
                display
              )}
            </span>
            {editable && (
              <button
                ref={editButton}
                type="button"
                aria-label={`Edit ${field.label.toLowerCase()}`}
                className="rounded px-2 py-1 text-xs font-medium text-indigo-800 hover:bg-indigo-50"
                onClick={() => {
                  setDraft(current);
                  setEditing(true);
                }}
              >
                Edit
              </button>
            )}
          </div>
        )}
      </dd>
    </div>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : "Not saved.";
}

function CompanyCard({ companyId }: { companyId: string }) {
  const workspace = useWorkspace();
  const company = useQuery({
    queryKey: ["company", workspace, companyId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/companies/{company_id}", { params: { path: { company_id: companyId } } })),
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
          <p className="text-base font-semibold text-slate-900">{company.data.name}</p>
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

const KIND_LABEL: Record<string, string> = {
  note: "Note",
  call: "Call",
  email_sent: "Email sent",
  email_received: "Email received",
  meeting: "Meeting",
  stage_change: "Stage",
  field_change: "Change",
  assignment: "Owner",
  system: "System",
};

function plain(value: unknown): string {
  if (value === null || value === undefined || value === "") return "empty";
  if (Array.isArray(value)) return value.join(", ") || "empty";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function activityText(
  activity: Activity,
  stageName: (id: unknown) => string,
  ownerName: (id: string | null) => string,
): string {
  const data = activity.data;
  if (activity.kind === "stage_change") {
    const moved = `Moved from ${data.from_stage_id ? stageName(data.from_stage_id) : "no stage"} to ${String(data.to_stage ?? stageName(data.to_stage_id))}`;
    return activity.body ? `${moved}: ${activity.body}` : moved;
  }
  if (activity.body) return activity.body;
  if (activity.kind === "field_change" && typeof data.field === "string") {
    return `Changed ${data.field.replaceAll("_", " ")} from ${plain(data.old)} to ${plain(data.new)}`;
  }
  if (activity.kind === "assignment") {
    return `Owner changed from ${ownerName((data.from_owner_id as string | null) ?? null)} to ${ownerName((data.to_owner_id as string | null) ?? null)}`;
  }
  if (typeof data.event === "string") return data.event.replaceAll("_", " ");
  return KIND_LABEL[activity.kind] ?? activity.kind;
}

function Timeline({ lead }: { lead: Lead }) {
  const workspace = useWorkspace();
  const { can } = useSession();
  const stages = useStages();
  const members = useMembers();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const activities = useInfiniteQuery({
    queryKey: ["activities", workspace, lead.id],
    queryFn: ({ pageParam }) =>
      unwrapPage(
        api.GET("/api/v1/leads/{lead_id}/activities", {
          params: { path: { lead_id: lead.id }, query: { limit: 50, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const add = useMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST("/api/v1/leads/{lead_id}/activities", {
          params: { path: { lead_id: lead.id } },
          body: { kind: "note", body },
        }),
      ),
    onSuccess: () => {
      setNote("");
      void queryClient.invalidateQueries({ queryKey: ["activities", workspace, lead.id] });
    },
  });
  const stageName = (id: unknown) => stages.data?.find((s) => s.id === id)?.name ?? "none";
  const items = activities.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="timeline-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="timeline-h" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Timeline
      </h2>
      {can("leads:write") && (
        <form
          className="mb-4 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) add.mutate(note.trim());
          }}
        >
          <label htmlFor="note" className="block text-sm font-medium text-slate-700">
            Add a note
          </label>
          <textarea
            id="note"
            rows={3}
            className={inputClass}
            value={note}
            maxLength={10000}
            placeholder="Called, left a voicemail…"
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && note.trim()) add.mutate(note.trim());
            }}
          />
          {add.isError && <ErrorAlert title="The note was not saved" error={add.error} />}
          <div className="flex items-center justify-end gap-3">
            <span className="text-xs text-slate-600">Ctrl+Enter to save</span>
            <Button type="submit" variant="primary" size="sm" busy={add.isPending} disabled={!note.trim()}>
              Save note
            </Button>
          </div>
        </form>
      )}
      {activities.isPending && <Spinner small label="Loading timeline…" />}
      {activities.isError && <ErrorAlert error={activities.error} title="The timeline could not be loaded" />}
      {activities.isSuccess && items.length === 0 && <EmptyState title="Nothing here yet" />}
      <ol className="space-y-3">
        {items.map((activity) => (
          <li key={activity.id} className="flex gap-3">
            <span
              aria-hidden
              className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${activity.kind === "note" ? "bg-indigo-600" : "bg-slate-400"}`}
            />
            <div className="min-w-0 flex-1">
              <p className="text-xs text-slate-600">
                <span className="font-semibold text-slate-800">{KIND_LABEL[activity.kind] ?? activity.kind}</span> ·{" "}
                {activity.actor_id ? memberName(members.data, activity.actor_id) : "Leadwise"} ·{" "}
                <time dateTime={activity.occurred_at}>{formatDate(activity.occurred_at, true)}</time>
              </p>
              <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{activityText(activity, stageName, (id) => memberName(members.data, id))}</p>
            </div>
          </li>
        ))}
      </ol>
      {activities.hasNextPage && (
        <Button size="sm" className="mt-3" busy={activities.isFetchingNextPage} onClick={() => void activities.fetchNextPage()}>
          Show older
        </Button>
      )}
    </section>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Attachments({ lead }: { lead: Lead }) {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const key = ["attachments", workspace, lead.id];
  const files = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET("/api/v1/leads/{lead_id}/attachments", { params: { path: { lead_id: lead.id } } })),
  });
  const upload = useMutation({
    mutationFn: async (list: FileList) => {
      const body = new FormData();
      for (const file of Array.from(list)) body.append("files", file, file.name);
      await rawFetch(`/api/v1/leads/${lead.id}/attachments`, { method: "POST", body });
    },
    onSuccess: () => {
      toast.info("Uploaded.");
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ["activities", workspace, lead.id] });
    },
    onError: toast.error,
    onSettled: () => {
      if (input.current) input.current.value = "";
    },
  });

  async function download(id: string, name: string) {
    try {
      const response = await rawFetch(`/api/v1/attachments/${id}/download`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toast.error(error);
    }
  }

  return (
    <section aria-labelledby="files-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id="files-h" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Attachments
        </h2>
        {can("leads:write") && (
          <>
            <input
              ref={input}
              id="attachment-input"
              type="file"
              multiple
              className="sr-only"
              onChange={(e) => e.target.files?.length && upload.mutate(e.target.files)}
            />
            <label
              htmlFor="attachment-input"
              className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-within:outline-2"
            >
              {upload.isPending ? "Uploading…" : "Upload files"}
            </label>
          </>
        )}
      </div>
      {files.isPending && <Spinner small label="Loading files…" />}
      {files.isError && <ErrorAlert error={files.error} title="The files could not be loaded" />}
      {files.data?.length === 0 && <p className="text-sm text-slate-600">No files yet. PDFs, images and documents up to 25 MB.</p>}
      <ul className="divide-y divide-slate-100">
        {files.data?.map((file: Schemas["AttachmentRead"]) => (
          <li key={file.id} className="flex items-center justify-between gap-3 py-2 text-sm">
            <span className="min-w-0 truncate text-slate-900" title={file.original_name}>
              {file.original_name}
              <span className="ml-2 text-xs text-slate-600">{formatSize(file.size)}</span>
            </span>
            <Button size="sm" variant="ghost" onClick={() => void download(file.id, file.original_name)}>
              Download
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
