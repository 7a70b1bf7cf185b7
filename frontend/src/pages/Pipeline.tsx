import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrap, unwrapPage, type Lead, type Schemas, type Stage } from "../api/client";
import { useToast } from "../components/toast";
import { ErrorAlert, SelectField, Spinner, formatMoney, leadName } from "../components/ui";
import { memberName, useMembers, useStages } from "../hooks";
import { SOURCES, type Source } from "../lib/filters";
import { moveCard, type Board } from "../lib/board";
import { useLivePipeline, type LiveStatus } from "../lib/liveEvents";
import { useSession, useWorkspace } from "../session";
import { LostReasonDialog } from "../components/LostReasonDialog";

const CARDS_PER_COLUMN = 50;
type Summary = Schemas["StageSummary"];

/** Arrow keys move a lifted card to the next column left or right (the columns are side by side). */
const columnKeys: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects } = context;
  if (!collisionRect) return undefined;
  const columns = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const center = collisionRect.left + collisionRect.width / 2;
  const current = columns.findIndex((r) => center >= r.left && center <= r.right);
  const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  if (!step) return undefined;
  event.preventDefault();
  const target = columns[Math.min(Math.max(current + step, 0), columns.length - 1)];
  if (!target) return undefined;
  return { x: target.left + 8, y: target.top + 64 };
};

export function PipelinePage() {
  const workspace = useWorkspace();
  const { can, me } = useSession();
  const stages = useStages();
  const members = useMembers();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const owner = params.get("owner") ?? "";
  const source = (SOURCES as readonly string[]).includes(params.get("source") ?? "")
    ? (params.get("source") as Source)
    : undefined;
  const filter = useMemo(() => ({ owner_id: owner || undefined, source }), [owner, source]);
  const [dragging, setDragging] = useState<Lead | null>(null);
  const [pendingLost, setPendingLost] = useState<{ lead: Lead; from: string; to: string } | null>(null);
  // Leads this tab moved: the stream's echo of the move is skipped (the move refetches itself).
  const ownMoves = useRef(new Set<string>()).current;

  const summaryKey = ["pipeline", workspace, "summary", filter];
  const columnKey = (stageId: string) => ["pipeline", workspace, "column", stageId, filter];
  const summary = useQuery({
    queryKey: summaryKey,
    queryFn: () => unwrap(api.GET("/api/v1/leads/stage-summary", { params: { query: filter } })),
  });
  const columns = useQueries({
    queries: (stages.data ?? []).map((stage) => ({
      queryKey: columnKey(stage.id),
      queryFn: async () =>
        (
          await unwrapPage(
            api.GET("/api/v1/leads", {
              params: { query: { ...filter, stage_id: stage.id, sort: "-updated_at", limit: CARDS_PER_COLUMN } },
            }),
          )
        ).items,
    })),
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeys }),
  );

  const move = useMutation({
    mutationFn: ({ lead, to, reason }: { lead: Lead; from: string; to: string; reason?: string }) =>
      unwrap(
        api.POST("/api/v1/leads/{lead_id}/stage", {
          params: { path: { lead_id: lead.id } },
          body: { stage_id: to, lost_reason: reason ?? null },
        }),
      ),
    onMutate: async ({ lead, from, to }) => {
      ownMoves.add(lead.id);
      await queryClient.cancelQueries({ queryKey: ["pipeline", workspace] });
      const before: Board = {
        from: queryClient.getQueryData<Lead[]>(columnKey(from)) ?? [],
        to: queryClient.getQueryData<Lead[]>(columnKey(to)) ?? [],
        summary: queryClient.getQueryData<Summary[]>(summaryKey) ?? [],
      };
      const after = moveCard(before, lead, from, to);
      queryClient.setQueryData(columnKey(from), after.from);
      queryClient.setQueryData(columnKey(to), after.to);
      queryClient.setQueryData(summaryKey, after.summary);
      return before;
    },
    onError: (error, { lead, from, to }, before) => {
      ownMoves.delete(lead.id);
      if (before) {
        queryClient.setQueryData(columnKey(from), before.from);
        queryClient.setQueryData(columnKey(to), before.to);
        queryClient.setQueryData(summaryKey, before.summary);
      }
      toast.error(error);
    },
    onSuccess: (_lead, { lead, to }) => {
      toast.info(`${leadName(lead)} moved to ${stages.data?.find((s) => s.id === to)?.name ?? "the stage"}.`);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ["pipeline", workspace] });
      void queryClient.invalidateQueries({ queryKey: ["leads"] });
      void queryClient.invalidateQueries({ queryKey: ["lead"] });
    },
  });

  // Someone else's changes wait while a card is lifted, a move is on its way or a lost reason is asked.
  const live = useLivePipeline(workspace, {
    busy: dragging !== null || move.isPending || pendingLost !== null,
    me: me?.id ?? null,
    ownMoves,
  });

  function onDragStart(event: DragStartEvent) {
    setDragging((event.active.data.current as { lead: Lead } | undefined)?.lead ?? null);
  }
  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const data = event.active.data.current as { lead: Lead; from: string } | undefined;
    const to = event.over?.id ? String(event.over.id) : null;
    if (!data || !to || to === data.from) return;
    const target = stages.data?.find((s) => s.id === to);
    if (target?.kind === "lost") setPendingLost({ lead: data.lead, from: data.from, to });
    else move.mutate({ lead: data.lead, from: data.from, to });
  }

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const counts = new Map((summary.data ?? []).map((s) => [s.stage_id, s]));
  const canMove = can("leads:write");

  return (
    <div className="flex flex-1 flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="mr-auto flex items-center gap-3">
          <h1 className="text-2xl font-semibold text-slate-900">Pipeline</h1>
          <LiveBadge status={live} />
        </div>
        <div className="flex gap-3">
          <SelectField
            label="Owner"
            value={owner}
            onChange={(e) => setFilter("owner", e.target.value)}
            className="w-44"
          >
            <option value="">Anyone</option>
            {members.data?.map((m) => (
              <option key={m.user_id} value={m.user_id}>
                {m.full_name || m.email}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Source"
            value={source ?? ""}
            onChange={(e) => setFilter("source", e.target.value)}
            className="w-36"
          >
            <option value="">Any source</option>
            {SOURCES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
        </div>
      </div>
      {canMove && (
        <p className="text-sm text-slate-600" id="board-help">
          Drag a card to another column to move the lead. With the keyboard: focus a card, press Space, move with the
          arrow keys, press Space again to drop (Escape cancels).
        </p>
      )}
      {stages.isPending && <Spinner label="Loading the pipeline…" />}
      {stages.isError && <ErrorAlert error={stages.error} title="The pipeline could not be loaded" />}
      {summary.isError && <ErrorAlert error={summary.error} title="The column totals could not be loaded" />}
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          announcements: {
            onDragStart: ({ active }) => `Picked up ${leadName((active.data.current as { lead: Lead }).lead)}.`,
            onDragOver: ({ over }) =>
              over ? `Over ${stages.data?.find((s) => s.id === over.id)?.name}.` : "Not over a column.",
            onDragEnd: ({ over }) =>
              over ? `Dropped in ${stages.data?.find((s) => s.id === over.id)?.name}.` : "Dropped.",
            onDragCancel: () => "Move cancelled.",
          },
        }}
      >
        <div className="flex flex-1 snap-x gap-3 overflow-x-auto pb-3">
          {stages.data?.map((stage, index) => (
            <Column
              key={stage.id}
              stage={stage}
              leads={columns[index]?.data}
              loading={columns[index]?.isPending ?? true}
              error={columns[index]?.error ?? null}
              total={counts.get(stage.id)}
              canMove={canMove}
              ownerName={(id) => memberName(members.data, id)}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{dragging ? <CardBody lead={dragging} lifted /> : null}</DragOverlay>
      </DndContext>
      <LostReasonDialog
        open={pendingLost !== null}
        busy={move.isPending}
        onClose={() => setPendingLost(null)}
        onSubmit={(reason) => {
          if (pendingLost) move.mutate({ ...pendingLost, reason });
          setPendingLost(null);
        }}
      />
    </div>
  );
}

const LIVE_LABELS: Record<LiveStatus, { text: string; dot: string; title: string }> = {
  live: { text: "Live", dot: "bg-emerald-600", title: "Changes by others appear as they happen" },
  connecting: { text: "Connecting…", dot: "bg-slate-400", title: "Connecting to live updates" },
  reconnecting: { text: "Reconnecting…", dot: "bg-amber-500", title: "Live updates paused; reconnecting" },
  off: { text: "Not live", dot: "bg-slate-400", title: "Live updates are off; reload to try again" },
};

function LiveBadge({ status }: { status: LiveStatus }) {
  const label = LIVE_LABELS[status];
  return (
    <span
      role="status"
      title={label.title}
      data-testid="live-status"
      data-status={status}
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs text-slate-700"
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${label.dot}`} />
      {label.text}
    </span>
  );
}

function Column({
  stage,
  leads,
  loading,
  error,
  total,
  canMove,
  ownerName,
}: {
  stage: Stage;
  leads: Lead[] | undefined;
  loading: boolean;
  error: Error | null;
  total: Summary | undefined;
  canMove: boolean;
  ownerName: (id: string | null) => string;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const count = total?.count ?? 0;
  const headingId = `column-${stage.id}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage={stage.name}
      className={`relative flex min-w-[13.5rem] flex-1 basis-0 snap-start flex-col rounded-lg border ${
        isOver ? "border-indigo-500 bg-indigo-50" : "border-slate-200 bg-slate-100"
      }`}
    >
      <header className="border-b border-slate-200 px-3 py-2.5">
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} className="flex items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden
              className="h-2.5 w-2.5 rounded-full"
              style={{
                background:
                  stage.color ?? (stage.kind === "won" ? "#15803d" : stage.kind === "lost" ? "#b91c1c" : "#4338ca"),
              }}
            />
            {stage.name}
          </h2>
          <span
            className="rounded-full bg-white px-2 py-0.5 text-xs font-semibold text-slate-800"
            data-testid="column-count"
          >
            {count}
            <span className="sr-only"> leads</span>
          </span>
        </div>
        <p className="mt-0.5 text-xs text-slate-600" data-testid="column-value">
          Value {formatMoney(total?.value ?? 0)}
        </p>
      </header>
      <ul
        className="flex min-h-24 flex-1 flex-col gap-2 overflow-y-auto p-2"
        style={{ maxHeight: "calc(100vh - 280px)" }}
      >
        {loading && (
          <li>
            <Spinner small label="Loading…" />
          </li>
        )}
        {error && (
          <li role="alert" className="text-sm text-red-800">
            {error.message}
          </li>
        )}
        {leads?.map((lead) => (
          <DraggableCard key={lead.id} lead={lead} from={stage.id} disabled={!canMove} ownerName={ownerName} />
        ))}
        {!loading && leads?.length === 0 && <li className="px-1 py-4 text-center text-sm text-slate-600">No leads</li>}
        {leads && count > leads.length && (
          <li className="px-1 text-center text-xs text-slate-600">
            <Link className="text-indigo-700 hover:underline" to={`/leads?stage=${stage.id}`}>
              {count - leads.length} more in the list
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}

function DraggableCard({
  lead,
  from,
  disabled,
  ownerName,
}: {
  lead: Lead;
  from: string;
  disabled: boolean;
  ownerName: (id: string | null) => string;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: lead.id,
    data: { lead, from },
    disabled,
  });
  return (
    <li
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-describedby={disabled ? undefined : "board-help"}
      aria-roledescription="Lead card"
      data-lead={lead.id}
      className={`rounded-md ${isDragging ? "opacity-40" : ""} ${disabled ? "" : "cursor-grab active:cursor-grabbing"}`}
    >
      <CardBody lead={lead} owner={ownerName(lead.owner_id)} />
    </li>
  );
}

function CardBody({ lead, owner, lifted }: { lead: Lead; owner?: string; lifted?: boolean }) {
  return (
    <div
      className={`rounded-md border border-slate-200 bg-white p-3 text-sm ${lifted ? "rotate-1 shadow-xl" : "shadow-sm"}`}
    >
      <Link
        to={`/leads/${lead.id}`}
        className="font-medium text-indigo-800 hover:underline"
        onPointerDown={(e) => e.stopPropagation()}
      >
        {leadName(lead)}
      </Link>
      {lead.company_name && <p className="truncate text-slate-700">{lead.company_name}</p>}
      <div className="mt-1.5 flex items-center justify-between text-xs text-slate-600">
        <span>{lead.value !== null ? formatMoney(lead.value) : "No value"}</span>
        {owner && <span className="truncate">{owner}</span>}
      </div>
    </div>
  );
}
