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
