"""Every verdict of the engine against real DNS and SMTP servers on loopback."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest

from leadwise.core.cache import RedisCache
from leadwise.verification.engine import Verifier
from leadwise.verification.result import DESCRIPTIONS, Status, SubStatus
from tests.conftest import REDIS_URL
from tests.servers.socks import SocksProxyServer
from tests.verification.conftest import MailWorld

CONNECTED_IP = "127.0.0.2"  # mx-known.lwtest

# address -> (status, sub_status, SMTP code the verdict rests on, or None)
CASES = {
    "jane@known.lwtest": ("valid", "accepted", 250),
    "nobody@known.lwtest": ("invalid", "mailbox_not_found", 550),
    "info@known.lwtest": ("valid", "role", 250),
    "anyone@catchall.lwtest": ("accept_all", "catch_all", 250),
    "jane@full.lwtest": ("unknown", "mailbox_full", 552),
    "jane@full-temporary.lwtest": ("unknown", "mailbox_full", 452),
    "jane@blocklist.lwtest": ("unknown", "blocked", 554),
    "jane@busy.lwtest": ("unknown", "blocked", 421),
    "jane@busy-then-known.lwtest": ("valid", "accepted", 250),
    "jane@slow-banner.lwtest": ("valid", "accepted", 250),
    "jane@hangup.lwtest": ("unknown", "disconnected", None),
    "jane@tls.lwtest": ("valid", "accepted", 250),
    "nobody@tls.lwtest": ("invalid", "mailbox_not_found", 550),
    "nobody@yahoo-style.lwtest": ("invalid", "mailbox_not_found", 554),
    "nobody@bare-550.lwtest": ("invalid", "mailbox_not_found", 550),
    "jane@disabled.lwtest": ("invalid", "mailbox_disabled", 550),
    "jane@dead-primary.lwtest": ("valid", "accepted", 250),
    "jane@dead.lwtest": ("unknown", "timeout", None),
    "jane@refused.lwtest": ("unknown", "unreachable", None),
    "jane@refused-primary.lwtest": ("valid", "accepted", 250),
    "jane@a-only.lwtest": ("valid", "accepted", 250),
    "jane@null.lwtest": ("invalid", "null_mx", None),
    "jane@nomail.lwtest": ("invalid", "no_mx", None),
    "jane@dangling.lwtest": ("invalid", "no_mx", None),
    "jane@nowhere.lwtest": ("invalid", "no_domain", None),
    "jane@servfail.lwtest": ("unknown", "dns_error", None),
    "jane@silent-dns.lwtest": ("unknown", "dns_timeout", None),
    "jöe@utf8.lwtest": ("valid", "accepted", 250),
    "jöe@known.lwtest": ("unknown", "smtputf8_unsupported", None),
    "someone@mailinator.com": ("disposable", "disposable", None),
    "jane doe@known.lwtest": ("invalid", "invalid_syntax", None),
    "jane@": ("invalid", "invalid_syntax", None),
}


@pytest.fixture
async def verifier(mail_world: MailWorld):
    async with Verifier(mail_world.settings()) as engine:
        yield engine


@pytest.mark.parametrize(("email", "expected"), list(CASES.items()))
async def test_each_case_is_classified(verifier: Verifier, email: str, expected: tuple) -> None:
    status, sub_status, code = expected
    result = await verifier.verify(email)
    data = result.to_dict()
    assert (data["status"], data["sub_status"]) == (status, sub_status), data
    assert (data["smtp"] or {}).get("code") == code, data
    assert data["reason"].startswith(DESCRIPTIONS[SubStatus(sub_status)])
    assert 0 <= data["score"] <= 100
    if status == "invalid":
        assert data["score"] == 0


async def test_the_result_contract(verifier: Verifier) -> None:
    data = (await verifier.verify(" Jane@Known.LWTEST ")).to_dict()
    assert set(data) == {
        "email", "normalized", "status", "sub_status", "score", "reason", "suggestion",
        "is_disposable", "is_role", "is_free", "is_catch_all", "mx", "smtp", "checked_at",
        "duration_ms",
    }  # fmt: skip
    assert data["email"] == " Jane@Known.LWTEST "
    assert data["normalized"] == "Jane@known.lwtest"
    assert data["mx"] == [{"host": "mx-known.lwtest", "preference": 10}]
    assert data["smtp"] == {
        "host": "mx-known.lwtest",
        "code": 250,
        "enhanced": "2.1.5",
        "message": "2.1.5 OK",
    }
    assert data["is_catch_all"] is False
    assert data["score"] == 95
    assert data["checked_at"].endswith("+00:00")


async def test_flags_and_score_adjustments(verifier: Verifier) -> None:
    role = (await verifier.verify("sales@known.lwtest")).to_dict()
    assert (role["sub_status"], role["is_role"], role["score"]) == ("role", True, 85)
    free = (await verifier.verify("jane@gmail.com")).to_dict()
    assert (free["status"], free["is_free"], free["score"]) == ("valid", True, 95)
    implicit = (await verifier.verify("jane@a-only.lwtest")).to_dict()
    assert implicit["mx"] == [{"host": "a-only.lwtest", "preference": 0}]
    assert implicit["score"] == 85
    typo = (await verifier.verify("jane@gnail.com")).to_dict()
    assert typo["suggestion"] == "jane@gmail.com"
    assert typo["sub_status"] == "no_domain"
    # Typo domains are often registered by disposable-mail services, and listed as such.
    squatted = (await verifier.verify("Jane@GMIAL.com")).to_dict()
    assert (squatted["status"], squatted["suggestion"]) == ("disposable", "Jane@gmail.com")
    tld_typo = (await verifier.verify("jane@known.con")).to_dict()
    assert tld_typo["suggestion"] == "jane@known.com"
    catch_all = (await verifier.verify("x@catchall.lwtest")).to_dict()
    assert (catch_all["is_catch_all"], catch_all["score"]) == (True, 55)


async def test_disposable_domains_are_not_probed(mail_world: MailWorld) -> None:
    settings = mail_world.settings(
        extra_disposable_domains=["known.lwtest"], not_disposable_domains=["mailinator.com"]
    )
    before = mail_world.zones.queries[("known.lwtest", "MX")]
    async with Verifier(settings) as engine:
        listed = await engine.verify("jane@sub.known.lwtest")
        allowed = await engine.verify("jane@mailinator.com")
    assert listed.sub_status is SubStatus.DISPOSABLE
    assert listed.is_disposable
    assert mail_world.zones.queries[("known.lwtest", "MX")] == before
    assert not allowed.is_disposable


async def test_greylisting_is_retried_after_the_wait(mail_world: MailWorld) -> None:
    grey = mail_world.script("greylist")
    async with Verifier(mail_world.settings(greylist_retry_seconds=1.2)) as engine:
        first = await engine.verify("john@greylist.lwtest")
        assert (first.status, first.sub_status) == (Status.UNKNOWN, SubStatus.GREYLISTED)
        assert first.smtp is not None
        assert first.smtp.code == 451
        retry_at = await engine.retry_after(first)
        assert retry_at is not None
        assert retry_at > time.time()
        await asyncio.sleep(retry_at - time.time() + 0.1)
        second = await engine.verify("john@greylist.lwtest")
        made_up = await engine.verify("madeup-xyz@greylist.lwtest")
    # The made-up address of the catch-all check was greylisted alongside, so the retry can
    # tell that the domain rejects unknown mailboxes.
    assert (second.status, second.sub_status) == (Status.VALID, SubStatus.ACCEPTED), second
    assert second.is_catch_all is False
    assert made_up.sub_status is SubStatus.GREYLISTED
    assert grey.rcpts.count("john@greylist.lwtest") == 2


async def test_greylisting_on_every_mx_is_greylisted_not_invalid(verifier: Verifier) -> None:
    result = await verifier.verify("sales@grey-everywhere.lwtest")
    assert result.sub_status is SubStatus.GREYLISTED
    assert result.smtp is not None
    assert result.smtp.host == "mx-greylist-always.lwtest"


async def test_a_blocking_domain_is_paused(mail_world: MailWorld) -> None:
    blocklist = mail_world.script("blocklist")
    async with Verifier(mail_world.settings()) as engine:
        await engine.verify("jane@blocklist.lwtest")
        asked = len(blocklist.rcpts)
        again = await engine.verify("john@blocklist.lwtest")
    assert len(blocklist.rcpts) == asked
    assert again.sub_status is SubStatus.BLOCKED
    assert again.smtp is not None
    assert again.smtp.code == 554
    assert "not asked again until" in again.reason


async def test_private_mx_addresses_are_refused_unless_allowed(mail_world: MailWorld) -> None:
    known = mail_world.script("known")
    before = known.connections
    async with Verifier(mail_world.settings(allow_private_mx=False)) as engine:
        result = await engine.verify("jane@known.lwtest")
        preflight = await engine.preflight()
    assert result.sub_status is SubStatus.PRIVATE_MX
    assert result.status is Status.UNKNOWN
    assert "ALLOW_PRIVATE_MX" in result.reason
    assert known.connections == before
    assert not preflight.ok


async def test_the_probe_never_sends_data_and_uses_the_configured_names(
    mail_world: MailWorld, verifier: Verifier
) -> None:
    tls = mail_world.script("tls")
    await verifier.verify("john@tls.lwtest")
    assert tls.tls_sessions >= 1
    assert tls.helo[-1] == "probe.leadwise.lwtest"
    assert tls.mail_from[-1] == "verify@leadwise.lwtest"
    assert all(mail_world.hosts.scripts[ip].data_commands == 0 for ip in mail_world.hosts.scripts)


async def test_one_connection_serves_several_addresses(mail_world: MailWorld) -> None:
    known = mail_world.script("known")
    addresses = [f"{local}@known.lwtest" for local in ("jane", "john", "x1", "x2", "x3")]
    before_connections, before_rcpts = known.connections, len(known.rcpts)
    settings = mail_world.settings(per_mx_connections=1, max_rcpt_per_connection=20)
    async with Verifier(settings) as engine:
        results = await engine.verify_many(addresses)
    assert [r.sub_status.value for r in results] == [
        "accepted", "accepted", "mailbox_not_found", "mailbox_not_found", "mailbox_not_found",
    ]  # fmt: skip
    assert known.connections - before_connections == 1
    assert len(known.rcpts) - before_rcpts == 6  # five addresses and one made-up address


async def test_the_connection_limit_per_mx_opens_new_connections(mail_world: MailWorld) -> None:
    known = mail_world.script("known")
    before = known.connections
    settings = mail_world.settings(per_mx_connections=1, max_rcpt_per_connection=2)
    async with Verifier(settings) as engine:
        await engine.verify_many([f"u{i}@known.lwtest" for i in range(6)])
    assert known.connections - before == 3


async def test_per_mx_rate_limit_spaces_the_rcpts(mail_world: MailWorld) -> None:
    settings = mail_world.settings(per_mx_rate=10.0, per_mx_connections=2)
    started = time.monotonic()
    async with Verifier(settings) as engine:
        results = await engine.verify_many([f"r{i}@known.lwtest" for i in range(10)])
    elapsed = time.monotonic() - started
    assert all(r.sub_status is SubStatus.MAILBOX_NOT_FOUND for r in results)
    assert elapsed >= 0.9  # 10 RCPTs at 10 per second: the limit is not exceeded


async def test_results_come_back_in_input_order_with_progress(mail_world: MailWorld) -> None:
    emails = [
        "jane@known.lwtest",
        "bad",
        "x@catchall.lwtest",
        "jane@nowhere.lwtest",
        "john@tls.lwtest",
    ]
    seen: list[int] = []
    async with Verifier(mail_world.settings()) as engine:
        results = await engine.verify_many(emails, on_result=lambda i, _: seen.append(i))
    assert [r.email for r in results] == emails
    assert sorted(seen) == list(range(len(emails)))
    assert [r.status.value for r in results] == [
        "valid",
        "invalid",
        "accept_all",
        "invalid",
        "valid",
    ]


async def test_without_smtp_the_verdict_stops_at_the_domain(mail_world: MailWorld) -> None:
    known = mail_world.script("known")
    before = known.connections
    async with Verifier(mail_world.settings(smtp_enabled=False)) as engine:
        results = await engine.verify_many(["jane@known.lwtest", "jane@null.lwtest"])
    assert [r.sub_status.value for r in results] == ["smtp_skipped", "null_mx"]
    assert results[0].score == 50
    assert known.connections == before


async def test_dns_answers_are_cached_and_shared_between_concurrent_asks(
    mail_world: MailWorld,
) -> None:
    key = ("catchall.lwtest", "MX")
    before = mail_world.zones.queries[key]
    async with Verifier(mail_world.settings(smtp_enabled=False)) as engine:
        await asyncio.gather(*(engine.verify(f"u{i}@catchall.lwtest") for i in range(20)))
        await engine.verify_many([f"v{i}@catchall.lwtest" for i in range(20)])
    assert mail_world.zones.queries[key] - before == 1


async def test_the_preflight_reports_a_blocked_port_clearly(mail_world: MailWorld) -> None:
    async with Verifier(mail_world.settings()) as engine:
        ok = await engine.preflight()
    assert ok.ok, ok.message
    assert "mx-known.lwtest" in ok.message
    async with Verifier(mail_world.settings(preflight_domain="refused.lwtest")) as engine:
        blocked = await engine.preflight()
    assert not blocked.ok
    assert "looks blocked" in blocked.message
    assert "SOCKS_PROXY" in blocked.message


async def test_probes_can_go_through_a_socks5_proxy(mail_world: MailWorld) -> None:
    proxy = SocksProxyServer(username="probe", password="s3cret")
    await proxy.start()
    try:
        async with Verifier(mail_world.settings(socks_proxy=proxy.url)) as engine:
            result = await engine.verify("jane@known.lwtest")
            preflight = await engine.preflight()
        wrong = proxy.url.replace("s3cret", "wrong")
        async with Verifier(mail_world.settings(socks_proxy=wrong)) as engine:
            refused = await engine.verify("jane@known.lwtest")
    finally:
        await proxy.close()
    assert result.sub_status is SubStatus.ACCEPTED
    assert (CONNECTED_IP, mail_world.hosts.port) in proxy.connects
    assert preflight.ok
    assert "through socks5://" in preflight.message
    assert refused.sub_status is SubStatus.UNREACHABLE
    assert "username or password" in refused.reason


@pytest.mark.skipif(REDIS_URL is None, reason="LEADWISE_TEST_REDIS_URL is not set")
async def test_workers_share_routes_and_domain_state_through_redis(mail_world: MailWorld) -> None:
    assert REDIS_URL is not None
    prefix = f"lw:test:{uuid.uuid4().hex}:"
    blocklist = mail_world.script("blocklist")
    key = ("full.lwtest", "MX")
    before = mail_world.zones.queries[key]
    async with Verifier(mail_world.settings(), RedisCache(REDIS_URL, prefix)) as first:
        await first.verify("jane@blocklist.lwtest")
        await first.verify("jane@full.lwtest")
    asked = len(blocklist.rcpts)
    async with Verifier(mail_world.settings(), RedisCache(REDIS_URL, prefix)) as second:
        paused = await second.verify("john@blocklist.lwtest")
        full = await second.verify("john@full.lwtest")
    assert paused.sub_status is SubStatus.BLOCKED
    assert len(blocklist.rcpts) == asked
    assert full.sub_status is SubStatus.MAILBOX_FULL
    assert mail_world.zones.queries[key] - before == 1
