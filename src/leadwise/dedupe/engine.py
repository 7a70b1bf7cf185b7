"""The whole chain: records in, scored pairs with their reasons and duplicate groups out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from leadwise.dedupe import blocking, cluster
from leadwise.dedupe.comparison import LEVELS, Comparisons, compare
from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.model import Model, estimate_u, train_by_rules
from leadwise.dedupe.prepare import Prepared, prepare

DEFAULT_THRESHOLD = 0.9
RANDOM_PAIRS = 300_000


@dataclass
class Result:
    prepared: Prepared
    comparisons: Comparisons  # of every candidate pair
    left: np.ndarray  # candidate pairs, record indices
    right: np.ndarray
    probability: np.ndarray
    model: Model
    threshold: float
    groups: list[list[int]]

    def matches(self) -> np.ndarray:
        """Rows of the candidate pairs at or above the threshold, most probable first."""
        rows = np.flatnonzero(self.probability >= self.threshold)
        ordered: np.ndarray = rows[np.argsort(-self.probability[rows], kind="stable")]
        return ordered

    def explain(self, row: int) -> dict[str, tuple[str, float]]:
        """Per field: the level the pair reached and the weight it added (log2 odds)."""
        weights = self.model.weights
        result = {}
        for index, name in enumerate(self.comparisons.fields):
            level = int(self.comparisons.gamma[row, index])
            label = LEVELS[self.comparisons.schemes[index]][level]
            result[name] = (label, float(weights[index][level]))
        return result


def find_duplicates(
    records: Iterable[Mapping[str, object]],
    types: Mapping[str, FieldType],
    *,
    id_column: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    default_region: str | None = None,
    known: Mapping[tuple[str, str], bool] | None = None,
) -> Result:
    """Score every candidate pair and group the duplicates. `known` holds a user's verdicts on
    pairs (by record ids): they train the model and are kept as given."""
    prepared = prepare(records, types, id_column=id_column, default_region=default_region)
    n = len(prepared)
    found = blocking.rules(prepared)
    left, right = blocking.candidate_pairs(prepared, found)
    comparisons = compare(prepared, left, right)
    sizes = [len(LEVELS[name]) for name in comparisons.schemes]
    random_left, random_right = blocking.random_pairs(n, min(RANDOM_PAIRS, n * (n - 1) // 2))
    u = estimate_u(compare(prepared, random_left, random_right).gamma, sizes)
    verdicts = _rows_of(prepared, left, right, known or {})
    codes = left * n + right
    by_rule = [
        (
            np.searchsorted(codes, np.unique(blocking.pair_codes(n, rule.left, rule.right))),
            [comparisons.fields.index(f) for f in rule.fields if f in comparisons.fields],
        )
        for rule in found
    ]
    model = train_by_rules(comparisons.gamma, sizes, u, by_rule, known=verdicts)
    probability = model.probability(comparisons.gamma)
    for row, same in verdicts.items():
        probability[row] = 1.0 if same else 0.0
    groups = cluster.clusters(n, left, right, probability, threshold)
    return Result(prepared, comparisons, left, right, probability, model, threshold, groups)


def _rows_of(
    prepared: Prepared,
    left: np.ndarray,
    right: np.ndarray,
    known: Mapping[tuple[str, str], bool],
) -> dict[int, bool]:
    if not known:
        return {}
    index = {record_id: i for i, record_id in enumerate(prepared.ids)}
    position = {(int(a), int(b)): row for row, (a, b) in enumerate(zip(left, right, strict=True))}
    rows = {}
    for (a, b), same in known.items():
        if a in index and b in index:
            i, j = sorted((index[a], index[b]))
            if (i, j) in position:
                rows[position[(i, j)]] = same
    return rows
