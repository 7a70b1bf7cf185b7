"""Duplicate groups from scored pairs, without chaining strangers through one weak link.

Pairs are taken strongest first. Two singletons join on their link; two groups join only if
more than half of the record pairs between them that were compared are above the threshold.
So a chain A~B~C where A and C were compared and found different stays two groups, while
A~B~C where A and C were never compared (nothing speaks against it) becomes one.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np


def clusters(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    probability: np.ndarray,
    threshold: float,
) -> list[list[int]]:
    """Groups of two or more record indices whose pairs score at least `threshold`."""
    strong = probability >= threshold
    # Only pairs between records that have a strong link can ever be consulted.
    linked = np.zeros(n, dtype=bool)
    linked[left[strong]] = True
    linked[right[strong]] = True
    relevant = linked[left] & linked[right]
    scored: dict[tuple[int, int], float] = {
        (int(a), int(b)): float(p)
        for a, b, p in zip(
            left[relevant].tolist(),
            right[relevant].tolist(),
            probability[relevant].tolist(),
            strict=True,
        )
    }
    parent = list(range(n))
    members: dict[int, list[int]] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = np.argsort(-probability[strong], kind="stable")
    for a, b in zip(left[strong][order], right[strong][order], strict=True):
        ra, rb = root(int(a)), root(int(b))
        if ra == rb:
            continue
        group_a, group_b = members.get(ra, [ra]), members.get(rb, [rb])
        if len(group_a) > 1 or len(group_b) > 1:
            compared = [
                scored[key]
                for x in group_a
                for y in group_b
                if (key := (min(x, y), max(x, y))) in scored
            ]
            above = sum(p >= threshold for p in compared)
            if above * 2 <= len(compared):
                continue  # the groups mostly disagree: this link alone does not join them
        parent[rb] = ra
        members[ra] = group_a + group_b
        members.pop(rb, None)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]
