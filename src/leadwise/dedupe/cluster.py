"""Duplicate groups from scored pairs, without chaining strangers through one weak link.

Pairs are taken strongest first. Two singletons join on their link; two groups join only if
more than half of the record pairs between them that were compared are above the threshold.
So a chain A~B~C where A and C were compared and found different stays two groups, while
A~B~C where A and C were never compared (nothing speaks against it) becomes one. No group
grows past MAX_GROUP records: one person entered fifty times is rare, a chain through fifty
similar names is the likelier story.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

MAX_GROUP = 50


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
    neighbours: defaultdict[int, dict[int, float]] = defaultdict(dict)
    for a, b, p in zip(
        left[relevant].tolist(),
        right[relevant].tolist(),
        probability[relevant].tolist(),
        strict=True,
    ):
        neighbours[a][b] = p
        neighbours[b][a] = p
    parent = list(range(n))
    members: dict[int, list[int]] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = np.argsort(-probability[strong], kind="stable")
    for a, b in zip(left[strong][order].tolist(), right[strong][order].tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        group_a, group_b = members.get(ra, [ra]), members.get(rb, [rb])
        if len(group_a) + len(group_b) > MAX_GROUP:
            continue
        if len(group_a) > 1 or len(group_b) > 1:
            smaller, other = (group_a, rb) if len(group_a) <= len(group_b) else (group_b, ra)
            compared = [p for x in smaller for y, p in neighbours[x].items() if root(y) == other]
            above = sum(p >= threshold for p in compared)
            if above * 2 <= len(compared):
                continue  # the groups mostly disagree: this link alone does not join them
        parent[rb] = ra
        members[ra] = group_a + group_b
        members.pop(rb, None)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in np.flatnonzero(linked).tolist():
        groups[root(i)].append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]
