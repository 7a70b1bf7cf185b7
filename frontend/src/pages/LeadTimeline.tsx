import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap, unwrapPage, type Activity, type Lead } from "../api/client";
import { Button, EmptyState, ErrorAlert, Spinner, formatDate, inputClass } from "../components/ui";
import { memberName, useMembers, useStages } from "../hooks";
import { useSession, useWorkspace } from "../session";

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

export function Timeline({ lead }: { lead: Lead }) {
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
              <p className="whitespace-pre-wrap break-words text-sm text-slate-900">
                {activityText(activity, stageName, (id) => memberName(members.data, id))}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {activities.hasNextPage && (
        <Button
          size="sm"
          className="mt-3"
          busy={activities.isFetchingNextPage}
          onClick={() => void activities.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </section>
  );
}
