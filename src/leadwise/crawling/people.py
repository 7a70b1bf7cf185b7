"""People on team, leadership and imprint pages: name and title pairs, with the email and the
profile links shown beside them.

Four readings, most certain first: JSON-LD/microdata `Person` objects; cards (an element whose
class says team/member/person/... holding one name and a title); a heading that is a name with
a title right after it; and labelled lines of imprints ("Geschäftsführer: Max Muster").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from leadwise.crawling.contacts import social_profile
from leadwise.crawling.emails import MarkedUpEmail, find_emails, marked_up_emails
from leadwise.crawling.facts import Method
from leadwise.crawling.structured import StructuredData, all_values, text_value

HONORIFICS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. herr frau sir dame mme mme. m. mlle sr sr.
    sra sra. dott dott. ing ing. dipl.-ing. dipl.-kfm. dipl.-inf. mag. mag dkfm. phd ph.d.
    mba msc m.sc. bsc b.sc. jr jr. sr. ii iii llm ll.m. dipl. rer. nat. med. habil.
    """.split()  # noqa: SIM905 - a word list reads better than quoted strings
)
PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
        "della",
        "dos",
        "das",
        "ten",
        "ter",
        "zu",
        "bin",
        "al",
        "y",
        "vom",
    ]
)
# Words that appear in headings but are not names (checked case-insensitively).
NOT_NAME_WORDS = frozenset(
    """
    our the team about contact us services service company management board privacy policy
    read more news home careers jobs imprint impressum kontakt über uber uns unser unsere
    datenschutz karriere leistungen produkte mehr customer customers success stories sales
    marketing support welcome hello office head chief director manager gmbh ag inc ltd llc
    kg co mbh sarl sas bv nv plc corp corporation group holding partners partner solutions
    products product pricing blog events event press presse media legal terms conditions
    cookie cookies settings login sign register account cart shop store search menu follow
    meet people leadership founders founder history mission vision values culture location
    locations address phone email mail fax hours opening open today latest featured view
    all de en fr es it english deutsch français español italiano nederlands why how what
    who where when we you your get started free trial demo book call request quote learn
    discover explore join apply submit send message form subscribe newsletter download
    contacto equipo nosotros empresa quienes somos chi siamo squadra équipe equipe qui sommes
    nous accueil agb faq help hilfe links rechts street strasse straße berlin münchen london
    paris new york
    """.split()  # noqa: SIM905
)
TITLE_WORDS = (
    "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "cpo", "cro", "vp", "svp", "evp", "founder",
    "co-founder", "cofounder", "owner", "president", "chair", "chairman", "chairwoman", "partner",
    "principal", "director", "manager", "head", "lead", "leader", "chief", "officer", "executive",
    "engineer", "developer", "designer", "architect", "consultant", "advisor", "adviser",
    "analyst", "specialist", "coordinator", "assistant", "associate", "scientist", "researcher",
    "editor", "writer", "marketing", "sales", "account", "accounting", "controller", "counsel",
    "attorney", "lawyer", "recruiter", "talent", "hr", "operations", "product", "support",
    "success", "representative", "secretary", "treasurer", "board", "member", "intern",
    "trainee", "administrator", "strategist", "producer", "officer", "dentist", "doctor",
    "geschäftsführer", "geschäftsführerin", "geschaeftsfuehrer", "geschäftsführung", "vorstand",
    "vorstandsvorsitzender", "vorsitzender", "vorsitzende", "inhaber", "inhaberin", "gründer",
    "gründerin", "mitgründer", "leiter", "leiterin", "leitung", "prokurist", "prokuristin",
    "berater", "beraterin", "entwickler", "entwicklerin", "vertrieb", "assistenz", "referent",
    "referentin", "sachbearbeiter", "sachbearbeiterin", "projektleiter", "teamleiter",
    "mitarbeiter", "mitarbeiterin", "gesellschafter", "gesellschafterin", "steuerberater",
    "rechtsanwalt", "rechtsanwältin", "directeur", "directrice", "gérant", "gérante",
    "fondateur", "fondatrice", "responsable", "président", "présidente", "chargé", "chargée",
    "ingénieur", "associé", "associée", "directora", "gerente", "fundador", "fundadora",
    "socio", "socia", "presidente", "responsabile", "direttore", "direttrice", "fondatore",
    "amministratore", "oprichter", "eigenaar", "directeur-eigenaar", "medewerker",
)  # fmt: skip
_TITLE_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(word) for word in TITLE_WORDS) + r")(?![\w])", re.I
)
_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČŘĎŤŇĽ"
_LOWER = "a-zà-öø-ÿßłśżźćńšžčřďťňľ'\u2019"
# Anna, Klaus-Peter, O'Neill, McDonald, DeLuca, J.
_NAME_TOKEN = re.compile(
    rf"^[{_UPPER}][{_LOWER}]*(?:[{_UPPER}][{_LOWER}]+)?(?:-[{_UPPER}]?[{_LOWER}]+)*\.?$"
)
CARD_SELECTOR = ", ".join(
    f'[class*="{word}"]'
    for word in ("team", "member", "person", "people", "staff", "employee", "profile",
                 "mitarbeiter", "leader", "founder", "bio", "vcard", "author", "speaker",
                 "partner", "management", "board", "executive", "contact-card", "ansprech")
)  # fmt: skip
NAME_SELECTOR = 'h1, h2, h3, h4, h5, h6, strong, b, [itemprop="name"], [class*="name"]'
TITLE_SELECTOR = (
    '[itemprop="jobTitle"], [class*="title"], [class*="position"], [class*="role"], '
    '[class*="job"], [class*="funktion"], [class*="function"], [class*="designation"], '
    '[class*="subtitle"], [class*="poste"], [class*="cargo"]'
)
_LABELLED = re.compile(
    r"(?P<label>Geschäftsführer(?:in)?|Geschäftsführung|Geschaeftsfuehrer|Vorstand|"
    r"Vorstandsvorsitzender?|Inhaber(?:in)?|Vertreten durch|Vertretungsberechtigter?"
    r"(?: Geschäftsführer)?|Managing Directors?|Represented by|Chief Executive Officer|CEO|"
    r"Founders?|Gründer(?:in)?|Gérant(?:e)?|Directeur général|Directrice générale|"
    r"Président(?:e)?|Administrador(?:a)?|Amministratore (?:unico|delegato)|Bestuurder)"
    r"\s*[:\uff1a]\s*(?P<names>[^\n:]{3,160})",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bund\b|\band\b|\bet\b|\by\b|\be\b|\ben\b)\s*")
MAX_CARDS = 300


@dataclass
class FoundPerson:
    name: str
    first: str
    last: str
    title: str | None
    method: str
    emails: list[str] = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)  # LinkedIn /in/, XING /profile/, ...

    @property
    def key(self) -> str:
        return name_key(self.name)


def find_people(tree: LexborHTMLParser, text: str, structured: StructuredData) -> list[FoundPerson]:
    people: dict[str, FoundPerson] = {}

    def add(person: FoundPerson | None) -> None:
        if person is None:
            return
        known = people.get(person.key)
        if known is None:
            people[person.key] = person
            return
        known.title = known.title or person.title
        known.emails += [e for e in person.emails if e not in known.emails]
        known.profiles += [p for p in person.profiles if p not in known.profiles]

    for node in structured.of_type("Person"):
        add(_from_structured(node.data, node.method))
    used: set[int] = set()
    if tree.body is not None:
        markup = _Markup(tree)
        for card in tree.body.css(CARD_SELECTOR)[:MAX_CARDS]:
            add(_from_card(card, used, markup))
        for heading in tree.body.css("h2, h3, h4, h5, h6"):
            add(_from_heading(heading, used, markup))
    for person in _from_labels(text):
        add(person)
    return list(people.values())


def _from_structured(data: dict[str, object], method: str) -> FoundPerson | None:
    name = text_value(data.get("name"))
    if not name:
        given, family = text_value(data.get("givenName")), text_value(data.get("familyName"))
        name = " ".join(part for part in (given, family) if part)
    cleaned = clean_name(name or "")
    if cleaned is None:
        return None
    first, last = split_name(cleaned)
    title = text_value(data.get("jobTitle")) or text_value(data.get("roleName"))
    person = FoundPerson(cleaned, first, last, _tidy(title) if title else None, method)
    for value in all_values(data.get("email")):
        email = text_value(value)
        if email:
            person.emails.append(email.removeprefix("mailto:").strip())
    for key in ("sameAs", "url"):
        for value in all_values(data.get(key)):
            if isinstance(value, str):
                profile = social_profile(value)
                if profile is not None:
                    person.profiles.append(profile.url)
    return person


def _from_card(card: LexborNode, used: set[int], markup: _Markup) -> FoundPerson | None:
    names = [
        (node, name)
        for node in card.css(NAME_SELECTOR)
        if (name := clean_name(node.text(deep=True, separator=" ", strip=True))) is not None
    ]
    if len({name for _, name in names}) != 1:
        return None  # no name, or a container of several cards: its cards are read one by one
    name_node, name = names[0]
    title = None
    for node in card.css(TITLE_SELECTOR):
        candidate = _tidy(node.text(deep=True, separator=" ", strip=True))
        if candidate and candidate != name and name not in candidate and len(candidate) <= 100:
            title = candidate
            break
    if title is None:
        title = _title_after(name_node, card)
    if title is None and not card.css('a[href*="linkedin.com/in/"], a[href^="mailto:"]'):
        return None
    used.add(name_node.mem_id)
    first, last = split_name(name)
    person = FoundPerson(name, first, last, title, Method.CARD)
    _contacts_into(person, card, markup)
    return person


def _from_heading(heading: LexborNode, used: set[int], markup: _Markup) -> FoundPerson | None:
    if heading.mem_id in used:
        return None
    name = clean_name(heading.text(deep=True, separator=" ", strip=True))
    if name is None:
        return None
    title = _title_after(heading, None)
    if title is None or not _TITLE_RE.search(title):
        return None
    first, last = split_name(name)
    person = FoundPerson(name, first, last, title, Method.HEADING)
    if heading.parent is not None and heading.parent.tag not in ("body", "main", "html"):
        container = heading.parent
        if len(container.css("h2, h3, h4, h5, h6")) == 1:
            _contacts_into(person, container, markup)
    return person


def _from_labels(text: str) -> list[FoundPerson]:
    found = []
    # Labels sit on short lines with a colon; the long alternation is not run over prose.
    lines = [line for line in text.split("\n") if ":" in line or "\uff1a" in line]
    for match in _LABELLED.finditer("\n".join(line for line in lines if len(line) <= 400)):
        label = " ".join(match.group("label").split())
        title = (
            None if label.lower().startswith(("vertreten", "represented", "vertretungs")) else label
        )
        for part in _NAME_SPLIT.split(match.group("names")):
            name = clean_name(part.strip(" .,"))
            if name is not None:
                first, last = split_name(name)
                found.append(FoundPerson(name, first, last, title, Method.LABEL))
    return found


def _title_after(node: LexborNode, card: LexborNode | None) -> str | None:
    """The text right after the name: the next element, or the text that follows in the card."""
    sibling = node.next
    steps = 0
    while sibling is not None and steps < 4:
        steps += 1
        text = _tidy(sibling.text(deep=True, separator=" ", strip=True) or "")
        if text:
            plausible = len(text) <= 100 and (card is not None or _TITLE_RE.search(text))
            if plausible and clean_name(text) is None and "@" not in text:
                return None if text[0].isdigit() else text
            return None
        sibling = sibling.next
    return None


class _Markup:
    """The page's marked-up addresses, found in one walk of the tree, and which of them a card
    holds (a walk of each of forty cards cost more than the rest of the page)."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.emails = marked_up_emails(tree)
        self._lineages = [_lineage(item.node) for item in self.emails]

    def within(self, scope: LexborNode) -> list[MarkedUpEmail]:
        return [
            item
            for item, lineage in zip(self.emails, self._lineages, strict=True)
            if scope.mem_id in lineage
        ]


def _lineage(node: LexborNode) -> set[int]:
    """The node and its ancestors."""
    found = set()
    current: LexborNode | None = node
    while current is not None:
        found.add(current.mem_id)
        current = current.parent
    return found


def _contacts_into(person: FoundPerson, scope: LexborNode, markup: _Markup) -> None:
    text = scope.text(deep=True, separator=" ")
    for email in find_emails(scope, text, markup.within(scope)):
        if email.address not in person.emails:
            person.emails.append(email.address)
    for link in scope.css("a[href]"):
        profile = social_profile(link.attributes.get("href") or "")
        if profile is not None and profile.personal and profile.url not in person.profiles:
            person.profiles.append(profile.url)


def clean_name(text: str) -> str | None:
    """The name without honorifics and degrees when `text` looks like a person's name
    (two to four capitalised words, particles allowed), else None."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:-\u2013|")
    if not text or len(text) > 60 or any(ch.isdigit() for ch in text) or "@" in text:
        return None
    if text.isupper() and len(text) > 3:
        text = text.title()
    tokens = [t.strip(",") for t in text.split()]
    while tokens and tokens[0].lower() in HONORIFICS:
        tokens.pop(0)
    while tokens and tokens[-1].lower() in HONORIFICS:
        tokens.pop()
    if not 2 <= len(tokens) <= 4:
        return None
    capitalised = 0
    for token in tokens:
        lowered = token.lower().strip(".")
        if lowered in NOT_NAME_WORDS or _TITLE_RE.fullmatch(lowered):
            return None
        if lowered in PARTICLES:
            continue
        if not _NAME_TOKEN.match(token):
            return None
        if token.endswith(".") and len(token) > 2:
            return None
        capitalised += 1
    if capitalised < 2 or tokens[0].lower() in PARTICLES:
        return None
    return " ".join(tokens)


def split_name(name: str) -> tuple[str, str]:
    """(first, last): the first word, and the rest from the first particle or the last word
    (`Anna van der Berg` -> `Anna`, `van der Berg`; `Mary Ann Smith` -> `Mary`, `Smith`)."""
    tokens = name.split()
    first = tokens[0]
    rest = tokens[1:]
    for index, token in enumerate(rest):
        if token.lower() in PARTICLES:
            return first, " ".join(rest[index:])
    return first, rest[-1] if rest else ""


def name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in folded if ch.isalpha())


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,|\u2013-\u00b7\u2022")
