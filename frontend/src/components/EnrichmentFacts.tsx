// What enrichment found for a company or a lead, each value with where it came from (the page
// or DNS record, the provider and method) and whether the record's own field took it.
import { Badge, formatDate } from "./ui";

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

const LABELS: Record<string, string> = {
  name: "Name",
  legal_name: "Legal name",
  description: "Description",
  logo_url: "Logo",
  founding_year: "Founded",
  industry: "Industry",
  address: "Address",
  city: "City",
  country: "Country",
  phone: "Phone",
  social_profiles: "Social profiles",
  languages: "Languages",
  technologies: "Technologies",
  email_pattern: "Email pattern",
  email_provider: "Email provider",
  email_security: "Email security",
  people: "People",
  job_title: "Job title",
  company_name: "Company",
  profiles: "Profiles",
  person: "Person on the site",
};
const MAX_ITEMS = 8;

function itemText(item: unknown): string {
  if (isDict(item)) {
    const named = item.name ?? item.value ?? item.pattern ?? item.url;
    if (named !== undefined && named !== null) {
      const extra = item.title ?? item.category;
      return extra ? `${String(named)} (${String(extra)})` : String(named);
    }
    return Object.entries(item)
      .filter(([, v]) => v !== null && v !== "" && !isDict(v) && !Array.isArray(v))
      .map(([k, v]) => `${k.replaceAll("_", " ")}: ${String(v)}`)
      .join(", ");
  }
  return String(item);
}

/** A readable value: lists joined (at most a few shown), objects as "key: value". */
export function factText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map(itemText).join(", ");
    return value.length > MAX_ITEMS ? `${shown} and ${value.length - MAX_ITEMS} more` : shown;
  }
  if (isDict(value)) {
    if (typeof value.text === "string" && value.text) return value.text;
    if ("pattern" in value) {
      const confidence = typeof value.confidence === "number" ? ` (${Math.round(value.confidence * 100)}% sure)` : "";
      return `${String(value.pattern)}${confidence}`;
    }
    return itemText(value);
  }
  return String(value);
}

function SourceLink({ fact }: { fact: Dict }) {
  const source = typeof fact.source === "string" ? fact.source : null;
  const how = [fact.provider, fact.method].filter((v) => typeof v === "string" && v).join(" · ");
  const evidence = typeof fact.evidence === "string" ? ` (${fact.evidence})` : "";
  return (
    <span className="text-xs text-slate-600">
      {how && <span>{how}</span>}
      {source && (
        <>
          {how && " · "}
          {/^https?:\/\//.test(source) ? (
            <a
              href={source}
              target="_blank"
              rel="noreferrer noopener"
              className="break-all text-indigo-700 hover:underline"
            >
              {source}
            </a>
          ) : (
            <span className="break-all">{source}</span>
          )}
        </>
      )}
      {evidence}
      {typeof fact.at === "string" && ` · ${formatDate(fact.at)}`}
    </span>
  );
}

export function EnrichmentFacts({
  enrichment,
  enrichedAt,
  skip = [],
  current,
}: {
  enrichment: Dict | null | undefined;
  enrichedAt?: string | null;
  skip?: string[];
  /** The record itself: only its own fields can take a value ("not applied" when one kept another). */
  current?: object;
}) {
  const held = (current ?? {}) as Dict;
  const facts = Object.entries(enrichment ?? {}).filter(
    (entry): entry is [string, Dict] => isDict(entry[1]) && !skip.includes(entry[0]),
  );
  if (!facts.length) {
    return <p className="text-sm text-slate-600">Nothing found by enrichment yet.</p>;
  }
  return (
    <div>
      {enrichedAt && <p className="mb-2 text-xs text-slate-600">Last enriched {formatDate(enrichedAt, true)}</p>}
      <dl className="divide-y divide-slate-100">
        {facts.map(([key, fact]) => (
          <div key={key} className="grid gap-1 py-2 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-2">
            <dt className="text-sm text-slate-600">{LABELS[key] ?? key.replaceAll("_", " ")}</dt>
            <dd className="min-w-0 space-y-0.5">
              <p className="break-words text-sm text-slate-900">
                {factText(fact.value)} {fact.applied === true && <Badge tone="green">applied</Badge>}
                {fact.applied === false && key in held && String(held[key] ?? "") !== String(fact.value) && (
                  <Badge tone="slate" title="The field already had a value, which was kept">
                    not applied
                  </Badge>
                )}
              </p>
              <SourceLink fact={fact} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
