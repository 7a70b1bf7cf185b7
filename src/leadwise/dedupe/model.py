"""Fellegi-Sunter: how much each level of each field says for or against a match, learned
from the data itself, without labelled examples.

- u (how often a level occurs between two *different* people) comes from random pairs, nearly
  all non-matches;
- m (how often it occurs between two records of the *same* person) is learned by
  expectation-maximisation per blocking rule, on a fixed-size sample of the rule's pairs, with
  the fields the rule is made of left out (they agree by design and say nothing), as Splink
  does. u stays fixed there: blocking picks pairs that already share a surname sound or a
  city, so non-matches among them agree far more often than random pairs do, and refining u on
  them lets EM drift until every candidate looks like a match;
- every rule's fit is checked before it counts: it must find some matches, and for each field
  agreement must be more likely among its matches than among non-matches (m > u on the top
  level) and disagreement less likely (m < u on "different"). A field's m is the median of
  the sane fits; a field with none keeps the starting guess;
- the prior, the probability that two records drawn at random are one person, is then fitted
  with m and u fixed: the expected number of matches among the candidate pairs over the number
  of all pairs (pairs that blocking keeps apart are taken as non-matches). That is the prior
  that goes with u from random pairs. The share of matches among candidates does not: the
  candidates were chosen for agreeing, and that agreement is counted again in the weights;
  with it, namesakes with nothing else in common looked like matches once a million records
  held thousands of them;
- pairs a user confirmed or rejected, when given, enter every fit with their answer as
  certainty.

EM runs over the distinct agreement patterns with their counts, not over pairs: ten million
candidate pairs have a few thousand patterns.

A level's weight is log2(m/u): positive evidence for agreement, negative for disagreement,
zero for a missing value. A pair's match weight is the sum over fields plus the prior log-odds,
and its probability follows from it. The per-field weights are the explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

SMOOTHING = 1.0  # added to every level's count: no level is ever impossible
MAX_ITERATIONS = 50
TOLERANCE = 1e-5
SAMPLE_PER_RULE = 100_000
MIN_MATCHES = 20.0  # a rule whose sample holds fewer expected matches teaches nothing
PRIOR_ROUNDS = 50
PATTERN_TABLE = 1 << 24  # up to this many possible patterns, they are counted in a table


@dataclass
class Model:
    m: list[np.ndarray]  # per field: probability of each level among matches
    u: list[np.ndarray]  # per field: among non-matches
    prior: float  # probability that two records drawn at random are one person
    iterations: int = 0
    history: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what training checked and set aside

    @property
    def weights(self) -> list[np.ndarray]:
        """log2(m/u) per field and level; level 0 (missing) is always 0."""
        result = []
        for m, u in zip(self.m, self.u, strict=True):
            weight = np.log2(m / u)
            weight[0] = 0.0
            result.append(weight)
        return result

    def field_weights(self, gamma: np.ndarray) -> np.ndarray:
        """(pairs, fields) weight of each pair's level in each field."""
        weights = self.weights
        return np.stack([weights[f][gamma[:, f]] for f in range(gamma.shape[1])], axis=1)

    def match_weight(self, gamma: np.ndarray) -> np.ndarray:
        total = np.full(len(gamma), np.log2(self.prior / (1 - self.prior)))
        for index, weights in enumerate(self.weights):
            total += weights[gamma[:, index]]
        return total

    def probability(self, gamma: np.ndarray) -> np.ndarray:
        probability: np.ndarray = 1.0 / (1.0 + np.power(2.0, -self.match_weight(gamma)))
        return probability


@dataclass(frozen=True)
class Patterns:
    """The distinct rows of a gamma matrix, how often each occurs, and each pair's pattern."""

    gamma: np.ndarray  # (patterns, fields)
    counts: np.ndarray  # float, per pattern
    inverse: np.ndarray  # per pair: its pattern's row

    @classmethod
    def of(cls, gamma: np.ndarray, sizes: list[int]) -> Patterns:
        if len(gamma) == 0:
            empty = np.zeros(0, dtype=np.int64)
            return cls(gamma[:0], empty.astype(float), empty)
        radix = np.cumprod([1, *sizes[:-1]], dtype=np.float64)
        possible = radix[-1] * sizes[-1]
        if possible <= PATTERN_TABLE:
            # Each pattern as a mixed-radix number, counted in a table: no sorting at all.
            codes = np.zeros(len(gamma), dtype=np.int64)
            for index, weight in enumerate(radix.astype(np.int64).tolist()):
                codes += gamma[:, index].astype(np.int64) * weight
            counts = np.bincount(codes, minlength=int(possible))
            present = np.flatnonzero(counts)
            position = np.zeros(len(counts), dtype=np.int64)
            position[present] = np.arange(len(present))
            rows = (present[:, None] // radix.astype(np.int64)) % np.array(sizes)
            return cls(rows.astype(np.int8), counts[present].astype(float), position[codes])
        rows, inverse, counts = np.unique(gamma, axis=0, return_inverse=True, return_counts=True)
        return cls(rows, counts.astype(float), inverse.reshape(-1))


def level_shares(
    gamma: np.ndarray, sizes: list[int], weights: np.ndarray | None = None
) -> list[np.ndarray]:
    """Per field, the (weighted) share of each level among non-missing observations; missing
    keeps a nominal share so that its weight is defined (and set to 0)."""
    shares = []
    for index, size in enumerate(sizes):
        counts = np.bincount(gamma[:, index], weights=weights, minlength=size).astype(float)
        counts[1:] += SMOOTHING
        counts[0] = 0.0
        counts /= counts[1:].sum()
        counts[0] = 1.0
        shares.append(counts)
    return shares


def initial_m(sizes: list[int]) -> list[np.ndarray]:
    """The starting guess "matches mostly agree exactly": the top level about 0.9, the rest in
    proportion to the level."""
    m = [
        np.concatenate([[0.0], np.arange(1, size - 1, dtype=float), [9.0 * size]]) for size in sizes
    ]
    for shares in m:
        shares /= shares[1:].sum()
        shares[0] = 1.0
    return m


def estimate_u(random_gamma: np.ndarray, sizes: list[int]) -> list[np.ndarray]:
    return level_shares(random_gamma, sizes)


def _with_known(
    patterns: Patterns, known: np.ndarray | None, verdicts: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pattern rows and counts with the user's pairs appended as their own rows, and a mask
    of which rows are those (their probability is the verdict, not the model's)."""
    if known is None or verdicts is None or len(known) == 0:
        return patterns.gamma, patterns.counts, np.zeros(len(patterns.gamma), dtype=bool)
    gamma = np.concatenate([patterns.gamma, known])
    counts = np.concatenate([patterns.counts, np.ones(len(known))])
    fixed = np.r_[np.zeros(len(patterns.gamma), dtype=bool), np.ones(len(known), dtype=bool)]
    return gamma, counts, fixed


def train(
    gamma: np.ndarray,
    sizes: list[int],
    u: list[np.ndarray],
    *,
    known: dict[int, bool] | None = None,
    initial_prior: float = 0.01,
    update_u: bool = True,
    m: list[np.ndarray] | None = None,
) -> Model:
    """EM for m, u and the prior over pairs `gamma`, u starting from `u` (kept when not
    `update_u`); `known` maps a pair's row to a user's verdict (True: same person)."""
    model = Model(m=m or initial_m(sizes), u=u, prior=initial_prior)
    if len(gamma) == 0:
        return model  # nothing to learn from: the starting guess stands
    rows = np.array(sorted(known or {}), dtype=np.int64)
    free = np.ones(len(gamma), dtype=bool)
    free[rows] = False
    patterns = Patterns.of(gamma[free] if len(rows) else gamma, sizes)
    verdicts = np.array([1.0 if (known or {})[r] else 0.0 for r in rows.tolist()])
    return _em(model, patterns, gamma[rows], verdicts, sizes, update_m=True, update_u=update_u)


def _em(
    model: Model,
    patterns: Patterns,
    known: np.ndarray,
    verdicts: np.ndarray,
    sizes: list[int],
    *,
    update_m: bool,
    update_u: bool,
    rounds: int = MAX_ITERATIONS,
    population: float | None = None,
) -> Model:
    """EM rounds; with `population` (the number of all pairs the patterns were drawn from) the
    prior is the matches' share of it, else of the patterns' pairs."""
    gamma, counts, fixed = _with_known(patterns, known, verdicts)
    if counts.sum() == 0:
        return model
    for iteration in range(1, rounds + 1):
        p = model.probability(gamma)
        p[fixed] = verdicts
        matches = counts * p
        share = matches.sum() / (population or counts.sum())
        new_prior = float(np.clip(share, 1e-15, 1 - 1e-6))
        new_m = level_shares(gamma, sizes, weights=matches) if update_m else model.m
        new_u = level_shares(gamma, sizes, weights=counts - matches) if update_u else model.u
        change = max(
            abs(new_prior - model.prior) / model.prior,
            *(float(np.abs(a - b).max()) for a, b in zip(new_m, model.m, strict=True)),
            *(float(np.abs(a - b).max()) for a, b in zip(new_u, model.u, strict=True)),
        )
        model.m, model.u, model.prior, model.iterations = new_m, new_u, new_prior, iteration
        model.history.append(change)
        if change < TOLERANCE:
            break
    return model


@dataclass(frozen=True)
class RuleSample:
    """A blocking rule's sample of pairs (their levels) and the fields it agrees on by design."""

    name: str
    gamma: np.ndarray
    excluded: list[int]


def sane_fields(m: list[np.ndarray], u: list[np.ndarray]) -> list[bool]:
    """Per field: does agreement speak for a match and disagreement against it?"""
    return [bool(mf[-1] > uf[-1] and mf[1] < uf[1]) for mf, uf in zip(m, u, strict=True)]


def _median(estimates: np.ndarray) -> np.ndarray:
    """Per level, the median of the rules' estimates (rows), renormalised: each sane rule has
    one vote, so one rule whose EM settled on the wrong class (pairs of namesakes, say, which
    it finds by the thousand) cannot pull a field's m far away."""
    shares: np.ndarray = np.median(estimates, axis=0)
    shares[1:] /= shares[1:].sum()
    shares[0] = 1.0
    return shares


def train_by_rules(
    samples: list[RuleSample],
    candidates: Patterns,
    sizes: list[int],
    u: list[np.ndarray],
    *,
    population: float,
    known: np.ndarray | None = None,
    verdicts: np.ndarray | None = None,
) -> Model:
    """m per field from the sane per-rule fits (see the module's docstring), then the prior
    over all `population` pairs, of which `candidates` are the ones blocking let through.
    `known` holds the levels of pairs a user decided on and `verdicts` their answers (1.0:
    same person)."""
    known = np.zeros((0, len(sizes)), dtype=np.int8) if known is None else known
    verdicts = np.zeros(0) if verdicts is None else verdicts
    notes: list[str] = []
    estimates: list[list[np.ndarray]] = [[] for _ in sizes]
    for sample in samples:
        if len(sample.gamma) == 0:
            continue
        gamma = sample.gamma.copy()
        gamma[:, sample.excluded] = 0
        own_known = known.copy()
        own_known[:, sample.excluded] = 0
        fitted = _em(
            Model(m=initial_m(sizes), u=u, prior=0.01),
            Patterns.of(gamma, sizes),
            own_known,
            verdicts,
            sizes,
            update_m=True,
            update_u=False,
        )
        found = fitted.prior * len(gamma)
        notes.append(
            f"{sample.name}: {fitted.prior:.3f} of {len(gamma)} sampled pairs look like matches"
        )
        if found < MIN_MATCHES:
            notes.append(f"{sample.name}: {found:.0f} matches in the sample, set aside")
            continue
        sane = sane_fields(fitted.m, u)
        for index in range(len(sizes)):
            if index in sample.excluded:
                continue
            if sane[index]:
                estimates[index].append(fitted.m[index])
            else:
                notes.append(f"{sample.name}: m of field {index} not sane, set aside")
    start = initial_m(sizes)
    m = []
    for index, fits in enumerate(estimates):
        if not fits:
            notes.append(f"field {index}: no sane fit, starting guess kept")
            m.append(start[index])
            continue
        m.append(_median(np.stack(fits)))
    # Start from "one match per record" and let the expected matches decide.
    start_prior = min(0.5, max(1.0, population**0.5) / population)
    model = Model(m=m, u=u, prior=start_prior, notes=notes)
    return _em(
        model,
        candidates,
        known,
        verdicts,
        sizes,
        update_m=False,
        update_u=False,
        rounds=PRIOR_ROUNDS,
        population=population,
    )


@dataclass(frozen=True)
class Frequencies:
    """How common each value is, per field: agreeing on "maria" or on a company with three
    thousand records says less than agreeing on a rare name or a small firm. The exact
    level's weight log2(m/u) uses the field's average u; for a value more common than that
    average the weight is log2(m/share of the value) instead (term-frequency adjustment, as
    Splink does). Rarer values keep the average, so a one-off typo is not taken for proof."""

    codes: list[np.ndarray | None]  # per field: each record's value code (None: no adjusting)
    shares: list[np.ndarray | None]  # per field: each code's share of the records with a value

    @classmethod
    def of(cls, codes: list[np.ndarray | None]) -> Frequencies:
        shares: list[np.ndarray | None] = []
        for field_codes in codes:
            if field_codes is None:
                shares.append(None)
                continue
            counts = np.bincount(field_codes, minlength=1).astype(float)
            counts[0] = 0.0  # missing
            shares.append(counts / max(1.0, counts.sum()))
        return cls(codes, shares)

    def adjustments(self, model: Model, gamma: np.ndarray, left: np.ndarray) -> np.ndarray:
        """(pairs, fields): the weight to add to each pair's level in each field (≤ 0)."""
        result = np.zeros(gamma.shape, dtype=np.float32)
        for index, (codes, shares) in enumerate(zip(self.codes, self.shares, strict=True)):
            if codes is None or shares is None:
                continue
            top = len(model.u[index]) - 1
            rows = np.flatnonzero(gamma[:, index] == top)
            share = shares[codes[left[rows]]]
            with np.errstate(divide="ignore"):
                result[rows, index] = np.minimum(0.0, np.log2(model.u[index][top] / share))
        return result

    def total(
        self, model: Model, gamma: np.ndarray, left: np.ndarray, chunk: int = 1 << 20
    ) -> np.ndarray:
        """Per pair, the sum of its adjustments (in chunks: the (pairs, fields) array of ten
        million pairs would take hundreds of megabytes)."""
        sums = np.zeros(len(gamma))
        for start in range(0, len(gamma), chunk):
            part = slice(start, start + chunk)
            sums[part] = self.adjustments(model, gamma[part], left[part]).sum(axis=1)
        return sums
