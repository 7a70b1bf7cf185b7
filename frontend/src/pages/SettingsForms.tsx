// Capture forms: list, create, edit, delete, and the embed snippet for a website.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, unwrap, unwrapPage, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { FormButtons, Loaded, Panel, RowActions } from "../components/settings";
import { Badge, Button, Dialog, EmptyState, SelectField, TextField, inputClass } from "../components/ui";
import { FIELD_LABELS, FORM_FIELDS, embedSnippet, lines } from "../lib/forms";
import { useSession, useWorkspace } from "../session";
import { CopyButton } from "./SettingsApiKeys";

type Form = Schemas["FormRead"];
type Policy = "flag" | "merge" | "create";

interface Draft {
  name: string;
  allowed_fields: string[];
  required_fields: string[];
  allowed_origins: string;
  redirect_url: string;
  tags: string;
  duplicate_policy: Policy;
  accept_files: boolean;
  is_active: boolean;
  notify_emails: string;
  send_confirmation: boolean;
  confirmation_subject: string;
  confirmation_message: string;
}

const NEW_FORM: Draft = {
  name: "",
  allowed_fields: ["first_name", "last_name", "email", "phone", "company_name", "message"],
  required_fields: ["email"],
  allowed_origins: "",
  redirect_url: "",
  tags: "",
  duplicate_policy: "flag",
  accept_files: false,
  is_active: true,
  notify_emails: "",
  send_confirmation: false,
  confirmation_subject: "",
  confirmation_message: "",
};

function draftOf(form: Form): Draft {
  return {
    name: form.name,
    allowed_fields: form.allowed_fields,
    required_fields: form.required_fields,
    allowed_origins: form.allowed_origins.join("\n"),
    redirect_url: form.redirect_url ?? "",
    tags: form.tags.join(", "),
    duplicate_policy: form.duplicate_policy as Policy,
    accept_files: form.accept_files,
    is_active: form.is_active,
    notify_emails: form.notify_emails.join("\n"),
    send_confirmation: form.send_confirmation,
    confirmation_subject: form.confirmation_subject ?? "",
    confirmation_message: form.confirmation_message ?? "",
  };
}

function FormEditor({ form, onClose }: { form: Form | "new"; onClose: () => void }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(form === "new" ? NEW_FORM : draftOf(form));
  const custom = draft.allowed_fields.filter((f) => !(FORM_FIELDS as readonly string[]).includes(f));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: draft.name,
        allowed_fields: draft.allowed_fields,
        required_fields: draft.required_fields.filter((f) => draft.allowed_fields.includes(f)),
        allowed_origins: lines(draft.allowed_origins),
        redirect_url: draft.redirect_url.trim() || null,
        tags: lines(draft.tags),
        duplicate_policy: draft.duplicate_policy,
        accept_files: draft.accept_files,
        is_active: draft.is_active,
        notify_emails: lines(draft.notify_emails),
        send_confirmation: draft.send_confirmation,
        confirmation_subject: draft.confirmation_subject.trim() || null,
        confirmation_message: draft.confirmation_message.trim() || null,
      };
      return form === "new"
        ? unwrap(api.POST("/api/v1/forms", { body }))
        : unwrap(api.PATCH("/api/v1/forms/{form_id}", { params: { path: { form_id: form.id } }, body }));
    },
    onSuccess: (saved) => {
      toast.info(`Saved ${saved.name}`);
      void queryClient.invalidateQueries({ queryKey: ["forms", workspace] });
      onClose();
    },
    onError: toast.error,
  });
  const toggle = (key: "allowed_fields" | "required_fields", field: string, on: boolean) =>
    setDraft((d) => ({ ...d, [key]: on ? [...d[key], field] : d[key].filter((f) => f !== field) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <TextField
        label="Form name"
        required
        maxLength={200}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Fields (and which are required)</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {[...FORM_FIELDS, ...custom].map((field) => {
            const shown = draft.allowed_fields.includes(field);
            return (
              <div
                key={field}
                className="flex items-center justify-between gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50"
              >
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={shown}
                    onChange={(e) => toggle("allowed_fields", field, e.target.checked)}
                  />
                  {FIELD_LABELS[field]?.startsWith("I ") ? field.replace("_", " ") : (FIELD_LABELS[field] ?? field)}
                </label>
                {shown && (
                  <label className="flex items-center gap-1 text-xs text-slate-600">
                    <input
                      type="checkbox"
                      aria-label={`${field} required`}
                      checked={draft.required_fields.includes(field)}
                      onChange={(e) => toggle("required_fields", field, e.target.checked)}
                    />
                    required
                  </label>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      <div>
        <label htmlFor="form-origins" className="mb-1 block text-sm font-medium text-slate-700">
          Allowed pages (origins, one per line; empty: any)
        </label>
        <textarea
          id="form-origins"
          rows={2}
          className={inputClass}
          placeholder="https://www.example.com"
          value={draft.allowed_origins}
          onChange={(e) => setDraft({ ...draft, allowed_origins: e.target.value })}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Thank-you page (redirect URL)"
          type="url"
          placeholder="https://www.example.com/thanks"
          value={draft.redirect_url}
          onChange={(e) => setDraft({ ...draft, redirect_url: e.target.value })}
        />
        <TextField
          label="Tags for its leads"
          placeholder="webinar, emea"
          value={draft.tags}
          onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
        />
      </div>
      <SelectField
        label="A submission with the email of an existing lead"
        value={draft.duplicate_policy}
        onChange={(e) => setDraft({ ...draft, duplicate_policy: e.target.value as Policy })}
      >
        <option value="flag">Create the lead and flag the pair for review</option>
        <option value="merge">Add it to the existing lead</option>
        <option value="create">Only create the lead</option>
      </SelectField>
      <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Emails</legend>
        <TextField
          label="Notify (addresses; empty: the lead's owner)"
          placeholder="sales@example.com"
          value={draft.notify_emails}
          onChange={(e) => setDraft({ ...draft, notify_emails: e.target.value })}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.send_confirmation}
            onChange={(e) => setDraft({ ...draft, send_confirmation: e.target.checked })}
          />
          Email the person a confirmation
        </label>
        {draft.send_confirmation && (
          <>
            <TextField
              label="Confirmation subject"
              maxLength={200}
              placeholder="Thanks, we got your message"
              value={draft.confirmation_subject}
              onChange={(e) => setDraft({ ...draft, confirmation_subject: e.target.value })}
            />
            <div>
              <label htmlFor="form-confirmation" className="mb-1 block text-sm font-medium text-slate-700">
                Confirmation message
              </label>
              <textarea
                id="form-confirmation"
                rows={3}
                maxLength={5000}
                className={inputClass}
                value={draft.confirmation_message}
                onChange={(e) => setDraft({ ...draft, confirmation_message: e.target.value })}
              />
            </div>
          </>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={draft.accept_files}
            onChange={(e) => setDraft({ ...draft, accept_files: e.target.checked })}
          />
          Accept file uploads
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={draft.is_active}
            onChange={(e) => setDraft({ ...draft, is_active: e.target.checked })}
          />
          Active (takes submissions)
        </label>
      </div>
      <FormButtons onCancel={onClose} busy={save.isPending} submit="Save form" />
    </form>
  );
}

export function SettingsFormsPage() {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const manage = can("settings:manage");
  const [editing, setEditing] = useState<Form | "new" | null>(null);
  const [embedding, setEmbedding] = useState<Form | null>(null);
  const forms = useQuery({
    queryKey: ["forms", workspace],
    queryFn: async () => (await unwrapPage(api.GET("/api/v1/forms", { params: { query: { limit: 200 } } }))).items,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/forms/{form_id}", { params: { path: { form_id: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["forms", workspace] }),
    onError: toast.error,
  });
  const snippet = embedding ? embedSnippet(embedding, location.origin) : "";
  return (
    <Panel
      title="Capture forms"
      actions={
        manage && (
          <Button variant="primary" onClick={() => setEditing("new")}>
            New form
          </Button>
        )
      }
    >
      <Loaded
        query={forms}
        loading="Loading forms…"
        empty={
          <EmptyState title="No forms yet">
            A form gives your website a place to send leads, with spam checks built in.
          </EmptyState>
        }
      >
        {(forms) => (
          <ul className="flex flex-col divide-y divide-slate-100">
            {forms.map((form) => (
              <li key={form.id} className="flex flex-wrap items-center gap-2 py-2.5" data-form={form.name}>
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {form.name}{" "}
                    <Badge tone={form.is_active ? "green" : "slate"}>{form.is_active ? "active" : "paused"}</Badge>
                  </p>
                  <p className="truncate text-xs text-slate-600">
                    {form.allowed_fields.length} fields · {form.public_id}
                  </p>
                </div>
                <Button size="sm" onClick={() => setEmbedding(form)}>
                  Embed
                </Button>
                {manage && (
                  <>
                    <RowActions
                      onEdit={() => setEditing(form)}
                      destroy={{
                        confirm: `Delete the form “${form.name}”? Its leads stay.`,
                        run: () => remove.mutate(form.id),
                      }}
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <Dialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? "New form" : "Edit form"}
        wide
      >
        {editing !== null && (
          <FormEditor key={editing === "new" ? "new" : editing.id} form={editing} onClose={() => setEditing(null)} />
        )}
      </Dialog>
      <Dialog
        open={embedding !== null}
        onClose={() => setEmbedding(null)}
        title={`Embed ${embedding?.name ?? ""}`}
        wide
      >
        <p className="mb-2 text-sm text-slate-700">
          Paste this HTML into your page. It posts straight to Leadwise; no script is needed.
        </p>
        <pre
          data-testid="embed-snippet"
          className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-xs text-slate-100"
        >
          {snippet}
        </pre>
        <div className="mt-3 flex justify-end">
          <CopyButton text={snippet} label="Copy HTML" />
        </div>
      </Dialog>
    </Panel>
  );
}
