// The workspace: its name and the sender of its emails (form notifications and confirmations).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Loaded, Panel } from "../components/settings";
import { Button, TextField } from "../components/ui";
import { useSession, useWorkspace } from "../session";

function WorkspaceForm({ workspace, editable }: { workspace: Schemas["WorkspaceRead"]; editable: boolean }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [sender, setSender] = useState(workspace.email_from ?? "");
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/workspaces/{workspace_id}", {
          params: { path: { workspace_id: workspace.id } },
          body: { name, email_from: sender.trim() || null },
        }),
      ),
    onSuccess: () => {
      toast.info("Workspace saved");
      void queryClient.invalidateQueries({ queryKey: ["workspace", workspace.id] });
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
        hint="Form notifications and confirmations come from this address. Empty: the server's default sender (SMTP settings are the server's, see the operations guide)."
        placeholder="Acme Sales <sales@acme.example>"
        maxLength={320}
        disabled={!editable}
        value={sender}
        onChange={(e) => setSender(e.target.value)}
      />
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

export function SettingsWorkspacePage() {
  const workspaceId = useWorkspace();
  const { can } = useSession();
  const workspace = useQuery({
    queryKey: ["workspace", workspaceId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/workspaces/{workspace_id}", { params: { path: { workspace_id: workspaceId } } })),
  });
  return (
    <Panel title="Workspace and email">
      <Loaded query={workspace} loading="Loading…">
        {(workspace) => <WorkspaceForm key={workspace.id} workspace={workspace} editable={can("workspace:update")} />}
      </Loaded>
    </Panel>
  );
}
