import { useId } from "react";
import { NavLink, Outlet } from "react-router-dom";
import { useSession } from "../session";
import { useToast } from "./toast";
import { Button, inputClass } from "./ui";

function WorkspaceSwitcher() {
  const { me, switchWorkspace } = useSession();
  const toast = useToast();
  const id = useId();
  if (!me) return null;
  const active = me.workspaces.find((w) => w.id === me.active_workspace_id);
  if (me.workspaces.length < 2) {
    return <span className="truncate text-sm font-medium text-slate-700">{active?.name}</span>;
  }
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Workspace
      </label>
      <select
        id={id}
        className={`${inputClass} py-1.5`}
        value={me.active_workspace_id ?? ""}
        onChange={(e) => switchWorkspace(e.target.value).catch(toast.error)}
      >
        {me.workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({w.role})
          </option>
        ))}
      </select>
    </div>
  );
}

const SECTIONS = [
  ["/dashboard", "Dashboard"],
  ["/leads", "Leads"],
  ["/pipeline", "Pipeline"],
  ["/companies", "Companies"],
  ["/import", "Import"],
  ["/verify", "Verify"],
  ["/settings", "Settings"],
] as const;

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`;

export function Layout() {
  const { me, logout } = useSession();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2.5">
          <span className="text-lg font-bold tracking-tight text-indigo-800">Leadwise</span>
          <nav aria-label="Main" className="flex max-w-full flex-wrap gap-1">
            {SECTIONS.map(([to, label]) => (
              <NavLink key={to} to={to} className={linkClass}>
                {label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <WorkspaceSwitcher />
            <span className="hidden text-sm text-slate-600 sm:inline" title={me?.email}>
              {me?.full_name || me?.email} · {me?.role}
            </span>
            <Button size="sm" variant="ghost" onClick={() => void logout()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-[1600px] flex-1 flex-col px-4 py-5">
        <Outlet />
      </main>
    </div>
  );
}
