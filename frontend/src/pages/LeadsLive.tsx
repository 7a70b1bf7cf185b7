// The leads list follows the workspace's live events (see lib/liveLeads.ts for the rules):
// rows on screen are refetched and patched in place, deleted or merged ones are marked, and
// new or changed leads elsewhere only raise a banner until the user asks for them.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, api, unwrap, type Lead } from "../api/client";
import { patchLeadPages } from "../lib/leadEdits";
import { useLiveStream, type LiveStatus } from "../lib/liveEvents";
import { bannerText, listActionFor, takeRefetches } from "../lib/liveLeads";

const MAX_ROW_REFETCHES = 20;
const BATCH_MS = 150;

export interface LiveList {
  status: LiveStatus;
  /** Leads new or changed since the list was read: null for none, 0 when not known. */
  pending: number | null;
  /** Rows whose lead was deleted or merged meanwhile (the lead it went into, if merged). */
  gone: ReadonlyMap<string, string | null>;
  /** Forget what was counted (the list is being read again). */
  clear: () => void;
}

export function useLiveLeadList(workspace: string, rows: Lead[], me: string | null): LiveList {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<number | null>(null);
  const [gone, setGone] = useState<ReadonlyMap<string, string | null>>(new Map());
  const versionOf = useMemo(() => {
    const versions = new Map(rows.map((lead) => [lead.id, lead.updated_at]));
    return (id: string) => versions.get(id);
  }, [rows]);
  const waiting = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const count = useCallback((n: number) => setPending((old) => (old === 0 ? 0 : (old ?? 0) + n)), []);
  const markStale = useCallback(
    // Other cached lists (other filters) read again when shown; this one stays as it is.
    () => void queryClient.invalidateQueries({ queryKey: ["leads", workspace], refetchType: "none" }),
    [queryClient, workspace],
  );

  const refetchRows = useCallback(async () => {
    const { ids, overflow } = takeRefetches(waiting.current, MAX_ROW_REFETCHES);
    waiting.current.clear();
    if (overflow) count(overflow);
    await Promise.all(
      ids.map(async (id) => {
        try {
          const lead = await unwrap(api.GET("/api/v1/leads/{lead_id}", { params: { path: { lead_id: id } } }));
          queryClient.setQueriesData({ queryKey: ["leads", workspace] }, (data: unknown) =>
            patchLeadPages(data, id, lead),
          );
          queryClient.setQueryData(["lead", workspace, id], lead);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) setGone((old) => new Map(old).set(id, null));
        }
      }),
    );
    markStale();
  }, [count, markStale, queryClient, workspace]);

  const status = useLiveStream(workspace, {
    onEvent: (event) => {
      const action = listActionFor(event, versionOf, me);
      if (action.kind === "count") count(action.count);
      else if (action.kind === "gone") {
        setGone((old) => new Map(old).set(action.id, action.mergedInto));
        markStale();
      } else if (action.kind === "refetch") {
        waiting.current.add(action.id);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void refetchRows(), BATCH_MS);
      }
    },
    onResync: () => setPending(0),
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const clear = useCallback(() => {
    setPending(null);
    setGone(new Map());
  }, []);
  return { status, pending, gone, clear };
}

/** Floats over the top of the table, so the rows do not move when it comes or goes. */
export function NewLeadsBanner({ count, onShow }: { count: number | null; onShow: () => void }) {
  if (count === null) return null;
  return (
    <div className="pointer-events-none absolute inset-x-0 top-11 z-20 flex justify-center">
      <div
        role="status"
        className="pointer-events-auto flex items-center gap-2 rounded-full border border-indigo-200 bg-white px-4 py-1.5 text-sm text-slate-800 shadow-md"
      >
        <span>{bannerText(count)} —</span>
        <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={onShow}>
          Show
        </button>
      </div>
    </div>
  );
}
