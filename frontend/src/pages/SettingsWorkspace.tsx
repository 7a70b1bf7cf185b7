// The workspace: its name, the sender of its emails and which notifications it sends; and the
// server's outgoing email (is it set up, does it work: a test email).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Loaded, Panel } from "../components/settings";
import { Badge, Button, TextField } from "../components/ui";
import { securityLabel, testOutcome, type TestOutcome } from "../lib/email";
import { useSession, useWorkspace } from "../session";

type Notifications = Schemas["NotificationOptions"];

const NOTIFICATION_LABELS: { key: keyof Notifications; label: string; hint: string }[] = [
  {
    key: "lead_assigned",
    label: "Email a lead's new owner when it is assigned to them",
    hint: "By a person or an assignment rule; nobody is emailed about what they did themselves.",
  },
  {
    key: "new_lead",
    label: "Email about each form submission",
    hint: "To the form's notify addresses, or else the lead's owner. The confirmation to the person who submitted is each form's own option.",
  },
];

function WorkspaceForm({ workspace, editable }: { workspace: Schemas["WorkspaceRead"]; editable: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [sender, setSender] = useState(workspace.email_from ?? "");
  const [notifications, setNotifications] = useState<Notifications>({
    lead_assigned: workspace.notifications?.lead_assigned ?? true,
    new_lead: workspace.notifications?.new_lead ?? true,
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/workspaces/{workspace_id}", {
          params: { path: { workspace_id: workspace.id } },
          body: { name, email_from: sender.trim() || null, notifications },
        }),
      ),
    onSuccess: () => {
      toast.info("Workspace saved");
      void queryClient.invalidateQueries({ queryKey: ["workspace", workspace.id] });
      void queryClient.invalidateQueries({ queryKey: ["email-status", workspace.id] });
    },
    onError: toast.error,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="flex max-w-xl flex-col gap-3">
      <TextField
        label="Workspace name"
        required
        maxLength={200}
        disabled={!editable}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        label="Sender of emails"
        hint="Notifications and form confirmations come from this address. Empty: the server's default sender (see Outgoing email below)."
        placeholder="Acme Sales <sales@acme.example>"
        maxLength={320}
        disabled={!editable}
        value={sender}
        onChange={(e) => setSender(e.target.value)}
      />
      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Notifications to members</legend>
        {NOTIFICATION_LABELS.map(({ key, label, hint }) => (
          <div key={key} className="flex items-start gap-2">
            <input
              id={`notify-${key}`}
              type="checkbox"
              className="mt-0.5 h-4 w-4 shrink-0"
              aria-describedby={`notify-${key}-hint`}
              disabled={!editable}
              checked={notifications[key]}
              onChange={(e) => setNotifications({ ...notifications, [key]: e.target.checked })}
            />
            <div>
              <label htmlFor={`notify-${key}`} className="text-sm text-slate-900">
                {label}
              </label>
              <p id={`notify-${key}-hint`} className="text-xs text-slate-600">
                {hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      {editable && (
        <div>
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save
          </Button>
        </div>
      )}
    </form>
  );
}

function StatusList({ status }: { status: Schemas["SmtpStatusRead"] }) {
  const rows: [string, string][] = status.configured
    ? [
        ["Server", `${status.host}:${status.port}`],
        ["Security", securityLabel(status.security)],
        ["Sign-in", status.authenticated ? "With a username and password" : "None"],
      ]
    : [];
  rows.push([
    "Sender",
    status.workspace_sender ? `${status.sender} (this workspace's)` : `${status.sender} (the server's default)`,
  ]);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm" data-testid="smtp-state">
        {status.configured ? (
          <Badge tone="green">Configured</Badge>
        ) : (
          <>
            <Badge tone="amber">Not configured</Badge>{" "}
            <span className="text-slate-700">
              No email is sent: notifications are recorded on each lead's timeline instead. The server's administrator
              sets <code className="break-words">LEADWISE_SMTP__HOST</code> (see the operations guide).
            </span>
          </>
        )}
      </p>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd className="mb-1 break-all text-slate-900 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function OutcomeNote({ outcome }: { outcome: TestOutcome }) {
  const tone = outcome.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900";
  return (
    <div role={outcome.ok ? "status" : "alert"} className={`rounded-md border p-3 text-sm ${tone}`}>
      <p className="font-semibold">{outcome.title}</p>
      <p className="mt-1 break-words">{outcome.message}</p>
      {outcome.hint && <p className="mt-1">{outcome.hint}</p>}
    </div>
  );
}

function TestEmailForm({ workspaceId, defaultTo }: { workspaceId: string; defaultTo: string }) {
  const [to, setTo] = useState(defaultTo);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/workspaces/{workspace_id}/email/test", {
          params: { path: { workspace_id: workspaceId } },
          body: { to: to.trim() },
        }),
      ),
    onMutate: () => setOutcome(null),
    onSuccess: (sent) => setOutcome(testOutcome({ ok: true, to: sent.to, sender: sent.sender })),
    onError: (error) => setOutcome(testOutcome({ ok: false, error })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Send a test email">
        <TextField
          label="Send a test email to"
          type="email"
          required
          maxLength={320}
          autoComplete="email"
          className="min-w-0 flex-1 basis-64"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <Button type="submit" variant="primary" busy={send.isPending}>
          Send test email
        </Button>
      </form>
      <div aria-live="polite">{outcome && <OutcomeNote outcome={outcome} />}</div>
    </div>
  );
}

function OutgoingEmail({ workspaceId }: { workspaceId: string }) {
  const { me } = useSession();
  const status = useQuery({
    queryKey: ["email-status", workspaceId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/workspaces/{workspace_id}/email", { params: { path: { workspace_id: workspaceId } } })),
  });
  return (
    <Panel
      title="Outgoing email"
      intro="The SMTP server is set up by the server's administrator, for every workspace; a test email shows whether it works."
    >
      <Loaded query={status} loading="Loading…">
        {(status) => (
          <div className="flex flex-col gap-4">
            <StatusList status={status} />
            <TestEmailForm key={workspaceId} workspaceId={workspaceId} defaultTo={me?.email ?? ""} />
          </div>
        )}
      </Loaded>
    </Panel>
  );
}

export function SettingsWorkspacePage() {
  const workspaceId = useWorkspace();
  const { can } = useSession();
  const workspace = useQuery({
    queryKey: ["workspace", workspaceId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/workspaces/{workspace_id}", { params: { path: { workspace_id: workspaceId } } })),
  });
  return (
    <div className="flex flex-col gap-4">
      <Panel title="Workspace and email">
        <Loaded query={workspace} loading="Loading…">
          {(workspace) => <WorkspaceForm key={workspace.id} workspace={workspace} editable={can("workspace:update")} />}
        </Loaded>
      </Panel>
      {can("settings:manage") && <OutgoingEmail workspaceId={workspaceId} />}
    </div>
  );
}
