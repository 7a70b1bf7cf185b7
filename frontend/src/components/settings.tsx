// The pieces every settings screen is made of: a titled panel, a list that loads, the row
// actions Edit and Delete (asking first), and the Cancel/Save buttons of an edit form.
import type { UseQueryResult } from "@tanstack/react-query";
import { useId, type ReactNode } from "react";
import { Button, ErrorAlert, Spinner } from "./ui";

/** A titled panel (a region named by its heading), with optional buttons beside the title and
 * a line of explanation under it. */
export function Panel({
  title,
  actions,
  intro,
  children,
}: {
  title: string;
  actions?: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className={`${intro ? "mb-1" : "mb-3"} flex flex-wrap items-center gap-2`}>
        <h2 id={id} className="mr-auto text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {intro && <p className="mb-3 text-sm text-slate-600">{intro}</p>}
      {children}
    </section>
  );
}

/** A query's data once it is there: its error (with Try again) or a spinner before, and `empty`
 * for an empty list. */
export function Loaded<T>({
  query,
  loading,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  loading: string;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorAlert error={query.error} retry={() => void query.refetch()} />;
  if (query.data === undefined) return <Spinner label={loading} />;
  if (empty !== undefined && Array.isArray(query.data) && query.data.length === 0) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** Edit and a destructive action that asks first (Delete, Revoke, Remove). */
export function RowActions({
  onEdit,
  destroy,
}: {
  onEdit?: () => void;
  destroy?: { label?: string; confirm: string; run: () => void };
}) {
  return (
    <>
      {onEdit && (
        <Button size="sm" variant="ghost" onClick={onEdit}>
          Edit
        </Button>
      )}
      {destroy && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            if (confirm(destroy.confirm)) destroy.run();
          }}
        >
          {destroy.label ?? "Delete"}
        </Button>
      )}
    </>
  );
}

/** The end of an edit form in a dialog: Cancel, and the submit button. */
export function FormButtons({ onCancel, busy, submit }: { onCancel: () => void; busy: boolean; submit: string }) {
  return (
    <div className="flex justify-end gap-2">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant="primary" busy={busy}>
        {submit}
      </Button>
    </div>
  );
}
