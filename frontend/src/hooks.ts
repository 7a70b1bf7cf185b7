// Shared server state: the workspace's stages and members (small, cached, used on every screen).
import { useQuery } from "@tanstack/react-query";
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
