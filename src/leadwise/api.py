"""Every domain router under /api/v1, and nothing else."""

from __future__ import annotations

from fastapi import APIRouter

import leadwise.wiring  # noqa: F401 - handlers and subscribers register on import
from leadwise.analytics.router import router as analytics_router
from leadwise.attachments.router import router as attachments_router
from leadwise.auth.router import router as auth_router
from leadwise.capture.router import public_router as public_capture_router
from leadwise.capture.router import router as forms_router
from leadwise.companies.router import router as companies_router
from leadwise.dedupe.router import router as dedupe_router
from leadwise.enrichment.router import router as enrichment_router
from leadwise.import_export.import_router import router as imports_router
from leadwise.import_export.router import router as import_export_router
from leadwise.jobs.router import router as jobs_router
from leadwise.leads.router import router as leads_router
from leadwise.live.router import router as live_router
from leadwise.notifications.router import router as notifications_router
from leadwise.prospecting.router import router as crawls_router
from leadwise.saved_views.router import router as saved_views_router
from leadwise.stages.router import router as stages_router
from leadwise.users.router import router as users_router
from leadwise.verification.router import router as verification_router

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(auth_router)
api_router.include_router(users_router)
api_router.include_router(notifications_router)
api_router.include_router(jobs_router)
api_router.include_router(stages_router)
api_router.include_router(companies_router)
api_router.include_router(leads_router)
api_router.include_router(saved_views_router)
api_router.include_router(dedupe_router)
api_router.include_router(verification_router)
api_router.include_router(enrichment_router)
api_router.include_router(crawls_router)
api_router.include_router(attachments_router)
api_router.include_router(imports_router)
api_router.include_router(import_export_router)
api_router.include_router(forms_router)
api_router.include_router(public_capture_router)
api_router.include_router(analytics_router)
api_router.include_router(live_router)
