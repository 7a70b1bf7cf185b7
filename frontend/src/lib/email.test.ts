import { describe, expect, it } from "vitest";
import { parseApiError } from "../api/errors";
import { securityLabel, testOutcome } from "./email";

const failure = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  testOutcome({ ok: false, error: parseApiError(status, { success: false, error: { code, message, details } }) });

describe("securityLabel", () => {
  it("names each mode", () => {
    expect(securityLabel("starttls")).toBe("STARTTLS");
    expect(securityLabel("tls")).toBe("TLS (implicit)");
    expect(securityLabel("none")).toMatch(/plain text/);
    expect(securityLabel("other")).toBe("other");
  });
});

describe("testOutcome", () => {
  it("tells a success with the recipient and the sender", () => {
    const outcome = testOutcome({ ok: true, to: "ada@example.com", sender: "Acme <sales@acme.example>" });
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toBe("The mail server accepted it for ada@example.com, from Acme <sales@acme.example>.");
  });

  it("keeps the server's words and adds what to check", () => {
    const refused = failure(502, "SMTP_REFUSED", "The mail server smtp:25 refused the email: 550 No such user", {
      smtp_code: 550,
    });
    expect(refused).toMatchObject({ ok: false, title: "The mail server refused the email" });
    expect(refused.message).toContain("550 No such user");
    expect(refused.hint).toMatch(/sender/);
    expect(failure(504, "SMTP_TIMEOUT", "did not answer").hint).toMatch(/465 needs TLS/);
    expect(failure(409, "SMTP_NOT_CONFIGURED", "Outgoing email is not set up")).toMatchObject({
      title: "The test email was not sent",
      message: "Outgoing email is not set up",
      hint: undefined,
    });
  });

  it("says how long to wait when rate limited", () => {
    expect(failure(429, "RATE_LIMITED", "Too many requests; retry later.", { retry_after: 42 }).message).toBe(
      "Too many requests; retry later. Try again in 42 seconds.",
    );
    expect(failure(429, "RATE_LIMITED", "Too many requests.", { retry_after: 600 }).message).toMatch(/10 minutes\.$/);
  });

  it("falls back to the error's own message", () => {
    const outcome = testOutcome({ ok: false, error: new Error("boom") });
    expect(outcome).toMatchObject({ ok: false, title: "The test email was not sent", message: "boom" });
  });
});
