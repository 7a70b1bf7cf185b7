import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { describeError } from "../api/errors";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-300",
  secondary: "bg-white text-slate-800 border border-slate-300 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-400",
};

export const Button = forwardRef<
  HTMLButtonElement,
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean; size?: "sm" | "md" }
>(function Button({ variant = "secondary", busy, size = "md", className = "", children, disabled, ...rest }, ref) {
  const sizing = size === "sm" ? "px-2.5 py-1 text-sm" : "px-3.5 py-2 text-sm";
  return (
    <button
      ref={ref}
      type="button"
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium transition-colors disabled:cursor-not-allowed ${sizing} ${VARIANTS[variant]} ${className}`}
      {...rest}
    >
      {busy && <Spinner small />}
      {children}
    </button>
  );
});

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 disabled:bg-slate-100";

export function TextField({
  label,
  hint,
  className = "",
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={id} className={inputClass} aria-describedby={hint ? `${id}-hint` : undefined} {...rest} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

export function SelectField({
  label,
  className = "",
  children,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} className={inputClass} {...rest}>
        {children}
      </select>
    </div>
  );
}

/** An input whose onChange fires once typing pauses (search as you type without a request per key). */
export function DebouncedInput({
  value,
  onValue,
  delay = 300,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  value: string;
  onValue: (value: string) => void;
  delay?: number;
}) {
  const [draft, setDraft] = useState(value);
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setDraft(value);
    }
  }, [value]);
  useEffect(() => {
    if (draft === last.current) return;
    const timer = setTimeout(() => {
      last.current = draft;
      onValue(draft);
    }, delay);
    return () => clearTimeout(timer);
  }, [draft, delay, onValue]);
  return <input value={draft} onChange={(e) => setDraft(e.target.value)} className={inputClass} {...rest} />;
}

export function Spinner({ small, label }: { small?: boolean; label?: string }) {
  const size = small ? "h-4 w-4" : "h-6 w-6";
  return (
    <span role={label ? "status" : undefined} className="inline-flex items-center gap-2 text-slate-600">
      <span aria-hidden className={`${size} animate-spin rounded-full border-2 border-current border-t-transparent`} />
      {label && <span>{label}</span>}
    </span>
  );
}

export function ErrorAlert({
  error,
  title = "Something went wrong",
  retry,
}: {
  error: unknown;
  title?: string;
  retry?: () => void;
}) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{describeError(error)}</p>
      {retry && (
        <Button size="sm" className="mt-3" onClick={retry}>
          Try again
        </Button>
      )}
    </div>
  );
}

export function Badge({ tone = "slate", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

export type Tone = "slate" | "green" | "red" | "amber" | "indigo" | "sky";
const TONES: Record<Tone, string> = {
  slate: "bg-slate-100 text-slate-800",
  green: "bg-green-100 text-green-900",
  red: "bg-red-100 text-red-900",
  amber: "bg-amber-100 text-amber-900",
  indigo: "bg-indigo-100 text-indigo-900",
  sky: "bg-sky-100 text-sky-900",
};

/** A modal on the native <dialog>: focus is trapped and Escape closes it, for free. */
export function Dialog({
  open,
  onClose,
  title,
  children,
  wide,
  large,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  wide?: boolean;
  /** Nearly the whole window (a file preview). */
  large?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
      className={`m-auto w-[calc(100%-2rem)] ${large ? "max-w-5xl" : wide ? "max-w-2xl" : "max-w-md"} rounded-lg bg-white p-0 shadow-xl`}
    >
      {open && (
        <div className="p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              className="rounded p-1 text-slate-600 hover:bg-slate-100"
              aria-label="Close"
            >
              <span aria-hidden>✕</span>
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-6 py-16 text-center">
      <p className="text-base font-semibold text-slate-800">{title}</p>
      {children && <div className="max-w-md text-sm text-slate-600">{children}</div>}
    </div>
  );
}

export function VerificationBadge({ status, title }: { status: string | null | undefined; title?: string }) {
  const tone: Tone =
    status === "valid" ? "green" : status === "invalid" || status === "disposable" ? "red" : status ? "amber" : "slate";
  const label = status ? status.replace("_", "-") : "unverified";
  return (
    <Badge tone={tone} title={title}>
      <span aria-hidden className="mr-1">
        {status === "valid" ? "✓" : status === "invalid" || status === "disposable" ? "✕" : "•"}
      </span>
      {label}
    </Badge>
  );
}

export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(value);
}

export function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return "—";
  const date = new Date(value);
  return withTime
    ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
    : date.toLocaleDateString(undefined, { dateStyle: "medium" });
}

export function leadName(lead: { first_name: string; last_name: string; email?: string | null }): string {
  const name = `${lead.first_name} ${lead.last_name}`.trim();
  return name || lead.email || "Unnamed lead";
}
