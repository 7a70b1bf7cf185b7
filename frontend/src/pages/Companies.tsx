import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api, unwrapPage, type Company } from "../api/client";
import { Badge, DebouncedInput, EmptyState, ErrorAlert, Spinner, formatDate } from "../components/ui";
import { useScrollPaging } from "../hooks";
import { useWorkspace } from "../session";

const PAGE_SIZE = 100;
const ROW_HEIGHT = 44;

const COLUMNS: { id: string; label: string; width: number; cell: (c: Company) => React.ReactNode }[] = [
  {
    id: "name",
    label: "Name",
    width: 220,
    cell: (c) => (
      <Link to={`/companies/${c.id}`} className="font-medium text-indigo-800 hover:underline">
        {c.name}
      </Link>
    ),
  },
  { id: "domain", label: "Domain", width: 180, cell: (c) => c.domain ?? "—" },
  { id: "industry", label: "Industry", width: 160, cell: (c) => c.industry ?? "—" },
  {
    id: "place",
    label: "Location",
    width: 160,
    cell: (c) => [c.city, c.country].filter(Boolean).join(", ") || "—",
  },
  {
    id: "enriched",
    label: "Enriched",
    width: 120,
    cell: (c) => (c.enriched_at ? formatDate(c.enriched_at) : <Badge>not yet</Badge>),
  },
  { id: "created", label: "Created", width: 120, cell: (c) => formatDate(c.created_at) },
];

export function CompaniesPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const workspace = useWorkspace();

  const companies = useInfiniteQuery({
    queryKey: ["companies", workspace, q],
    queryFn: ({ pageParam }) =>
      unwrapPage(
        api.GET("/api/v1/companies", {
          params: { query: { q: q || undefined, limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => companies.data?.pages.flatMap((p) => p.items) ?? [], [companies.data]);

  const { scrollRef, items, paddingTop, paddingBottom } = useScrollPaging(rows.length, ROW_HEIGHT, companies);

  return (
    <div className="flex flex-1 flex-col gap-4">
      <h1 className="text-2xl font-semibold text-slate-900">Companies</h1>
      <section aria-label="Company search" className="rounded-lg border border-slate-200 bg-white p-3">
        <div className="sm:max-w-md">
          <label htmlFor="company-search" className="mb-1 block text-xs font-medium text-slate-700">
            Search
          </label>
          <DebouncedInput
            id="company-search"
            type="search"
            placeholder="Name or domain"
            value={q}
            onValue={(value) => setParams(value ? { q: value } : {}, { replace: true })}
          />
        </div>
        <p className="mt-2 text-sm text-slate-600" aria-live="polite">
          {companies.isFetching && !companies.isFetchingNextPage ? (
            <Spinner small label="Loading" />
          ) : (
            `${rows.length}${companies.hasNextPage ? "+" : ""} compan${rows.length === 1 ? "y" : "ies"}`
          )}
        </p>
      </section>

      {companies.isError ? (
        <ErrorAlert
          title="The companies could not be loaded"
          error={companies.error}
          retry={() => void companies.refetch()}
        />
      ) : (
        <div
          ref={scrollRef}
          className="relative min-h-[320px] flex-1 overflow-auto rounded-lg border border-slate-200 bg-white"
          style={{ maxHeight: "calc(100vh - 240px)" }}
        >
          <table className="w-full min-w-[640px] table-fixed border-collapse text-sm" aria-rowcount={rows.length}>
            <colgroup>
              {COLUMNS.map((c) => (
                <col key={c.id} style={{ width: c.width }} />
              ))}
            </colgroup>
            <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.id} scope="col" className="whitespace-nowrap border-b border-slate-200 px-3 py-2.5">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {paddingTop > 0 && (
                <tr aria-hidden>
                  <td style={{ height: paddingTop }} colSpan={COLUMNS.length} />
                </tr>
              )}
              {items.map((item) => {
                const company = rows[item.index]!;
                return (
                  <tr
                    key={company.id}
                    aria-rowindex={item.index + 1}
                    className="border-b border-slate-100 hover:bg-slate-50"
                    style={{ height: ROW_HEIGHT }}
                  >
                    {COLUMNS.map((c) => (
                      <td key={c.id} className="truncate px-3 py-1.5 text-slate-800">
                        {c.cell(company)}
                      </td>
                    ))}
                  </tr>
                );
              })}
              {paddingBottom > 0 && (
                <tr aria-hidden>
                  <td style={{ height: paddingBottom }} colSpan={COLUMNS.length} />
                </tr>
              )}
            </tbody>
          </table>
          {companies.isPending && (
            <div className="p-10 text-center">
              <Spinner label="Loading companies…" />
            </div>
          )}
          {companies.isSuccess && rows.length === 0 && (
            <EmptyState title={q ? "No companies match this search" : "No companies yet"}>
              {q
                ? "Try another name or domain."
                : "Companies appear when leads with a business email are added, or when a crawl's people become leads."}
            </EmptyState>
          )}
          {companies.isFetchingNextPage && (
            <div className="p-3 text-center">
              <Spinner small label="Loading more…" />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
