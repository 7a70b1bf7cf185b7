// Assignment rules: which members new leads go to (round robin or least loaded), by source and country.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap, type LeadSource, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { FormButtons, Loaded, Panel, RowActions } from "../components/settings";
import { Badge, Button, Dialog, EmptyState, SelectField, Spinner, TextField } from "../components/ui";
import { memberName, useMembers } from "../hooks";
import { SOURCES } from "../lib/filters";
import { countryCodes } from "../lib/settings";
import { useSession, useWorkspace } from "../session";

type Rule = Schemas["AssignmentRuleRead"];
type Strategy = Schemas["AssignmentStrategy"];
const STRATEGY_LABEL: Record<Strategy, string> = { round_robin: "Round robin", least_loaded: "Least loaded" };

function RuleEditor({ rule, position, onClose }: { rule: Rule | "new"; position: number; onClose: () => void }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const queryClient = useQueryClient();
  const members = useMembers();
  const start = rule === "new" ? null : rule;
  const [name, setName] = useState(start?.name ?? "");
  const [strategy, setStrategy] = useState<Strategy>(start?.strategy ?? "round_robin");
  const [users, setUsers] = useState<string[]>(start?.user_ids ?? []);
  const [sources, setSources] = useState<string[]>(start?.sources ?? []);
  const [countries, setCountries] = useState(start?.countries.join(", ") ?? "");
  const [active, setActive] = useState(start?.is_active ?? true);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        strategy,
        user_ids: users,
        sources: sources as LeadSource[],
        countries: countryCodes(countries),
        is_active: active,
      };
      return start
        ? unwrap(api.PATCH("/api/v1/assignment-rules/{rule_id}", { params: { path: { rule_id: start.id } }, body }))
        : unwrap(api.POST("/api/v1/assignment-rules", { body: { ...body, position } }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["assignment-rules", workspace] });
      onClose();
    },
    onError: toast.error,
  });
  const flip = (list: string[], set: (next: string[]) => void, value: string, on: boolean) =>
    set(on ? [...list, value] : list.filter((v) => v !== value));
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!users.length) toast.info("Choose at least one member to assign to.");
        else save.mutate();
      }}
    >
      <TextField label="Rule name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <SelectField label="Strategy" value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)}>
        <option value="round_robin">Round robin (each member in turn)</option>
        <option value="least_loaded">Least loaded (fewest open leads)</option>
      </SelectField>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Assign to</legend>
        {!members.data ? (
          <Spinner small />
        ) : (
          <div className="grid gap-1 sm:grid-cols-2">
            {members.data
              .filter((m) => m.role !== "viewer")
              .map((m) => (
                <label key={m.user_id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={users.includes(m.user_id)}
                    onChange={(e) => flip(users, setUsers, m.user_id, e.target.checked)}
                  />
                  {m.full_name || m.email}
                </label>
              ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Only leads from (none ticked: any source)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {SOURCES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={sources.includes(s)}
                onChange={(e) => flip(sources, setSources, s, e.target.checked)}
              />
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label="Only these countries (ISO codes; empty: any)"
        placeholder="DE, AT, CH"
        value={countries}
        onChange={(e) => setCountries(e.target.value)}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        Active
      </label>
      <FormButtons onCancel={onClose} busy={save.isPending} submit="Save rule" />
    </form>
  );
}

export function SettingsRulesPage() {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const members = useMembers();
  const manage = can("leads:assign");
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const rules = useQuery({
    queryKey: ["assignment-rules", workspace],
    queryFn: () => unwrap(api.GET("/api/v1/assignment-rules")),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/assignment-rules/{rule_id}", { params: { path: { rule_id: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["assignment-rules", workspace] }),
    onError: toast.error,
  });
  return (
    <Panel
      title="Assignment rules"
      intro="A new lead without an owner goes to the first active rule that matches its source and country."
      actions={
        manage && (
          <Button variant="primary" onClick={() => setEditing("new")}>
            New rule
          </Button>
        )
      }
    >
      <Loaded
        query={rules}
        loading="Loading rules…"
        empty={<EmptyState title="No assignment rules">New leads stay unassigned until someone takes them.</EmptyState>}
      >
        {(rules) => (
          <ol className="flex flex-col divide-y divide-slate-100">
            {rules.map((rule) => (
              <li key={rule.id} className="flex flex-wrap items-center gap-2 py-2.5" data-rule={rule.name}>
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {rule.name}{" "}
                    <Badge tone={rule.is_active ? "green" : "slate"}>{rule.is_active ? "active" : "off"}</Badge>
                  </p>
                  <p className="text-xs text-slate-600">
                    {STRATEGY_LABEL[rule.strategy]} to{" "}
                    {rule.user_ids.map((id) => memberName(members.data, id)).join(", ")} ·{" "}
                    {rule.sources.length ? rule.sources.join(", ") : "any source"} ·{" "}
                    {rule.countries.length ? rule.countries.join(", ") : "any country"}
                  </p>
                </div>
                {manage && (
                  <>
                    <RowActions
                      onEdit={() => setEditing(rule)}
                      destroy={{ confirm: `Delete the rule “${rule.name}”?`, run: () => remove.mutate(rule.id) }}
                    />
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </Loaded>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "New rule" : "Edit rule"}
        wide
      >
        {editing !== null && (
          <RuleEditor
            key={editing === "new" ? "new" : editing.id}
            rule={editing}
            position={rules.data?.length ?? 0}
            onClose={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Panel>
  );
}
