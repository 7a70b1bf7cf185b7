// Inline edits in the leads table: double-click a cell (or focus it and press Enter), Enter
// saves, Escape cancels. The table shows the change at once and puts it back, with the API's
// reason in a toast, when the server refuses it.
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRef, useState, type KeyboardEvent } from "react";
import { api, unwrap, type Lead } from "../api/client";
import { ApiError } from "../api/errors";
import { useToast } from "../components/toast";
import { inputClass, leadName } from "../components/ui";
import { parseDraft, patchLeadPages, type CellEditor } from "../lib/leadEdits";
import { useWorkspace } from "../session";
import { patchOf } from "./LeadFields";

export type TableEdit =
  | { kind: "field"; field: "value" | "job_title"; draft: string }
  | { kind: "stage"; stage_id: string; lost_reason?: string }
  | { kind: "owner"; owner_id: string | null };

function optimistic(edit: TableEdit): Partial<Lead> {
  if (edit.kind === "stage") return { stage_id: edit.stage_id };
  if (edit.kind === "owner") return { owner_id: edit.owner_id };
  return patchOf(edit.field, edit.draft) as Partial<Lead>;
}

function send(lead: Lead, edit: TableEdit): Promise<Lead> {
  const path = { params: { path: { lead_id: lead.id } } };
  if (edit.kind === "stage")
    return unwrap(
      api.POST("/api/v1/leads/{lead_id}/stage", {
        ...path,
        body: { stage_id: edit.stage_id, lost_reason: edit.lost_reason ?? null },
      }),
    );
  if (edit.kind === "owner")
    return unwrap(api.POST("/api/v1/leads/{lead_id}/assign", { ...path, body: { owner_id: edit.owner_id } }));
  return unwrap(api.PATCH("/api/v1/leads/{lead_id}", { ...path, body: patchOf(edit.field, edit.draft) }));
}

/** One lead's edit from the table, shown at once in every cached list page, rolled back on error. */
export function useTableEdit() {
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const lists: QueryKey = ["leads", workspace];
  return useMutation({
    mutationFn: ({ lead, edit }: { lead: Lead; edit: TableEdit }) => send(lead, edit),
    onMutate: async ({ lead, edit }) => {
      await queryClient.cancelQueries({ queryKey: lists });
      const snapshot = queryClient.getQueriesData({ queryKey: lists });
      queryClient.setQueriesData({ queryKey: lists }, (data: unknown) =>
        patchLeadPages(data, lead.id, optimistic(edit)),
      );
      return { snapshot };
    },
    onError: (error, { lead }, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      toast.error(new Error(`${leadName(lead)} was not changed: ${describe(error)}`));
    },
    onSuccess: (updated) => {
      queryClient.setQueriesData({ queryKey: lists }, (data: unknown) => patchLeadPages(data, updated.id, updated));
      void queryClient.invalidateQueries({ queryKey: ["lead", workspace, updated.id] });
      void queryClient.invalidateQueries({ queryKey: ["pipeline"] });
      void queryClient.invalidateQueries({ queryKey: ["activities", workspace, updated.id] });
    },
  });
}

function describe(error: unknown): string {
  // The toast names the lead; the API's sentence (and a field's problem) follows.
  if (error instanceof ApiError && error.status === 404)
    return "it no longer exists (someone deleted or merged it). Reload the list.";
  const text = error instanceof Error ? error.message : "Something went wrong.";
  const fields = (error as { fieldErrors?: { message?: string }[] }).fieldErrors ?? [];
  return [text, ...fields.map((f) => f.message).filter(Boolean)].join(" ");
}

/**
 * A table cell that turns into an editor on double-click or Enter. `options` makes it a select;
 * otherwise `editor` says text or number. `onSave` gets the draft (unchanged drafts are not sent).
 */
export function EditableCell({
  label,
  value,
  display,
  editor,
  options,
  editable,
  onSave,
}: {
  label: string;
  value: string;
  display: string;
  editor: CellEditor;
  options?: { value: string; label: string }[];
  editable: boolean;
  onSave: (draft: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const toast = useToast();
  const cell = useRef<HTMLDivElement>(null);
  const closed = useRef(false);

  if (!editable) return <>{display}</>;

  function open() {
    closed.current = false;
    setDraft(value);
    setProblem(null);
    setEditing(true);
  }
  function close(refocus: boolean) {
    closed.current = true;
    setEditing(false);
    if (refocus) requestAnimationFrame(() => cell.current?.focus());
  }
  function commit(next: string, refocus: boolean) {
    if (closed.current) return;
    const parsed = parseDraft(editor, next);
    if ("error" in parsed) {
      if (!refocus) return close(false); // leaving a cell with a bad draft drops it
      setProblem(parsed.error);
      toast.error(new Error(`${label}: ${parsed.error}`));
      return;
    }
    close(refocus);
    if (next.trim() !== value.trim()) onSave(next);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(draft, true);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (options && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      // Arrows move the choice without saving it (a closed select would change at once).
      event.preventDefault();
      const index = options.findIndex((o) => o.value === draft);
      const next = options[Math.min(options.length - 1, Math.max(0, index + (event.key === "ArrowDown" ? 1 : -1)))];
      if (next) setDraft(next.value);
    }
  }

  if (editing) {
    const common = {
      "aria-label": label,
      "aria-invalid": problem ? true : undefined,
      title: problem ?? "Enter saves, Escape cancels",
      autoFocus: true,
      className: `${inputClass} h-8 px-2 py-0 ${problem ? "border-red-600" : ""}`,
      onKeyDown,
      onBlur: () => commit(draft, false),
    };
    return options ? (
      <select
        {...common}
        value={draft}
        onChange={(e) => {
          // A choice from the open list (mouse or keyboard) is the decision: save it.
          setDraft(e.target.value);
          commit(e.target.value, true);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    ) : (
      <input
        {...common}
        type={editor === "number" ? "number" : "text"}
        inputMode={editor === "number" ? "numeric" : undefined}
        min={editor === "number" ? 0 : undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(null);
        }}
      />
    );
  }
  return (
    <div
      ref={cell}
      role="button"
      tabIndex={0}
      aria-label={`${label}: ${value ? display : "none"}. Press Enter to edit`}
      title="Double-click or press Enter to edit"
      className="-mx-1 cursor-text truncate rounded px-1 py-1 hover:bg-slate-100 focus:outline-2 focus:outline-indigo-600"
      onDoubleClick={open}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === "F2") {
          e.preventDefault();
          open();
        }
      }}
    >
      {display}
    </div>
  );
}
