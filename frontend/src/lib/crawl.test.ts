import { describe, expect, it } from "vitest";
import { crawlProgress, crawlRequest, isCrawlOf, otherAddressesOf, peopleOf, pollInterval } from "./crawl";

const crawl = { status: "running" as const, pages_fetched: 3, max_pages: 30, progress: 10, error: null };

describe("crawl progress", () => {
  it("polls every second until the crawl has finished", () => {
    expect(pollInterval(undefined)).toBe(1000);
    expect(pollInterval({ status: "queued" })).toBe(1000);
    expect(pollInterval({ status: "running" })).toBe(1000);
    expect(pollInterval({ status: "succeeded" })).toBe(false);
    expect(pollInterval({ status: "failed" })).toBe(false);
    expect(pollInterval({ status: "cancelled" })).toBe(false);
  });

  it("says what is happening, with the pages fetched", () => {
    expect(crawlProgress({ ...crawl, status: "queued", pages_fetched: 0 })).toEqual({
      label: "Waiting for a worker…",
      percent: null,
    });
    expect(crawlProgress(crawl)).toEqual({ label: "Crawling: 3 pages fetched of up to 30", percent: 10 });
    expect(crawlProgress({ ...crawl, pages_fetched: 0, progress: 0 }).percent).toBeNull();
    expect(crawlProgress({ ...crawl, status: "succeeded", pages_fetched: 1, progress: 100 })).toEqual({
      label: "Done: 1 page fetched",
      percent: 100,
    });
    expect(crawlProgress({ ...crawl, status: "failed", error: "CrawlFailed: no page" }).label).toBe(
      "Failed: CrawlFailed: no page",
    );
  });

  it("starts a crawl of a URL or of a domain", () => {
    expect(crawlRequest(" acme.com ")).toEqual({ domain: "acme.com", verify: true });
    expect(crawlRequest("http://127.0.0.1:8080/", 20)).toEqual({
      url: "http://127.0.0.1:8080/",
      verify: true,
      max_pages: 20,
    });
  });

  it("knows a company's crawls by domain or website host", () => {
    const company = { domain: "acme.com", website: "http://127.0.0.1:8080/" };
    expect(isCrawlOf({ target: "https://www.acme.com/about" }, company)).toBe(true);
    expect(isCrawlOf({ target: "http://127.0.0.1:8080/team" }, company)).toBe(true);
    expect(isCrawlOf({ target: "acme.org" }, company)).toBe(false);
  });
});

describe("crawl report", () => {
  const result = {
    people: [
      {
        name: "Anna Schmidt",
        title: "CEO",
        emails: ["anna.schmidt@acme.com"],
        sources: [{ url: "https://acme.com/team", method: "card" }],
      },
      {
        name: "Tom Becker",
        title: "Head of Sales",
        emails: [],
        generated_email: {
          email: "tom.becker@acme.com",
          pattern: "{first}.{last}",
          status: "accept_all",
          note: "catch-all server",
        },
      },
      {
        name: "Eve Null",
        emails: [],
        generated_email: { email: "eve.null@acme.com", status: "invalid", note: "refused" },
      },
    ],
    emails: [
      {
        value: "anna.schmidt@acme.com",
        kind: "personal",
        on_site_domain: true,
        sources: [{ url: "https://acme.com/team", method: "mailto" }],
        verification: { status: "valid" },
      },
      { value: "sales@acme.com", kind: "role", on_site_domain: true, sources: [{ url: "https://acme.com/contact" }] },
      { value: "someone@gmail.com", kind: "personal", on_site_domain: false, sources: [] },
    ],
  };

  it("reads each person with the address, its origin, verdict and note", () => {
    const [anna, tom, eve] = peopleOf(result);
    expect(anna).toMatchObject({
      name: "Anna Schmidt",
      email: "anna.schmidt@acme.com",
      origin: "found",
      status: "valid",
    });
    expect(anna!.emailSources[0]!.method).toBe("mailto");
    expect(tom).toMatchObject({
      email: "tom.becker@acme.com",
      origin: "generated",
      status: "accept_all",
      note: "catch-all server",
      pattern: "{first}.{last}",
    });
    expect(eve).toMatchObject({ email: null, origin: "none", status: "invalid", note: "refused" });
  });

  it("lists the site's other addresses, not the people's nor other domains'", () => {
    expect(otherAddressesOf(result).map((a) => a.email)).toEqual(["sales@acme.com"]);
    expect(peopleOf(null)).toEqual([]);
    const byIp = {
      company_domain: "acme.com",
      emails: [
        { value: "info@acme.com", on_site_domain: false },
        { value: "x@other.org", on_site_domain: false },
      ],
    };
    expect(otherAddressesOf(byIp).map((a) => a.email)).toEqual(["info@acme.com"]);
  });
});
