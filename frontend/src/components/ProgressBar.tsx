import { useQuery } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../api/client";
import { isJobFinal } from "../lib/verify";
import { useWorkspace } from "../session";

/** A labelled progress bar (role=progressbar, so screen readers hear the percent). */
export function ProgressBar({
  percent,
  label,
  tone = "indigo",
}: {
  percent: number;
  label: string;
  tone?: "indigo" | "red" | "green";
}) {
  const fill = tone === "red" ? "bg-red-600" : tone === "green" ? "bg-green-600" : "bg-indigo-600";
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span className="font-medium tabular-nums">{percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full ${fill} transition-[width] duration-500`}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

/** A background job, asked again every second until it is final. */
export function useJob(jobId: string | null) {
  const workspace = useWorkspace();
  return useQuery({
    queryKey: ["job", workspace, jobId],
    enabled: !!jobId,
    queryFn: (): Promise<Schemas["JobRead"]> =>
      unwrap(api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: jobId! } } })),
    refetchInterval: (query) => (query.state.data && isJobFinal(query.state.data.status) ? false : 1000),
    staleTime: 0,
  });
}
