// "Enrich" on a company or a lead: the enrichment job, followed every second until it ends,
// then each provider's outcome; the caller reads its records again.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { isFinal } from "../lib/crawl";
import { ProgressBar } from "./CompanyCrawl";
import { useWorkspace } from "../session";
import { useToast } from "../components/toast";
import { Button, formatDate } from "../components/ui";

export function EnrichButton({
  start,
  onDone,
  disabled,
  title,
}: {
  start: () => Promise<Schemas["JobRead"]>;
  onDone: () => void;
  disabled?: boolean;
  title?: string;
}) {
  const workspace = useWorkspace();
  const toast = useToast();
  const [jobId, setJobId] = useState<string | null>(null);
  const begin = useMutation({ mutationFn: start, onSuccess: (job) => setJobId(job.id), onError: toast.error });
  const job = useQuery({
    queryKey: ["job", workspace, jobId],
    enabled: jobId !== null,
    queryFn: () => unwrap(api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: jobId ?? "" } } })),
    refetchInterval: (query) => (query.state.data && isFinal(query.state.data.status) ? false : 1000),
  });
  const status = job.data?.status;
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (status === "succeeded") done.current();
  }, [status]);
  const running = jobId !== null && (!status || !isFinal(status));
  const providers = (job.data?.result?.providers ?? {}) as Record<string, string>;
  return (
    <div className="flex min-w-0 flex-col items-start gap-2 sm:items-end">
      <Button busy={begin.isPending || running} disabled={disabled} title={title} onClick={() => begin.mutate()}>
        {running ? "Enriching…" : "Enrich"}
      </Button>
      {jobId && job.data && (
        <div className="w-64 max-w-full">
          {running ? (
            <ProgressBar percent={job.data.progress || null} label="Asking the website and DNS…" />
          ) : status === "succeeded" ? (
            <p role="status" className="text-sm text-slate-700">
              Enriched (
              {Object.entries(providers)
                .map(
                  ([p, outcome]) =>
                    `${p}: ${outcome.replace(/cached from (\S+)/, (_, at: string) => `cached from ${formatDate(at, true)}`)}`,
                )
                .join("; ")}
              )
            </p>
          ) : (
            <p role="alert" className="text-sm text-red-800">
              Enrichment {status}: {job.data.error ?? "no reason given"}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
