"""The Celery application.

Embedded default: the broker is a SQLite file (kombu's SQLAlchemy transport) and `leadwise
serve` starts a worker beside the API. At scale: Redis or RabbitMQ in `LEADWISE_BROKER_URL` and
`leadwise worker` on any number of machines. The broker carries job ids only; the `jobs` table
is the durable record (see `leadwise.jobs`).
"""

from __future__ import annotations

from functools import lru_cache

from celery import Celery

from leadwise.config import Settings, get_settings

TASK_MODULES = ["leadwise.jobs.tasks", "leadwise.wiring"]


def create_celery(settings: Settings) -> Celery:
    broker = settings.resolved_broker_url
    if broker.startswith("sqla+sqlite:///"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    # kombu's SQLAlchemy transport passes every transport option on to create_engine(), which
    # refuses unknown keywords: there it keeps its default polling interval (1 s).
    transport_options = {} if broker.startswith("sqla+") else {"polling_interval": 0.5}
    app = Celery(
        "leadwise", broker=broker, include=[*TASK_MODULES, *settings.worker.extra_task_modules]
    )
    app.conf.update(
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        broker_transport_options=transport_options,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        beat_schedule={
            "jobs.sweep": {
                "task": "jobs.sweep",
                "schedule": settings.jobs.sweep_interval_seconds,
            },
            "verification.recheck": {
                "task": "verification.recheck",
                "schedule": settings.verify.recheck_interval_seconds,
            },
        },
        beat_schedule_filename=str(settings.data_dir / "celerybeat-schedule"),
        timezone="UTC",
    )
    return app


@lru_cache
def get_celery() -> Celery:
    return create_celery(get_settings())
