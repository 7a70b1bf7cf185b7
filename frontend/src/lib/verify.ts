// The verify screen's logic: addresses out of pasted text, the results file, a job's percent.

export const MAX_BULK = 50_000;
const MAX_EMAIL_CHARS = 320;

export interface ParsedAddresses {
  emails: string[];
  /** Lines given more than once (kept once, in their first place). */
  duplicates: number;
  /** Lines longer than an address can be (left out). */
  tooLong: number;
}

/** One address a line (commas, semicolons and tabs separate too, as in a pasted spreadsheet
 * column or a mail client's To: line); `Jane <jane@acme.io>` gives the address in brackets.
 * Blank lines go; the same address twice (any case) is checked once. */
export function parseAddresses(text: string): ParsedAddresses {
  const seen = new Set<string>();
  const emails: string[] = [];
  let duplicates = 0;
  let tooLong = 0;
  for (const piece of text.split(/[\r\n,;\t]+/)) {
    let email = piece.trim();
    const bracketed = /<([^<>]*)>\s*$/.exec(email);
    if (bracketed) email = bracketed[1]!.trim();
    email = email.replace(/^mailto:/i, "");
    if (!email) continue;
    if (email.length > MAX_EMAIL_CHARS) {
      tooLong += 1;
      continue;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) {
      duplicates += 1;
      continue;
    }
    seen.add(key);
    emails.push(email);
  }
  return { emails, duplicates, tooLong };
}

export interface VerifyResult {
  row?: number;
  lead_id?: string;
  email?: string;
  normalized?: string | null;
  status?: string;
  sub_status?: string;
  score?: number;
  reason?: string;
  suggestion?: string | null;
  is_disposable?: boolean;
  is_role?: boolean;
  is_free?: boolean;
  is_catch_all?: boolean | null;
  mx?: { host: string; preference: number }[];
  smtp?: { host: string; code: number | null; enhanced: string | null; message: string } | null;
  checked_at?: string;
  duration_ms?: number;
  /** A row with nothing to verify (an unreadable row, an empty cell). */
  error?: string | null;
}

/** The results download (one JSON object a line); blank and broken lines are skipped. */
export function parseResults(ndjson: string): VerifyResult[] {
  const results: VerifyResult[] = [];
  for (const line of ndjson.split("\n")) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === "object" && !Array.isArray(value)) results.push(value as VerifyResult);
    } catch {
      // a cut line is not a result
    }
  }
  return results.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** How many results of each status (and `skipped` for rows with nothing to verify). */
export function tally(results: VerifyResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.status ?? "skipped";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export interface JobLike {
  status: string;
  progress: number;
  counts: Record<string, unknown>;
}

/** A job's percent for a bar: whole, 0 to 100, 100 once it succeeded. Prefers done/total
 * (exact) over the job's own percent when both are there. */
export function jobPercent(job: JobLike): number {
  if (job.status === "succeeded") return 100;
  const done = Number(job.counts.done ?? job.counts.rows);
  const total = Number(job.counts.total);
  if (Number.isFinite(done) && Number.isFinite(total) && total > 0) {
    return Math.max(0, Math.min(99, Math.floor((100 * done) / total)));
  }
  const raw = Number.isFinite(job.progress) ? job.progress : 0;
  return Math.max(0, Math.min(100, Math.floor(raw)));
}

export function isJobFinal(status: string): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}
