import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type VisibilityState,
} from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrapPage, type Lead, type Schemas } from "../api/client";
import {
  Badge,
  Button,
  DebouncedInput,
  EmptyState,
  ErrorAlert,
  SelectField,
  Spinner,
  VerificationBadge,
  formatDate,
  formatMoney,
  inputClass,
  leadName,
} from "../components/ui";
import { memberName, useMembers, useScrollPaging, useStages } from "../hooks";
import {
  SOURCES,
  VERIFICATION,
  activeFilterCount,
  filtersFromSearch,
  sortFromSearch,
  sortParam,
  toApiQuery,
  toSearch,
  type LeadFilters,
  type Sort,
  type SortField,
} from "../lib/filters";
import { LEAD_COLUMNS, visibilityFor } from "../lib/views";
import { useSession, useWorkspace } from "../session";
import { ExportDialog } from "./ExportDialog";
import { LostReasonDialog } from "../components/LostReasonDialog";
import { shown } from "./LeadFields";
import { BulkBar } from "./LeadsBulkBar";
import { EditableCell, useTableEdit } from "./LeadsCells";
import { NewLeadsBanner, useLiveLeadList } from "./LeadsLive";
import { SavedViews } from "./LeadsSavedViews";
import { NewLeadDialog } from "./NewLeadDialog";

type LeadQuery = NonNullable<Schemas["BulkFilter"]>;
const PAGE_SIZE = 100;
const ROW_HEIGHT = 44;
const COLUMNS_KEY = "leadwise.leads.columns";

const COLUMN_LABELS: Record<string, string> = LEAD_COLUMNS;
const DEFAULT_HIDDEN: VisibilityState = { job_title: false, value: false, updated: false };
const SORT_OF_COLUMN: Record<string, SortField> = {
  name: "first_name",
  created: "created_at",
  updated: "updated_at",
};

function readColumns(): VisibilityState {
  try {
    return { ...DEFAULT_HIDDEN, ...(JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? "{}") as VisibilityState) };
  } catch {
    return DEFAULT_HIDDEN;
  }
}

export function LeadsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const sort = useMemo(() => sortFromSearch(params), [params]);
  const workspace = useWorkspace();
  const { can, me } = useSession();
  const stages = useStages();
  const members = useMembers();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [showFilters, setShowFilters] = useState(false);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(readColumns);

  useEffect(() => {
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(columnVisibility));
  }, [columnVisibility]);

  // "/" jumps to the search box, as in most list-heavy apps (not while typing elsewhere).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable=true]");
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        document.getElementById("lead-search")?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const update = useCallback(
    (next: LeadFilters, nextSort: Sort = sort) => {
      setParams(toSearch(next, nextSort), { replace: true });
      setRowSelection({});
    },
    [setParams, sort],
  );
  const setFilter = useCallback(
    <K extends keyof LeadFilters>(key: K, value: LeadFilters[K] | undefined) => update({ ...filters, [key]: value }),
    [filters, update],
  );

  const leads = useInfiniteQuery({
    queryKey: ["leads", workspace, filters, sort],
    queryFn: ({ pageParam }) =>
      unwrapPage(
        api.GET("/api/v1/leads", {
          params: {
            query: {
              ...(toApiQuery(filters) as LeadQuery),
              sort: sortParam(sort),
              limit: PAGE_SIZE,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => leads.data?.pages.flatMap((p) => p.items) ?? [], [leads.data]);
  // Others' changes: rows on screen are patched in place, new leads wait behind a banner.
  const live = useLiveLeadList(workspace, rows, me?.id ?? null);
  const { clear: clearLive } = live;
  useEffect(() => clearLive(), [filters, sort, workspace, clearLive]);
  const showNew = () => {
    clearLive();
    void leads.refetch();
  };
  const stageById = useMemo(() => new Map((stages.data ?? []).map((s) => [s.id, s])), [stages.data]);
  const stageOptions = useMemo(() => (stages.data ?? []).map((s) => ({ value: s.id, label: s.name })), [stages.data]);
  const ownerOptions = useMemo(
    () => [
      { value: "", label: "Unassigned" },
      ...(members.data ?? []).map((m) => ({ value: m.user_id, label: m.full_name || m.email })),
    ],
    [members.data],
  );
  const canWrite = can("leads:write");
  const canAssign = can("leads:assign");
  const { mutate: editLead } = useTableEdit();
  const [lostMove, setLostMove] = useState<{ lead: Lead; stageId: string } | null>(null);
  const moveTo = useCallback(
    (lead: Lead, stageId: string) => {
      // A lost stage needs its reason first, as on the board and the lead's page.
      if (stageById.get(stageId)?.kind === "lost") setLostMove({ lead, stageId });
      else editLead({ lead, edit: { kind: "stage", stage_id: stageId } });
    },
    [stageById, editLead],
  );

  const columns = useMemo<ColumnDef<Lead>[]>(
    () => [
      {
        id: "select",
        enableHiding: false,
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select all loaded leads"
            className="h-4 w-4"
            checked={table.getIsAllRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomeRowsSelected();
            }}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${leadName(row.original)}`}
            className="h-4 w-4"
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
        size: 44,
      },
      {
        id: "name",
        header: "Name",
        size: 180,
        cell: ({ row }) => (
          <Link to={`/leads/${row.original.id}`} className="font-medium text-indigo-800 hover:underline">
            {leadName(row.original)}
          </Link>
        ),
      },
      { id: "email", header: "Email", size: 200, cell: ({ row }) => row.original.email ?? "—" },
      { id: "company", header: "Company", size: 150, cell: ({ row }) => row.original.company_name ?? "—" },
      {
        id: "job_title",
        header: "Job title",
        size: 140,
        cell: ({ row }) => (
          <EditableCell
            label={`Job title of ${leadName(row.original)}`}
            value={row.original.job_title ?? ""}
            display={row.original.job_title ?? "—"}
            editor="text"
            editable={canWrite}
            onSave={(draft) => editLead({ lead: row.original, edit: { kind: "field", field: "job_title", draft } })}
          />
        ),
      },
      {
        id: "stage",
        header: "Stage",
        size: 110,
        cell: ({ row }) => (
          <EditableCell
            label={`Stage of ${leadName(row.original)}`}
            value={row.original.stage_id ?? ""}
            display={stageById.get(row.original.stage_id ?? "")?.name ?? "—"}
            editor="select"
            options={stageOptions}
            editable={canWrite && stageOptions.length > 0}
            onSave={(stageId) => moveTo(row.original, stageId)}
          />
        ),
      },
      {
        id: "owner",
        header: "Owner",
        size: 130,
        cell: ({ row }) => (
          <EditableCell
            label={`Owner of ${leadName(row.original)}`}
            value={row.original.owner_id ?? ""}
            display={memberName(members.data, row.original.owner_id)}
            editor="select"
            options={ownerOptions}
            editable={canAssign && !!members.data}
            onSave={(owner) => editLead({ lead: row.original, edit: { kind: "owner", owner_id: owner || null } })}
          />
        ),
      },
      { id: "source", header: "Source", size: 90, cell: ({ row }) => row.original.source },
      {
        id: "tags",
        header: "Tags",
        size: 130,
        cell: ({ row }) => (
          <span className="flex flex-wrap gap-1">
            {row.original.tags.map((t) => (
              <Badge key={t} tone="indigo">
                {t}
              </Badge>
            ))}
          </span>
        ),
      },
      { id: "score", header: "Score", size: 70, cell: ({ row }) => row.original.score ?? "—" },
      {
        id: "value",
        header: "Value",
        size: 100,
        cell: ({ row }) => (
          <EditableCell
            label={`Value of ${leadName(row.original)}`}
            value={shown(row.original, "value")}
            display={formatMoney(row.original.value)}
            editor="number"
            editable={canWrite}
            onSave={(draft) => editLead({ lead: row.original, edit: { kind: "field", field: "value", draft } })}
          />
        ),
      },
      {
        id: "verification",
        header: "Email status",
        size: 120,
        cell: ({ row }) => (row.original.email ? <VerificationBadge status={row.original.verification_status} /> : "—"),
      },
      { id: "created", header: "Created", size: 110, cell: ({ row }) => formatDate(row.original.created_at) },
      { id: "updated", header: "Updated", size: 110, cell: ({ row }) => formatDate(row.original.updated_at) },
    ],
    [stageById, members.data, stageOptions, ownerOptions, canWrite, canAssign, editLead, moveTo],
  );

  const table = useReactTable({
    data: rows,
    // Selection is for bulk changes: a role that cannot make them gets no checkboxes.
    columns: canWrite ? columns : columns.slice(1),
    getRowId: (lead) => lead.id,
    getCoreRowModel: getCoreRowModel(),
    state: { rowSelection, columnVisibility },
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: setColumnVisibility,
    enableRowSelection: canWrite,
  });
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);

  const tableRows = table.getRowModel().rows;
  const { scrollRef, items, paddingTop, paddingBottom } = useScrollPaging(tableRows.length, ROW_HEIGHT, leads);
  const visibleColumns = table.getVisibleLeafColumns();

  function toggleSort(columnId: string) {
    const field = SORT_OF_COLUMN[columnId];
    if (!field) return;
    const descending = sort.field === field ? !sort.descending : field !== "first_name";
    update(filters, { field, descending });
  }

  return (
    <div className="flex flex-1 flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold text-slate-900">Leads</h1>
        <SavedViews
          search={params.toString()}
          visibility={columnVisibility}
          onApply={(view) => {
            setParams(new URLSearchParams(view.query));
            setRowSelection({});
            if (view.columns) setColumnVisibility(visibilityFor(view.columns));
          }}
        />
        <ColumnChooser visibility={columnVisibility} onChange={setColumnVisibility} />
        {can("leads:import") && (
          <Link
            to="/import"
            className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            Import
          </Link>
        )}
        {can("leads:export") && <Button onClick={() => setExporting(true)}>Export</Button>}
        {can("leads:write") && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New lead
          </Button>
        )}
      </div>

      <section aria-label="Filters" className="rounded-lg border border-slate-200 bg-white p-3">
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1 sm:max-w-md">
            <label htmlFor="lead-search" className="mb-1 block text-xs font-medium text-slate-700">
              Search
            </label>
            <DebouncedInput
              id="lead-search"
              type="search"
              placeholder="Name, email or company  ( / )"
              aria-keyshortcuts="/"
              value={filters.q ?? ""}
              onValue={(q) => setFilter("q", q || undefined)}
            />
          </div>
          <Button
            className="sm:hidden"
            aria-expanded={showFilters}
            aria-controls="lead-filters"
            onClick={() => setShowFilters((v) => !v)}
          >
            Filters{activeFilterCount(filters) ? ` (${activeFilterCount(filters)})` : ""}
          </Button>
        </div>
        <div
          id="lead-filters"
          className={`${showFilters ? "grid" : "hidden"} mt-3 grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-3 sm:grid`}
        >
          <SelectField
            label="Stage"
            value={filters.stage_id ?? ""}
            onChange={(e) => setFilter("stage_id", e.target.value || undefined)}
          >
            <option value="">Any stage</option>
            {stages.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Owner"
            value={filters.owner_id ?? ""}
            onChange={(e) => setFilter("owner_id", e.target.value || undefined)}
          >
            <option value="">Anyone</option>
            {members.data?.map((m) => (
              <option key={m.user_id} value={m.user_id}>
                {m.full_name || m.email}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Source"
            value={filters.source ?? ""}
            onChange={(e) => setFilter("source", (e.target.value || undefined) as LeadFilters["source"])}
          >
            <option value="">Any source</option>
            {SOURCES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </SelectField>
          <SelectField
            label="Email status"
            value={filters.verification_status ?? ""}
            onChange={(e) =>
              setFilter("verification_status", (e.target.value || undefined) as LeadFilters["verification_status"])
            }
          >
            <option value="">Any status</option>
            {VERIFICATION.map((s) => (
              <option key={s} value={s}>
                {s.replace("_", "-")}
              </option>
            ))}
          </SelectField>
          <div>
            <label htmlFor="filter-tag" className="mb-1 block text-xs font-medium text-slate-700">
              Tag
            </label>
            <DebouncedInput
              id="filter-tag"
              value={filters.tag ?? ""}
              onValue={(v) => setFilter("tag", v || undefined)}
            />
          </div>
          <div>
            <label htmlFor="filter-score-min" className="mb-1 block text-xs font-medium text-slate-700">
              Score from
            </label>
            <DebouncedInput
              id="filter-score-min"
              inputMode="numeric"
              value={filters.score_min?.toString() ?? ""}
              onValue={(v) => setFilter("score_min", v.trim() && Number.isInteger(Number(v)) ? Number(v) : undefined)}
            />
          </div>
          <div>
            <label htmlFor="filter-score-max" className="mb-1 block text-xs font-medium text-slate-700">
              Score to
            </label>
            <DebouncedInput
              id="filter-score-max"
              inputMode="numeric"
              value={filters.score_max?.toString() ?? ""}
              onValue={(v) => setFilter("score_max", v.trim() && Number.isInteger(Number(v)) ? Number(v) : undefined)}
            />
          </div>
          <div>
            <label htmlFor="filter-from" className="mb-1 block text-xs font-medium text-slate-700">
              Created from
            </label>
            <input
              id="filter-from"
              type="date"
              className={inputClass}
              value={filters.created_from ?? ""}
              onChange={(e) => setFilter("created_from", e.target.value || undefined)}
            />
          </div>
          <div>
            <label htmlFor="filter-to" className="mb-1 block text-xs font-medium text-slate-700">
              Created to
            </label>
            <input
              id="filter-to"
              type="date"
              className={inputClass}
              value={filters.created_to ?? ""}
              onChange={(e) => setFilter("created_to", e.target.value || undefined)}
            />
          </div>
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <span aria-live="polite">
            {leads.isFetching && !leads.isFetchingNextPage ? (
              <Spinner small label="Loading" />
            ) : (
              `${rows.length}${leads.hasNextPage ? "+" : ""} lead${rows.length === 1 ? "" : "s"}`
            )}
          </span>
          {activeFilterCount(filters) + (filters.q ? 1 : 0) > 0 && (
            <Button size="sm" variant="ghost" onClick={() => update({})}>
              Clear filters
            </Button>
          )}
        </div>
      </section>

      {selectedIds.length > 0 && <BulkBar ids={selectedIds} onDone={() => setRowSelection({})} />}

      {leads.isError ? (
        <ErrorAlert title="The leads could not be loaded" error={leads.error} retry={() => void leads.refetch()} />
      ) : (
        <div className="relative flex min-h-0 flex-1 flex-col">
          <NewLeadsBanner count={live.pending} onShow={showNew} />
          <div
            ref={scrollRef}
            className="relative min-h-[320px] flex-1 overflow-auto rounded-lg border border-slate-200 bg-white"
            style={{ maxHeight: "calc(100vh - 260px)" }}
          >
            <table className="w-full table-fixed border-collapse text-sm" aria-rowcount={rows.length}>
              <colgroup>
                {visibleColumns.map((c) => (
                  <col key={c.id} style={{ width: c.getSize() }} />
                ))}
              </colgroup>
              <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const field = SORT_OF_COLUMN[header.column.id];
                      const sorted =
                        field && sort.field === field ? (sort.descending ? "descending" : "ascending") : undefined;
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          aria-sort={sorted ?? (field ? "none" : undefined)}
                          className="whitespace-nowrap border-b border-slate-200 px-3 py-2.5"
                        >
                          {field ? (
                            <button
                              type="button"
                              className="inline-flex items-center gap-1 uppercase hover:text-indigo-800"
                              onClick={() => toggleSort(header.column.id)}
                            >
                              {flexRender(header.column.columnDef.header, header.getContext())}
                              <span aria-hidden>
                                {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : "↕"}
                              </span>
                            </button>
                          ) : (
                            flexRender(header.column.columnDef.header, header.getContext())
                          )}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {paddingTop > 0 && (
                  <tr aria-hidden>
                    <td style={{ height: paddingTop }} colSpan={visibleColumns.length} />
                  </tr>
                )}
                {items.map((item) => {
                  const row = tableRows[item.index]!;
                  const gone = live.gone.has(row.original.id);
                  return (
                    <tr
                      key={row.id}
                      data-index={item.index}
                      aria-rowindex={item.index + 1}
                      title={
                        gone ? (live.gone.get(row.original.id) ? "Merged into another lead" : "Deleted") : undefined
                      }
                      className={`border-b border-slate-100 ${row.getIsSelected() ? "bg-indigo-50" : "hover:bg-slate-50"} ${gone ? "line-through opacity-50" : ""}`}
                      style={{ height: ROW_HEIGHT }}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <td key={cell.id} className="truncate px-3 py-1.5 text-slate-800">
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ))}
                    </tr>
                  );
                })}
                {paddingBottom > 0 && (
                  <tr aria-hidden>
                    <td style={{ height: paddingBottom }} colSpan={visibleColumns.length} />
                  </tr>
                )}
              </tbody>
            </table>
            {leads.isPending && (
              <div className="p-10 text-center">
                <Spinner label="Loading leads…" />
              </div>
            )}
            {leads.isSuccess && rows.length === 0 && (
              <EmptyState
                title={activeFilterCount(filters) || filters.q ? "No leads match these filters" : "No leads yet"}
              >
                {activeFilterCount(filters) || filters.q
                  ? "Try fewer filters, or clear them."
                  : "Create your first lead, import a file, or connect a form."}
              </EmptyState>
            )}
            {leads.isFetchingNextPage && (
              <div className="p-3 text-center">
                <Spinner small label="Loading more…" />
              </div>
            )}
          </div>
        </div>
      )}
      <LostReasonDialog
        open={!!lostMove}
        busy={false}
        onClose={() => setLostMove(null)}
        onSubmit={(reason) => {
          if (lostMove)
            editLead({
              lead: lostMove.lead,
              edit: { kind: "stage", stage_id: lostMove.stageId, lost_reason: reason },
            });
          setLostMove(null);
        }}
      />
      <NewLeadDialog open={creating} onClose={() => setCreating(false)} />
      <ExportDialog open={exporting} onClose={() => setExporting(false)} filters={filters} selected={selectedIds} />
    </div>
  );
}

function ColumnChooser({
  visibility,
  onChange,
}: {
  visibility: VisibilityState;
  onChange: (next: VisibilityState) => void;
}) {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Columns
      </summary>
      <fieldset className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {Object.entries(COLUMN_LABELS).map(([id, label]) => (
          <label key={id} className="flex items-center gap-2 py-1 text-sm text-slate-800">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={visibility[id] !== false}
              onChange={(e) => onChange({ ...visibility, [id]: e.target.checked })}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
