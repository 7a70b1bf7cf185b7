"""Generated leads with known duplicates (typos, swapped fields, other domains, gaps): the
ground truth for measuring the dedupe engine (tests, bench)."""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = [
    "Ada",
    "Alan",
    "Alice",
    "Amir",
    "Anna",
    "Ben",
    "Carla",
    "Chen",
    "Clara",
    "David",
    "Diego",
    "Elena",
    "Emma",
    "Eva",
    "Felix",
    "Fatima",
    "Grace",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jakob",
    "James",
    "Jana",
    "Jonas",
    "Julia",
    "Karl",
    "Kenji",
    "Lara",
    "Lea",
    "Leo",
    "Lina",
    "Lucas",
    "Maja",
    "Marco",
    "Maria",
    "Mia",
    "Mohammed",
    "Nina",
    "Noah",
    "Olga",
    "Omar",
    "Paul",
    "Pia",
    "Priya",
    "Rafael",
    "Rosa",
    "Sam",
    "Sara",
    "Sofia",
    "Tom",
    "Uma",
    "Victor",
    "Wei",
    "Yara",
    "Zoe",
]
SYLLABLES_A = [
    "Ber",
    "Mor",
    "Hal",
    "Stein",
    "Kov",
    "Lind",
    "Fal",
    "Dor",
    "Mar",
    "Wes",
    "Bran",
    "Cal",
    "Dun",
    "Eck",
    "Fen",
    "Gar",
    "Hol",
    "Jor",
    "Kel",
    "Lan",
]
SYLLABLES_B = [
    "mann",
    "son",
    "berg",
    "ski",
    "ton",
    "ley",
    "wood",
    "feld",
    "ford",
    "ova",
    "ini",
    "ez",
    "sen",
    "dahl",
    "strom",
    "by",
    "well",
    "croft",
    "ham",
    "ner",
]
COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
    "Massive",
    "Dynamic",
    "Gringotts",
    "Oceanic",
    "Pied",
    "Piper",
    "Monarch",
    "Blue",
    "Sun",
    "Veridian",
    "Nakatomi",
]
CITIES = [
    "Berlin",
    "Hamburg",
    "Munich",
    "Paris",
    "Lyon",
    "Madrid",
    "London",
    "Leeds",
    "Milan",
    "Vienna",
    "Zurich",
    "Oslo",
    "Lisbon",
]
FREE_MAIL = ("gmail.com", "yahoo.com", "outlook.com", "web.de")
COLUMNS = ["id", "first_name", "last_name", "email", "phone", "company", "city", "postcode"]


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


def person(rng: random.Random) -> dict[str, str]:
    first = rng.choice(FIRST)
    # Some 40,000 surnames, so that two different people rarely share first and last name.
    middle = rng.choice(("", "en", "ar", "il", "or", "un", "es", "ak", "ol", "im"))
    last = (
        rng.choice(SYLLABLES_A) + middle + rng.choice(SYLLABLES_B) + rng.choice(("", "a", "e", "i"))
    )
    # Some 10,000 companies: B2B leads spread over many employers, not a handful.
    brand = rng.choice(COMPANIES) + rng.choice(("", "tech", "soft", "data", "works", "labs"))
    company = f"{brand}{rng.randrange(1, 400) if rng.random() < 0.8 else ''} " + rng.choice(
        ("GmbH", "Ltd", "Inc", "SA", "")
    )
    domain = company.split()[0].lower() + rng.choice((".com", ".de", ".io", ".co.uk"))
    email = (
        f"{first}.{last}@{domain}".lower()
        if rng.random() < 0.8
        else (f"{first}{last}{rng.randrange(99)}@{rng.choice(FREE_MAIL)}".lower())
    )
    return {
        "first_name": first,
        "last_name": last,
        "email": email,
        "phone": f"+49 30 {rng.randrange(1000000, 9999999)}",
        "company": company.strip(),
        "city": rng.choice(CITIES),
        "postcode": f"{rng.randrange(10000, 99999)}",
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
        elif change < 0.8:
            row["phone"] = row["phone"].replace("+49 30 ", "030 ")
        elif change < 0.88:
            row["email"] = ""
        elif change < 0.91:
            row["company"] = row["company"].split()[0]
        elif change < 0.95:  # moved
            row["city"], row["postcode"] = rng.choice(CITIES), f"{rng.randrange(10000, 99999)}"
        else:
            row["first_name"], row["last_name"] = row["last_name"], row["first_name"]
    return row


def generate(count: int, duplicate_share: float = 0.1, seed: int = 1) -> Generated:
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    entity: dict[str, int] = {}
    originals = int(count / (1 + duplicate_share))
    people = [person(rng) for _ in range(originals)]
    for index, someone in enumerate(people):
        rows.append({**someone, "id": f"r{len(rows)}"})
        entity[f"r{len(rows) - 1}"] = index
    while len(rows) < count:
        index = rng.randrange(originals)
        rows.append({**variant(rng, people[index]), "id": f"r{len(rows)}"})
        entity[f"r{len(rows) - 1}"] = index
    rng.shuffle(rows)
    return Generated(rows, entity)
