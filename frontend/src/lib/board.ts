// The optimistic move of a kanban card: the lead leaves one column's cached cards and
// joins the top of another's, and the column totals follow. Pure, so it is tested alone.

export interface BoardLead {
  id: string;
  stage_id: string | null;
  value: number | null;
}

export interface ColumnTotal {
  stage_id: string | null;
  count: number;
  value: number;
}

export interface Board<L extends BoardLead = BoardLead> {
  from: L[];
  to: L[];
  summary: ColumnTotal[];
}

export function moveCard<L extends BoardLead>(board: Board<L>, lead: L, from: string, to: string): Board<L> {
  if (from === to) return board;
  const value = lead.value ?? 0;
  const totals = new Map(board.summary.map((s) => [s.stage_id, { ...s }]));
  const source = totals.get(from);
  if (source) {
    source.count = Math.max(source.count - 1, 0);
    source.value -= value;
  }
  const target = totals.get(to) ?? { stage_id: to, count: 0, value: 0 };
  target.count += 1;
  target.value += value;
  totals.set(to, target);
  return {
    from: board.from.filter((l) => l.id !== lead.id),
    to: [{ ...lead, stage_id: to }, ...board.to.filter((l) => l.id !== lead.id)],
    summary: [...totals.values()],
  };
}
