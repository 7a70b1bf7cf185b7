"""`leadwise dedupe` beside Splink 4 (DuckDB) on one generated file, measured in the same run:
precision, recall and F1 of the pairs each finds at p >= 0.9, wall time, peak memory, candidate
pairs and pair completeness (the share of true pairs that blocking lets through).

    make bench-dedupe                                   # 1,000,000 rows (installs splink)
    .venv/bin/python bench/splink_compare.py 200000     # rows; 10% of them typo duplicates

One CSV file comes from tests/dedupe/synthetic.py (seed 2026). Each tool runs in its own
subprocess, from reading that file to writing its pairs and clusters, and is timed there; its
peak memory is the subprocess's ru_maxrss (os.wait4). Ours is the CLI:

    leadwise dedupe leads.csv -o pairs.csv --clusters clusters.csv --region DE

Splink gets the model a Splink user would build for these columns, close to ours: the same
normalising (lower case without accents, E.164-like phones read in Germany when national,
companies without legal forms, metaphone codes of the names), the same blocking idea (exact
email; exact phone; surname sound with the postcode, the company or the work email domain;
first-name sound with the company or with the surname sound; Splink has no sorted
neighbourhood and no windows, so it compares every pair within a key), its out-of-the-box
comparisons (forename/surname with swaps and term frequencies, Jaro-Winkler levels for the
company, exact city with term frequencies), email, phone and postcode levels like ours (exact,
Levenshtein <= 2, same username; `--splink-email stock` takes its EmailComparison), u from
one million random pairs, m by EM on the name-sound, email and phone rules, and the
probability that two random records match from exact email or phone with an assumed recall
of 0.8. Pair completeness of both comes afterwards, untimed, from the same blocking rules.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THRESHOLD = 0.9

SPLINK_BLOCKING = [
    ("email",),
    ("phone",),
    ("surname_mp", "postcode"),
    ("surname_mp", "company"),
    ("surname_mp", "work_domain"),
    ("first_mp", "company"),
    ("first_mp", "surname_mp"),
]


def measured(command: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak resident MiB and stdout of a subprocess."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[:4]} failed with {os.waitstatus_to_exitcode(status)}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, output


def scores(pairs: Path, person: dict[str, int], true_pairs: int) -> tuple[int, float, float]:
    """(pairs found, precision, recall) of a CSV whose first two columns are record ids."""
    found = hits = 0
    seen: set[tuple[str, str]] = set()
    with pairs.open(newline="", encoding="utf-8") as rows:
        reader = csv.reader(rows)
        next(reader)
        for row in reader:
            a, b = sorted(row[:2])
            if (a, b) in seen:
                continue
            seen.add((a, b))
            found += 1
            hits += person[a] == person[b]
    return found, hits / max(1, found), hits / max(1, true_pairs)


def our_blocking(source: Path, person: dict[str, int], true_pairs: int) -> list[list[str]]:
    """Candidate pairs and pair completeness of our blocking, per rule and in all."""
    import numpy as np

    from leadwise.dedupe import blocking
    from leadwise.dedupe.fields import map_columns
    from leadwise.dedupe.prepare import prepare
    from leadwise.import_export.dedupe_file import read_rows

    columns, rows, _ = read_rows(source)
    types = map_columns(columns)
    id_column = next(c for c, kind in types.items() if kind.value == "id")
    prepared = prepare(rows, types, id_column=id_column, default_region="DE")
    del rows
    who = np.array([person[i] for i in prepared.ids.tolist()])
    n = len(prepared)
    found = blocking.rules(prepared)
    table = []
    for rule in found:
        same = who[rule.left] == who[rule.right]
        true = len(np.unique(blocking.pair_codes(n, rule.left[same], rule.right[same])))
        table.append([rule.name, f"{len(rule.left):,}", f"{true / true_pairs:.4f}"])
    left, right = blocking.candidate_pairs(prepared, found)
    completeness = int((who[left] == who[right]).sum()) / true_pairs
    table.append(["all (distinct pairs)", f"{len(left):,}", f"{completeness:.4f}"])
    return table


def splink_features(source: Path):  # type: ignore[no-untyped-def]
    """The file as a pandas frame with the columns Splink's model uses."""
    import duckdb
    import jellyfish

    from leadwise.companies.domains import FREE_MAIL_DOMAINS

    connection = duckdb.connect()
    frame = connection.sql(
        f"select * from read_csv('{source}', all_varchar = true, header = true)"
    ).df()

    def folded(column: str):  # type: ignore[no-untyped-def]
        text = frame[column].fillna("").str.normalize("NFKD")
        text = text.str.encode("ascii", "ignore").str.decode("ascii").str.lower().str.strip()
        return text.mask(text == "")

    def sound(column: str):  # type: ignore[no-untyped-def]
        codes = {v: jellyfish.metaphone(v) for v in frame[column].dropna().unique()}
        return frame[column].map(codes)

    frame["first_name"], frame["last_name"] = folded("first_name"), folded("last_name")
    frame["full_name"] = frame["first_name"] + " " + frame["last_name"]
    frame["first_mp"], frame["surname_mp"] = sound("first_name"), sound("last_name")
    frame["email"] = folded("email")
    domain = frame["email"].str.split("@").str[-1]
    frame["work_domain"] = domain.mask(domain.isin(FREE_MAIL_DOMAINS))
    digits = frame["phone"].fillna("").str.replace(r"\D", "", regex=True)
    national = frame["phone"].fillna("").str.match(r"\s*0[1-9]")
    digits = digits.mask(national, "49" + digits.str[1:])
    frame["phone"] = digits.mask(digits.str.len() < 6)
    company = folded("company").str.replace(
        r"\b(inc|ltd|gmbh|ag|sa|sas|bv|srl|llc|plc)\b\.?", "", regex=True
    )
    frame["company"] = company.str.strip().mask(company.str.strip() == "")
    frame["city"] = folded("city")
    frame["postcode"] = frame["postcode"].str.replace(r"[\s-]", "", regex=True).str.upper()
    frame["postcode"] = frame["postcode"].mask(frame["postcode"] == "")
    return frame


def run_splink(source: Path, pairs: Path, clusters: Path, email_levels: str) -> None:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = splink_features(source)
    email = cl.CustomComparison(
        [
            cll.NullLevel("email"),
            cll.ExactMatchLevel("email").configure(tf_adjustment_column="email"),
            cll.LevenshteinLevel("email", 2),
            cll.CustomLevel(
                "regexp_extract(email_l, '^[^@]+') = regexp_extract(email_r, '^[^@]+')",
                "same username",
            ),
            cll.ElseLevel(),
        ],
        output_column_name="email",
    )
    if email_levels == "stock":
        email = cl.EmailComparison("email")
    phone = cl.CustomComparison(
        [
            cll.NullLevel("phone"),
            cll.ExactMatchLevel("phone"),
            cll.CustomLevel("right(phone_l, 7) = right(phone_r, 7)", "same last 7 digits"),
            cll.ElseLevel(),
        ],
        output_column_name="phone",
    )
    postcode = cl.CustomComparison(
        [
            cll.NullLevel("postcode"),
            cll.ExactMatchLevel("postcode"),
            cll.CustomLevel("left(postcode_l, 3) = left(postcode_r, 3)", "same first 3"),
            cll.ElseLevel(),
        ],
        output_column_name="postcode",
    )
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="id",
        blocking_rules_to_generate_predictions=[block_on(*key) for key in SPLINK_BLOCKING],
        comparisons=[
            cl.ForenameSurnameComparison(
                "first_name", "last_name", forename_surname_concat_col_name="full_name"
            ),
            email,
            phone,
            cl.JaroWinklerAtThresholds("company", [0.94, 0.85]).configure(
                term_frequency_adjustments=True
            ),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            postcode,
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )
    linker = Linker(frame, settings, db_api=DuckDBAPI())
    linker.training.estimate_probability_two_random_records_match(
        [block_on("email"), block_on("phone")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=7)
    for rule in (("first_mp", "surname_mp"), ("email",), ("phone",)):
        linker.training.estimate_parameters_using_expectation_maximisation(block_on(*rule))
    predictions = linker.inference.predict(threshold_match_probability=THRESHOLD)
    groups = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, THRESHOLD)
    found = predictions.as_pandas_dataframe()
    found[["id_l", "id_r", "match_probability"]].to_csv(pairs, index=False)
    groups.as_pandas_dataframe()[["cluster_id", "id"]].to_csv(clusters, index=False)
    print(f"{len(found)} pairs")


def splink_blocking(source: Path, truth: Path) -> None:
    """Candidate pairs and pair completeness of Splink's blocking rules (DuckDB, untimed)."""
    import duckdb

    frame = splink_features(source)  # noqa: F841 - read by DuckDB by name
    connection = duckdb.connect()
    connection.execute("create table leads as select * from frame")
    connection.execute(f"create table truth as select * from read_csv('{truth}', header = true)")
    joins = [
        "select l.id as a, r.id as b from leads l join leads r on l.id < r.id and "
        + " and ".join(f"l.{c} = r.{c}" for c in key)
        for key in SPLINK_BLOCKING
    ]
    connection.execute("create table pairs as " + " union ".join(joins))
    total, true = connection.execute(
        "select count(*), count(*) filter (where ta.person = tb.person) from pairs "
        "join truth ta on ta.id = pairs.a join truth tb on tb.id = pairs.b"
    ).fetchone()
    print(f"{total} {true}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--duplicates", type=float, default=0.1)
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "out" / "dedupe")
    parser.add_argument(
        "--splink-email",
        choices=["levels", "stock"],
        default="levels",
        help="Splink's email levels: exact, Levenshtein <= 2, same username (like ours), or "
        "its out-of-the-box EmailComparison (Jaro-Winkler on the address and the username)",
    )
    parser.add_argument("--run-splink", nargs=3, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--splink-blocking", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # the generator lives with the tests
    if args.run_splink:
        run_splink(*args.run_splink, args.splink_email)
        return
    if args.splink_blocking:
        splink_blocking(*args.splink_blocking)
        return
    from tests.dedupe.synthetic import COLUMNS, generate

    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    source, truth = work / f"leads-{args.rows}.csv", work / f"truth-{args.rows}.csv"
    data = generate(args.rows, args.duplicates, seed=2026)
    with source.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        writer.writerows(data.rows)
    with truth.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([("id", "person"), *data.entity.items()])
    person = data.entity
    sizes: dict[int, int] = {}
    for who in person.values():
        sizes[who] = sizes.get(who, 0) + 1
    true_pairs = sum(size * (size - 1) // 2 for size in sizes.values())
    del data

    results = []
    ours = [sys.executable, "-m", "leadwise", "dedupe", str(source), "--region", "DE"]
    ours += ["-o", str(work / "ours-pairs.csv"), "--clusters", str(work / "ours-clusters.csv")]
    splink = [sys.executable, __file__, "--run-splink", str(source)]
    splink += [str(work / "splink-pairs.csv"), str(work / "splink-clusters.csv")]
    splink += ["--splink-email", args.splink_email]
    for name, command, pairs in (
        ("leadwise dedupe", ours, work / "ours-pairs.csv"),
        ("Splink 4 + DuckDB", splink, work / "splink-pairs.csv"),
    ):
        load = os.getloadavg()[0]
        elapsed, cpu, peak, _ = measured(command)
        found, precision, recall = scores(pairs, person, true_pairs)
        f1 = 2 * precision * recall / max(1e-12, precision + recall)
        results.append([name, found, precision, recall, f1, elapsed, cpu, peak, load])
        print(f"{name}: {elapsed:.1f} s, {peak:,.0f} MiB", file=sys.stderr)

    rules = our_blocking(source, person, true_pairs)
    output = measured([sys.executable, __file__, "--splink-blocking", str(source), str(truth)])[-1]
    splink_total, splink_true = (int(v) for v in output.split()[-2:])
    candidates = [rules[-1][1:], [f"{splink_total:,}", f"{splink_true / true_pairs:.4f}"]]

    print(
        f"{args.rows:,} rows, {true_pairs:,} true pairs, threshold {THRESHOLD}, "
        f"Splink email levels: {args.splink_email}\n"
    )
    print(
        "| tool | pairs found | precision | recall | F1 | time | CPU | peak memory "
        "| candidate pairs | pair completeness | load before |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (name, found, precision, recall, f1, elapsed, cpu, peak, load), blocked in zip(
        results, candidates, strict=True
    ):
        print(
            f"| {name} | {found:,} | {precision:.4f} | {recall:.4f} | {f1:.4f} "
            f"| {elapsed:.1f} s | {cpu:.1f} s | {peak:,.0f} MiB | {blocked[0]} | {blocked[1]} "
            f"| {load:.1f} |"
        )
    print("\nOur blocking rules:\n\n| rule | pairs | pair completeness |\n|---|---:|---:|")
    for row in rules:
        print(f"| {' | '.join(row)} |")


if __name__ == "__main__":
    main()
