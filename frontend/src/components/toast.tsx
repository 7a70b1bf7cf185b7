import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { describeError } from "../api/errors";

interface Toast {
  id: number;
  text: string;
  tone: "info" | "error";
}

interface Toaster {
  info: (text: string) => void;
  error: (error: unknown) => void;
}

const ToastContext = createContext<Toaster>({ info: () => {}, error: () => {} });

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((text: string, tone: Toast["tone"]) => {
    const id = Date.now() + Math.random();
    setToasts((all) => [...all.slice(-3), { id, text, tone }]);
    setTimeout(() => setToasts((all) => all.filter((t) => t.id !== id)), tone === "error" ? 8000 : 4000);
  }, []);
  const [toaster] = useState<Toaster>(() => ({
    info: (text) => push(text, "info"),
    error: (error) => push(describeError(error), "error"),
  }));
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === "error" ? "alert" : "status"}
            className={`pointer-events-auto max-w-lg rounded-md px-4 py-2.5 text-sm shadow-lg ${
              toast.tone === "error" ? "bg-red-800 text-white" : "bg-slate-900 text-white"
            }`}
          >
            {toast.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toaster {
  return useContext(ToastContext);
}
