import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { api, unwrap, type Lead, type Schemas } from "../api/client";
import { Badge, Button, formatMoney, inputClass } from "../components/ui";

export type Editable =
  | "first_name"
  | "last_name"
  | "email"
  | "phone"
  | "job_title"
  | "company_name"
  | "website"
  | "city"
  | "country"
  | "value"
  | "tags";

export const FIELDS: { key: Editable; label: string; type?: string }[] = [
  { key: "first_name", label: "First name" },
  { key: "last_name", label: "Last name" },
  { key: "email", label: "Email", type: "email" },
  { key: "phone", label: "Phone", type: "tel" },
  { key: "job_title", label: "Job title" },
  { key: "company_name", label: "Company" },
  { key: "website", label: "Website", type: "url" },
  { key: "city", label: "City" },
  { key: "country", label: "Country" },
  { key: "value", label: "Value", type: "number" },
  { key: "tags", label: "Tags" },
];

/** A field's value as its editor shows it. */
export function shown(lead: Lead, key: Editable): string {
  if (key === "phone") return lead.phone_raw ?? "";
  if (key === "tags") return lead.tags.join(", ");
  if (key === "value") return lead.value === null ? "" : String(lead.value);
  return (lead[key] as string | null) ?? "";
}

/** The PATCH body for an edited field (the leads table sends the same). */
export function patchOf(key: Editable, raw: string): Schemas["LeadUpdate"] {
  const value = raw.trim();
  if (key === "tags")
    return {
      tags: value
        ? value
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
    };
  if (key === "value") return { value: value === "" ? null : Number(value) };
  if (key === "first_name" || key === "last_name") return { [key]: value };
  return { [key]: value || null };
}

export function InlineField({
  lead,
  field,
  editable,
  onSaved,
}: {
  lead: Lead;
  field: (typeof FIELDS)[number];
  editable: boolean;
  onSaved: (lead: Lead) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // Back on the Edit button once the editor closes, so the keyboard user keeps their place.
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const save = useMutation({
    mutationFn: (body: Schemas["LeadUpdate"]) =>
      unwrap(api.PATCH("/api/v1/leads/{lead_id}", { params: { path: { lead_id: lead.id } }, body })),
    onSuccess: (updated) => {
      onSaved(updated);
      close();
    },
  });
  const current = shown(lead, field.key);
  const display = field.key === "value" ? formatMoney(lead.value) : current || "—";
  const inputId = `field-${field.key}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim() === current.trim()) return close();
    save.mutate(patchOf(field.key, draft), { onError: () => undefined });
  }
  function cancel(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      save.reset();
      close();
    }
  }

  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-start gap-2 py-2">
      <dt className="pt-1.5 text-sm text-slate-600">
        {editing ? <label htmlFor={inputId}>{field.label}</label> : field.label}
      </dt>
      <dd className="min-w-0">
        {editing ? (
          <form onSubmit={submit} className="flex flex-col gap-1">
            <div className="flex gap-2">
              <input
                id={inputId}
                className={inputClass}
                type={field.type ?? "text"}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={cancel}
                autoFocus
              />
              <Button type="submit" size="sm" variant="primary" busy={save.isPending}>
                Save
              </Button>
              <Button
                size="sm"
                onClick={() => {
                  save.reset();
                  close();
                }}
              >
                Cancel
              </Button>
            </div>
            {field.key === "tags" && <p className="text-xs text-slate-600">Separate tags with commas.</p>}
            {save.isError && (
              <p role="alert" className="text-sm text-red-800">
                {describe(save.error)}
              </p>
            )}
          </form>
        ) : (
          <div className="group flex min-h-8 items-center justify-between gap-2">
            <span className="break-words text-sm text-slate-900">
              {field.key === "tags" && lead.tags.length ? (
                <span className="flex flex-wrap gap-1">
                  {lead.tags.map((t) => (
                    <Badge key={t} tone="indigo">
                      {t}
                    </Badge>
                  ))}
                </span>
              ) : (
                display
              )}
            </span>
            {editable && (
              <button
                ref={editButton}
                type="button"
                aria-label={`Edit ${field.label.toLowerCase()}`}
                className="rounded px-2 py-1 text-xs font-medium text-indigo-800 hover:bg-indigo-50"
                onClick={() => {
                  setDraft(current);
                  setEditing(true);
                }}
              >
                Edit
              </button>
            )}
          </div>
        )}
      </dd>
    </div>
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : "Not saved.";
}
