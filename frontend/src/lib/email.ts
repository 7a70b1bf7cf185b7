// How the outgoing-email settings read: the server's security in words, and what a failed test
// email means for the person fixing it.
import { ApiError, describeError } from "../api/errors";

/** STARTTLS, TLS or plain text, as an administrator would name it. */
export function securityLabel(security: string): string {
  switch (security) {
    case "starttls":
      return "STARTTLS";
    case "tls":
      return "TLS (implicit)";
    case "none":
      return "None (plain text, for a local relay)";
    default:
      return security;
  }
}

export interface TestOutcome {
  ok: boolean;
  title: string;
  message: string;
  hint?: string;
}

const HINTS: Record<string, { title: string; hint?: string }> = {
  // The status above the form already says what that means and who sets it up.
  SMTP_NOT_CONFIGURED: { title: "The test email was not sent" },
  SMTP_REFUSED: {
    title: "The mail server refused the email",
    hint: "Check that the server accepts this sender (its address or domain) and that the recipient exists.",
  },
  SMTP_TIMEOUT: {
    title: "The mail server did not answer",
    hint: "Check the host, the port and the security: port 465 needs TLS, 587 STARTTLS.",
  },
  SMTP_UNREACHABLE: {
    title: "The mail server cannot be reached",
    hint: "Check the host and port, and that this server may connect to it (firewall).",
  },
  SMTP_ERROR: { title: "Sending failed" },
  RATE_LIMITED: { title: "Too many test emails", hint: "Wait a while before sending another." },
};

/** The answer to "Send a test email", success or failure, in words. */
export function testOutcome(
  result: { ok: true; to: string; sender: string } | { ok: false; error: unknown },
): TestOutcome {
  if (result.ok) {
    return {
      ok: true,
      title: "Test email sent",
      message: `The mail server accepted it for ${result.to}, from ${result.sender}.`,
      hint: "If it does not arrive within a few minutes, look in the spam folder.",
    };
  }
  const { error } = result;
  const known = error instanceof ApiError ? HINTS[error.code] : undefined;
  if (error instanceof ApiError && error.code === "RATE_LIMITED") {
    const seconds = Number(error.details.retry_after);
    const wait = Number.isFinite(seconds) && seconds > 0 ? ` Try again in ${waitLabel(seconds)}.` : "";
    return { ok: false, title: known!.title, message: `${error.message}${wait}` };
  }
  return {
    ok: false,
    title: known?.title ?? "The test email was not sent",
    message: describeError(error),
    hint: known?.hint,
  };
}

function waitLabel(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
