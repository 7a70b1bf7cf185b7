// Small rules of the settings screens, kept apart from the components so they can be tested.

/** The ids in their new order after moving the item at `index` by `delta` places (clamped). */
export function moved<T extends { id: string }>(items: T[], index: number, delta: number): string[] {
  const ids = items.map((i) => i.id);
  const target = Math.min(Math.max(index + delta, 0), ids.length - 1);
  if (target === index || index < 0 || index >= ids.length) return ids;
  const [id] = ids.splice(index, 1);
  ids.splice(target, 0, id!);
  return ids;
}

/** The ids in their new order after dragging `fromId` onto `toId` (it takes that place). */
export function droppedOn<T extends { id: string }>(items: T[], fromId: string, toId: string): string[] {
  const from = items.findIndex((i) => i.id === fromId);
  const to = items.findIndex((i) => i.id === toId);
  if (from < 0 || to < 0) return items.map((i) => i.id);
  return moved(items, from, to - from);
}

/** The list in the given order, with positions to match (what the server will answer). */
export function inOrder<T extends { id: string; position: number }>(items: T[], ids: string[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return ids.flatMap((id, position) => {
    const item = byId.get(id);
    return item ? [{ ...item, position }] : [];
  });
}

/** Stages a deleted stage's leads can move to: any other stage, open ones first. */
export function moveTargets<T extends { id: string; kind: string }>(stages: T[], deleting: string): T[] {
  const others = stages.filter((s) => s.id !== deleting);
  return [...others.filter((s) => s.kind === "open"), ...others.filter((s) => s.kind !== "open")];
}

/** Whether an API key still works. */
export function keyState(
  key: { revoked_at?: string | null; expires_at?: string | null },
  now = Date.now(),
): "active" | "revoked" | "expired" {
  if (key.revoked_at) return "revoked";
  if (key.expires_at && Date.parse(key.expires_at) <= now) return "expired";
  return "active";
}

/** A custom field's key suggested from its label: lower case letters, digits and underscores,
 * starting with a letter (what the API accepts), at most 64 characters. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "");
  return key.slice(0, 64).replace(/_+$/, "");
}

/** ISO country codes typed in any case, separated by commas or spaces. */
export function countryCodes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** The link an invitee opens: the token rides in the fragment, which browsers never send to a
 * server (so it stays out of access logs and Referer headers). */
export function inviteLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/accept-invite#token=${encodeURIComponent(token)}`;
}

/** The invitation token from the link's fragment (`#token=…`), or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token")?.trim();
  return token ? token : null;
}
