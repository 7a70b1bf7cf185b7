// Settings: one tab per part of the workspace's setup; each tab shows edit controls only to roles
// that may use them (the API refuses the rest anyway).
import { NavLink, Navigate, Outlet } from "react-router-dom";
import { useSession } from "../session";

const TABS = [
  { to: "members", label: "Members", permission: "members:read" },
  { to: "api-keys", label: "API keys", permission: "api_keys:manage" },
  { to: "stages", label: "Pipeline stages", permission: "leads:read" },
  { to: "forms", label: "Forms", permission: "workspace:read" },
  { to: "fields", label: "Custom fields", permission: "leads:read" },
  { to: "assignment", label: "Assignment rules", permission: "leads:read" },
  { to: "workspace", label: "Workspace and email", permission: "workspace:read" },
] as const;

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"}`;

export function SettingsPage() {
  const { can } = useSession();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold text-slate-900">Settings</h1>
      <nav aria-label="Settings" className="flex gap-1 overflow-x-auto border-b border-slate-200 pb-2">
        {TABS.filter((t) => can(t.permission)).map((t) => (
          <NavLink key={t.to} to={t.to} className={tabClass}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}

export function SettingsIndex() {
  return <Navigate to="members" replace />;
}
