// The lead's possible duplicates (the review queue's pairs with this lead), with why the engine
// thinks so; a merge dialog with the choice of each surviving value; Undo of merges into it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { ApiError, api, unwrap, unwrapPage, type Lead, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Badge, Button, Dialog, ErrorAlert, Spinner, formatDate, inputClass, leadName } from "../components/ui";
import {
  MERGE_FIELDS,
  choose,
  differingFields,
  initialState,
  manualProblem,
  mergeRequest,
  resultOf,
  valueOf,
  withSurvivor,
  type Choice,
  type MergeField,
  type MergeState,
} from "../lib/merge";
import { useSession, useWorkspace } from "../session";

type Candidate = Schemas["CandidateRead"];

const percent = (p: number) =>
  p >= 0.999 ? "over 99.9%" : p >= 0.99 ? `${(p * 100).toFixed(1)}%` : `${Math.round(p * 100)}%`;

function useInvalidateLead(leadId: string) {
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ["lead", workspace] });
    void queryClient.invalidateQueries({ queryKey: ["duplicates", workspace] });
    void queryClient.invalidateQueries({ queryKey: ["merges", workspace] });
    void queryClient.invalidateQueries({ queryKey: ["activities", workspace, leadId] });
    void queryClient.invalidateQueries({ queryKey: ["leads"] });
    void queryClient.invalidateQueries({ queryKey: ["pipeline"] });
  };
}

function usePairs(leadId: string) {
  const workspace = useWorkspace();
  return useQuery({
    queryKey: ["duplicates", workspace, leadId],
    queryFn: () =>
      unwrapPage(
        api.GET("/api/v1/leads/{lead_id}/duplicates", { params: { path: { lead_id: leadId }, query: { limit: 20 } } }),
      ),
  });
}

/** Next to the lead's name: that it may have duplicates, linking to them further down. */
export function DuplicatesHint({ leadId }: { leadId: string }) {
  const count = usePairs(leadId).data?.items.length ?? 0;
  if (!count) return null;
  return (
    <a href="#duplicates-h" className="rounded-full focus:outline-none focus:ring-2 focus:ring-indigo-600/40">
      <Badge tone="amber">
        {count} possible duplicate{count === 1 ? "" : "s"}
      </Badge>
    </a>
  );
}

export function Duplicates({ lead }: { lead: Lead }) {
  const { can } = useSession();
  const toast = useToast();
  const refresh = useInvalidateLead(lead.id);
  const [merging, setMerging] = useState<Candidate | null>(null);
  const canMerge = can("leads:merge");
  const pairs = usePairs(lead.id);
  const reject = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/duplicates/{candidate_id}/reject", { params: { path: { candidate_id: id } } })),
    onSuccess: () => {
      toast.info("Marked as not a duplicate: it will not be proposed again.");
      refresh();
    },
    onError: toast.error,
  });
  const items = pairs.data?.items ?? [];

  return (
    <section aria-labelledby="duplicates-h" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="duplicates-h" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Possible duplicates{items.length ? ` (${items.length})` : ""}
      </h2>
      {pairs.isPending && <Spinner small label="Looking for duplicates…" />}
      {pairs.isError && <ErrorAlert error={pairs.error} title="The duplicates could not be loaded" />}
      {pairs.data && items.length === 0 && (
        <p className="text-sm text-slate-600">No possible duplicates of this lead.</p>
      )}
      <ul className="space-y-3">
        {items.map((pair) => {
          const other = pair.leads.find((l) => l.id !== lead.id) ?? pair.leads[0]!;
          return (
            <li key={pair.id} className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link to={`/leads/${other.id}`} className="font-medium text-indigo-800 hover:underline">
                  {leadName(other)}
                </Link>
                <Badge
                  tone={pair.probability >= 0.9 ? "amber" : "slate"}
                  title={`Match weight ${pair.match_weight.toFixed(1)}`}
                >
                  {percent(pair.probability)} likely the same person
                </Badge>
                <span className="text-xs text-slate-600">found by {pair.source}</span>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {[other.email, other.company_name, other.city].filter(Boolean).join(" · ") || "No email or company"}
              </p>
              <Explanation pair={pair} />
              {canMerge && (
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button size="sm" variant="primary" onClick={() => setMerging(pair)}>
                    Merge…
                  </Button>
                  <Button
                    size="sm"
                    busy={reject.isPending && reject.variables === pair.id}
                    onClick={() => reject.mutate(pair.id)}
                  >
                    Not a duplicate
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <Merges lead={lead} />
      {merging && <MergeDialog lead={lead} pair={merging} onClose={() => setMerging(null)} />}
    </section>
  );
}

function Explanation({ pair }: { pair: Candidate }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-indigo-800">Why</summary>
      <table className="mt-1 w-full text-left text-sm">
        <caption className="sr-only">Per field: how far the values agree and what it weighs</caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Agreement
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Weight
            </th>
          </tr>
        </thead>
        <tbody>
          {pair.explanation.map((e) => (
            <tr key={e.field} className="border-t border-slate-100">
              <td className="py-1 pr-2 text-slate-800">{e.field.replaceAll("_", " ")}</td>
              <td className="py-1 pr-2 text-slate-800">{e.level}</td>
              <td className={`py-1 text-right tabular-nums ${e.weight >= 0 ? "text-green-800" : "text-red-800"}`}>
                {e.weight >= 0 ? "+" : ""}
                {e.weight.toFixed(1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function choiceKey(choice: Choice | undefined): string {
  if (!choice) return "";
  return choice.kind === "lead" ? `lead:${choice.leadId}` : choice.kind;
}

function MergeDialog({ lead, pair, onClose }: { lead: Lead; pair: Candidate; onClose: () => void }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const navigate = useNavigate();
  const refresh = useInvalidateLead(lead.id);
  const otherId = pair.leads.find((l) => l.id !== lead.id)?.id ?? "";
  const other = useQuery({
    queryKey: ["lead", workspace, otherId],
    queryFn: () => unwrap(api.GET("/api/v1/leads/{lead_id}", { params: { path: { lead_id: otherId } } })),
  });
  // The older lead survives by default, as the API does for an accepted pair.
  const leads = other.data ? [lead, other.data].sort((a, b) => a.created_at.localeCompare(b.created_at)) : null;
  const [state, setState] = useState<MergeState | null>(null);
  const current = state ?? (leads ? initialState(leads, leads[0]!.id) : null);
  const merge = useMutation({
    mutationFn: (body: Schemas["MergeCreate"]) =>
      unwrap(
        api.POST("/api/v1/duplicates/{candidate_id}/accept", {
          params: { path: { candidate_id: pair.id } },
          body: { survivor_id: body.survivor_id, fields: body.fields, default: body.default },
        }),
      ),
    onSuccess: (done) => {
      refresh();
      onClose();
      toast.info("Merged. Undo merge is under Possible duplicates on the lead that stayed.");
      if (done.survivor_id !== lead.id) navigate(`/leads/${done.survivor_id}`);
    },
  });

  const fields = leads ? differingFields(leads) : [];
  const problems = fields.map((f) => manualProblem(f, current?.choices[f])).filter(Boolean);

  return (
    <Dialog open onClose={onClose} title="Merge two leads" wide>
      {other.isPending && <Spinner small label="Loading the other lead…" />}
      {other.isError && <ErrorAlert error={other.error} title="The other lead could not be loaded" />}
      {leads && current && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!problems.length) merge.mutate(mergeRequest(current, leads));
          }}
          className="space-y-4"
        >
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">Which lead stays</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {leads.map((l) => (
                <label
                  key={l.id}
                  className={`flex cursor-pointer items-start gap-2 rounded-md border p-2 text-sm ${current.survivorId === l.id ? "border-indigo-600 bg-indigo-50" : "border-slate-200"}`}
                >
                  <input
                    type="radio"
                    name="survivor"
                    className="mt-0.5"
                    checked={current.survivorId === l.id}
                    onChange={() => setState(withSurvivor(current, leads, l.id))}
                  />
                  <span>
                    <span className="block font-medium text-slate-900">
                      {leadName(l)}
                      {l.id === lead.id ? " (this lead)" : ""}
                    </span>
                    <span className="block break-all text-xs text-slate-700">{l.email ?? "no email"}</span>
                    <span className="block text-xs text-slate-600">
                      created {formatDate(l.created_at, true)}, updated {formatDate(l.updated_at, true)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            <p className="mt-1 text-xs text-slate-600">
              The other lead's notes, files, tags and history move to the one that stays; it goes to the bin.
            </p>
          </fieldset>

          {fields.length === 0 ? (
            <p className="text-sm text-slate-700">The two leads have the same values: nothing to choose.</p>
          ) : (
            <div className="space-y-3">
              <p className="text-sm font-medium text-slate-800">Keep, for each field where they differ</p>
              {fields.map((field) => (
                <FieldChoice
                  key={field}
                  lead={lead}
                  field={field}
                  leads={leads}
                  choice={current.choices[field]}
                  onChoose={(choice) => setState(choose(current, field, choice))}
                />
              ))}
              <p className="text-xs text-slate-600">
                Other fields: the staying lead's value, or the other's where it has none.
              </p>
            </div>
          )}
          {merge.isError && <ErrorAlert title="Not merged" error={merge.error} />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={merge.isPending} disabled={problems.length > 0}>
              Merge
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function FieldChoice({
  lead,
  field,
  leads,
  choice,
  onChoose,
}: {
  lead: Lead;
  field: MergeField;
  leads: Lead[];
  choice: Choice | undefined;
  onChoose: (choice: Choice) => void;
}) {
  const label = MERGE_FIELDS.find((f) => f.key === field)?.label ?? field;
  const id = `merge-${field}`;
  const problem = manualProblem(field, choice);
  return (
    <div className="grid gap-1 sm:grid-cols-[7rem_minmax(0,1fr)] sm:items-start sm:gap-3">
      <label htmlFor={id} className="pt-2 text-sm text-slate-700">
        {label}
      </label>
      <div className="min-w-0 space-y-1">
        <select
          id={id}
          className={inputClass}
          value={choiceKey(choice)}
          onChange={(e) => {
            const v = e.target.value;
            if (v.startsWith("lead:")) onChoose({ kind: "lead", leadId: v.slice(5) });
            else if (v === "manual") onChoose({ kind: "manual", value: choice ? resultOf(choice, leads, field) : "" });
            else onChoose({ kind: v as "most_recent" | "most_complete" });
          }}
        >
          {leads.map((l) => (
            <option key={l.id} value={`lead:${l.id}`}>
              {valueOf(l, field) || "(empty)"} — from {l.id === lead.id ? "this lead" : "the other lead"}
            </option>
          ))}
          <option value="most_recent">
            Most recent ({resultOf({ kind: "most_recent" }, leads, field) || "empty"})
          </option>
          <option value="most_complete">
            Most complete ({resultOf({ kind: "most_complete" }, leads, field) || "empty"})
          </option>
          <option value="manual">Type a value…</option>
        </select>
        {choice?.kind === "manual" && (
          <input
            aria-label={`${label}: value to keep`}
            className={inputClass}
            value={choice.value}
            inputMode={field === "value" ? "numeric" : undefined}
            onChange={(e) => onChoose({ kind: "manual", value: e.target.value })}
            autoFocus
          />
        )}
        {problem && (
          <p role="alert" className="text-xs text-red-800">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}

/** Undo of a merge; a survivor edited since asks before its edits are lost (force). */
function useUndo(leadId: string) {
  const toast = useToast();
  const refresh = useInvalidateLead(leadId);
  const mutation = useMutation({
    mutationFn: ({ id, force }: { id: string; force: boolean }) =>
      unwrap(api.POST("/api/v1/merges/{merge_id}/undo", { params: { path: { merge_id: id } }, body: { force } })),
    onSuccess: () => {
      toast.info("Merge undone: both leads are back as they were.");
      refresh();
    },
    onError: (error, { id }) => {
      if (error instanceof ApiError && error.code === "SURVIVOR_CHANGED") {
        const fields = Array.isArray(error.details.fields) ? ` (${error.details.fields.join(", ")})` : "";
        if (window.confirm(`The lead was edited since the merge${fields}. Undo anyway and lose those edits?`)) {
          mutation.mutate({ id, force: true });
        }
        return;
      }
      toast.error(error);
    },
  });
  return mutation;
}

function Merges({ lead }: { lead: Lead }) {
  const workspace = useWorkspace();
  const { can } = useSession();
  const undo = useUndo(lead.id);
  const merges = useQuery({
    queryKey: ["merges", workspace, lead.id],
    queryFn: () => unwrapPage(api.GET("/api/v1/merges", { params: { query: { lead_id: lead.id, limit: 20 } } })),
  });
  const items = merges.data?.items ?? [];
  if (!items.length) return null;
  return (
    <div className="mt-4 border-t border-slate-100 pt-3">
      <h3 className="mb-2 text-sm font-medium text-slate-800">Merges into this lead</h3>
      <ul className="space-y-2">
        {items.map((merge) => {
          const before = (merge.before.leads ?? {}) as Record<
            string,
            { first_name?: string; last_name?: string; email?: string }
          >;
          const names = merge.merged_ids.map((id) => {
            const old = before[id];
            if (!old) return "a lead";
            const name = leadName({
              first_name: old.first_name ?? "",
              last_name: old.last_name ?? "",
              email: old.email,
            });
            return old.email && name !== old.email ? `${name} (${old.email})` : name;
          });
          return (
            <li key={merge.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-800">
                {names.join(", ")} merged {formatDate(merge.created_at, true)}
              </span>
              {merge.undone_at ? (
                <Badge>undone {formatDate(merge.undone_at)}</Badge>
              ) : (
                can("leads:merge") && (
                  <Button
                    size="sm"
                    busy={undo.isPending && undo.variables?.id === merge.id}
                    onClick={() => undo.mutate({ id: merge.id, force: false })}
                  >
                    Undo merge
                  </Button>
                )
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
