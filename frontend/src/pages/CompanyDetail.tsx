import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { api, unwrap, unwrapPage, type Company } from "../api/client";
import { EnrichmentFacts } from "../components/EnrichmentFacts";
import { Badge, Button, ErrorAlert, Spinner, VerificationBadge, formatDate, leadName } from "../components/ui";
import { crawlTargetOf, isCrawlOf } from "../lib/crawl";
import { useSession, useWorkspace } from "../session";
import { CrawlView, FindContactsForm } from "./CompanyCrawl";
import { EnrichButton } from "./EnrichButton";

export function CompanyDetailPage() {
  const { companyId = "" } = useParams();
  const workspace = useWorkspace();
  const company = useQuery({
    queryKey: ["company", workspace, companyId],
    queryFn: () => unwrap(api.GET("/api/v1/companies/{company_id}", { params: { path: { company_id: companyId } } })),
  });
  if (company.isPending) return <Spinner label="Loading company…" />;
  if (company.isError)
    return (
      <div className="space-y-3">
        <Link to="/companies" className="text-sm text-indigo-700 hover:underline">
          ← Companies
        </Link>
        <ErrorAlert
          title="This company could not be loaded"
          error={company.error}
          retry={() => void company.refetch()}
        />
      </div>
    );
  return <CompanyView company={company.data} />;
}

const section = "rounded-lg border border-slate-200 bg-white p-4";
const heading = "mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600";

function Facts({ company }: { company: Company }) {
  const rows: [string, React.ReactNode][] = [
    ["Domain", company.domain ?? "—"],
    [
      "Website",
      company.website ? (
        <a
          href={company.website}
          target="_blank"
          rel="noreferrer noopener"
          className="break-all text-indigo-700 hover:underline"
        >
          {company.website}
        </a>
      ) : (
        "—"
      ),
    ],
    ["Industry", company.industry ?? "—"],
    ["Size", company.size_band ?? "—"],
    ["City", company.city ?? "—"],
    ["Country", company.country ?? "—"],
    ["Phone", company.phone ?? "—"],
    [
      "Social",
      Object.keys(company.social_profiles).length
        ? Object.entries(company.social_profiles).map(([name, url]) => (
            <a
              key={name}
              href={String(url)}
              target="_blank"
              rel="noreferrer noopener"
              className="mr-2 text-indigo-700 hover:underline"
            >
              {name}
            </a>
          ))
        : "—",
    ],
  ];
  return (
    <section aria-labelledby="facts-h" className={section}>
      <h2 id="facts-h" className={heading}>
        Facts
      </h2>
      {company.description && <p className="mb-2 text-sm text-slate-800">{company.description}</p>}
      <dl className="divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2 py-1.5 text-sm">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function CompanyLeads({ company }: { company: Company }) {
  const workspace = useWorkspace();
  const leads = useQuery({
    queryKey: ["company-leads", workspace, company.id],
    queryFn: () =>
      unwrapPage(
        api.GET("/api/v1/leads", { params: { query: { company_id: company.id, limit: 100, sort: "-created_at" } } }),
      ),
  });
  return (
    <section aria-labelledby="company-leads-h" className={section}>
      <h2 id="company-leads-h" className={heading}>
        Leads{leads.data ? ` (${leads.data.items.length}${leads.data.nextCursor ? "+" : ""})` : ""}
      </h2>
      {leads.isPending && <Spinner small label="Loading leads…" />}
      {leads.isError && <ErrorAlert error={leads.error} title="The leads could not be loaded" />}
      {leads.data && leads.data.items.length === 0 && (
        <p className="text-sm text-slate-600">No leads at this company yet. Find contacts to add some.</p>
      )}
      {leads.data && leads.data.items.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {leads.data.items.map((lead) => (
            <li key={lead.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <Link to={`/leads/${lead.id}`} className="font-medium text-indigo-800 hover:underline">
                {leadName(lead)}
              </Link>
              {lead.job_title && <span className="text-slate-700">{lead.job_title}</span>}
              <span className="ml-auto flex items-center gap-2">
                {lead.email && <span className="break-all text-slate-600">{lead.email}</span>}
                {lead.email && <VerificationBadge status={lead.verification_status} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      {leads.data?.nextCursor && <p className="mt-2 text-sm text-slate-600">Showing the newest 100.</p>}
    </section>
  );
}

function CompanyCrawls({
  company,
  shown,
  onShow,
}: {
  company: Company;
  shown: string | null;
  onShow: (id: string) => void;
}) {
  const workspace = useWorkspace();
  const crawls = useQuery({
    queryKey: ["crawls", workspace],
    // The API lists the workspace's crawls; the company's are those of its domain or website.
    queryFn: () => unwrapPage(api.GET("/api/v1/crawls", { params: { query: { limit: 100 } } })),
    select: (page) => page.items.filter((crawl) => isCrawlOf(crawl, company)),
  });
  if (!crawls.data?.length) return null;
  return (
    <ul className="mb-3 divide-y divide-slate-100 rounded-md border border-slate-200">
      {crawls.data.map((crawl) => (
        <li key={crawl.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <span className="text-slate-800">{formatDate(crawl.created_at, true)}</span>
          <Badge tone={crawl.status === "succeeded" ? "green" : crawl.status === "failed" ? "red" : "slate"}>
            {crawl.status}
          </Badge>
          <span className="text-slate-600">
            {crawl.pages_fetched} pages
            {crawl.people !== null && `, ${crawl.people} people, ${crawl.emails ?? 0} addresses`}
          </span>
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto"
            disabled={shown === crawl.id}
            onClick={() => onShow(crawl.id)}
          >
            {shown === crawl.id ? "Shown below" : "Show results"}
          </Button>
        </li>
      ))}
    </ul>
  );
}

function CompanyView({ company }: { company: Company }) {
  const { can } = useSession();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  // The crawl shown is in the URL (?crawl=…), so a reload or a shared link shows it again.
  const [params, setParams] = useSearchParams();
  const crawlId = params.get("crawl");
  const setCrawlId = (id: string) => setParams({ crawl: id }, { replace: true });
  return (
    <div className="flex flex-col gap-5">
      <div>
        <Link to="/companies" className="text-sm text-indigo-700 hover:underline">
          ← Companies
        </Link>
        <div className="mt-2 flex flex-wrap items-start gap-3">
          <div className="mr-auto min-w-0">
            <h1 className="break-words text-2xl font-semibold text-slate-900">{company.name}</h1>
            <p className="mt-1 text-sm text-slate-600">
              {[company.domain, company.industry, company.city, company.country].filter(Boolean).join(" · ") ||
                "No facts yet"}{" "}
              · added {formatDate(company.created_at)}
            </p>
          </div>
          {can("leads:write") && (
            <EnrichButton
              disabled={!company.domain}
              title={company.domain ? undefined : "The company has no domain to enrich from"}
              start={() =>
                unwrap(
                  api.POST("/api/v1/companies/{company_id}/enrich", {
                    params: { path: { company_id: company.id } },
                    body: null,
                  }),
                )
              }
              onDone={() => {
                void queryClient.invalidateQueries({ queryKey: ["company", workspace, company.id] });
                void queryClient.invalidateQueries({ queryKey: ["company-leads", workspace, company.id] });
                void queryClient.invalidateQueries({ queryKey: ["companies"] });
              }}
            />
          )}
        </div>
      </div>

      <div className="grid grid-cols-[minmax(0,1fr)] gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] lg:items-start">
        <div className="flex min-w-0 flex-col gap-5">
          <Facts company={company} />
          <section aria-labelledby="enrichment-h" className={section}>
            <h2 id="enrichment-h" className={heading}>
              Enrichment and sources
            </h2>
            <EnrichmentFacts
              enrichment={company.enrichment}
              enrichedAt={company.enriched_at}
              skip={["people"]}
              current={company}
            />
          </section>
          <CompanyLeads company={company} />
        </div>
        <section aria-labelledby="contacts-h" className={`${section} min-w-0`}>
          <h2 id="contacts-h" className={heading}>
            Find contacts
          </h2>
          <CompanyCrawls company={company} shown={crawlId} onShow={setCrawlId} />
          {can("prospect:run") ? (
            <FindContactsForm
              initialTarget={crawlTargetOf(company)}
              onStarted={(crawl) => {
                setCrawlId(crawl.id);
                void queryClient.invalidateQueries({ queryKey: ["crawls", workspace] });
              }}
            />
          ) : (
            <p className="text-sm text-slate-600">Your role cannot run crawls.</p>
          )}
          {crawlId && (
            <div className="mt-4 border-t border-slate-200 pt-4">
              <CrawlView
                key={crawlId}
                crawlId={crawlId}
                onLeadsAdded={() => void queryClient.invalidateQueries({ queryKey: ["crawls", workspace] })}
              />
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
