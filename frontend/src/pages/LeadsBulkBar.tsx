import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Button, Dialog, SelectField, TextField } from "../components/ui";
import { useMembers, useStages } from "../hooks";
import { useSession } from "../session";

/** What can be done to the ticked leads at once (POST /api/v1/leads/bulk, all or nothing). */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { can } = useSession();
  const stages = useStages();
  const members = useMembers();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [stageId, setStageId] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [tag, setTag] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);

  const bulk = useMutation({
    mutationFn: (body: Schemas["BulkRequest"]) => unwrap(api.POST("/api/v1/leads/bulk", { body })),
    onSuccess: (result, body) => {
      toast.info(`${body.action === "delete" ? "Deleted" : "Updated"} ${result.changed} of ${result.matched} leads.`);
      void queryClient.invalidateQueries({ queryKey: ["leads"] });
      void queryClient.invalidateQueries({ queryKey: ["pipeline"] });
      setConfirmDelete(false);
      onDone();
    },
    onError: toast.error,
  });

  // The generated type marks defaulted fields required; the API fills them in.
  const update = (changes: Partial<Schemas["BulkChanges"]>) =>
    bulk.mutate({ action: "update", ids, changes: changes as Schemas["BulkChanges"] });

  return (
    <section
      aria-label="Bulk actions"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3"
    >
      <p className="self-center text-sm font-semibold text-indigo-900">{ids.length} selected</p>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (stageId) update({ stage_id: stageId });
        }}
      >
        <SelectField label="Move to stage" value={stageId} onChange={(e) => setStageId(e.target.value)}>
          <option value="">Choose…</option>
          {stages.data
            ?.filter((s) => s.kind !== "lost")
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </SelectField>
        <Button type="submit" size="sm" disabled={!stageId || bulk.isPending}>
          Move
        </Button>
      </form>
      {can("leads:assign") && (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (ownerId === "none") update({ unassign: true });
            else if (ownerId) update({ owner_id: ownerId });
          }}
        >
          <SelectField label="Set owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Choose…</option>
            <option value="none">Unassigned</option>
            {members.data?.map((m) => (
              <option key={m.user_id} value={m.user_id}>
                {m.full_name || m.email}
              </option>
            ))}
          </SelectField>
          <Button type="submit" size="sm" disabled={!ownerId || bulk.isPending}>
            Assign
          </Button>
        </form>
      )}
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) update({ add_tags: [tag.trim()] });
        }}
      >
        <TextField label="Add tag" value={tag} onChange={(e) => setTag(e.target.value)} className="w-36" />
        <Button type="submit" size="sm" disabled={!tag.trim() || bulk.isPending}>
          Tag
        </Button>
      </form>
      {can("leads:delete") && (
        <Button variant="danger" size="sm" className="ml-auto" onClick={() => setConfirmDelete(true)}>
          Delete…
        </Button>
      )}
      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} title={`Delete ${ids.length} leads?`}>
        <p className="text-sm text-slate-700">They go to the bin and can be restored later.</p>
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
          <Button variant="danger" busy={bulk.isPending} onClick={() => bulk.mutate({ action: "delete", ids })}>
            Delete
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
