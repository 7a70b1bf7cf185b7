"""What keeps the engine linear and its training robust at a million rows: windows that shrink
with the key group, training that sets bad fits aside, the random-pair prior, common values
weighing less, and the columnar preparation (phone numbers, hashed keys)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadwise.dedupe import blocking, keys
from leadwise.dedupe.comparison import LEVELS, compare
from leadwise.dedupe.engine import find_duplicates
from leadwise.dedupe.fields import FieldType, map_columns
from leadwise.dedupe.model import (
    Patterns,
    RuleSample,
    initial_m,
    train_by_rules,
)
from leadwise.dedupe.prepare import Gathered, PhoneTemplates, _phone, prepare
from tests.dedupe.synthetic import COLUMNS, generate, person

NAMES = {"first": FieldType.FIRST_NAME, "last": FieldType.LAST_NAME, "city": FieldType.CITY}


def test_small_groups_are_paired_completely_and_big_ones_linearly():
    codes = np.array([7] * 8 + [3] * 5000 + [-1] * 100, dtype=np.int64)
    order = np.arange(len(codes), dtype=np.int64)
    left, right = blocking.pairs_within(codes, order)
    small = {(a, b) for a, b in zip(left.tolist(), right.tolist(), strict=True) if a < 8}
    assert len(small) == 8 * 7 // 2  # every pair of the group of 8
    big = int((left >= 8).sum())
    assert big <= 5000 * blocking.MIN_REACH  # not 12.5 million
    assert big >= 4990  # but each record still meets its neighbour
    assert not set(left.tolist()) & set(range(5008, 5108))  # no key, no pairs


def test_reach_shrinks_with_the_group():
    sizes = np.array([2, 10, 11, 30, 1000, 100_000])
    assert blocking.reach(sizes).tolist() == [1, 9, 5, 2, 2, 2]


def test_one_huge_surname_in_one_city_stays_near_linear():
    rng = random.Random(3)
    rows = [
        {"first": rng.choice(["Ana", "Ben", "Cleo", "Dev", "Eli"]) + str(i % 97), "last": "Smith"}
        | {"city": "Berlin"}
        for i in range(4000)
    ]
    prepared = prepare(rows, NAMES)
    left, _ = blocking.candidate_pairs(prepared)
    assert len(left) < 12 * len(rows), len(left)  # all pairs would be 8 million


def test_blocking_keys_as_text():
    rows = [
        {"email": "Ada@Acme.io", "last": "Lovelace", "zip": "10115"},
        {"email": "x@gmail.com", "last": "Lovelace", "zip": "10115"},
    ]
    types = {"email": FieldType.EMAIL, "last": FieldType.LAST_NAME, "zip": FieldType.POSTCODE}
    rules = blocking.keys(prepare(rows, types))
    found = {key.name: key.strings().tolist() for key in rules}
    assert found["email"][0] == "ada@acme.io"
    assert found["surname+postcode"] == ["LFLS\x1f10115"] * 2
    # A free-mail domain is no employer: no key.
    assert found["surname+email domain"] == ["LFLS\x1facme.io", ""]
    # Some records' keys only (a scan's batch): the same strings.
    assert {key.name: key.strings(slice(1, 2)).tolist() for key in rules} == {
        name: strings[1:] for name, strings in found.items()
    }


def test_candidate_pairs_are_distinct_and_ordered():
    data = generate(3000, seed=8)
    prepared = prepare(data.rows, map_columns(COLUMNS), id_column="id")
    left, right = blocking.candidate_pairs(prepared)
    codes = left * len(prepared) + right
    assert (left < right).all()
    assert (np.diff(codes) > 0).all()


def _sample(name: str, matches: int, strangers: int, excluded: list[int]) -> RuleSample:
    """Two fields, three levels each: matches agree (2), strangers differ (1)."""
    gamma = np.array([[2, 2]] * matches + [[1, 1]] * strangers, dtype=np.int8)
    return RuleSample(name, gamma, excluded)


U = [np.array([1.0, 0.99, 0.01]), np.array([1.0, 0.95, 0.05])]


def test_a_rule_without_matches_is_set_aside_and_the_starting_guess_kept():
    empty = _sample("strangers only", 0, 5000, [0])
    candidates = Patterns.of(empty.gamma, [3, 3])
    model = train_by_rules([empty], candidates, [3, 3], U, population=1e7)
    assert any("strangers only" in note and "set aside" in note for note in model.notes)
    assert np.allclose(model.m[1], initial_m([3, 3])[1])
    assert any("starting guess kept" in note for note in model.notes)


def test_a_rule_whose_fit_is_not_sane_does_not_count():
    good = _sample("good", 400, 4000, [0])
    # Pairs that agree on field 0 differ on field 1: EM calls them matches for field 0, and
    # field 1 comes out with agreement rarer among matches than among strangers.
    bad_gamma = np.array([[2, 1]] * 1000 + [[1, 1]] * 4000, dtype=np.int8)
    bad = RuleSample("inverted", bad_gamma, [])
    candidates = Patterns.of(np.concatenate([good.gamma, bad_gamma]), [3, 3])
    model = train_by_rules([good, bad], candidates, [3, 3], U, population=1e7)
    alone = train_by_rules([good], candidates, [3, 3], U, population=1e7)
    assert any("inverted: m of field 1 not sane" in note for note in model.notes)
    assert np.allclose(model.m[1], alone.m[1])  # learned from the good rule only
    assert model.m[1][2] > model.u[1][2] * 10


def test_one_rule_settling_on_the_wrong_class_cannot_pull_m_away():
    u = [*U, np.array([1.0, 0.99, 0.01])]
    agree = [[0, 2, 2]] * 300 + [[0, 1, 1]] * 3000
    rules = [RuleSample(f"rule {i}", np.array(agree, dtype=np.int8), [0]) for i in range(3)]
    # Namesakes: they agree on field 2 (the mailbox made of the name) and differ on field 1.
    odd = [[0, 1, 2]] * 1500 + [[0, 2, 2]] * 100 + [[0, 1, 1]] * 3000
    rules.append(RuleSample("namesakes", np.array(odd, dtype=np.int8), [0]))
    candidates = Patterns.of(np.concatenate([r.gamma for r in rules]), [3, 3, 3])
    model = train_by_rules(rules, candidates, [3, 3, 3], u, population=1e7)
    good = train_by_rules(rules[:3], candidates, [3, 3, 3], u, population=1e7)
    odd_alone = train_by_rules(rules[3:], candidates, [3, 3, 3], u, population=1e7)
    assert odd_alone.m[1][2] < 0.2 < 0.8 < good.m[1][2]  # the namesakes' fit is far off
    assert np.allclose(model.m[1], good.m[1])


def test_the_prior_is_the_chance_that_two_random_records_match():
    data = generate(8000, duplicate_share=0.1, seed=12)
    result = find_duplicates(data.rows, map_columns(COLUMNS), id_column="id", default_region="DE")
    n = len(result.prepared)
    expected = len(data.true_pairs()) / (n * (n - 1) / 2)
    assert expected / 2 < result.model.prior < expected * 2


def test_agreeing_on_a_common_name_weighs_less_than_on_a_rare_one():
    rows = [{"first": "Maria", "last": f"Name{i}", "city": f"C{i}"} for i in range(60)]
    rows += [{"first": f"Rare{i}", "last": f"Other{i}", "city": f"D{i}"} for i in range(540)]
    rows += [
        {"first": "Maria", "last": "Lopez", "city": "Lyon"},
        {"first": "Maria", "last": "Lopez", "city": "Lyon"},
        {"first": "Quirina", "last": "Lopez", "city": "Lyon"},
        {"first": "Quirina", "last": "Lopez", "city": "Lyon"},
    ]
    result = find_duplicates(rows, NAMES, threshold=0.0)
    rows_of = {
        (int(a), int(b)): r for r, (a, b) in enumerate(zip(result.left, result.right, strict=True))
    }
    common = result.explain(rows_of[(600, 601)])["first"]
    rare = result.explain(rows_of[(602, 603)])["first"]
    assert common[0] == rare[0] == "exact"
    assert common[1] < rare[1] - 2  # one in ten is a Maria: about 3 bits less
    assert result.probability[rows_of[(600, 601)]] < result.probability[rows_of[(602, 603)]]


def test_a_confirmed_pair_that_blocking_missed_is_scored_and_kept():
    rows = [{"email": "ada@acme.io"}, {"email": "lovelace@other.org"}, {"email": "x@y.io"}]
    types = {"email": FieldType.EMAIL}
    result = find_duplicates(rows, types, known={("0", "1"): True})
    pairs = list(zip(result.left.tolist(), result.right.tolist(), strict=True))
    assert (0, 1) in pairs
    assert result.probability[pairs.index((0, 1))] == 1.0


def test_swapped_names_typos_and_colleagues_mailboxes():
    rows = [
        {"first": "Ada", "last": "Lovelace", "email": "ada.lovelace@acme.io"},
        {"first": "Lovelace", "last": "Ada", "email": "ada.lovelace@gmail.com"},
        {"first": "Tom", "last": "Rossi", "email": "t.rossi@acme.io"},
        {"first": "Anna", "last": "Rossi", "email": "a.rossi@acme.io"},
        {"first": "John", "last": "Smith", "email": "john.smith@acme.io"},
        {"first": "John", "last": "Smith", "email": "john.smith2@acme.io"},
        {"first": "John", "last": "Smith", "email": "john.smith@globex.com"},
        {"first": "John", "last": "Smith", "email": "jonh.smith@acme.io"},
        {"first": "Kim", "last": "Lee", "email": "ceo@acme.io"},
        {"first": "Kim", "last": "Lee", "email": "ceo@globex.com"},
    ]
    types = {"first": FieldType.FIRST_NAME, "last": FieldType.LAST_NAME}
    types |= {"email": FieldType.EMAIL}
    prepared = prepare(rows, types)
    pairs = [(0, 1), (2, 3), (4, 5), (4, 6), (4, 7), (8, 9)]
    gamma = compare(prepared, *(np.array(side) for side in zip(*pairs, strict=True))).gamma
    first, last, email = gamma.T.tolist()
    assert (first[0], last[0]) == (2, 2)  # swapped: similar, not different
    labels = [LEVELS["email"][level] for level in email]
    assert labels[0] == "same mailbox name, one at a free-mail provider"
    assert labels[1] == "different"  # t.rossi@ and a.rossi@: two colleagues
    assert labels[2] == "different"  # john.smith2@: the second John Smith
    assert labels[3] == "different"  # john.smith@ at two companies: namesakes
    assert labels[4].startswith("typo")
    assert labels[5].startswith("same mailbox name (not the surname)")


def test_patterns_count_every_pair_once():
    rng = np.random.default_rng(4)
    sizes = [5, 5, 6, 4]
    gamma = np.stack([rng.integers(0, s, 50_000) for s in sizes], axis=1).astype(np.int8)
    patterns = Patterns.of(gamma, sizes)
    assert (patterns.gamma[patterns.inverse] == gamma).all()
    assert patterns.counts.sum() == len(gamma)
    assert len(patterns.gamma) == len(np.unique(gamma, axis=0))
    wide = [6] * 12  # too many possible patterns for a table: sorted instead
    gamma = np.stack([rng.integers(0, 6, 5000) for _ in wide], axis=1).astype(np.int8)
    patterns = Patterns.of(gamma, wide)
    assert (patterns.gamma[patterns.inverse] == gamma).all()


def test_prepare_reads_a_generator_missing_keys_and_odd_values():
    rows = ({"email": "A@b.io", "n": ["x"]} if i % 2 else {"n": 3} for i in range(4))
    types = {"email": FieldType.EMAIL, "n": FieldType.TEXT}
    prepared = prepare(rows, types)
    assert prepared.values["email"].tolist() == ["", "a@b.io", "", "a@b.io"]
    assert prepared.values["n"].tolist() == ["3", "x", "3", "x"]
    assert prepared.columns["email"].codes[1] == prepared.columns["email"].codes[3] != 0


def test_pairs_compared_in_blocks_get_the_levels_of_one_pass(monkeypatch: pytest.MonkeyPatch):
    from leadwise.dedupe import comparison

    data = generate(3000, seed=12)
    prepared = prepare(data.rows, map_columns(COLUMNS), id_column="id", default_region="DE")
    left, right = blocking.candidate_pairs(prepared, blocking.rules(prepared))
    whole = compare(prepared, left, right).gamma
    monkeypatch.setattr(comparison, "COMPARE_BLOCK", 97)  # many blocks, the last one short
    assert len(left) > 10 * 97
    assert np.array_equal(compare(prepared, left, right).gamma, whole)
    assert len(np.unique(whole)) >= 5  # not trivially equal: every kind of level occurs


def test_records_gathered_in_batches_prepare_as_the_whole_list_does():
    data = generate(3000, seed=11)
    types = map_columns(COLUMNS)
    rows = [dict(row, country=("GB" if i % 3 == 0 else "")) for i, row in enumerate(data.rows)]
    types["country"] = FieldType.COUNTRY  # phones without a +code read in their row's country
    whole = prepare(rows, types, id_column="id", default_region="DE")
    gathered = Gathered(types, id_column="id")
    for start in range(0, len(rows), 700):
        gathered.extend(rows[start : start + 700])
    assert len(gathered) == len(rows)
    batched = prepare(gathered, types, id_column="id", default_region="DE")
    assert batched.ids.tolist() == whole.ids.tolist() == [row["id"] for row in rows]
    for name in whole.values:
        assert batched.values[name].tolist() == whole.values[name].tolist(), name
    for name in whole.derived:
        assert np.array_equal(batched.derived[name], whole.derived[name]), name
    # A number without a +code reads as British in a British row and as German elsewhere.
    national = next(i for i, row in enumerate(rows) if row["phone"].startswith("0") and i % 3)
    assert whole.values["phone"][national].startswith("+49")
    british = {"id": "gb", "phone": rows[national]["phone"], "country": "GB"}
    again = Gathered(types, id_column="id").extend([rows[national], british])
    assert prepare(again, types, default_region="DE").values["phone"][1].startswith("+44")


def test_gathered_records_keep_missing_and_unhashable_values_apart():
    types = {"email": FieldType.EMAIL, "n": FieldType.TEXT}
    gathered = Gathered(types).extend([{"email": "A@b.io", "n": ["x"]}, {"n": 3}])
    gathered.extend([{"email": None, "n": ["x"]}, {"email": "a@B.io"}])
    prepared = prepare(gathered, types)
    assert prepared.ids.tolist() == ["0", "1", "2", "3"]
    assert prepared.values["email"].tolist() == ["a@b.io", "", "", "a@b.io"]
    assert prepared.values["n"].tolist() == ["x", "3", "x", ""]
    # A column the records were not gathered with is missing in every one of them.
    wider = {**types, "city": FieldType.CITY}
    gathered = Gathered(types).extend([{"email": "a@b.io"}, {"email": "c@d.io"}])
    assert prepare(gathered, wider).values["city"].tolist() == ["", ""]


PHONE = st.builds(
    lambda country, digits, style: style.format(c=country, d=digits, n=digits[1:]),
    st.sampled_from(["49", "44", "33", "39", "1", "41", "351"]),
    st.text("0123456789", min_size=5, max_size=12),
    st.sampled_from(
        ["+{c} {d}", "0{d}", "{d}", "+{c} (0){n}", "00{c} {d}", "+{c}-{d}", "0{n} ", "+{c}{d}"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PHONE, st.sampled_from(["DE", "GB", "FR", "IT", "US", None]))))
def test_phone_shortcut_agrees_with_phonenumbers(numbers: list[tuple[str, str | None]]):
    templates = PhoneTemplates()
    for value, region in numbers * 3:  # the later rounds take the shortcut
        assert templates(value, region) == _phone(value, region), (value, region)


def test_phone_shortcut_on_a_generated_file():
    data = generate(5000, seed=9)
    templates = PhoneTemplates()
    phones = [row["phone"] for row in data.rows if row["phone"]]
    assert [templates(p, "DE") for p in phones] == [_phone(p, "DE") for p in phones]


def test_phone_templates_learned_in_one_prepare_serve_the_next(monkeypatch: pytest.MonkeyPatch):
    from leadwise.dedupe import prepare as module

    calls: list[str] = []

    def counted(value: str, region: str | None) -> str:
        calls.append(value)
        return _phone(value, region)

    monkeypatch.setattr(module, "_SHARED_PHONES", PhoneTemplates())
    monkeypatch.setattr(module, "_phone", counted)
    types = {"phone": FieldType.PHONE}
    first = prepare(
        [{"phone": f"030 1234 56{n:02d}"} for n in range(5)], types, default_region="DE"
    )
    assert first.values["phone"].tolist() == [f"+4930123456{n:02d}" for n in range(5)]
    assert len(calls) == 2  # two numbers of the shape taught the template, three used it
    again = prepare([{"phone": "030 1234 5699"}], types, default_region="DE")
    assert again.values["phone"].tolist() == ["+493012345699"]
    assert len(calls) == 2  # the next call (another chunk, another check) knew the shape


def test_phone_templates_start_afresh_when_full():
    templates = PhoneTemplates()
    templates.MAX_SHAPES = 3
    numbers = [f"0{area} 555 12{n}" for area in (30, 40, 89, 221, 69) for n in range(3)]
    for number in numbers * 2:
        assert templates(number, "DE") == _phone(number, "DE")
    assert len(templates._first) + len(templates._agreed) <= 3


def test_generated_names_are_rich_and_deterministic():
    data = generate(20_000, seed=5)
    assert data.rows == generate(20_000, seed=5).rows
    assert len({row["first_name"] for row in data.rows}) > 1500
    assert len({row["last_name"] for row in data.rows}) > 8000
    # Namesakes at one company get john.smith@, john.smith2@, ...: no two people share one.
    rng, taken = random.Random(1), set()
    emails = [person(rng, taken)["email"] for _ in range(20_000)]
    assert len(set(emails)) == len(emails)


@pytest.mark.parametrize("rows", [2, 3])
def test_tiny_files_train_without_error(rows: int):
    data = generate(rows, seed=1)
    result = find_duplicates(data.rows, map_columns(COLUMNS), id_column="id")
    assert 0 < result.model.prior < 1


def test_keys_of_a_workspace_prepared_once_are_each_batchs_own():
    """The scan prepares the whole workspace once and stores each batch's keys from it; they
    must be the keys the import and the capture check compute for those leads alone."""
    leads = [
        {
            "id": row["id"],
            "first_name": row["first_name"],
            "last_name": row["last_name"],
            "email": row["email"] or None,
            "phone": row["phone"] or None,
            "company_name": row["company"],
            "city": row["city"],
            "country": ["DE", "GB", "FR", None][n % 4],
        }
        for n, row in enumerate(generate(2500, seed=21).rows)
    ]
    types = {"id": FieldType.ID, **keys.LEAD_TYPES}
    gathered = Gathered(types, id_column="id")
    gathered.extend([{**keys.engine_record(lead), "id": lead["id"]} for lead in leads])
    rules = blocking.keys(prepare(gathered, types, id_column="id"))
    batch = 700  # batches that do not divide the workspace evenly
    for start in range(0, len(leads), batch):
        rows = slice(start, min(start + batch, len(leads)))
        assert keys.keys_in(rules, rows) == keys.keys_of(leads[rows])
    assert sum(len(found) for found in keys.keys_in(rules, slice(0, len(leads)))) > 4 * len(leads)
