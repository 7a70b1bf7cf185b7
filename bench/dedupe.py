"""The dedupe engine on generated leads with known duplicates: precision, recall, F1, the
blocking's pair completeness, time and peak memory.

    .venv/bin/python bench/dedupe.py 1000000            # rows; 10% of them typo duplicates

The data comes from tests/dedupe/synthetic.py (typos, swapped names, work vs private email,
moves, gaps). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("--duplicates", type=float, default=0.1)
    parser.add_argument("--threshold", type=float, default=0.9)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # the generator lives with the tests
    from tests.dedupe.synthetic import COLUMNS, generate

    from leadwise.dedupe.engine import find_duplicates
    from leadwise.dedupe.fields import map_columns

    started = time.perf_counter()
    data = generate(args.rows, args.duplicates, seed=2026)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    result = find_duplicates(
        data.rows,
        map_columns(COLUMNS),
        id_column="id",
        threshold=args.threshold,
        default_region="DE",
    )
    elapsed = time.perf_counter() - started
    # Truth by person number per record index: a pair is a true match when both are one person.
    person = np.array([data.entity[record_id] for record_id in result.prepared.ids.tolist()])
    sizes = np.bincount(person)
    true_pairs = int((sizes * (sizes - 1) // 2).sum())
    same = person[result.left] == person[result.right]
    rows = result.matches()
    hits = int(same[rows].sum())
    precision, recall = hits / max(1, len(rows)), hits / max(1, true_pairs)
    f1 = 2 * precision * recall / max(1e-12, precision + recall)
    completeness = int(same.sum()) / true_pairs
    candidates = len(result.left)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        "| rows | true pairs | candidates | completeness | precision | recall | F1 | time | peak |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.rows:,} | {true_pairs:,} | {candidates:,} | {completeness:.4f} "
        f"| {precision:.4f} | {recall:.4f} | {f1:.4f} | {elapsed:.1f} s | {peak_mib:,.0f} MiB |"
    )
    print(
        f"\n(generating took {generated:.1f} s, not counted; EM rounds {result.model.iterations})"
    )


if __name__ == "__main__":
    main()
