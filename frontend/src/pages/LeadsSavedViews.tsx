// Saved views of the leads list: pick one from the menu, save the current filters, order and
// columns under a name, rename, re-save, share with the workspace, delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { VisibilityState } from "@tanstack/react-table";
import { useRef, useState, type FormEvent } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Badge, Button, Dialog, ErrorAlert, TextField } from "../components/ui";
import { memberName, useMembers } from "../hooks";
import { currentView, freeName, visibleColumns } from "../lib/views";
import { useSession, useWorkspace } from "../session";

type SavedView = Schemas["SavedViewRead"];
type Editing = { mode: "create" } | { mode: "rename"; view: SavedView };

export function SavedViews({
  search,
  visibility,
  onApply,
}: {
  search: string;
  visibility: VisibilityState;
  onApply: (view: SavedView) => void;
}) {
  const workspace = useWorkspace();
  const { me } = useSession();
  const members = useMembers();
  const toast = useToast();
  const queryClient = useQueryClient();
  const menu = useRef<HTMLDetailsElement>(null);
  const key = ["saved-views", workspace];
  const views = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET("/api/v1/saved-views")) });
  const [picked, setPicked] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);

  const list = views.data ?? [];
  const active = currentView(list, search, visibility, picked);
  const mine = list.filter((v) => v.user_id === me?.id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const closeMenu = () => {
    if (menu.current) menu.current.open = false;
  };

  const save = useMutation({
    mutationFn: (target: Editing) =>
      target.mode === "create"
        ? unwrap(
            api.POST("/api/v1/saved-views", {
              body: { name, shared, query: search, columns: visibleColumns(visibility) },
            }),
          )
        : unwrap(
            api.PATCH("/api/v1/saved-views/{view_id}", {
              params: { path: { view_id: target.view.id } },
              body: { name },
            }),
          ),
    onSuccess: (view, target) => {
      toast.info(target.mode === "create" ? `Saved the view ${view.name}` : `Renamed to ${view.name}`);
      setPicked(view.id);
      setEditing(null);
      void refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({ view, body }: { view: SavedView; body: Schemas["SavedViewUpdate"] }) =>
      unwrap(api.PATCH("/api/v1/saved-views/{view_id}", { params: { path: { view_id: view.id } }, body })),
    onSuccess: () => void refresh(),
    onError: toast.error,
  });
  const remove = useMutation({
    mutationFn: (view: SavedView) =>
      unwrap(api.DELETE("/api/v1/saved-views/{view_id}", { params: { path: { view_id: view.id } } })),
    onSuccess: (view) => {
      toast.info(`Deleted the view ${view.name}`);
      void refresh();
    },
    onError: toast.error,
  });

  function startEditing(target: Editing) {
    save.reset();
    setEditing(target);
    setName(
      target.mode === "rename"
        ? target.view.name
        : freeName(
            "My view",
            mine.map((v) => v.name),
          ),
    );
    setShared(false);
    closeMenu();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (editing) save.mutate(editing);
  }

  return (
    <>
      <details ref={menu} className="relative" data-testid="saved-views">
        <summary className="max-w-56 cursor-pointer list-none truncate rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          {active ? `View: ${active.name}` : "Views"}
        </summary>
        <div className="absolute right-0 z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          {views.isError && <ErrorAlert error={views.error} title="The views could not be loaded" />}
          {views.isSuccess && list.length === 0 && (
            <p className="p-2 text-sm text-slate-600">No saved views yet: filter and sort the list, then save it.</p>
          )}
          <ul aria-label="Saved views" className="max-h-80 overflow-y-auto">
            {list.map((view) => {
              const own = view.user_id === me?.id;
              return (
                <li key={view.id} className="rounded hover:bg-slate-50" data-view={view.name}>
                  <div className="flex items-center gap-2">
                    <button
                      type="button"
                      aria-current={view.id === active?.id ? "true" : undefined}
                      className={`min-w-0 flex-1 truncate px-2 py-1.5 text-left text-sm ${
                        view.id === active?.id ? "font-semibold text-indigo-800" : "text-slate-900"
                      }`}
                      onClick={() => {
                        setPicked(view.id);
                        onApply(view);
                        closeMenu();
                      }}
                    >
                      {view.name}
                    </button>
                    {view.shared && (
                      <Badge tone="sky" title={own ? "Shared with the workspace" : undefined}>
                        {own ? "shared" : memberName(members.data, view.user_id)}
                      </Badge>
                    )}
                  </div>
                  {own && (
                    <div className="flex flex-wrap gap-1 px-1 pb-1">
                      <Button
                        size="sm"
                        variant="ghost"
                        title="Save the current filters, order and columns into this view"
                        onClick={() =>
                          change.mutate(
                            { view, body: { query: search, columns: visibleColumns(visibility) } },
                            { onSuccess: () => toast.info(`Updated the view ${view.name}`) },
                          )
                        }
                      >
                        Update
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => startEditing({ mode: "rename", view })}>
                        Rename
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => change.mutate({ view, body: { shared: !view.shared } })}
                      >
                        {view.shared ? "Unshare" : "Share"}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => {
                          if (confirm(`Delete the view ${view.name}?`)) remove.mutate(view);
                        }}
                      >
                        Delete
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="mt-1 border-t border-slate-100 pt-2">
            <Button size="sm" variant="primary" className="w-full" onClick={() => startEditing({ mode: "create" })}>
              Save current view…
            </Button>
          </div>
        </div>
      </details>
      <Dialog
        open={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.mode === "rename" ? `Rename the view ${editing.view.name}` : "Save this view"}
      >
        <form className="flex flex-col gap-3" onSubmit={submit}>
          {editing?.mode === "create" && (
            <p className="text-sm text-slate-600">Keeps the filters, search, order and visible columns.</p>
          )}
          <TextField
            label="View name"
            required
            autoFocus
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          {editing?.mode === "create" && (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="h-4 w-4"
                checked={shared}
                onChange={(e) => setShared(e.target.checked)}
              />
              Share with everyone in the workspace
            </label>
          )}
          {save.isError && <ErrorAlert error={save.error} title="The view was not saved" />}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setEditing(null)}>Cancel</Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              {editing?.mode === "rename" ? "Rename" : "Save view"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
