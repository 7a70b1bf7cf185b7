// The typed API client. The access token lives in memory only; the refresh token is an
// httpOnly cookie the server sets in cookie mode (`X-Session-Mode: cookie`), so no script
// can read it. A 401 triggers one refresh (shared by concurrent requests) and one retry.
import createClient from "openapi-fetch";
import { ApiError, networkError, parseApiError } from "./errors";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Lead = Schemas["LeadRead"];
export type Stage = Schemas["StageRead"];
export type Activity = Schemas["ActivityRead"];
export type Attachment = Schemas["AttachmentRead"];
export type Company = Schemas["CompanyRead"];
export type Me = Schemas["MeRead"];
export type Member = Schemas["MemberRead"];
export type LeadSource = Schemas["LeadSource"];

const WORKSPACE_KEY = "leadwise.workspace";

let accessToken: string | null = null;
let workspaceId: string | null = readStoredWorkspace();
let refreshing: Promise<boolean> | null = null;
let onSessionLost: (() => void) | null = null;

function readStoredWorkspace(): string | null {
  try {
    return globalThis.localStorage?.getItem(WORKSPACE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

export function getWorkspaceId(): string | null {
  return workspaceId;
}

export function setWorkspaceId(id: string | null): void {
  workspaceId = id;
  try {
    if (id) localStorage.setItem(WORKSPACE_KEY, id);
    else localStorage.removeItem(WORKSPACE_KEY);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

export function whenSessionLost(callback: (() => void) | null): void {
  onSessionLost = callback;
}

function withHeaders(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set("X-Session-Mode", "cookie");
  if (accessToken && !headers.has("Authorization")) headers.set("Authorization", `Bearer ${accessToken}`);
  if (workspaceId && !headers.has("X-Workspace-ID")) headers.set("X-Workspace-ID", workspaceId);
  return new Request(request, { headers });
}

async function rotate(): Promise<boolean> {
  const response = await fetch("/api/v1/auth/refresh", {
    method: "POST",
    headers: { "X-Session-Mode": "cookie" },
    credentials: "same-origin",
  });
  if (!response.ok) {
    accessToken = null;
    return false;
  }
  const body = (await response.json()) as { data: { access_token: string } };
  accessToken = body.data.access_token;
  return true;
}

/** Rotates the refresh cookie into a new access token; false when there is no session.
 *
 * Tabs share the cookie, and a refresh token presented twice revokes the whole session: so
 * tabs take turns (a Web Lock), each one then presenting the cookie the previous one set. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      return locks ? await locks.request("leadwise-refresh", rotate) : await rotate();
    } catch {
      return false;
    } finally {
      setTimeout(() => {
        refreshing = null;
      }, 0);
    }
  })();
  return refreshing;
}

// A 401 from these is about what was sent (a password, an invitation token), not the session.
const NO_RETRY = [
  "/api/v1/auth/login",
  "/api/v1/auth/refresh",
  "/api/v1/setup",
  "/api/v1/auth/invitation",
  "/api/v1/auth/accept-invite",
];

/** fetch with the session's headers, one refresh-and-retry on 401, and network errors as ApiError. */
export async function authFetch(input: Request): Promise<Response> {
  const original = input.clone();
  let response: Response;
  try {
    response = await fetch(withHeaders(input));
  } catch (error) {
    throw networkError(error);
  }
  const path = new URL(original.url, location.origin).pathname;
  if (response.status !== 401 || NO_RETRY.includes(path)) return response;
  if (!(await refreshSession())) {
    onSessionLost?.();
    return response;
  }
  try {
    return await fetch(withHeaders(original));
  } catch (error) {
    throw networkError(error);
  }
}

export const api = createClient<paths>({
  baseUrl: "",
  fetch: authFetch,
  querySerializer: { array: { style: "form", explode: true } },
});

/** The `data` of a successful answer, or the answer's error thrown as ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: { data: T }; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data) return data.data;
  throw parseApiError(response.status, error, response.headers.get("X-Request-ID"));
}

/** Like unwrap, for lists: the items and the next cursor. */
export async function unwrapPage<T>(
  call: Promise<{
    data?: { data: T[]; meta: { next_cursor?: string | null; limit: number } };
    error?: unknown;
    response: Response;
  }>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const { data, error, response } = await call;
  if (response.ok && data) return { items: data.data, nextCursor: data.meta.next_cursor ?? null };
  throw parseApiError(response.status, error, response.headers.get("X-Request-ID"));
}

/** For endpoints outside the typed client (multipart uploads, file downloads). */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await authFetch(new Request(path, init));
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw parseApiError(response.status, body, response.headers.get("X-Request-ID"));
  }
  return response;
}

export { ApiError };
