// The invitation link's screen (/accept-invite#token=…): who invited you where, then your name and
// a password (or your existing account's password), and you are in.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { api, unwrap } from "../api/client";
import { ApiError } from "../api/errors";
import { Button, ErrorAlert, Spinner, TextField } from "../components/ui";
import { tokenFromHash } from "../lib/settings";
import { useSession } from "../session";
import { Card } from "./SignIn";

export function AcceptInvitePage({ onJoined }: { onJoined: () => void }) {
  const { acceptInvite } = useSession();
  const [token, setToken] = useState(() => tokenFromHash(window.location.hash));
  useEffect(() => {
    // A second link pasted into the same tab changes only the fragment.
    const onHash = () => setToken(tokenFromHash(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const invitation = useQuery({
    queryKey: ["invitation", token],
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
    queryFn: () => unwrap(api.POST("/api/v1/auth/invitation", { body: { token: token! } })),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token || !invitation.data) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await acceptInvite(
        { token, full_name: String(form.get("full_name") ?? ""), password: String(form.get("password")) },
        invitation.data.workspace_id,
      );
      onJoined();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  if (!token || invitation.isError) {
    const expired = invitation.error instanceof ApiError && invitation.error.status === 401;
    return (
      <Card title="This invitation cannot be used" subtitle="Ask whoever invited you for a new link.">
        <div className="space-y-4 text-sm text-slate-700">
          {!token ? (
            <p>The link has no invitation in it; open the whole link you were sent.</p>
          ) : expired ? (
            <p>It was used already, revoked, or is more than 7 days old.</p>
          ) : (
            <ErrorAlert error={invitation.error} title="The invitation could not be checked" />
          )}
          <a className="block text-center text-indigo-700 underline" href="/">
            Go to sign-in
          </a>
        </div>
      </Card>
    );
  }
  if (!invitation.data) {
    return (
      <div className="flex min-h-screen items-center justify-center">
        <Spinner label="Checking your invitation…" />
      </div>
    );
  }
  const { email, role, workspace_name: workspace, existing_account: existing } = invitation.data;
  return (
    <Card title={`Join ${workspace}`} subtitle={`You are invited as ${role}.`}>
      <form onSubmit={submit} className="space-y-4">
        {error !== null && <ErrorAlert title="You could not join" error={error} />}
        <TextField label="Email" value={email} readOnly autoComplete="username" />
        {existing ? (
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            hint="You already have an account: enter its password."
          />
        ) : (
          <>
            <TextField label="Your name" name="full_name" autoComplete="name" maxLength={200} />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              maxLength={128}
              hint="At least 10 characters."
            />
          </>
        )}
        <Button type="submit" variant="primary" busy={busy} className="w-full">
          Join {workspace}
        </Button>
      </form>
    </Card>
  );
}
