"""`leadwise crawl` as a user runs it: a real process against the loopback test site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.crawling.conftest import World


def crawl(cwd: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
    env.update({f"LEADWISE_CRAWL__{key.upper()}": value for key, value in settings.items()})
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "leadwise", "crawl", *args],
        capture_output=True, text=True, timeout=120, check=False, env=env, cwd=cwd,
    )  # fmt: skip


def test_json_report(world: World, tmp_path: Path) -> None:
    # The site answers on 127.0.0.1 by address (no name to resolve outside the test).
    url = f"http://127.0.0.1:{world.port}/"
    done = crawl(tmp_path, url, "--json", "--no-verify", "--max-pages", "6",
                 allowed_networks="127.0.0.1/32", delay_seconds="0")  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["company"]["name"]["value"] == "Acme Robotics GmbH"
    assert report["stats"]["pages_fetched"] == 6
    assert report["stats"]["stopped_by"] == "max_pages"
    names = {person["name"] for person in report["people"]}
    assert {"Anna Schmidt", "Tom Becker"} <= names
    emails = {fact["value"]: fact for fact in report["emails"]}
    assert emails["anna.schmidt@acme.lwtest"]["sources"][0]["method"] == "mailto"


def test_tables(world: World, tmp_path: Path) -> None:
    done = crawl(tmp_path, f"http://127.0.0.1:{world.port}/", "--no-verify", "--depth", "1",
                 allowed_networks="127.0.0.1/32", delay_seconds="0")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Acme Robotics GmbH" in done.stdout
    assert "email pattern: {first}.{last}@acme.lwtest" not in done.stdout  # site is 127.0.0.1
    assert "Anna Schmidt" in done.stdout
    assert "crawl: " in done.stdout


def test_bad_input_is_one_line_and_exit_1(world: World, tmp_path: Path) -> None:
    for target, message in (
        ("ftp://acme.lwtest/", "only http and https"),
        ("not a domain", "has no host name"),
        ("localhost:99999", "Port out of range"),
    ):
        done = crawl(tmp_path, target)
        assert done.returncode == 1, target
        assert message in done.stderr, done.stderr
    # The SSRF guard is on by default: a private address is refused, with the reason.
    done = crawl(tmp_path, f"http://127.0.0.1:{world.port}/", "--no-verify")
    assert done.returncode == 1
    assert "127.0.0.1" in done.stderr
    assert "not crawled" in done.stderr
    assert done.stdout == ""
