"""Dedupe a file (any format the importer reads): pairs and groups written as CSV."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from leadwise.dedupe.comparison import LEVELS
from leadwise.dedupe.engine import Result, find_duplicates
from leadwise.dedupe.fields import FieldType, map_columns
from leadwise.dedupe.prepare import Gathered
from leadwise.import_export.readers import Row, RowError, UnreadableFile, read_table

__all__ = ["Outcome", "UnreadableFile", "dedupe_file"]

GATHER_BATCH = 10_000


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]], int]:
    """The columns, the readable rows and how many rows could not be read."""
    table = read_table(path)
    rows, skipped = [], 0
    for row in table.rows:
        if isinstance(row, RowError):
            skipped += 1
        else:
            rows.append(row)
    if not rows:
        raise UnreadableFile(f"{path}: no rows below the header")
    return table.columns, rows, skipped


@dataclass
class Outcome:
    result: Result
    types: dict[str, FieldType]
    pairs_written: int
    groups_written: int
    rows_skipped: int


def dedupe_file(
    path: Path,
    pairs_path: Path,
    *,
    clusters_path: Path | None = None,
    id_column: str | None = None,
    threshold: float = 0.9,
    overrides: dict[str, str] | None = None,
    default_region: str | None = None,
) -> Outcome:
    table = read_table(path)
    try:
        types = map_columns(table.columns, overrides)
    except ValueError as error:
        raise UnreadableFile(str(error)) from None
    if id_column is None:
        id_column = next((c for c, kind in types.items() if kind is FieldType.ID), None)
    elif id_column not in table.columns:
        raise UnreadableFile(f"no column {id_column!r}; columns: {', '.join(table.columns)}")
    else:
        types[id_column] = FieldType.ID
    numbered = id_column is None  # then a record's id is its row: 1 is the first below the header
    if numbered:
        id_column, types = "row", {**types, "row": FieldType.ID}
    records, skipped = _gather(table.rows, Gathered(types, id_column), numbered)
    if not len(records):
        raise UnreadableFile(f"{path}: no rows below the header")
    result = find_duplicates(
        records, types, id_column=id_column, threshold=threshold, default_region=default_region
    )
    written = _write_pairs(result, pairs_path)
    groups = _write_clusters(result, clusters_path) if clusters_path else 0
    return Outcome(result, types, written, groups, skipped)


def _gather(
    rows: Iterable[Row | RowError], records: Gathered, numbered: bool
) -> tuple[Gathered, int]:
    """The readable rows gathered in batches (a million rows as dicts would take ~750 MiB),
    and how many rows could not be read."""
    batch: list[Row] = []
    skipped = 0
    for row in rows:
        if isinstance(row, RowError):
            skipped += 1
            continue
        if numbered:
            row["row"] = str(len(records) + len(batch) + 1)
        batch.append(row)
        if len(batch) == GATHER_BATCH:
            records.extend(batch)
            batch = []
    records.extend(batch)
    return records, skipped


def _write_pairs(result: Result, path: Path) -> int:
    ids = result.prepared.ids
    fields = result.comparisons.fields
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["left_id", "right_id", "probability", "match_weight", *fields])
        rows = result.matches()
        levels, weights = result.explanations(rows)
        labels = [LEVELS[name] for name in result.comparisons.schemes]
        for position, (row, total) in enumerate(
            zip(rows.tolist(), result.match_weights(rows).tolist(), strict=True)
        ):
            writer.writerow(
                [
                    ids[result.left[row]],
                    ids[result.right[row]],
                    f"{result.probability[row]:.6f}",
                    f"{total:.2f}",
                    *(
                        f"{labels[field][level]} ({weight:+.1f})"
                        for field, (level, weight) in enumerate(
                            zip(levels[position].tolist(), weights[position].tolist(), strict=True)
                        )
                    ),
                ]
            )
    return len(rows)


def _write_clusters(result: Result, path: Path) -> int:
    ids = result.prepared.ids
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["cluster_id", "record_id"])
        for number, group in enumerate(result.groups, start=1):
            for index in group:
                writer.writerow([number, ids[index]])
    return len(result.groups)
