import { useState, type FormEvent, type ReactNode } from "react";
import { ApiError } from "../api/errors";
import { Button, ErrorAlert, TextField } from "../components/ui";
import { useSession } from "../session";

export function Card({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold tracking-tight text-indigo-800">Leadwise</p>
          <h1 className="mt-4 text-xl font-semibold text-slate-900">{title}</h1>
          <p className="mt-1 text-sm text-slate-600">{subtitle}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}

export function LoginPage() {
  const { login, notice } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await login(String(form.get("email")), String(form.get("password")));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Card title="Sign in" subtitle="Welcome back. Sign in to your workspace.">
      <form onSubmit={submit} className="space-y-4" noValidate={false}>
        {notice && !error && (
          <p role="status" className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">
            {notice}
          </p>
        )}
        {error !== null && (
          <ErrorAlert
            title={error instanceof ApiError && error.status === 401 ? "Could not sign in" : "Sign-in failed"}
            error={error}
          />
        )}
        <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" variant="primary" busy={busy} className="w-full">
          Sign in
        </Button>
      </form>
    </Card>
  );
}

export function SetupPage() {
  const { setup } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await setup({
        full_name: String(form.get("full_name")),
        email: String(form.get("email")),
        password: String(form.get("password")),
        workspace_name: String(form.get("workspace_name")),
      });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Card title="Set up Leadwise" subtitle="Create the owner account and your first workspace.">
      <form onSubmit={submit} className="space-y-4">
        {error !== null && <ErrorAlert title="Setup failed" error={error} />}
        <TextField label="Your name" name="full_name" autoComplete="name" />
        <TextField label="Email" name="email" type="email" autoComplete="username" required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
        />
        <TextField label="Workspace name" name="workspace_name" required placeholder="Acme Sales" />
        <Button type="submit" variant="primary" busy={busy} className="w-full">
          Create workspace
        </Button>
      </form>
    </Card>
  );
}
