"""The dedupe engine on generated leads with known duplicates, and its parts."""

from __future__ import annotations

import numpy as np
import pytest

from leadwise.dedupe.cluster import clusters
from leadwise.dedupe.comparison import compare
from leadwise.dedupe.engine import find_duplicates
from leadwise.dedupe.fields import FieldType, guess_type, map_columns
from leadwise.dedupe.prepare import normalise, prepare
from tests.dedupe.synthetic import COLUMNS, generate


@pytest.fixture(scope="module")
def generated():
    data = generate(6000, duplicate_share=0.1, seed=11)
    result = find_duplicates(
        data.rows, map_columns(COLUMNS), id_column="id", threshold=0.9, default_region="DE"
    )
    return data, result


def _pairs(result, rows) -> set[tuple[str, str]]:
    ids = result.prepared.ids
    return {tuple(sorted((ids[result.left[r]], ids[result.right[r]]))) for r in rows}


def test_finds_typo_duplicates_with_high_precision_and_recall(generated):
    data, result = generated
    truth = data.true_pairs()
    candidates = _pairs(result, range(len(result.left)))
    found = _pairs(result, result.matches())
    completeness = len(candidates & truth) / len(truth)
    precision = len(found & truth) / len(found)
    recall = len(found & truth) / len(truth)
    assert completeness >= 0.98, completeness
    assert precision >= 0.97, precision
    assert recall >= 0.95, recall
    # Blocking keeps the work linear: a couple of candidates per record, not n².
    assert len(result.left) < 3 * len(result.prepared)


def test_every_match_is_explained_field_by_field(generated):
    _, result = generated
    row = int(result.matches()[0])
    explanation = result.explain(row)
    assert set(explanation) == {
        "first_name",
        "last_name",
        "email",
        "phone",
        "company",
        "city",
        "postcode",
    }
    total = sum(weight for _, weight in explanation.values())
    prior = np.log2(result.model.prior / (1 - result.model.prior))
    assert total + prior == pytest.approx(result.match_weights(np.array([row]))[0], abs=1e-4)
    # Many pairs explained at once (as a scan writes them): each its own, in the order asked.
    rows = [*result.matches()[:50].tolist(), 0, 1, 2][::-1]
    many = result.explain_many(rows)
    assert many == [result.explain(one) for one in rows]
    totals = [sum(weight for _, weight in found.values()) for found in many]
    expected = result.match_weights(np.array(rows)) - prior
    assert totals == pytest.approx(expected.tolist(), abs=1e-4)
    probability = 1 / (1 + 2 ** -(total + prior))
    assert probability == pytest.approx(result.probability[row])
    # Agreement is evidence for, disagreement against, a missing value neither.
    weights = result.model.weights
    for field_weights in weights:
        assert field_weights[0] == 0.0
        assert field_weights[-1] > 0 > field_weights[1]


def test_user_verdicts_win_and_train_the_model():
    data = generate(2000, duplicate_share=0.1, seed=5)
    types = map_columns(COLUMNS)
    first = find_duplicates(data.rows, types, id_column="id")
    ids = first.prepared.ids
    top = int(first.matches()[0])
    pair = (str(ids[first.left[top]]), str(ids[first.right[top]]))
    rejected = find_duplicates(data.rows, types, id_column="id", known={pair: False})
    rows = {
        (str(ids[a]), str(ids[b])): r
        for r, (a, b) in enumerate(zip(rejected.left, rejected.right, strict=True))
    }
    assert rejected.probability[rows[pair]] == 0.0
    assert rows[pair] not in set(rejected.matches().tolist())


def test_clusters_do_not_chain_through_a_weak_link():
    left, right = np.array([0, 1, 0, 3, 4]), np.array([1, 2, 2, 4, 5])
    # 0~1 and 1~2 are strong but 0 and 2 were compared and differ: 2 stays apart.
    # 3~4~5 with 3 and 5 never compared: one group.
    probability = np.array([0.99, 0.95, 0.01, 0.97, 0.96])
    assert clusters(6, left, right, probability, 0.9) == [[0, 1], [3, 4, 5]]


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("E-Mail", FieldType.EMAIL),
        ("Email Address", FieldType.EMAIL),
        ("Firma", FieldType.COMPANY),
        ("Vorname", FieldType.FIRST_NAME),
        ("Nachname", FieldType.LAST_NAME),
        ("PLZ", FieldType.POSTCODE),
        ("Téléphone", FieldType.PHONE),
        ("Mobile Phone", FieldType.PHONE),
        ("Company Website", FieldType.DOMAIN),
        ("Lead ID", FieldType.ID),
        ("Favourite colour", FieldType.TEXT),
    ],
)
def test_columns_are_mapped_by_name(header: str, kind: FieldType):
    assert guess_type(header) is kind


def test_overrides_and_unknown_columns():
    assert map_columns(["Org", "x"], {"x": "city"})["x"] is FieldType.CITY
    with pytest.raises(ValueError, match="no such column"):
        map_columns(["a"], {"b": "email"})


def test_normalisation_per_type():
    assert normalise(FieldType.EMAIL, " Ada@Example.COM ") == "ada@example.com"
    assert normalise(FieldType.EMAIL, "not an email") == ""
    assert normalise(FieldType.PHONE, "030 1234567", "DE") == "+49301234567"
    assert normalise(FieldType.COMPANY, "Acme GmbH") == normalise(FieldType.COMPANY, "ACME")
    assert normalise(FieldType.DATE, "24.12.1990") == "1990-12-24"
    assert normalise(FieldType.DOMAIN, "https://www.Acme.io/about") == "acme.io"
    assert normalise(FieldType.LAST_NAME, "Müller-Lüdenscheidt") == "muller ludenscheidt"
    assert normalise(FieldType.TEXT, None) == ""


def test_comparison_levels():
    rows = [
        {"email": "ada.l@acme.io", "born": "1990-03-04", "name": "Thompson"},
        {"email": "ada.l@gmail.com", "born": "1990-04-03", "name": "Tomson"},
        {"email": "ada.l@acme.io", "born": "", "name": "Thompson"},
    ]
    types = {"email": FieldType.EMAIL, "born": FieldType.DATE, "name": FieldType.LAST_NAME}
    prepared = prepare(rows, types)
    result = compare(prepared, np.array([0, 0]), np.array([1, 2]))
    email, born, name = result.gamma.T
    assert email.tolist() == [3, 5]  # same mailbox, one at a free-mail provider; exact
    assert born.tolist() == [2, 0]  # day and month swapped; missing
    assert name.tolist() == [2, 4]  # sounds alike; exact


def test_tiny_inputs():
    types = {"email": FieldType.EMAIL}
    assert find_duplicates([], types).groups == []
    assert find_duplicates([{"email": "a@b.io"}], types).groups == []
