// Members and roles: list, invite (a new user gets an invitation link to pass on), change role,
// remove; pending invitations with a new link or revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap, unwrapPage, type Member, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { CopyButton } from "./SettingsApiKeys";
import { Loaded, Panel, RowActions } from "../components/settings";
import { Button, EmptyState, SelectField, TextField, formatDate, inputClass } from "../components/ui";
import { inviteLink } from "../lib/settings";
import { useSession, useWorkspace } from "../session";

type Role = Schemas["Role"];
export const ROLES: Role[] = ["owner", "admin", "manager", "sales", "viewer"];

export function SettingsMembersPage() {
  const workspace = useWorkspace();
  const { can, me } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const manage = can("members:manage");
  const key = ["members", workspace];
  const members = useQuery({
    queryKey: key,
    queryFn: async (): Promise<Member[]> =>
      (
        await unwrapPage(
          api.GET("/api/v1/workspaces/{workspace_id}/members", {
            params: { path: { workspace_id: workspace }, query: { limit: 200 } },
          }),
        )
      ).items,
  });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("sales");
  const [link, setInviteLink] = useState<{ email: string; url: string } | null>(null);
  const invitationsKey = ["invitations", workspace];
  const invitations = useQuery({
    queryKey: invitationsKey,
    enabled: manage,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/workspaces/{workspace_id}/invitations", { params: { path: { workspace_id: workspace } } }),
      ),
  });
  const invitationPath = (id: string) => ({ params: { path: { workspace_id: workspace, invitation_id: id } } });
  const renew = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/workspaces/{workspace_id}/invitations/{invitation_id}/renew", invitationPath(id))),
    onSuccess: (renewed) => {
      setInviteLink({ email: renewed.email, url: inviteLink(window.location.origin, renewed.token) });
      toast.info(`New link for ${renewed.email}; the old one no longer works`);
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
    },
    onError: toast.error,
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/workspaces/{workspace_id}/invitations/{invitation_id}", invitationPath(id))),
    onSuccess: (revoked) => {
      toast.info(`Revoked the invitation of ${revoked.email}`);
      if (link?.email === revoked.email) setInviteLink(null);
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
    },
    onError: toast.error,
  });
  const invite = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/workspaces/{workspace_id}/members", {
          params: { path: { workspace_id: workspace } },
          body: { email, role },
        }),
      ),
    onSuccess: (added) => {
      setEmail("");
      if (added.invitation) {
        setInviteLink({
          email: added.invitation.email,
          url: inviteLink(window.location.origin, added.invitation.token),
        });
        toast.info(`Invitation created for ${added.invitation.email}`);
      } else toast.info("Added to the workspace");
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
    },
    onError: toast.error,
  });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(
        api.PATCH("/api/v1/workspaces/{workspace_id}/members/{user_id}", {
          params: { path: { workspace_id: workspace, user_id: userId } },
          body: { role },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
    onError: (error) => {
      toast.error(error);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.DELETE("/api/v1/workspaces/{workspace_id}/members/{user_id}", {
          params: { path: { workspace_id: workspace, user_id: userId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
    onError: toast.error,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };

  return (
    <div className="flex flex-col gap-4">
      {manage && (
        <Panel title="Invite someone">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            <TextField
              label="Email"
              type="email"
              required
              className="min-w-56 flex-1"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="primary" busy={invite.isPending}>
              Invite
            </Button>
          </form>
          {link && (
            <div className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
              <p>
                Invitation link for {link.email}, shown only now: send it to them. It opens a page where they choose
                their name and password and join; it works once, for 7 days.
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <code className="break-all rounded bg-white px-2 py-1 text-slate-900" data-testid="invite-link">
                  {link.url}
                </code>
                <CopyButton text={link.url} />
              </div>
            </div>
          )}
        </Panel>
      )}
      {manage && (
        <Panel title="Pending invitations">
          <Loaded
            query={invitations}
            loading="Loading invitations…"
            empty={<p className="text-sm text-slate-600">Nobody is invited right now.</p>}
          >
            {(invitations) => (
              <ul className="divide-y divide-slate-100">
                {invitations.map((invitation) => (
                  <li
                    key={invitation.id}
                    data-invitation={invitation.email}
                    className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm"
                  >
                    <span className="min-w-48 flex-1 font-medium text-slate-900">{invitation.email}</span>
                    <span className="w-20 text-slate-800">{invitation.role}</span>
                    <span className={`w-44 ${invitation.expired ? "text-red-800" : "text-slate-700"}`}>
                      {invitation.expired ? "expired" : "expires"} {formatDate(invitation.expires_at)}
                    </span>
                    <span className="flex gap-1">
                      <Button
                        size="sm"
                        variant="ghost"
                        busy={renew.isPending && renew.variables === invitation.id}
                        onClick={() => renew.mutate(invitation.id)}
                      >
                        New link
                      </Button>
                      <RowActions
                        destroy={{
                          label: "Revoke",
                          confirm: `Revoke the invitation of ${invitation.email}? Its link stops working.`,
                          run: () => revoke.mutate(invitation.id),
                        }}
                      />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
        </Panel>
      )}
      <Panel title="Members">
        <Loaded query={members} loading="Loading members…" empty={<EmptyState title="No members" />}>
          {(members) => (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th className="py-1 pr-3 font-medium">Name</th>
                    <th className="py-1 pr-3 font-medium">Role</th>
                    <th className="py-1 pr-3 font-medium">Joined</th>
                    {manage && <th className="py-1 font-medium">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => {
                    const self = m.user_id === me?.id;
                    return (
                      <tr key={m.user_id} className="border-t border-slate-100" data-member={m.email}>
                        <td className="py-2 pr-3">
                          <p className="font-medium text-slate-900">{m.full_name || m.email}</p>
                          {m.full_name && <p className="text-xs text-slate-600">{m.email}</p>}
                        </td>
                        <td className="py-2 pr-3">
                          {manage && !self ? (
                            <select
                              aria-label={`Role of ${m.email}`}
                              className={`${inputClass} w-32 py-1`}
                              value={m.role}
                              onChange={(e) => changeRole.mutate({ userId: m.user_id, role: e.target.value as Role })}
                            >
                              {ROLES.map((r) => (
                                <option key={r} value={r}>
                                  {r}
                                </option>
                              ))}
                            </select>
                          ) : (
                            <span className="text-slate-800">{m.role}</span>
                          )}
                        </td>
                        <td className="py-2 pr-3 whitespace-nowrap text-slate-700">{formatDate(m.joined_at)}</td>
                        {manage && (
                          <td className="py-2">
                            {!self && (
                              <RowActions
                                destroy={{
                                  label: "Remove",
                                  confirm: `Remove ${m.email} from this workspace?`,
                                  run: () => remove.mutate(m.user_id),
                                }}
                              />
                            )}
                          </td>
                        )}
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
