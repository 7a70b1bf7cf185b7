// Custom fields: the workspace's extra lead fields (list, add, edit label/options/required, delete).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { FormButtons, Loaded, Panel, RowActions } from "../components/settings";
import { Badge, Button, Dialog, EmptyState, SelectField, TextField } from "../components/ui";
import { lines } from "../lib/forms";
import { keyFromLabel } from "../lib/settings";
import { useSession, useWorkspace } from "../session";

type Field = Schemas["CustomFieldRead"];
type FieldType = Schemas["CustomFieldType"];
const TYPES: FieldType[] = ["text", "number", "date", "select", "boolean"];

function EditField({ field, onClose }: { field: Field; onClose: () => void }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(field.label);
  const [options, setOptions] = useState(field.options.join(", "));
  const [required, setRequired] = useState(field.required);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/custom-fields/{field_id}", {
          params: { path: { field_id: field.id } },
          body: { label, required, ...(field.type === "select" ? { options: lines(options) } : {}) },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["custom-fields", workspace] });
      onClose();
    },
    onError: toast.error,
  });
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField label="Label" required maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />
      {field.type === "select" && (
        <TextField label="Options (comma-separated)" value={options} onChange={(e) => setOptions(e.target.value)} />
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        Required on new leads
      </label>
      <FormButtons onCancel={onClose} busy={save.isPending} submit="Save field" />
    </form>
  );
}

export function SettingsFieldsPage() {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const manage = can("settings:manage");
  const fields = useQuery({
    queryKey: ["custom-fields", workspace],
    queryFn: () => unwrap(api.GET("/api/v1/custom-fields")),
  });
  const [label, setLabel] = useState("");
  const [key, setKey] = useState("");
  const [type, setType] = useState<FieldType>("text");
  const [options, setOptions] = useState("");
  const [editing, setEditing] = useState<Field | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["custom-fields", workspace] });
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/custom-fields", {
          body: {
            label,
            key: key || keyFromLabel(label),
            type,
            options: type === "select" ? lines(options) : [],
            required: false,
            position: fields.data?.length ?? 0,
          },
        }),
      ),
    onSuccess: () => {
      setLabel("");
      setKey("");
      setOptions("");
      void refresh();
    },
    onError: toast.error,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/custom-fields/{field_id}", { params: { path: { field_id: id } } })),
    onSuccess: () => void refresh(),
    onError: toast.error,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <div className="flex flex-col gap-4">
      <Panel title="Custom fields">
        <Loaded
          query={fields}
          loading="Loading fields…"
          empty={
            <EmptyState title="No custom fields yet">
              Add fields your team tracks on every lead, such as budget or seats.
            </EmptyState>
          }
        >
          {(fields) => (
            <ul className="flex flex-col divide-y divide-slate-100">
              {fields.map((field) => (
                <li key={field.id} className="flex flex-wrap items-center gap-2 py-2" data-field={field.key}>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-slate-900">
                      {field.label} {field.required && <Badge tone="amber">required</Badge>}
                    </p>
                    <p className="truncate text-xs text-slate-600">
                      <code>{field.key}</code> · {field.type}
                      {field.options.length > 0 && ` · ${field.options.join(", ")}`}
                    </p>
                  </div>
                  {manage && (
                    <>
                      <RowActions
                        onEdit={() => setEditing(field)}
                        destroy={{ confirm: `Delete the field “${field.label}”?`, run: () => remove.mutate(field.id) }}
                      />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </Panel>
      {manage && (
        <Panel title="Add a field">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            <TextField
              label="Label"
              required
              maxLength={200}
              className="min-w-48 flex-1"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
            <TextField
              label="Key"
              className="min-w-40"
              pattern="[a-z][a-z0-9_]{0,63}"
              placeholder={keyFromLabel(label) || "budget"}
              value={key}
              onChange={(e) => setKey(e.target.value)}
            />
            <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value as FieldType)}>
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </SelectField>
            {type === "select" && (
              <TextField
                label="Options"
                className="min-w-48"
                placeholder="Small, Medium, Large"
                value={options}
                onChange={(e) => setOptions(e.target.value)}
              />
            )}
            <Button type="submit" variant="primary" busy={create.isPending}>
              Add field
            </Button>
          </form>
        </Panel>
      )}
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={`Edit ${editing?.label ?? ""}`}>
        {editing && <EditField key={editing.id} field={editing} onClose={() => setEditing(null)} />}
      </Dialog>
    </div>
  );
}
