"""Dedupe a CSV file: read it (delimiter and encoding told apart), write pairs and groups."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from leadwise.dedupe.engine import Result, find_duplicates
from leadwise.dedupe.fields import FieldType, map_columns

ENCODINGS = ("utf-8-sig", "utf-16", "cp1252")


class UnreadableFile(Exception):
    """The file is not a CSV this reads; the message says why."""


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        for encoding in ENCODINGS:
            if encoding == "utf-16":
                continue
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - cp1252 decodes nearly anything
            raise UnreadableFile(f"{path}: not UTF-8, UTF-16 or Windows-1252 text")
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if not reader.fieldnames:
        raise UnreadableFile(f"{path}: no header row")
    columns = [name.strip() for name in reader.fieldnames]
    reader.fieldnames = columns
    rows = [{k: (v or "") for k, v in row.items() if k is not None} for row in reader]
    if not rows:
        raise UnreadableFile(f"{path}: no rows below the header")
    return columns, rows


@dataclass
class Outcome:
    result: Result
    types: dict[str, FieldType]
    pairs_written: int
    groups_written: int


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
    columns, rows = read_csv(path)
    try:
        types = map_columns(columns, overrides)
    except ValueError as error:
        raise UnreadableFile(str(error)) from None
    if id_column is None:
        id_column = next((c for c, kind in types.items() if kind is FieldType.ID), None)
    elif id_column not in columns:
        raise UnreadableFile(f"no column {id_column!r}; columns: {', '.join(columns)}")
    else:
        types[id_column] = FieldType.ID
    if id_column is None:  # number the rows: 1 is the first row below the header
        for number, row in enumerate(rows, start=1):
            row["row"] = str(number)
        id_column, types = "row", {**types, "row": FieldType.ID}
    result = find_duplicates(
        rows, types, id_column=id_column, threshold=threshold, default_region=default_region
    )
    written = _write_pairs(result, pairs_path)
    groups = _write_clusters(result, clusters_path) if clusters_path else 0
    return Outcome(result, types, written, groups)


def _write_pairs(result: Result, path: Path) -> int:
    ids = result.prepared.ids
    fields = result.comparisons.fields
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["left_id", "right_id", "probability", "match_weight", *fields])
        weights = result.model.match_weight(result.comparisons.gamma)
        rows = result.matches()
        for row in rows:
            explanation = result.explain(int(row))
            writer.writerow(
                [
                    ids[result.left[row]],
                    ids[result.right[row]],
                    f"{result.probability[row]:.6f}",
                    f"{weights[row]:.2f}",
                    *(f"{label} ({weight:+.1f})" for label, weight in explanation.values()),
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
