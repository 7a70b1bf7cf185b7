"""Scoring a few pairs of leads at once with a workspace's model: its learned m and u when a
scan has trained one, else built-in priors (pure functions, no database).

A capture or import check compares each new record with the handful of leads that share a key
with it, so all pairs of a chunk go through one `prepare` and one vectorised `compare`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from leadwise.dedupe.comparison import LEVELS, Comparisons, compare, scheme
from leadwise.dedupe.keys import LEAD_TYPES, engine_record
from leadwise.dedupe.model import Model
from leadwise.dedupe.prepare import prepare

# Priors per field: m (share of each level among pairs of one person) and u (among pairs of
# different people that share a key), level 0 ("missing") first and never weighed. Chosen so
# that one strong agreement (the same email or phone, or a rare surname with the same first
# name and company) makes a probable duplicate and a shared common name alone does not.
PRIORS: dict[str, tuple[list[float], list[float]]] = {
    "first_name": ([1, 0.02, 0.10, 0.08, 0.80], [1, 0.90, 0.05, 0.01, 0.04]),
    "last_name": ([1, 0.04, 0.08, 0.08, 0.80], [1, 0.95, 0.02, 0.01, 0.02]),
    "email": ([1, 0.15, 0.02, 0.08, 0.05, 0.70], [1, 0.9995, 3e-4, 1e-4, 1e-4, 1e-5]),
    "phone": ([1, 0.20, 0.05, 0.75], [1, 0.999, 9e-4, 1e-4]),
    "company_name": ([1, 0.15, 0.05, 0.10, 0.70], [1, 0.94, 0.03, 0.01, 0.02]),
    "website": ([1, 0.20, 0.80], [1, 0.97, 0.03]),
    "city": ([1, 0.15, 0.03, 0.02, 0.80], [1, 0.86, 0.03, 0.01, 0.10]),
    "country": ([1, 0.05, 0.95], [1, 0.40, 0.60]),
    "job_title": ([1, 0.40, 0.10, 0.10, 0.40], [1, 0.85, 0.07, 0.03, 0.05]),
}
PRIOR_MATCH_SHARE = 0.01  # of pairs that share a key, before looking at them


@dataclass(frozen=True, slots=True)
class Scored:
    probability: float
    match_weight: float
    explanation: dict[str, dict[str, Any]]  # {field: {"level": label, "weight": w}}


def schemes() -> list[tuple[str, str]]:
    return [(name, scheme(kind)) for name, kind in LEAD_TYPES.items()]


def prior_model() -> Model:
    m, u = [], []
    for name, scheme_name in schemes():
        size = len(LEVELS[scheme_name])
        m_shares, u_shares = PRIORS.get(name, ([], []))
        if len(m_shares) != size:  # the engine's levels changed: a neutral guess
            m_shares = [1.0, *np.linspace(0.05, 0.8, size - 1)]
            u_shares = [1.0, *np.geomspace(0.9, 0.01, size - 1)]
        m.append(np.array(m_shares, dtype=float))
        u.append(np.array(u_shares, dtype=float))
    return Model(m=m, u=u, prior=PRIOR_MATCH_SHARE)


def parameters_of(model: Model, comparisons: Comparisons) -> dict[str, Any]:
    """A trained model as JSON, with the fields and schemes it belongs to."""
    return {
        "fields": [
            list(pair) for pair in zip(comparisons.fields, comparisons.schemes, strict=True)
        ],
        "m": [shares.tolist() for shares in model.m],
        "u": [shares.tolist() for shares in model.u],
        "prior": float(model.prior),
    }


def model_from(parameters: Mapping[str, Any] | None) -> Model:
    """The stored model if it fits the lead fields and the engine's levels, else the priors."""
    if not parameters:
        return prior_model()
    fields = [tuple(pair) for pair in parameters.get("fields", [])]
    fits = fields == schemes() and all(
        len(m) == len(u) == len(LEVELS[scheme_name])
        for (_, scheme_name), m, u in zip(fields, parameters["m"], parameters["u"], strict=True)
    )
    if not fits:
        return prior_model()
    return Model(
        m=[np.array(shares, dtype=float) for shares in parameters["m"]],
        u=[np.array(shares, dtype=float) for shares in parameters["u"]],
        prior=float(parameters["prior"]),
    )


def explanation(comparisons: Comparisons, weights: list[np.ndarray], row: int) -> dict[str, Any]:
    result = {}
    for index, name in enumerate(comparisons.fields):
        level = int(comparisons.gamma[row, index])
        result[name] = {
            "level": LEVELS[comparisons.schemes[index]][level],
            "weight": round(float(weights[index][level]), 3),
        }
    return result


def score(
    model: Model,
    records: Sequence[Mapping[str, Any]],
    others: Sequence[Mapping[str, Any]],
    pairs: Sequence[tuple[int, int]],
    *,
    at_least: float = 0.0,
) -> list[tuple[int, Scored]]:
    """The pairs (index into `records`, index into `others`) that score at least `at_least`,
    each with its position in `pairs`, all compared in one go. Only those get an explanation:
    an import's check compares hundreds of pairs per row and keeps a few."""
    if not pairs:
        return []
    rows = [engine_record(r) for r in records] + [engine_record(o) for o in others]
    prepared = prepare(rows, LEAD_TYPES)
    left = np.array([i for i, _ in pairs], dtype=np.int64)
    right = np.array([len(records) + j for _, j in pairs], dtype=np.int64)
    comparisons = compare(prepared, left, right)
    weights = model.weights
    probability = model.probability(comparisons.gamma)
    match_weight = model.match_weight(comparisons.gamma)
    return [
        (
            row,
            Scored(
                float(probability[row]),
                float(match_weight[row]),
                explanation(comparisons, weights, row),
            ),
        )
        for row in np.flatnonzero(probability >= at_least).tolist()
    ]
