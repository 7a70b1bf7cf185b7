// What a live event means for the leads list on screen. Rows never move under the user's
// cursor: a lead shown is refetched and patched where it stands (or marked as gone); leads that
// are new or changed elsewhere are only counted, and the list refetches when the user asks.
import type { LiveEvent } from "./liveEvents";

export type ListAction =
  | { kind: "refetch"; id: string } // a lead on screen changed: read it again, patch its row
  | { kind: "gone"; id: string; mergedInto: string | null } // a lead on screen was deleted or merged
  | { kind: "count"; count: number } // new or changed elsewhere: the banner counts it
  | { kind: "none" };

/** The cached row's version (its `updated_at`), or undefined when the lead is not on screen. */
export type RowVersion = (id: string) => string | undefined;

/** True when the event says nothing newer than what the row shows (an echo of our own edit). */
export function alreadyShown(shown: string | undefined, event: LiveEvent): boolean {
  if (!shown || !event.updated_at) return false;
  return Date.parse(shown) >= Date.parse(event.updated_at);
}

export function listActionFor(event: LiveEvent, rowVersion: RowVersion, me: string | null): ListAction {
  if (event.type === "leads.changed") return { kind: "count", count: Math.max(1, Number(event.count) || 1) };
  const id = event.lead_id;
  if (!id) return { kind: "none" };
  const shown = rowVersion(id);
  if (event.type === "lead.created") {
    // This user's own new lead was added to the list by the dialog that created it.
    if (event.actor_user_id && event.actor_user_id === me) return { kind: "none" };
    return shown === undefined ? { kind: "count", count: 1 } : { kind: "none" };
  }
  if (shown === undefined) return event.type === "lead.restored" ? { kind: "count", count: 1 } : { kind: "none" };
  if (event.type === "lead.deleted" || event.type === "lead.merged")
    return { kind: "gone", id, mergedInto: event.merged_into_id ?? null };
  if (alreadyShown(shown, event)) return { kind: "none" };
  return { kind: "refetch", id };
}

/** The banner's words: how many leads changed since the list was read (0: unknown, after
 * events were missed). */
export function bannerText(count: number): string {
  if (count <= 0) return "Leads may have changed";
  return `${count.toLocaleString()} new or changed lead${count === 1 ? "" : "s"}`;
}

/** Ids waiting to be refetched, at most `limit` of them: past it the rest are only counted
 * (a burst of changes to many rows is better served by refetching the list). */
export function takeRefetches(waiting: Set<string>, limit: number): { ids: string[]; overflow: number } {
  const ids = [...waiting].slice(0, limit);
  return { ids, overflow: Math.max(0, waiting.size - limit) };
}
