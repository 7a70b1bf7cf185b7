// What a crawl (a `crawl.site` job) looks like to a person following it, and its report read
// into rows: one per person found, with the address, where it came from and how sure we are.
import type { Schemas } from "../api/client";

export type Crawl = Schemas["CrawlRead"];
type Status = Crawl["status"];

const FINAL: Status[] = ["succeeded", "failed", "cancelled"];

export function isFinal(status: Status): boolean {
  return FINAL.includes(status);
}

/** How often to ask again: every second while the crawl runs, never once it has finished. */
export function pollInterval(crawl: Pick<Crawl, "status"> | undefined): number | false {
  if (!crawl) return 1000;
  return isFinal(crawl.status) ? false : 1000;
}

/** A sentence for the progress line, and the bar's percentage (null: indeterminate). */
export function crawlProgress(crawl: Pick<Crawl, "status" | "pages_fetched" | "max_pages" | "progress" | "error">): {
  label: string;
  percent: number | null;
} {
  const pages = `${crawl.pages_fetched} page${crawl.pages_fetched === 1 ? "" : "s"} fetched`;
  const budget = crawl.max_pages ? ` of up to ${crawl.max_pages}` : "";
  switch (crawl.status) {
    case "queued":
      return { label: "Waiting for a worker…", percent: null };
    case "running":
      return {
        label: `Crawling: ${pages}${budget}`,
        percent: crawl.pages_fetched > 0 ? Math.min(99, Math.max(1, crawl.progress)) : null,
      };
    case "succeeded":
      return { label: `Done: ${pages}`, percent: 100 };
    case "cancelled":
      return { label: `Cancelled after ${pages}`, percent: null };
    default:
      return { label: `Failed: ${crawl.error ?? "no reason given"}`, percent: null };
  }
}

export interface Source {
  url?: string;
  method?: string;
}

export interface Verification {
  status?: string;
  sub_status?: string;
  score?: number;
  reason?: string;
}

export interface PersonRow {
  name: string;
  title: string | null;
  email: string | null;
  /** found: on the site; generated: made from the domain's pattern; none: no usable address */
  origin: "found" | "generated" | "none";
  /** The verification verdict of the address (or of the generated one), if any. */
  status: string | null;
  /** Why a generated address is what it is (or why none could be made). */
  note: string | null;
  pattern: string | null;
  sources: Source[];
  emailSources: Source[];
}

export interface AddressRow {
  email: string;
  kind: string | null;
  status: string | null;
  verification: Verification | null;
  sources: Source[];
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const sourcesOf = (v: unknown): Source[] =>
  Array.isArray(v)
    ? v.filter(isDict).map((s) => ({ url: str(s.url) ?? undefined, method: str(s.method) ?? undefined }))
    : [];

/** Generated addresses worth adding as a lead (the API's own rule). */
const USABLE_GENERATED = ["valid", "accept_all", "unknown", "unverified"];

export function peopleOf(result: Dict | null | undefined): PersonRow[] {
  if (!result) return [];
  const emails = new Map<string, Dict>();
  for (const fact of Array.isArray(result.emails) ? result.emails.filter(isDict) : []) {
    const value = str(fact.value);
    if (value) emails.set(value.toLowerCase(), fact);
  }
  const people = Array.isArray(result.people) ? result.people.filter(isDict) : [];
  return people.map((person) => {
    const found = Array.isArray(person.emails) ? person.emails.map(str).filter((e): e is string => !!e) : [];
    const generated = isDict(person.generated_email) ? person.generated_email : null;
    const base = {
      name: str(person.name) ?? "",
      title: str(person.title),
      sources: sourcesOf(person.sources),
    };
    if (found.length) {
      const fact = emails.get(found[0]!.toLowerCase());
      const verification = fact && isDict(fact.verification) ? fact.verification : null;
      return {
        ...base,
        email: found[0]!,
        origin: "found" as const,
        status: verification ? str(verification.status) : null,
        note: null,
        pattern: null,
        emailSources: fact ? sourcesOf(fact.sources) : [],
      };
    }
    const status = generated ? str(generated.status) : null;
    const usable = generated && str(generated.email) && status && USABLE_GENERATED.includes(status);
    return {
      ...base,
      email: usable ? str(generated.email) : null,
      origin: usable ? ("generated" as const) : ("none" as const),
      status,
      note: generated ? str(generated.note) : null,
      pattern: generated ? str(generated.pattern) : null,
      emailSources: [],
    };
  });
}

/** The site's addresses that belong to no person (sales@, info@): they can become leads too. */
export function otherAddressesOf(result: Dict | null | undefined): AddressRow[] {
  if (!result) return [];
  const personal = new Set(
    (Array.isArray(result.people) ? result.people.filter(isDict) : []).flatMap((p) =>
      Array.isArray(p.emails) ? p.emails.map((e) => String(e).toLowerCase()) : [],
    ),
  );
  // A site reached by its IP address has no domain of its own: the company's is the one its
  // people's addresses use (the report's company_domain).
  const companyDomain = str(result.company_domain)?.toLowerCase();
  const onSite = (fact: Dict) =>
    fact.on_site_domain === true || (!!companyDomain && String(fact.value).toLowerCase().endsWith(`@${companyDomain}`));
  return (Array.isArray(result.emails) ? result.emails.filter(isDict) : [])
    .filter((fact) => str(fact.value) && !personal.has(String(fact.value).toLowerCase()) && onSite(fact))
    .map((fact) => {
      const verification = isDict(fact.verification) ? (fact.verification as Verification) : null;
      return {
        email: String(fact.value),
        kind: str(fact.kind),
        status: verification?.status ?? null,
        verification,
        sources: sourcesOf(fact.sources),
      };
    });
}

/** The host a crawl target names: "acme.com", "https://www.acme.com/about" → "acme.com". */
export function hostOf(target: string | null | undefined): string | null {
  if (!target) return null;
  const text = target.trim();
  try {
    const host = new URL(text.includes("://") ? text : `http://${text}`).host.toLowerCase();
    return host.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** Whether a crawl was of this company's site (by its domain or its website's host). */
export function isCrawlOf(
  crawl: Pick<Crawl, "target">,
  company: { domain?: string | null; website?: string | null },
): boolean {
  const host = hostOf(crawl.target);
  if (!host) return false;
  return [hostOf(company.domain), hostOf(company.website)].includes(host);
}

/** What "Find contacts" crawls: the company's website when it has one, else its domain. */
export function crawlTargetOf(company: { domain?: string | null; website?: string | null }): string {
  return company.website?.trim() || company.domain?.trim() || "";
}

/** The body of POST /crawls for what the user typed: a URL stays a URL, a bare name is a domain. */
export function crawlRequest(target: string, maxPages?: number): Schemas["CrawlRequest"] {
  const text = target.trim();
  const body: Schemas["CrawlRequest"] = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? { url: text, verify: true }
    : { domain: text, verify: true };
  if (maxPages) body.max_pages = maxPages;
  return body;
}
