// Shared server state: the workspace's stages and members (small, cached, used on every screen).
import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { api, unwrap, unwrapPage, type Member, type Stage } from "./api/client";
import { useSession, useWorkspace } from "./session";

export function useStages() {
  const workspace = useWorkspace();
  return useQuery({
    queryKey: ["stages", workspace],
    queryFn: () => unwrap(api.GET("/api/v1/stages")),
    staleTime: 60_000,
    select: (stages: Stage[]) => [...stages].sort((a, b) => a.position - b.position),
  });
}

export function useMembers() {
  const workspace = useWorkspace();
  const { can } = useSession();
  return useQuery({
    queryKey: ["members", workspace],
    enabled: !!workspace && can("members:read"),
    staleTime: 60_000,
    queryFn: async (): Promise<Member[]> =>
      (
        await unwrapPage(
          api.GET("/api/v1/workspaces/{workspace_id}/members", {
            params: { path: { workspace_id: workspace }, query: { limit: 200 } },
          }),
        )
      ).items,
  });
}

export function memberName(members: Member[] | undefined, id: string | null | undefined): string {
  if (!id) return "Unassigned";
  const member = members?.find((m) => m.user_id === id);
  return member ? member.full_name || member.email : "Someone";
}

/** A long list of cursor pages in a scrolling box: rows are virtualised (only the visible ones
 * are in the DOM) and the next page loads when the last rendered row is 20 from the end. */
export function useScrollPaging(
  count: number,
  rowHeight: number,
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> },
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (lastIndex >= count - 20 && hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [lastIndex, count, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  return { scrollRef, items, paddingTop, paddingBottom };
}
