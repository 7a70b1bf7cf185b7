"""Alembic, driven from code: the migrations ship inside the package (`leadwise db upgrade`)."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config

from leadwise.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(settings: Settings, stdout: io.StringIO | None = None) -> Config:
    config = Config(stdout=stdout) if stdout is not None else Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.attributes["settings"] = settings
    return config


def upgrade(settings: Settings, revision: str = "head") -> None:
    command.upgrade(alembic_config(settings), revision)


def downgrade(settings: Settings, revision: str) -> None:
    command.downgrade(alembic_config(settings), revision)


def current(settings: Settings) -> str:
    buffer = io.StringIO()
    command.current(alembic_config(settings, stdout=buffer))
    return buffer.getvalue().strip()


# Made by migration 0009 in SQL the models cannot state: SQLite's full-text tables (and the
# shadow tables FTS5 makes for them) and PostgreSQL's trigram index for the leads search.
OUTSIDE_THE_MODELS = ("lead_search", "ix_leads_search_trigram")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's filter for comparing the database with the models."""
    if name is None:
        return True
    return not any(name == own or name.startswith(own + "_") for own in OUTSIDE_THE_MODELS)
