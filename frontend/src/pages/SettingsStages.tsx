// Pipeline stages: rename, reorder (drag the handle, or the up and down buttons), add, delete (a
// stage's leads move to another stage first).
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { api, unwrap, type Schemas, type Stage } from "../api/client";
import { useToast } from "../components/toast";
import { Panel } from "../components/settings";
import { Badge, Button, Dialog, ErrorAlert, SelectField, Spinner, TextField, inputClass } from "../components/ui";
import { useStages } from "../hooks";
import { droppedOn, inOrder, moveTargets, moved } from "../lib/settings";
import { useSession, useWorkspace } from "../session";

type Kind = Schemas["StageKind"];
const KIND_TONE = { open: "indigo", won: "green", lost: "red" } as const;

function StageName({
  stage,
  editable,
  onRename,
}: {
  stage: Stage;
  editable: boolean;
  onRename: (name: string) => void;
}) {
  const [draft, setDraft] = useState(stage.name);
  if (!editable) return <span className="font-medium text-slate-900">{stage.name}</span>;
  const save = () => {
    const name = draft.trim();
    if (name && name !== stage.name) onRename(name);
    else setDraft(stage.name);
  };
  return (
    <input
      aria-label={`Name of stage ${stage.name}`}
      className={`${inputClass} py-1`}
      value={draft}
      maxLength={100}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") setDraft(stage.name);
      }}
    />
  );
}

/** A row that is both dragged (by its handle) and dropped on. */
function StageRow({ stage, draggable, children }: { stage: Stage; draggable: boolean; children: ReactNode }) {
  const drag = useDraggable({ id: stage.id, disabled: !draggable });
  const drop = useDroppable({ id: stage.id });
  const style = drag.transform ? { transform: `translate3d(0, ${drag.transform.y}px, 0)` } : undefined;
  return (
    <li
      ref={drop.setNodeRef}
      data-stage={stage.name}
      className={`flex flex-wrap items-center gap-2 py-2 ${drop.isOver && !drag.isDragging ? "bg-indigo-50 ring-2 ring-indigo-300" : ""}`}
    >
      <div
        ref={drag.setNodeRef}
        style={style}
        className={`flex flex-1 flex-wrap items-center gap-2 ${drag.isDragging ? "relative z-10 rounded bg-white opacity-80 shadow-lg" : ""}`}
      >
        {draggable && (
          <button
            type="button"
            aria-label={`Drag ${stage.name}`}
            className="cursor-grab touch-none rounded px-1 text-lg leading-none text-slate-500 hover:bg-slate-100 active:cursor-grabbing"
            {...drag.attributes}
            {...drag.listeners}
          >
            <span aria-hidden>⠿</span>
          </button>
        )}
        {children}
      </div>
    </li>
  );
}

export function SettingsStagesPage() {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const stages = useStages();
  const manage = can("settings:manage");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["stages", workspace] });
  const [name, setName] = useState("");
  const [kind, setKind] = useState<Kind>("open");
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const [moveTo, setMoveTo] = useState("");

  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      unwrap(api.PATCH("/api/v1/stages/{stage_id}", { params: { path: { stage_id: id } }, body: { name } })),
    onSuccess: (stage) => {
      toast.info(`Renamed to ${stage.name}`);
      void refresh();
    },
    onError: (error) => {
      toast.error(error);
      void refresh();
    },
  });
  const stagesKey = ["stages", workspace];
  const reorder = useMutation({
    mutationFn: (ids: string[]) => unwrap(api.POST("/api/v1/stages/reorder", { body: { stage_ids: ids } })),
    // The list takes its new order at once, and its old one back if the server refuses.
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: stagesKey });
      const before = queryClient.getQueryData<Stage[]>(stagesKey);
      if (before) queryClient.setQueryData(stagesKey, inOrder(before, ids));
      return { before };
    },
    onError: (error, _ids, context) => {
      if (context?.before) queryClient.setQueryData(stagesKey, context.before);
      toast.error(error);
    },
    onSettled: () => {
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ["pipeline", workspace] });
    },
  });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!stages.data || !over || over.id === active.id) return;
    reorder.mutate(droppedOn(stages.data, String(active.id), String(over.id)));
  };
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/stages", { body: { name, kind } })),
    onSuccess: () => {
      setName("");
      void refresh();
    },
    onError: toast.error,
  });
  const remove = useMutation({
    mutationFn: ({ id, moveTo }: { id: string; moveTo: string }) =>
      unwrap(
        api.DELETE("/api/v1/stages/{stage_id}", {
          params: { path: { stage_id: id }, query: { move_to: moveTo || undefined } },
        }),
      ),
    onSuccess: (stage) => {
      toast.info(`Deleted ${stage.name}`);
      setDeleting(null);
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ["pipeline", workspace] });
    },
    onError: toast.error,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  if (stages.error) return <ErrorAlert error={stages.error} retry={() => void stages.refetch()} />;
  if (!stages.data) return <Spinner label="Loading stages…" />;
  const list = stages.data;
  const targets = deleting ? moveTargets(list, deleting.id) : [];
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="stages-h" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="stages-h" className="mb-1 text-lg font-semibold text-slate-900">
          Pipeline stages
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Leads move through these stages in this order; new leads start in the first open stage.
        </p>
        {manage && (
          <p className="mb-3 text-sm text-slate-600">
            Drag a stage by its handle (⠿) to reorder, or use the arrows. With the keyboard: focus the handle, press
            Space, move with the arrow keys, Space again to drop (Escape cancels); or the ↑ and ↓ buttons.
          </p>
        )}
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements: {
              onDragStart: ({ active }) => `Picked up ${list.find((s) => s.id === active.id)?.name}.`,
              onDragOver: ({ over }) =>
                over ? `Over ${list.find((s) => s.id === over.id)?.name}.` : "Not over a stage.",
              onDragEnd: ({ active, over }) =>
                over
                  ? `${list.find((s) => s.id === active.id)?.name} takes the place of ${list.find((s) => s.id === over.id)?.name}.`
                  : "Dropped.",
              onDragCancel: () => "Move cancelled.",
            },
          }}
        >
          <ol className="flex flex-col divide-y divide-slate-100">
            {list.map((stage, index) => (
              <StageRow key={stage.id} stage={stage} draggable={manage}>
                <span className="w-6 text-right text-sm tabular-nums text-slate-500">{index + 1}</span>
                <div className="min-w-40 flex-1 sm:max-w-md">
                  <StageName
                    key={stage.name}
                    stage={stage}
                    editable={manage}
                    onRename={(name) => rename.mutate({ id: stage.id, name })}
                  />
                </div>
                <span className="w-14">
                  <Badge tone={KIND_TONE[stage.kind]}>{stage.kind}</Badge>
                </span>
                {manage && (
                  <div className="flex gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Move ${stage.name} up`}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => reorder.mutate(moved(list, index, -1))}
                    >
                      ↑
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Move ${stage.name} down`}
                      disabled={index === list.length - 1 || reorder.isPending}
                      onClick={() => reorder.mutate(moved(list, index, 1))}
                    >
                      ↓
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        setDeleting(stage);
                        setMoveTo(moveTargets(list, stage.id)[0]?.id ?? "");
                      }}
                    >
                      Delete
                    </Button>
                  </div>
                )}
              </StageRow>
            ))}
          </ol>
        </DndContext>
      </section>
      {manage && (
        <Panel title="Add a stage">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            <TextField
              label="Stage name"
              required
              maxLength={100}
              className="min-w-48 flex-1"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="open">open</option>
              <option value="won">won</option>
              <option value="lost">lost</option>
            </SelectField>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Add stage
            </Button>
          </form>
        </Panel>
      )}
      <Dialog open={!!deleting} onClose={() => setDeleting(null)} title={`Delete the stage ${deleting?.name ?? ""}`}>
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (deleting) remove.mutate({ id: deleting.id, moveTo });
          }}
        >
          <p className="text-sm text-slate-700">Its leads (if any) move to the stage you choose.</p>
          <SelectField label="Move its leads to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
            {targets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.kind})
              </option>
            ))}
          </SelectField>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setDeleting(null)}>Cancel</Button>
            <Button type="submit" variant="danger" busy={remove.isPending}>
              Delete stage
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
