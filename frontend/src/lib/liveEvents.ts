// Live updates: the workspace's event stream (GET /api/v1/events, server-sent events) read
// with fetch through the API client (its headers, its token refresh), reconnecting with back-off
// and resuming with Last-Event-ID; and the hook that keeps the pipeline board's cached queries
// true when someone else changes a lead.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, rawFetch } from "../api/client";
import { SseParser } from "./sse";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "off";

/** A change the server reports (see docs/live.md). */
export interface LiveEvent {
  id: string | null;
  type: string;
  lead_id?: string | null;
  stage_id?: string | null;
  from_stage_id?: string | null;
  updated_at?: string | null;
  actor_user_id?: string | null;
  merged_into_id?: string | null;
  /** `leads.changed`: about how many leads changed. */
  count?: number;
}

export interface LiveHandlers {
  onEvent: (event: LiveEvent) => void;
  /** Events may have been missed (a reconnect that could not resume, a `reset`): refetch. */
  onResync: () => void;
  onStatus: (status: LiveStatus) => void;
}

export interface LiveOptions {
  /** Opens the stream (default: the API client's rawFetch). */
  open?: (path: string, init: RequestInit) => Promise<Response>;
  /** Silence after which the connection is presumed dead (keep-alives come every 15 s). */
  idleMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_IDLE_MS = 45_000;

/** 1 s, 2 s, 4 s ... up to 30 s, with jitter so that clients do not come back all at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.5 + random() / 2));
}

/** Reads the stream until `stop()` is called; returns `stop`. */
export function connectLive(handlers: LiveHandlers, options: LiveOptions = {}): () => void {
  const open = options.open ?? rawFetch;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let stopped = false;
  let controller: AbortController | null = null;
  let lastId: string | null = null;
  let attempt = 0;
  let connectedBefore = false;

  async function readOnce(): Promise<"renew" | "retry" | "stop"> {
    controller = new AbortController();
    const abort = controller;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => abort.abort(), idleMs);
    };
    let outcome: "renew" | "retry" = "retry";
    try {
      watch();
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (lastId) headers["Last-Event-ID"] = lastId;
      const response = await open("/api/v1/events", { headers, signal: abort.signal, cache: "no-store" });
      if (!response.body) return "retry";
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done || stopped) break;
        watch();
        for (const message of parser.feed(value)) {
          let data: Record<string, unknown> = {};
          try {
            data = message.data ? (JSON.parse(message.data) as Record<string, unknown>) : {};
          } catch {
            continue;
          }
          if (message.event === "ready") {
            attempt = 0;
            handlers.onStatus("live");
            if (connectedBefore && data.replayed !== true) handlers.onResync();
            connectedBefore = true;
          } else if (message.event === "reset") {
            handlers.onResync();
          } else if (message.event === "bye") {
            if (data.reason === "renew") outcome = "renew";
          } else {
            lastId = message.lastEventId;
            handlers.onEvent({ ...data, id: message.lastEventId, type: message.event } as LiveEvent);
          }
        }
      }
    } catch (error) {
      if (stopped) return "stop";
      // Signed out (after the client's refresh failed), or no longer allowed: stop asking.
      if (error instanceof ApiError && [401, 403, 404].includes(error.status)) return "stop";
    } finally {
      clearTimeout(idle);
      abort.abort();
    }
    return stopped ? "stop" : outcome;
  }

  void (async () => {
    handlers.onStatus("connecting");
    while (!stopped) {
      const outcome = await readOnce();
      if (stopped) return;
      if (outcome === "stop") {
        handlers.onStatus("off");
        return;
      }
      handlers.onStatus("reconnecting");
      await sleep(outcome === "renew" ? 0 : reconnectDelay(attempt++));
    }
  })();

  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Keeps the pipeline board of `workspace` true while it is shown. Changes that arrive while
 * `busy` (a card being dragged, a move waiting for the server) wait until it ends, so a refetch
 * never overwrites the user's own optimistic move; changes that come together are applied
 * together (one refetch). `ownMoves` holds leads this tab just moved: their echo is skipped,
 * the move's own settling refetches them. */
export function useLivePipeline(
  workspace: string,
  { busy, me, ownMoves }: { busy: boolean; me: string | null; ownMoves: Set<string> },
): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const pending = useRef(false);
  const busyNow = useRef(busy);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  busyNow.current = busy;

  const flush = useRef(() => {});
  flush.current = () => {
    if (!pending.current || busyNow.current) return;
    pending.current = false;
    void queryClient.invalidateQueries({ queryKey: ["pipeline", workspace] });
    // Lists and lead pages are not on screen: they refetch when shown next.
    void queryClient.invalidateQueries({ queryKey: ["leads"], refetchType: "none" });
    void queryClient.invalidateQueries({ queryKey: ["lead", workspace], refetchType: "none" });
  };

  useEffect(() => {
    if (!busy) flush.current();
  }, [busy]);

  useEffect(() => {
    if (!workspace) return;
    const schedule = () => {
      pending.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => flush.current(), 100);
    };
    const stop = connectLive({
      onStatus: setStatus,
      onResync: schedule,
      onEvent: (event) => {
        if (event.lead_id && event.actor_user_id === me && ownMoves.has(event.lead_id)) {
          ownMoves.delete(event.lead_id);
          return;
        }
        schedule();
      },
    });
    return () => {
      stop();
      clearTimeout(timer.current);
    };
  }, [workspace, me, ownMoves]);

  return status;
}

/** The workspace's events while the calling component is shown; `handlers` may change on every
 * render without reconnecting. */
export function useLiveStream(
  workspace: string,
  handlers: { onEvent: (event: LiveEvent) => void; onResync: () => void },
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!workspace) return;
    return connectLive({
      onStatus: setStatus,
      onResync: () => current.current.onResync(),
      onEvent: (event) => current.current.onEvent(event),
    });
  }, [workspace]);
  return status;
}
