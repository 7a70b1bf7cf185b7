// Turns any failed answer (the API's error envelope, FastAPI's bare errors, a proxy's HTML page,
// a network failure) into one readable error.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: Record<string, unknown>;
    fieldErrors?: FieldError[];
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId ?? null;
  }
}

const FALLBACK: Record<number, string> = {
  400: "The request could not be understood.",
  401: "Your session has ended. Please sign in again.",
  403: "You do not have permission to do this.",
  404: "This no longer exists, or it is not in this workspace.",
  409: "This conflicts with the current state. Reload and try again.",
  413: "That is too large.",
  415: "That file type is not accepted.",
  422: "Some values are not valid.",
  429: "Too many attempts. Wait a moment and try again.",
  500: "Something went wrong on the server.",
  502: "The server cannot be reached right now.",
  503: "The service is unavailable right now.",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `body.email` → `email`; `query.score_min` → `score min`. */
export function fieldLabel(path: string): string {
  const parts = path.split(".").filter((p) => !["body", "query", "path", "header"].includes(p));
  return (parts.join(".") || path).replaceAll("_", " ");
}

function fieldErrorsOf(details: Record<string, unknown>): FieldError[] {
  const errors = details.errors;
  if (Array.isArray(errors)) {
    return errors.filter(isRecord).map((e) => ({
      field: fieldLabel(String(e.field ?? "")),
      message: String(e.message ?? "is not valid"),
    }));
  }
  if (typeof details.field === "string") return [{ field: fieldLabel(details.field), message: "" }];
  return [];
}

export function parseApiError(status: number, body: unknown, requestId: string | null = null): ApiError {
  const fallback = FALLBACK[status] ?? (status >= 500 ? FALLBACK[500]! : `Request failed (${status}).`);
  if (isRecord(body) && isRecord(body.error)) {
    const error = body.error;
    const details = isRecord(error.details) ? error.details : {};
    const message = typeof error.message === "string" && error.message ? error.message : fallback;
    return new ApiError({
      status,
      code: typeof error.code === "string" ? error.code : "ERROR",
      message,
      details,
      fieldErrors: fieldErrorsOf(details),
      requestId,
    });
  }
  // FastAPI's own shape, should a proxy or an older server answer.
  if (isRecord(body) && typeof body.detail === "string") {
    return new ApiError({ status, code: "ERROR", message: body.detail, requestId });
  }
  return new ApiError({ status, code: status >= 500 ? "INTERNAL_ERROR" : "ERROR", message: fallback, requestId });
}

export function networkError(cause: unknown): ApiError {
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  return new ApiError({
    status: 0,
    code: "NETWORK_ERROR",
    message: offline
      ? "You are offline. Check your connection and try again."
      : "The server could not be reached. Check your connection and try again.",
    details: { cause: String(cause) },
  });
}

/** A sentence for a toast or an alert: the message, then each field problem. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fieldErrors.filter((f) => f.message).map((f) => `${f.field}: ${f.message}`);
    const missing = error.details.missing_permissions;
    const extra = Array.isArray(missing) && missing.length ? ` (needs ${missing.join(", ")})` : "";
    return [error.message + extra, ...fields].join(" ");
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
