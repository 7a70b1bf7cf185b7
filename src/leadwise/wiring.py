"""Registers every job handler and event subscriber; imported by the API and the worker, so
that both react to the same events and run the same jobs."""

from leadwise.dedupe import handlers as dedupe_scan  # noqa: F401 - the dedupe.scan job
from leadwise.dedupe import subscribers as dedupe_keys  # noqa: F401 - keys follow leads
from leadwise.enrichment import handlers as enrichment  # noqa: F401 - enrichment.company
from leadwise.enrichment import subscribers as enriches_leads  # noqa: F401 - new leads
from leadwise.import_export import (
    export,  # noqa: F401 - the exports.leads job
    import_job,  # noqa: F401 - imports.run and .revert
)
from leadwise.leads import live  # noqa: F401 - committed lead changes become live events
from leadwise.notifications import handlers, subscribers
from leadwise.prospecting import handlers as crawls  # noqa: F401 - crawl.site
from leadwise.verification import auto as verification_auto  # noqa: F401 - verification.leads
from leadwise.verification import bulk as verification_bulk  # noqa: F401 - verification.bulk
from leadwise.verification import subscribers as verifies_leads  # noqa: F401 - new leads
from leadwise.verification import tasks as verification_tasks  # noqa: F401 - periodic re-check

__all__ = ["handlers", "subscribers"]
