"""Enrichment request bodies."""

from __future__ import annotations

from pydantic import Field

from leadwise.core.schemas import Schema


class EnrichRequest(Schema):
    refresh: bool = Field(
        False,
        description="Ask every provider again even when its stored answer is fresh",
        examples=[True],
    )
