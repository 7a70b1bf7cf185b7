"""Generated leads with known duplicates (typos, swapped fields, other domains, gaps): the
ground truth for measuring the dedupe engine (tests, bench).

Names follow real frequencies roughly: a few thousand first names and a few hundred thousand
surnames from several languages, drawn Zipf-like, so that a million people include many
Maria Müllers and John Smiths (different people sharing a full name, as real lists do) but
not 57 first names for everyone. Companies and cities are drawn the same way (a few big
employers and cities, a long tail). Everything is deterministic for a seed.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, product

from tests.dedupe import names

FREE_MAIL = ("gmail.com", "yahoo.com", "outlook.com", "web.de", "gmx.de", "hotmail.fr")
COLUMNS = ["id", "first_name", "last_name", "email", "phone", "company", "city", "postcode"]
GIVEN_NAMES = 3000  # real ones first, then built ones
COMPANIES = 30_000


@dataclass
class Generated:
    rows: list[dict[str, str]]
    entity: dict[str, int]  # record id -> person

    def true_pairs(self) -> set[tuple[str, str]]:
        by_person: dict[int, list[str]] = {}
        for record_id, person in self.entity.items():
            by_person.setdefault(person, []).append(record_id)
        pairs = set()
        for ids in by_person.values():
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    pairs.add((min(a, b), max(a, b)))
        return pairs


@dataclass(frozen=True)
class Pool:
    """Values with Zipf-like cumulative weights: rank r drawn in proportion to 1/(r + offset)."""

    values: list[str]
    cumulative: list[float]

    @classmethod
    def zipf(cls, values: list[str], offset: float) -> Pool:
        weights = (1.0 / (rank + offset) for rank in range(1, len(values) + 1))
        return cls(values, list(accumulate(weights)))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cumulative)[0]


@dataclass(frozen=True)
class Tables:
    given: Pool
    surnames: Pool
    companies: Pool
    domains: dict[str, str]  # company -> its web domain
    cities: Pool
    city_codes: dict[str, tuple[str, str, str]]  # city -> dialling code, area, postcode prefix


@cache
def tables() -> Tables:
    order = random.Random(20260101)  # fixed: the tables are the same for every seed
    built_given = names.built_given_names()
    order.shuffle(built_given)
    real_given = names.words(names.REAL_FIRST)
    given = list(dict.fromkeys(real_given + built_given))[:GIVEN_NAMES]
    built_last = names.built_surnames()
    order.shuffle(built_last)
    surnames = list(dict.fromkeys(names.words(names.REAL_LAST) + built_last))
    brands = list(
        dict.fromkeys(
            (start + end, kind)
            for start, end, kind in product(
                names.COMPANY_STARTS, names.COMPANY_ENDS, names.COMPANY_KINDS
            )
        )
    )
    order.shuffle(brands)
    companies: list[str] = []
    domains: dict[str, str] = {}
    for brand, kind in brands[:COMPANIES]:
        company = " ".join(p for p in (brand, kind, order.choice(names.LEGAL_FORMS)) if p)
        companies.append(company)
        domains[company] = (brand + kind).lower() + order.choice(names.TLDS)
    cities = [city for city, *_ in names.CITIES]
    return Tables(
        given=Pool.zipf(given, 20),
        surnames=Pool.zipf(surnames, 30),
        companies=Pool.zipf(companies, 50),
        domains=domains,
        cities=Pool.zipf(cities, 3),
        city_codes={city: tuple(codes) for city, *codes in names.CITIES},  # type: ignore[misc]
    )


def ascii_lower(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()


def typo(rng: random.Random, text: str) -> str:
    if len(text) < 3:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.3:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]  # swap
    if kind < 0.55:
        return text[:i] + text[i + 1 :]  # deletion
    if kind < 0.8:
        return text[:i] + rng.choice("aeiounrst") + text[i:]  # insertion
    return text[:i] + rng.choice("aeiounrst") + text[i + 1 :]  # substitution


def mailbox(rng: random.Random, first: str, last: str) -> str:
    """The local part people and companies make of a name, in its common shapes."""
    f, s = ascii_lower(first), ascii_lower(last)
    shape = rng.random()
    if shape < 0.55:
        return f"{f}.{s}"
    if shape < 0.7:
        return f"{f[:1]}.{s}"
    if shape < 0.8:
        return f"{f}{s}"
    if shape < 0.85:
        return f"{f[:1]}{s}"
    if shape < 0.9:
        return f"{s}.{f}"
    if shape < 0.95:
        return f"{f}_{s}"
    return f


def phone_number(rng: random.Random, city: str) -> str:
    country, area, _ = tables().city_codes[city]
    return f"+{country} {area} {rng.randrange(1000000, 9999999)}"


def postcode(rng: random.Random, city: str) -> str:
    prefix = tables().city_codes[city][2]
    if prefix.isdigit():
        return f"{prefix}{rng.randrange(1000):03d}"
    return f"{prefix}{rng.randrange(1, 10)} {rng.randrange(1, 10)}{rng.choice('ABDEFHJ')}"


def person(rng: random.Random, taken: set[str] | None = None) -> dict[str, str]:
    """A new person; `taken` holds the email addresses already given out (a second John Smith
    at a company gets john.smith2@, as mail servers insist)."""
    t = tables()
    first, last = t.given.draw(rng), t.surnames.draw(rng)
    company = t.companies.draw(rng)
    city = t.cities.draw(rng)
    if rng.random() < 0.75:
        local, domain = mailbox(rng, first, last), t.domains[company]
    else:
        local = f"{mailbox(rng, first, last)}{rng.randrange(100)}"
        domain = rng.choice(FREE_MAIL)
    email, number = f"{local}@{domain}", 1
    while taken is not None and email in taken:
        number += 1
        email = f"{local}{number}@{domain}"
    if taken is not None:
        taken.add(email)
    return {
        "first_name": first,
        "last_name": last,
        "email": email,
        "phone": phone_number(rng, city) if rng.random() < 0.9 else "",
        "company": company if rng.random() < 0.95 else "",
        "city": city,
        "postcode": postcode(rng, city) if rng.random() < 0.9 else "",
    }


def variant(rng: random.Random, original: dict[str, str]) -> dict[str, str]:
    """The same person entered again: a few fields changed the ways people change them."""
    row = dict(original)
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        change = rng.random()
        if change < 0.25:
            row["last_name"] = typo(rng, row["last_name"])
        elif change < 0.4:
            row["first_name"] = typo(rng, row["first_name"])
        elif change < 0.5:
            row["email"] = typo(rng, row["email"])
        elif change < 0.6:
            local = row["email"].split("@")[0]
            row["email"] = f"{local}@{rng.choice(FREE_MAIL)}"
        elif change < 0.7:
            row["phone"] = ""
        elif change < 0.8 and row["phone"].startswith("+49 "):
            row["phone"] = "0" + row["phone"].removeprefix("+49 ")  # national format
        elif change < 0.8:
            row["phone"] = row["phone"].replace(" ", "-")
        elif change < 0.88:
            row["email"] = ""
        elif change < 0.91:
            row["company"] = row["company"].split(" ")[0]
        elif change < 0.95:  # moved
            row["city"] = tables().cities.draw(rng)
            row["postcode"] = postcode(rng, row["city"])
        else:
            row["first_name"], row["last_name"] = row["last_name"], row["first_name"]
    return row


def generate(count: int, duplicate_share: float = 0.1, seed: int = 1) -> Generated:
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    entity: dict[str, int] = {}
    originals = int(count / (1 + duplicate_share))
    taken: set[str] = set()
    people = [person(rng, taken) for _ in range(originals)]
    for index, someone in enumerate(people):
        rows.append({**someone, "id": f"r{len(rows)}"})
        entity[f"r{len(rows) - 1}"] = index
    while len(rows) < count:
        index = rng.randrange(originals)
        rows.append({**variant(rng, people[index]), "id": f"r{len(rows)}"})
        entity[f"r{len(rows) - 1}"] = index
    rng.shuffle(rows)
    return Generated(rows, entity)
