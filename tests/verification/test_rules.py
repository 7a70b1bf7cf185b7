"""The offline rules: syntax (the lead normaliser's fast path, checked against email-validator
with the import tests' generator), reply classification, typo suggestions and lists."""

from __future__ import annotations

import re

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings

from leadwise.config import SettingsError, load_settings
from leadwise.verification.classify import RETRY_FRESH, classify_rcpt, is_about_us
from leadwise.verification.lists import DomainLists
from leadwise.verification.result import SubStatus
from leadwise.verification.smtp_client import _ENHANCED, Reply
from leadwise.verification.syntax import InvalidAddress, parse_address
from leadwise.verification.typos import suggest_domain
from tests.import_export.test_import_rows import ADDRESSES, _slow_email


@settings(max_examples=2000, deadline=None)
@given(ADDRESSES)
def test_syntax_verdicts_and_ascii_domains_agree_with_email_validator(text: str) -> None:
    try:
        expected = _slow_email(text)
        ascii_domain = validate_email(text.strip(), check_deliverability=False).ascii_domain
    except EmailNotValidError:
        with pytest.raises(InvalidAddress):
            parse_address(text)
        return
    address = parse_address(text)
    assert address.normalized == expected
    assert address.ascii_domain == ascii_domain.lower()


@pytest.mark.parametrize(
    "text", ["Info@Acme.com", "POSTMASTER@acme.com", "Sales+x@acme.com", "WWW@acme.com"]
)
def test_rfc_2142_mailboxes_are_lower_cased_as_email_validator_does(text: str) -> None:
    assert parse_address(text).normalized == _slow_email(text)


def test_idn_addresses_keep_unicode_and_get_punycode_for_dns() -> None:
    address = parse_address("Jöe@Bücher.DE")
    assert address.normalized == "Jöe@bücher.de"
    assert address.ascii_domain == "xn--bcher-kva.de"
    assert address.smtp_address == "Jöe@xn--bcher-kva.de"


def _reply(line: str) -> Reply:
    code, _, text = line.partition(" ")
    match = _ENHANCED.match(text)
    return Reply(int(code), ".".join(match.groups()) if match else None, text)


@pytest.mark.parametrize(
    ("line", "verdict"),
    [
        ("250 2.1.5 OK", SubStatus.ACCEPTED),
        ("251 User not local; will forward", SubStatus.ACCEPTED),
        ("550 5.1.1 The account does not exist", SubStatus.MAILBOX_NOT_FOUND),
        ("550 5.1.10 RESOLVER.ADR.RecipientNotFound", SubStatus.MAILBOX_NOT_FOUND),
        ("553 5.1.3 Bad recipient address syntax", SubStatus.MAILBOX_NOT_FOUND),
        ("551 5.1.6 Mailbox moved", SubStatus.MAILBOX_NOT_FOUND),
        ("554 delivery error: This user doesn't have a y.com account", SubStatus.MAILBOX_NOT_FOUND),
        ("550 No such user here", SubStatus.MAILBOX_NOT_FOUND),
        ("550 Requested action not taken: mailbox unavailable", SubStatus.MAILBOX_NOT_FOUND),
        ("550 5.2.1 The account is disabled", SubStatus.MAILBOX_DISABLED),
        ("552 5.2.2 Mailbox full", SubStatus.MAILBOX_FULL),
        ("452 4.2.2 Over quota", SubStatus.MAILBOX_FULL),
        ("452 Insufficient system storage", SubStatus.MAILBOX_FULL),
        ("450 4.2.0 Recipient address rejected: Greylisted", SubStatus.GREYLISTED),
        ("451 4.7.1 Please try again later", SubStatus.GREYLISTED),
        ("450 4.1.1 Recipient address rejected: unverified address", SubStatus.GREYLISTED),
        ("451 Temporary local problem", SubStatus.GREYLISTED),
        ("421 4.7.0 Too many connections", SubStatus.BLOCKED),
        ("554 5.7.1 Client host blocked using zen.spamhaus.org", SubStatus.BLOCKED),
        ("550 5.7.606 Access denied, banned sending IP", SubStatus.BLOCKED),
        ("550 5.7.1 Relaying denied", SubStatus.BLOCKED),
        ("554 Transaction failed", SubStatus.BLOCKED),
        ("550 Access denied - Invalid HELO name", SubStatus.BLOCKED),
        ("550 5.1.8 Sender address rejected: Domain not found", SubStatus.BLOCKED),
        ("450 4.1.8 Sender address rejected: Domain not found", SubStatus.BLOCKED),
        ("550 Administrative prohibition", SubStatus.REJECTED),
        ("454 4.3.0 Temporary error", SubStatus.TEMPORARY_FAILURE),
        ("452 4.5.3 Too many recipients", RETRY_FRESH),
    ],
)  # fmt: skip
def test_replies_are_classified_by_code_and_enhanced_code(line: str, verdict: object) -> None:
    assert classify_rcpt(_reply(line)) == verdict


def test_greylisting_and_policy_refusals_are_never_invalid() -> None:
    for code in (421, 450, 451, 452, 454, 554):
        for text in ("", "4.7.1 go away", "user unknown please retry"):
            verdict = classify_rcpt(Reply(code, None, text))
            if code == 554 and "unknown" in text:
                continue  # a bare 554 that says "no such user" is the one exception
            assert verdict not in (SubStatus.MAILBOX_NOT_FOUND, SubStatus.MAILBOX_DISABLED)


def test_refusals_of_the_client_pause_the_domain() -> None:
    assert is_about_us(_reply("554 5.7.1 Client host blocked using zen.spamhaus.org"))
    assert is_about_us(_reply("421 4.7.0 Too many connections"))
    assert not is_about_us(_reply("550 5.7.1 Recipient does not accept mail from outside"))


@pytest.mark.parametrize(
    ("domain", "suggestion"),
    [
        ("gmial.com", "gmail.com"), ("gmail.con", "gmail.com"), ("gmail.co", "gmail.com"),
        ("hotmial.com", "hotmail.com"), ("outlok.com", "outlook.com"), ("yahooo.com", "yahoo.com"),
        ("hotmial.co.uk", "hotmail.co.uk"), ("t-onlin.de", "t-online.de"), ("acme.con", "acme.com"),
        ("gmx.dee", "gmx.de"), ("gmail.com", None), ("acme.com", None), ("aon.com", None),
        ("love.com", None), ("poster.com", None), ("mail.gmial.com", None), ("acme.co", None),
    ],
)  # fmt: skip
def test_typo_suggestions_are_conservative(domain: str, suggestion: str | None) -> None:
    assert suggest_domain(domain) == suggestion


def test_lists() -> None:
    lists = DomainLists(extra_disposable=["Burner.Example"], not_disposable=["10minutemail.com"])
    assert lists.is_disposable("mailinator.com")
    assert lists.is_disposable("inbox.mailinator.com")
    assert lists.is_disposable("burner.example")
    assert not lists.is_disposable("10minutemail.com")
    assert not lists.is_disposable("acme.com")
    assert lists.is_role("Info")
    assert lists.is_role("sales+leads")
    assert not lists.is_role("jane.doe")
    assert lists.is_free("gmail.com")
    assert not lists.is_free("acme.com")


def test_verify_settings_name_the_bad_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADWISE_VERIFY__DNS_SERVERS", "127.0.0.1:5353, [::1]:53")
    monkeypatch.setenv("LEADWISE_VERIFY__SOCKS_PROXY", "socks5://u:p@127.0.0.1:1080")
    monkeypatch.setenv("LEADWISE_VERIFY__MAIL_FROM", "<probe@example.com>")
    current = load_settings().verify
    assert current.dns_servers == ["127.0.0.1:5353", "[::1]:53"]
    assert current.mail_from == "probe@example.com"
    for name, value, words in [
        ("DNS_SERVERS", "127.0.0.1:99999", "is not host[:port]"),
        ("SOCKS_PROXY", "http://proxy:8080", "expected socks5://"),
        ("MAIL_FROM", "not an address", "is not an email address"),
        ("PER_MX_CONNECTIONS", "0", "greater than or equal to 1"),
    ]:
        monkeypatch.setenv(f"LEADWISE_VERIFY__{name}", value)
        with pytest.raises(SettingsError, match=re.escape(f"LEADWISE_VERIFY__{name}: ")) as error:
            load_settings()
        assert words in str(error.value)
        monkeypatch.delenv(f"LEADWISE_VERIFY__{name}")
