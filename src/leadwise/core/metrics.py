"""Prometheus metrics.

`leadwise serve` sets a multiprocess directory so that every API worker process and the embedded
Celery worker write into it and `/metrics` sums them; a lone process uses the default registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
    values,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

HTTP_REQUESTS = Counter(
    "leadwise_http_requests_total", "HTTP requests", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "leadwise_http_request_duration_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
JOBS = Counter("leadwise_jobs_total", "Jobs finished", ["kind", "status"])
JOB_DURATION = Histogram(
    "leadwise_job_duration_seconds",
    "Job run time",
    ["kind", "status"],
    buckets=(0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600),
)


class PoolCollector(Collector):
    """Database connection pool use, read at scrape time from the live engine's pool."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily("leadwise_db_pool_connections", "DB pool", labels=["state"])
        for state in ("size", "checkedout", "checkedin", "overflow"):
            reader = getattr(self.pool, state, None)
            if callable(reader):
                gauge.add_metric([state], float(reader()))
        yield gauge


def multiprocess_mode() -> bool:
    """Whether prometheus_client stores values in the shared directory (it decides once, at
    import, from PROMETHEUS_MULTIPROC_DIR, which `leadwise serve` sets for its processes)."""
    return values.ValueClass is not values.MutexValue


def render(pool: Any | None = None) -> tuple[bytes, str]:
    if multiprocess_mode():
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = REGISTRY
    extra = PoolCollector(pool) if pool is not None else None
    if extra is not None:
        registry.register(extra)
    try:
        return generate_latest(registry), CONTENT_TYPE_LATEST
    finally:
        if extra is not None:
            registry.unregister(extra)


FORM_SUBMISSIONS = Counter(
    "leadwise_form_submissions_total",
    "Public form submissions by outcome (created, replayed, honeypot, refused)",
    ["outcome"],
)
EMAILS = Counter(
    "leadwise_emails_total", "Emails by outcome (sent, not_configured, failed)", ["outcome"]
)
