// Edits made in the leads table: applied to the cached pages at once (optimistic), put back
// from a snapshot when the server refuses them.

export interface LeadPages<L extends { id: string }> {
  pages: { items: L[]; nextCursor?: string | null }[];
  pageParams: unknown[];
}

function isLeadPages(data: unknown): data is LeadPages<{ id: string }> {
  return (
    typeof data === "object" &&
    data !== null &&
    Array.isArray((data as { pages?: unknown }).pages) &&
    (data as LeadPages<{ id: string }>).pages.every((page) => Array.isArray(page?.items))
  );
}

/** The cached list with one lead changed; anything that is not a list of lead pages as is. */
export function patchLeadPages<T>(data: T, id: string, patch: object): T {
  if (!isLeadPages(data)) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((lead) => lead.id === id)) return page;
    changed = true;
    return { ...page, items: page.items.map((lead) => (lead.id === id ? { ...lead, ...patch } : lead)) };
  });
  return changed ? ({ ...data, pages } as T) : data;
}

export type CellEditor = "text" | "number" | "select";

/** What a cell's draft means for the API: a number field takes a whole number or nothing. */
export function parseDraft(kind: CellEditor, draft: string): { value: string | number | null } | { error: string } {
  const text = draft.trim();
  if (kind !== "number") return { value: text === "" ? null : text };
  if (text === "") return { value: null };
  const number = Number(text);
  if (!Number.isInteger(number) || number < 0) return { error: "Enter a whole number of 0 or more." };
  return { value: number };
}
