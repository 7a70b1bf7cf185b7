import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import {
  api,
  getWorkspaceId,
  rawFetch,
  refreshSession,
  setAccessToken,
  setWorkspaceId,
  unwrap,
  whenSessionLost,
  type Me,
} from "./api/client";

type Status = "loading" | "setup" | "signedOut" | "signedIn";

interface Session {
  status: Status;
  me: Me | null;
  notice: string | null;
  login: (email: string, password: string) => Promise<void>;
  setup: (body: { email: string; password: string; full_name: string; workspace_name: string }) => Promise<void>;
  /** Join a workspace with an invitation and sign in as the invitee (in that workspace). */
  acceptInvite: (body: { token: string; password: string; full_name: string }, workspaceId: string) => Promise<void>;
  logout: () => Promise<void>;
  switchWorkspace: (id: string) => Promise<void>;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

async function loadMe(): Promise<Me> {
  const me = await unwrap(api.GET("/api/v1/users/me"));
  if (me.active_workspace_id && me.active_workspace_id !== getWorkspaceId()) setWorkspaceId(me.active_workspace_id);
  return me;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("loading");
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const signedOut = useCallback(
    (message: string | null) => {
      setAccessToken(null);
      setMe(null);
      setNotice(message);
      setStatus("signedOut");
      queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => {
    whenSessionLost(() => signedOut("Your session has ended. Please sign in again."));
    return () => whenSessionLost(null);
  }, [signedOut]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        // A returning user has the refresh cookie: try it first (one round trip less).
        if (await refreshSession()) {
          try {
            const current = await loadMe();
            if (!cancelled) {
              setMe(current);
              setStatus("signedIn");
            }
            return;
          } catch {
            // stored workspace may be gone: fall through to sign-in
          }
        }
        const { setup_required } = await unwrap(api.GET("/api/v1/setup"));
        if (!cancelled) setStatus(setup_required ? "setup" : "signedOut");
      } catch {
        if (!cancelled) {
          setNotice("The server could not be reached. Reload the page to try again.");
          setStatus("signedOut");
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const session = useMemo<Session>(() => {
    const start = async (token: string) => {
      setAccessToken(token);
      const current = await loadMe();
      setMe(current);
      setNotice(null);
      setStatus("signedIn");
    };
    return {
      status,
      me,
      notice,
      login: async (email, password) => {
        const response = await rawFetch("/api/v1/auth/login", {
          method: "POST",
          body: new URLSearchParams({ username: email, password }),
        });
        const body = (await response.json()) as { data: { access_token: string } };
        await start(body.data.access_token);
      },
      setup: async (body) => {
        const result = await unwrap(api.POST("/api/v1/setup", { body }));
        setWorkspaceId(result.workspace.id);
        await start(result.tokens.access_token);
      },
      acceptInvite: async (body, workspaceId) => {
        const tokens = await unwrap(api.POST("/api/v1/auth/accept-invite", { body }));
        queryClient.clear();
        setWorkspaceId(workspaceId);
        await start(tokens.access_token);
      },
      logout: async () => {
        try {
          await rawFetch("/api/v1/auth/logout", { method: "POST" });
        } finally {
          signedOut("You are signed out.");
        }
      },
      switchWorkspace: async (id) => {
        // Ask as the new workspace first and switch everything at once: switching the header
        // before `me` let queries run under the old workspace's keys with the new one's data,
        // and the screens remount when `me` arrived.
        const next = await unwrap(api.GET("/api/v1/users/me", { headers: { "X-Workspace-ID": id } }));
        setWorkspaceId(next.active_workspace_id ?? id);
        queryClient.clear();
        setMe(next);
      },
      can: (permission) => !!me?.permissions.includes(permission),
    };
  }, [status, me, notice, queryClient, signedOut]);

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The active workspace's id: part of every query key, so switching never shows stale data. */
export function useWorkspace(): string {
  const { me } = useSession();
  return me?.active_workspace_id ?? "";
}
