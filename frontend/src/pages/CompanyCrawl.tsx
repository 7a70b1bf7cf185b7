// "Find contacts": crawl the company's site, follow the crawl page by page, then show the
// people and addresses it found and add the chosen ones as leads in one request.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { api, unwrap, type Schemas } from "../api/client";
import { useToast } from "../components/toast";
import { Badge, Button, ErrorAlert, Spinner, VerificationBadge, inputClass } from "../components/ui";
import {
  crawlProgress,
  crawlRequest,
  isFinal,
  otherAddressesOf,
  peopleOf,
  pollInterval,
  type Crawl,
  type PersonRow,
  type Source,
} from "../lib/crawl";
import { useSession, useWorkspace } from "../session";

export function ProgressBar({ percent, label }: { percent: number | null; label: string }) {
  return (
    <div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-indigo-600 transition-all ${percent === null ? "w-1/3 animate-pulse" : ""}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <p className="mt-1 text-sm text-slate-700" aria-live="polite">
        {label}
      </p>
    </div>
  );
}

/** The form that starts a crawl: the address (the company's website or domain) and a page budget. */
export function FindContactsForm({
  initialTarget,
  onStarted,
}: {
  initialTarget: string;
  onStarted: (c: Crawl) => void;
}) {
  const [target, setTarget] = useState(initialTarget);
  const [maxPages, setMaxPages] = useState("30");
  const start = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/crawls", { body: crawlRequest(target, Number(maxPages) || undefined) })),
    onSuccess: onStarted,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (target.trim()) start.mutate();
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-60">
          <label htmlFor="crawl-target" className="mb-1 block text-xs font-medium text-slate-700">
            Website or domain to crawl
          </label>
          <input
            id="crawl-target"
            className={inputClass}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="acme.com"
          />
        </div>
        <div className="w-28">
          <label htmlFor="crawl-pages" className="mb-1 block text-xs font-medium text-slate-700">
            Pages at most
          </label>
          <input
            id="crawl-pages"
            className={inputClass}
            type="number"
            min={1}
            max={10000}
            value={maxPages}
            onChange={(e) => setMaxPages(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" busy={start.isPending} disabled={!target.trim()}>
          Find contacts
        </Button>
      </div>
      {start.isError && <ErrorAlert title="The crawl could not start" error={start.error} />}
    </form>
  );
}

function SourceList({ sources }: { sources: Source[] }) {
  if (!sources.length) return null;
  return (
    <ul className="space-y-0.5">
      {sources.slice(0, 3).map((s, i) => (
        <li key={i} className="text-xs text-slate-600">
          {s.url ? (
            <a
              href={s.url}
              target="_blank"
              rel="noreferrer noopener"
              className="break-all text-indigo-700 hover:underline"
            >
              {s.url}
            </a>
          ) : (
            "—"
          )}
          {s.method && ` (${s.method})`}
        </li>
      ))}
    </ul>
  );
}

function EmailCell({ person }: { person: PersonRow }) {
  if (!person.email) {
    return (
      <div>
        <span className="text-slate-600">No address</span>
        {person.note && <p className="text-xs text-slate-600">{person.note}</p>}
      </div>
    );
  }
  return (
    <div className="space-y-0.5">
      <p className="break-all text-slate-900">{person.email}</p>
      <div className="flex flex-wrap items-center gap-1">
        {person.origin === "found" ? (
          <Badge tone="sky">on the site</Badge>
        ) : (
          <Badge tone="amber" title={person.pattern ? `From the pattern ${person.pattern}` : undefined}>
            generated{person.pattern ? ` ${person.pattern}` : ""}
          </Badge>
        )}
        {person.status && <VerificationBadge status={person.status} />}
      </div>
      {person.note && <p className="text-xs text-slate-600">{person.note}</p>}
      <SourceList sources={person.emailSources} />
    </div>
  );
}

type Added = Schemas["CrawlLeadsRead"];

/** A crawl followed until it ends, then its people and addresses to choose from. */
export function CrawlView({ crawlId, onLeadsAdded }: { crawlId: string; onLeadsAdded?: (added: Added) => void }) {
  const workspace = useWorkspace();
  const { can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [chosenEmails, setChosenEmails] = useState<Set<string>>(new Set());
  const [added, setAdded] = useState<Added | null>(null);
  const crawl = useQuery({
    queryKey: ["crawl", workspace, crawlId],
    queryFn: () => unwrap(api.GET("/api/v1/crawls/{crawl_id}", { params: { path: { crawl_id: crawlId } } })),
    refetchInterval: (query) => pollInterval(query.state.data),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/jobs/{job_id}/cancel", { params: { path: { job_id: crawlId } } })),
    onSuccess: () => void crawl.refetch(),
    onError: toast.error,
  });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/crawls/{crawl_id}/leads", {
          params: { path: { crawl_id: crawlId } },
          body: { people: [...chosen], all_people: false, emails: [...chosenEmails], tags: ["crawled"] },
        }),
      ),
    onSuccess: (result) => {
      setAdded(result);
      setChosen(new Set());
      setChosenEmails(new Set());
      void queryClient.invalidateQueries({ queryKey: ["leads"] });
      void queryClient.invalidateQueries({ queryKey: ["company-leads"] });
      void queryClient.invalidateQueries({ queryKey: ["companies"] });
      toast.info(
        `${result.created} lead${result.created === 1 ? "" : "s"} added` +
          (result.existing ? `, ${result.existing} already there` : "") +
          ".",
      );
      onLeadsAdded?.(result);
    },
    onError: toast.error,
  });

  const finished = crawl.data ? isFinal(crawl.data.status) : false;
  useEffect(() => {
    // The company's list of crawls shows the new status and counts.
    if (finished) void queryClient.invalidateQueries({ queryKey: ["crawls", workspace] });
  }, [finished, queryClient, workspace]);

  if (crawl.isPending) return <Spinner small label="Loading the crawl…" />;
  if (crawl.isError)
    return <ErrorAlert title="The crawl could not be loaded" error={crawl.error} retry={() => void crawl.refetch()} />;
  const data = crawl.data;
  const progress = crawlProgress(data);
  const result = data.result as Record<string, unknown> | null;
  const people = peopleOf(result);
  const addresses = otherAddressesOf(result);
  const pattern = result?.email_pattern as { pattern?: string; confidence?: number } | null | undefined;
  const canAdd = can("leads:write") && data.status === "succeeded";
  const toggle = (set: Set<string>, value: string) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  const existingNames = new Set((added?.leads ?? []).filter((l) => !l.created).map((l) => l.name ?? l.email));
  const leadOf = new Map((added?.leads ?? []).map((l) => [l.name ?? l.email ?? "", l]));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="mb-1 text-sm font-medium text-slate-800">
            Crawl of <span className="break-all">{data.target}</span>
          </p>
          <ProgressBar percent={progress.percent} label={progress.label} />
        </div>
        {(data.status === "queued" || data.status === "running") && (
          <Button size="sm" busy={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel crawl
          </Button>
        )}
      </div>

      {data.status === "succeeded" && (
        <>
          <p className="text-sm text-slate-700">
            {people.length} {people.length === 1 ? "person" : "people"}, {addresses.length} other address
            {addresses.length === 1 ? "" : "es"} on the site
            {pattern?.pattern &&
              ` · email pattern ${pattern.pattern}${typeof pattern.confidence === "number" ? ` (${Math.round(pattern.confidence * 100)}% sure)` : ""}`}
          </p>
          {people.length > 0 && (
            <div className="overflow-x-auto rounded-md border border-slate-200">
              <table className="w-full min-w-[640px] border-collapse text-sm">
                <caption className="sr-only">People found</caption>
                <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
                  <tr>
                    {canAdd && (
                      <th scope="col" className="w-10 px-3 py-2">
                        <input
                          type="checkbox"
                          className="h-4 w-4"
                          aria-label="Select all people"
                          checked={chosen.size === people.length}
                          onChange={(e) => setChosen(e.target.checked ? new Set(people.map((p) => p.name)) : new Set())}
                        />
                      </th>
                    )}
                    <th scope="col" className="px-3 py-2">
                      Person
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Email
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Seen on
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((person) => {
                    const lead = leadOf.get(person.name);
                    return (
                      <tr key={person.name} className="border-t border-slate-100 align-top">
                        {canAdd && (
                          <td className="px-3 py-2">
                            <input
                              type="checkbox"
                              className="h-4 w-4"
                              aria-label={`Select ${person.name}`}
                              checked={chosen.has(person.name)}
                              onChange={() => setChosen((s) => toggle(s, person.name))}
                            />
                          </td>
                        )}
                        <td className="px-3 py-2">
                          <p className="font-medium text-slate-900">{person.name}</p>
                          {person.title && <p className="text-slate-700">{person.title}</p>}
                          {lead && (
                            <Link to={`/leads/${lead.lead_id}`} className="text-xs text-indigo-700 hover:underline">
                              {lead.created ? "Added as a lead" : "Already a lead"} →
                            </Link>
                          )}
                        </td>
                        <td className="px-3 py-2">
                          <EmailCell person={person} />
                        </td>
                        <td className="px-3 py-2">
                          <SourceList sources={person.sources} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {addresses.length > 0 && (
            <fieldset className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium text-slate-800">Other addresses on the site</legend>
              <ul className="space-y-2">
                {addresses.map((address) => (
                  <li key={address.email} className="flex flex-wrap items-start gap-2 text-sm">
                    {canAdd && (
                      <input
                        type="checkbox"
                        className="mt-0.5 h-4 w-4"
                        aria-label={`Select ${address.email}`}
                        checked={chosenEmails.has(address.email)}
                        onChange={() => setChosenEmails((s) => toggle(s, address.email))}
                      />
                    )}
                    <span className="break-all text-slate-900">{address.email}</span>
                    {address.kind && <Badge>{address.kind}</Badge>}
                    {address.status && (
                      <VerificationBadge status={address.status} title={address.verification?.reason} />
                    )}
                    {leadOf.get(address.email) && (
                      <Link
                        to={`/leads/${leadOf.get(address.email)!.lead_id}`}
                        className="text-xs text-indigo-700 hover:underline"
                      >
                        {leadOf.get(address.email)!.created ? "Added as a lead" : "Already a lead"} →
                      </Link>
                    )}
                    <div className="w-full pl-6">
                      <SourceList sources={address.sources} />
                    </div>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          {people.length === 0 && addresses.length === 0 && (
            <p className="text-sm text-slate-600">No people or addresses were found on this site.</p>
          )}
          {canAdd && (people.length > 0 || addresses.length > 0) && (
            <div className="flex flex-wrap items-center gap-3">
              <Button
                variant="primary"
                busy={add.isPending}
                disabled={chosen.size + chosenEmails.size === 0}
                onClick={() => add.mutate()}
              >
                Add {chosen.size + chosenEmails.size || ""} as lead{chosen.size + chosenEmails.size === 1 ? "" : "s"}
              </Button>
              {added && (
                <p role="status" className="text-sm text-slate-700">
                  {added.created} added
                  {added.existing > 0 && `, ${added.existing} already leads (${[...existingNames].join(", ")})`}.
                </p>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
