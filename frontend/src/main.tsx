import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, Suspense, lazy, useState } from "react";
import { createRoot } from "react-dom/client";
import { Navigate, RouterProvider, createBrowserRouter, Link } from "react-router-dom";
import { ApiError } from "./api/errors";
import { Layout } from "./components/Layout";
import { ToastProvider } from "./components/toast";
import { EmptyState, Spinner } from "./components/ui";
import "./index.css";
import { LeadDetailPage } from "./pages/LeadDetail";
import { LeadsPage } from "./pages/Leads";
import { LoginPage, SetupPage } from "./pages/SignIn";
import { SessionProvider, useSession } from "./session";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, 422) will not change by asking again.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

function NotFound() {
  return (
    <EmptyState title="Page not found">
      <Link className="text-indigo-700 underline" to="/leads">
        Go to the leads
      </Link>
    </EmptyState>
  );
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/leads" replace /> },
      { path: "leads", element: <LeadsPage /> },
      { path: "leads/:leadId", element: <LeadDetailPage /> },
      // Lazy: the kanban's drag and drop and the live event stream load with the board.
      { path: "pipeline", lazy: async () => ({ Component: (await import("./pages/Pipeline")).PipelinePage }) },
      { path: "companies", lazy: async () => ({ Component: (await import("./pages/Companies")).CompaniesPage }) },
      {
        path: "companies/:companyId",
        lazy: async () => ({ Component: (await import("./pages/CompanyDetail")).CompanyDetailPage }),
      },
      // Lazy: the charts load with the dashboard, not with every page.
      { path: "dashboard", lazy: async () => ({ Component: (await import("./pages/Dashboard")).DashboardPage }) },
      { path: "import", lazy: async () => ({ Component: (await import("./pages/Import")).ImportPage }) },
      { path: "verify", lazy: async () => ({ Component: (await import("./pages/Verify")).VerifyPage }) },
      {
        path: "settings",
        lazy: async () => ({ Component: (await import("./pages/Settings")).SettingsPage }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import("./pages/Settings")).SettingsIndex }) },
          {
            path: "members",
            lazy: async () => ({ Component: (await import("./pages/SettingsMembers")).SettingsMembersPage }),
          },
          {
            path: "api-keys",
            lazy: async () => ({ Component: (await import("./pages/SettingsApiKeys")).SettingsApiKeysPage }),
          },
          {
            path: "stages",
            lazy: async () => ({ Component: (await import("./pages/SettingsStages")).SettingsStagesPage }),
          },
          {
            path: "forms",
            lazy: async () => ({ Component: (await import("./pages/SettingsForms")).SettingsFormsPage }),
          },
          {
            path: "fields",
            lazy: async () => ({ Component: (await import("./pages/SettingsFields")).SettingsFieldsPage }),
          },
          {
            path: "assignment",
            lazy: async () => ({ Component: (await import("./pages/SettingsRules")).SettingsRulesPage }),
          },
          {
            path: "workspace",
            lazy: async () => ({ Component: (await import("./pages/SettingsWorkspace")).SettingsWorkspacePage }),
          },
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);

// The invitation link's screen works signed in or out, so it comes before the session's screens.
const AcceptInvitePage = lazy(async () => ({ default: (await import("./pages/AcceptInvite")).AcceptInvitePage }));

function Gate() {
  const { status } = useSession();
  const [inviting, setInviting] = useState(() => window.location.pathname === "/accept-invite");
  if (inviting) {
    return (
      <Suspense fallback={<Spinner label="Loading…" />}>
        <AcceptInvitePage
          onJoined={() => {
            window.history.replaceState(null, "", "/leads");
            void router.navigate("/leads", { replace: true });
            setInviting(false);
          }}
        />
      </Suspense>
    );
  }
  if (status === "loading") {
    return (
      <div className="flex min-h-screen items-center justify-center">
        <Spinner label="Loading Leadwise…" />
      </div>
    );
  }
  if (status === "setup") return <SetupPage />;
  if (status === "signedOut") return <LoginPage />;
  return <RouterProvider router={router} />;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
