"""Email finding: the domain's address pattern from the personal addresses found, candidates
for the people found without one, and their verification.

The pattern is the one that explains most of the (name, address) pairs seen on the domain;
its confidence is (k + 1) / (n + 2) for k of n pairs agreeing (one pair: 0.67, three: 0.8,
ten: 0.92), so a single example never looks certain. With no pair at all the common patterns
are tried in the order they occur on company domains, with confidence 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from leadwise.verification.result import Status, VerificationResult

PATTERNS = (
    "{first}.{last}",
    "{first}",
    "{f}{last}",
    "{first}{last}",
    "{f}.{last}",
    "{last}",
    "{first}_{last}",
    "{first}-{last}",
    "{last}.{first}",
    "{last}{first}",
    "{first}{l}",
    "{first}.{l}",
    "{f}{l}",
    "{last}{f}",
    "{last}.{f}",
    "{f}_{last}",
    "{last}_{first}",
)  # fmt: skip  (the order is the prior: how common each is on company domains)
PRIOR_CANDIDATES = 3  # candidates per person when the pattern is unknown or weak
CONFIDENT = 0.75  # from this confidence on, only the pattern's own candidate is tried
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe",
                           "å": "aa", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"})  # fmt: skip


@dataclass(frozen=True)
class PatternGuess:
    pattern: str | None
    confidence: float
    supporting: int  # pairs the pattern explains
    examples: int  # pairs explained by any pattern
    counts: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "pattern": self.pattern,
            "confidence": round(self.confidence, 2),
            "supporting": self.supporting,
            "examples": self.examples,
            "alternatives": {k: round(v, 2) for k, v in self.counts.items() if k != self.pattern},
        }


def name_variants(part: str) -> list[str]:
    """ASCII spellings of a name part: `Müller` -> `mueller`, `muller`; `van der Berg` ->
    `vanderberg`, `van-der-berg`, `berg`."""
    lowered = part.lower().strip()
    variants: list[str] = []
    for folded in (lowered.translate(_TRANSLIT), _strip_accents(lowered)):
        words = [w for w in re.split(r"[\s'\u2019\-]+", folded) if w]
        words = [re.sub(r"[^a-z0-9]", "", w) for w in words]
        words = [w for w in words if w]
        if not words:
            continue
        for variant in ("".join(words), "-".join(words), words[-1]):
            if variant not in variants:
                variants.append(variant)
    return variants


def locals_for(pattern: str, first: str, last: str) -> list[str]:
    """Every local part `pattern` gives for the name (one per spelling variant)."""
    found: list[str] = []
    for f in name_variants(first)[:2]:
        for last_variant in name_variants(last) or [""]:
            if not f or (("{last}" in pattern or "{l}" in pattern) and not last_variant):
                continue
            local = pattern.format(first=f, last=last_variant, f=f[0], l=last_variant[:1])
            if local not in found:
                found.append(local)
    return found


def matching_patterns(local: str, first: str, last: str) -> list[str]:
    local = local.lower().partition("+")[0]
    return [p for p in PATTERNS if local in locals_for(p, first, last)]


def infer_pattern(pairs: Sequence[tuple[str, str, str]]) -> PatternGuess:
    """`pairs`: (local part, first name, last name) of addresses known to be people's."""
    counts: dict[str, float] = {}
    examples = 0
    for local, first, last in pairs:
        matches = matching_patterns(local, first, last)
        if not matches:
            continue
        examples += 1
        for pattern in matches:
            # An ambiguous pair (jane@ for Jane Jones: {first} or ...) splits its vote.
            counts[pattern] = counts.get(pattern, 0.0) + 1 / len(matches)
    if not counts:
        return PatternGuess(None, 0.0, 0, 0)
    best = max(PATTERNS, key=lambda p: (counts.get(p, 0.0), -PATTERNS.index(p)))
    supporting = counts[best]
    confidence = (supporting + 1) / (examples + 2)
    return PatternGuess(best, confidence, round(supporting), examples, dict(counts))


def candidates(first: str, last: str, guess: PatternGuess, domain: str) -> list[tuple[str, str]]:
    """(address, pattern) to try for a person, most likely first."""
    ranked: list[str] = []
    if guess.pattern is not None:
        ranked.append(guess.pattern)
    if guess.pattern is None or guess.confidence < CONFIDENT:
        for pattern, _ in sorted(guess.counts.items(), key=lambda item: -item[1]):
            if pattern not in ranked:
                ranked.append(pattern)
        for pattern in PATTERNS:
            if len(ranked) >= PRIOR_CANDIDATES:
                break
            if pattern not in ranked:
                ranked.append(pattern)
    found: list[tuple[str, str]] = []
    for pattern in ranked[: max(1, PRIOR_CANDIDATES if guess.confidence < CONFIDENT else 1)]:
        spellings = locals_for(pattern, first, last)
        if spellings:
            found.append((f"{spellings[0]}@{domain}", pattern))
    return found


class Verifies(Protocol):
    async def verify_many(
        self, emails: Sequence[str], *, smtp: bool | None = None
    ) -> list[VerificationResult]: ...


@dataclass
class FoundAddress:
    """A generated address for a person and what verification said."""

    email: str | None
    pattern: str | None
    status: str  # valid, accept_all, unknown, invalid (every candidate refused), unverified
    note: str
    tried: list[dict[str, Any]] = field(default_factory=list)  # candidate, pattern, verdict


async def find_addresses(
    people: Sequence[tuple[str, str, str]],
    guess: PatternGuess,
    domain: str,
    verifier: Verifies | None,
    *,
    smtp: bool | None = None,
) -> dict[str, FoundAddress]:
    """For (key, first, last) people: their most likely verified address. Candidates are
    verified rank by rank: the next ones only for people whose earlier candidate was refused."""
    queue = {key: candidates(first, last, guess, domain) for key, first, last in people}
    results: dict[str, FoundAddress] = {}
    if verifier is None:
        for key, options in queue.items():
            if options:
                email, pattern = options[0]
                results[key] = FoundAddress(email, pattern, "unverified", _why(guess, pattern))
        return results
    fallback: dict[str, tuple[str, str, VerificationResult]] = {}
    rank = 0
    while queue:
        batch = [(key, options[rank]) for key, options in queue.items() if rank < len(options)]
        if not batch:
            break
        verdicts = await verifier.verify_many([email for _, (email, _) in batch], smtp=smtp)
        for (key, (email, pattern)), verdict in zip(batch, verdicts, strict=True):
            tried = {"email": email, "pattern": pattern, "verification": verdict.to_dict()}
            entry = results.setdefault(key, FoundAddress(None, None, "invalid", ""))
            entry.tried.append(tried)
            status = verdict.status
            if status is Status.VALID:
                entry.email, entry.pattern, entry.status = email, pattern, "valid"
                entry.note = f"the mail server accepted it ({_why(guess, pattern)})"
                del queue[key]
            elif status is Status.ACCEPT_ALL:
                # Every address of a catch-all domain is accepted: the pattern's first
                # candidate stands, unconfirmed; trying others would tell nothing.
                first_email, first_pattern = queue[key][0]
                entry.email, entry.pattern, entry.status = first_email, first_pattern, "accept_all"
                entry.note = (
                    "the domain accepts any address, so this cannot be confirmed "
                    f"({_why(guess, first_pattern)})"
                )
                del queue[key]
            elif status is Status.UNKNOWN:
                fallback.setdefault(key, (email, pattern, verdict))
        rank += 1
        queue = {k: v for k, v in queue.items() if rank < len(v)}
    for key, entry in results.items():
        if entry.status == "invalid" and key in fallback:
            email, pattern, verdict = fallback[key]
            entry.email, entry.pattern, entry.status = email, pattern, "unknown"
            entry.note = f"not confirmed: {verdict.reason} ({_why(guess, pattern)})"
        elif entry.status == "invalid":
            entry.note = "the mail server refused every candidate"
    return results


def _why(guess: PatternGuess, pattern: str) -> str:
    if guess.pattern == pattern:
        return f"pattern {pattern}, confidence {guess.confidence:.2f}"
    return f"pattern {pattern}, a common one; the domain's own is not known"


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
