// API keys: create (the key is shown once, with a copy button), list, revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Loaded, Panel } from "../components/settings";
import { Badge, Button, EmptyState, TextField, formatDate } from "../components/ui";
import { keyState } from "../lib/settings";
import { useSession, useWorkspace } from "../session";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => toast.info("Copying is not allowed here: select the text and copy it by hand."),
        )
      }
    >
      {copied ? "Copied" : label}
    </Button>
  );
}

export function SettingsApiKeysPage() {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const key = ["api-keys", workspace];
  const keys = useQuery({
    queryKey: key,
    enabled: can("api_keys:manage"),
    queryFn: () => unwrap(api.GET("/api/v1/api-keys")),
  });
  const [name, setName] = useState("");
  const [created, setCreated] = useState<Schemas["ApiKeyCreated"] | null>(null);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/api-keys", { body: { name } })),
    onSuccess: (made) => {
      setName("");
      setCreated(made);
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: toast.error,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/api-keys/{key_id}", { params: { path: { key_id: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
    onError: toast.error,
  });
  if (!can("api_keys:manage")) return <EmptyState title="Your role cannot manage API keys" />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <div className="flex flex-col gap-4">
      <Panel title="New API key">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <TextField
            label="Name"
            required
            maxLength={100}
            className="min-w-56 flex-1"
            placeholder="Website form sync"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create key
          </Button>
        </form>
        <p className="mt-2 text-xs text-slate-600">
          A key has your role's permissions, except managing members and keys. Send it as{" "}
          <code>Authorization: Bearer …</code>.
        </p>
        {created && (
          <div role="status" className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <p className="font-semibold">Copy the key “{created.name}” now: it is shown only this once.</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code data-testid="new-key" className="break-all rounded bg-white px-2 py-1 text-slate-900">
                {created.key}
              </code>
              <CopyButton text={created.key} />
              <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
                Done
              </Button>
            </div>
          </div>
        )}
      </Panel>
      <Panel title="Keys">
        <Loaded
          query={keys}
          loading="Loading keys…"
          empty={
            <EmptyState title="No API keys yet">Create one above to let another system add or read leads.</EmptyState>
          }
        >
          {(keys) => (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th className="py-1 pr-3 font-medium">Name</th>
                    <th className="py-1 pr-3 font-medium">Key</th>
                    <th className="py-1 pr-3 font-medium">Created</th>
                    <th className="py-1 pr-3 font-medium">Last used</th>
                    <th className="py-1 font-medium">State</th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((k) => {
                    const state = keyState(k);
                    return (
                      <tr key={k.id} className="border-t border-slate-100" data-key={k.name}>
                        <td className="py-2 pr-3 font-medium text-slate-900">{k.name}</td>
                        <td className="py-2 pr-3 font-mono text-xs text-slate-700">lw_{k.prefix}_…</td>
                        <td className="py-2 pr-3 whitespace-nowrap">{formatDate(k.created_at)}</td>
                        <td className="py-2 pr-3 whitespace-nowrap">
                          {k.last_used_at ? formatDate(k.last_used_at, true) : "Never"}
                        </td>
                        <td className="py-2">
                          <div className="flex items-center gap-2">
                            <Badge tone={state === "active" ? "green" : "slate"}>{state}</Badge>
                            {state === "active" && (
                              <Button
                                size="sm"
                                variant="ghost"
                                busy={revoke.isPending && revoke.variables === k.id}
                                onClick={() => {
                                  if (confirm(`Revoke the key “${k.name}”? Systems using it stop working.`))
                                    revoke.mutate(k.id);
                                }}
                              >
                                Revoke
                              </Button>
                            )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </Panel>
    </div>
  );
}
