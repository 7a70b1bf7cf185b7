"""The whole chain: records in, scored pairs with their reasons and duplicate groups out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from leadwise.dedupe import blocking, cluster
from leadwise.dedupe.comparison import LEVELS, Comparisons, compare
from leadwise.dedupe.fields import FieldType
from leadwise.dedupe.model import (
    SAMPLE_PER_RULE,
    Frequencies,
    Model,
    Patterns,
    RuleSample,
    estimate_u,
    train_by_rules,
)
from leadwise.dedupe.prepare import Gathered, Prepared, prepare

DEFAULT_THRESHOLD = 0.9
RANDOM_PAIRS = 1_000_000  # for u: enough to see the rarer agreements between strangers


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
    frequencies: Frequencies | None = None  # for the weight of agreeing on a common value

    def match_weights(self, rows: np.ndarray | None = None) -> np.ndarray:
        """The match weight (log2 odds) of the candidate pairs at `rows` (default: all), with
        the adjustments for common values that the probabilities include."""
        rows = np.arange(len(self.left)) if rows is None else np.asarray(rows)
        gamma = self.comparisons.gamma[rows]
        weights = self.model.match_weight(gamma)
        if self.frequencies is not None:
            weights += self.frequencies.total(self.model, gamma, self.left[rows])
        return weights

    def matches(self) -> np.ndarray:
        """Rows of the candidate pairs at or above the threshold, most probable first."""
        rows = np.flatnonzero(self.probability >= self.threshold)
        ordered: np.ndarray = rows[np.argsort(-self.probability[rows], kind="stable")]
        return ordered

    def explain(self, row: int) -> dict[str, tuple[str, float]]:
        """Per field: the level the pair reached and the weight it added (log2 odds), less for
        agreeing on a common value."""
        return self.explain_many([row])[0]

    def explain_many(self, rows: Sequence[int]) -> list[dict[str, tuple[str, float]]]:
        """`explain` for many pairs in one pass (one at a time took a scan ~0.3 ms a pair)."""
        levels, weights = self.explanations(np.asarray(rows, dtype=np.int64))
        labels = [LEVELS[scheme] for scheme in self.comparisons.schemes]
        fields = list(enumerate(self.comparisons.fields))
        return [
            {name: (labels[index][level[index]], weight[index]) for index, name in fields}
            for level, weight in zip(levels.tolist(), weights.tolist(), strict=True)
        ]

    def explanations(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(levels, weights), each (rows, fields): `explain` for many pairs at once."""
        levels = self.comparisons.gamma[rows]
        weights = self.model.field_weights(levels)
        if self.frequencies is not None:
            weights += self.frequencies.adjustments(self.model, levels, self.left[rows])
        return levels, weights


def find_duplicates(
    records: Iterable[Mapping[str, object]] | Gathered | Prepared,
    types: Mapping[str, FieldType],
    *,
    id_column: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    default_region: str | None = None,
    known: Mapping[tuple[str, str], bool] | None = None,
) -> Result:
    """Score every candidate pair and group the duplicates. `known` holds a user's verdicts on
    pairs (by record ids): they train the model, are kept as given, and are scored even when
    blocking would not have put them together."""
    prepared = (
        records
        if isinstance(records, Prepared)
        else prepare(records, types, id_column=id_column, default_region=default_region)
    )
    n = len(prepared)
    found = blocking.rules(prepared)
    verdict_left, verdict_right, verdicts = _known_pairs(prepared, known or {})
    found.append(blocking.Rule("user verdicts", (), verdict_left, verdict_right))
    left, right = blocking.candidate_pairs(prepared, found)
    comparisons = compare(prepared, left, right)
    sizes = [len(LEVELS[name]) for name in comparisons.schemes]
    random_left, random_right = blocking.random_pairs(n, min(RANDOM_PAIRS, n * (n - 1) // 2))
    u = estimate_u(compare(prepared, random_left, random_right).gamma, sizes)
    known_rows = np.searchsorted(left * n + right, verdict_left * n + verdict_right)
    patterns = Patterns.of(comparisons.gamma, sizes)
    # The user's pairs enter training with their verdict, not as pairs of unknown status.
    free = Patterns(
        patterns.gamma,
        patterns.counts - np.bincount(patterns.inverse[known_rows], minlength=len(patterns.counts)),
        patterns.inverse,
    )
    model = train_by_rules(
        _samples(prepared, found[:-1], comparisons.fields),
        free,
        sizes,
        u,
        population=max(1.0, n * (n - 1) / 2),
        known=comparisons.gamma[known_rows],
        verdicts=verdicts,
    )
    frequencies = Frequencies.of(
        [prepared.columns[f].codes if _adjusted(prepared, f) else None for f in comparisons.fields]
    )
    weight = model.match_weight(patterns.gamma)[patterns.inverse]
    weight += frequencies.total(model, comparisons.gamma, left)
    probability = 1.0 / (1.0 + np.power(2.0, -weight))
    del weight
    probability[known_rows] = verdicts
    groups = cluster.clusters(n, left, right, probability, threshold)
    return Result(
        prepared, comparisons, left, right, probability, model, threshold, groups, frequencies
    )


def _adjusted(prepared: Prepared, column: str) -> bool:
    """Fields whose common values weigh less: all but dates and numbers (whose levels are not
    about equal text)."""
    return prepared.types[column] not in (FieldType.DATE, FieldType.NUMBER)


def _samples(
    prepared: Prepared, found: list[blocking.Rule], fields: list[str], seed: int = 7
) -> list[RuleSample]:
    """A fixed-size random sample of each rule's pairs, compared, for training."""
    rng = np.random.default_rng(seed)
    samples = []
    for rule in found:
        rows = np.arange(len(rule.left))
        if len(rows) > SAMPLE_PER_RULE:
            rows = rng.choice(rows, size=SAMPLE_PER_RULE, replace=False)
        gamma = compare(prepared, rule.left[rows], rule.right[rows]).gamma
        excluded = [fields.index(f) for f in (*rule.fields, *rule.related) if f in fields]
        samples.append(RuleSample(rule.name, gamma, excluded))
    return samples


def _known_pairs(
    prepared: Prepared, known: Mapping[tuple[str, str], bool]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The user's pairs as (left, right) record indices, left < right, and their verdicts
    (1.0: same person); pairs naming unknown ids are left out."""
    index = {record_id: i for i, record_id in enumerate(prepared.ids.tolist())} if known else {}
    pairs: dict[tuple[int, int], float] = {}
    for (a, b), same in known.items():
        if a in index and b in index and index[a] != index[b]:
            i, j = sorted((index[a], index[b]))
            pairs[(i, j)] = 1.0 if same else 0.0
    ordered = sorted(pairs)
    left = np.array([i for i, _ in ordered], dtype=np.int64)
    right = np.array([j for _, j in ordered], dtype=np.int64)
    return left, right, np.array([pairs[p] for p in ordered], dtype=float)
