"""The pure parts: URLs, the address policy, emails, phones, profiles, robots.txt, patterns."""

from __future__ import annotations

import ipaddress

import pytest
from selectolax.lexbor import LexborHTMLParser

from leadwise.crawling.contacts import parse_phone, social_profile
from leadwise.crawling.emails import clean_email, decode_cfemail, find_emails, is_role_address
from leadwise.crawling.finder import candidates, infer_pattern, locals_for
from leadwise.crawling.guard import AddressPolicy, is_public
from leadwise.crawling.people import clean_name, split_name
from leadwise.crawling.robots import RobotsRules, parse_sitemap
from leadwise.crawling.structured import read_structured
from leadwise.crawling.urls import BadUrl, canonicalize, priority, site_of, skip_reason, start_url


def test_canonical_urls() -> None:
    assert canonicalize("HTTP://WWW.Acme.COM:80/a//b/?utm_source=x&b=2&a=1#top") == (
        "http://www.acme.com/a/b/?a=1&b=2"
    )
    assert canonicalize("/x;jsessionid=ABC?PHPSESSID=1", base="https://acme.com/") == (
        "https://acme.com/x"
    )
    assert canonicalize("mailto:a@b.com") is None
    assert site_of("jobs.acme.co.uk") == "acme.co.uk"
    assert start_url("acme.com") == "https://acme.com/"
    for bad in ("ftp://acme.com", "", "http://", "acme"):
        with pytest.raises(BadUrl):
            start_url(bad)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://a.com/files/report.PDF", "not a page"),
        ("https://a.com/events/2024/05/", "calendar"),
        ("https://a.com/blog/2023/04/12/post", "calendar"),
        ("https://a.com/shop?sort=price", "faceted"),
        ("https://a.com/shop?a=1&b=2&c=3&d=4", "faceted"),
        ("https://a.com/blog?page=40", "paginated"),
        ("https://a.com/a/b/a/b/a/b", "repeating path"),
        ("https://a.com/team/", None),
    ],
)
def test_skip_reasons(url: str, reason: str | None) -> None:
    assert skip_reason(url) == reason


def test_priorities_in_several_languages() -> None:
    for path in ("/kontakt", "/impressum", "/equipo", "/our-team", "/mentions-legales"):
        assert priority("https://a.com" + path) == 100, path
    assert priority("https://a.com/ueber-uns") == 80
    assert priority("https://a.com/karriere") == 50
    assert priority("https://a.com/x", "Unser Team") == 100
    assert priority("https://a.com/blog/post") == 0


@pytest.mark.parametrize(
    ("address", "public"),
    [("93.184.216.34", True), ("10.1.2.3", False), ("172.16.0.1", False),
     ("192.168.1.1", False), ("127.0.0.1", False), ("169.254.169.254", False),
     ("100.100.100.200", False), ("0.0.0.0", False), ("224.0.0.1", False),
     ("::1", False), ("fe80::1", False), ("fd00:ec2::254", False), ("::ffff:127.0.0.1", False),
     ("::ffff:93.184.216.34", True), ("2002:7f00:1::", False), ("2606:4700::1111", True)],
)  # fmt: skip
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_allowed_networks() -> None:
    policy = AddressPolicy(allowed_networks=["127.0.0.1/32"])
    assert policy.permits("127.0.0.1")
    assert not policy.permits("127.0.0.2")
    assert AddressPolicy(allow_private=True).permits("10.0.0.1")


def test_emails_from_markup() -> None:
    html = (
        '<a href="mailto:Jane.Roe@Acme.COM?subject=Hi">x</a> <img src="logo@2x.png">'
        "<p>bob [at] acme [dot] com, eve(at)acme.com, ann at acme dot com, meet at noon</p>"
        "<p>lodash@4.17.21 you@example.com 0123456789abcdef0123@o1.ingest.sentry.io</p>"
        "<p>&#106;&#111;&#101;&#64;acme.com</p>"
    )
    tree = LexborHTMLParser(html)
    found = {e.address: e.method for e in find_emails(tree, tree.body.text(separator="\n"))}
    assert found == {
        "Jane.Roe@acme.com": "mailto", "bob@acme.com": "obfuscated",
        "eve@acme.com": "obfuscated", "ann@acme.com": "obfuscated", "joe@acme.com": "text",
    }  # fmt: skip
    assert decode_cfemail("4b272e252a653d242c2e270b2a28262e65273c3f2e383f") == (
        "lena.vogel@acme.lwtest"
    )
    assert decode_cfemail("zz") is None
    assert clean_email("icon@3x.webp") is None
    assert is_role_address("info@acme.com")
    assert is_role_address("Kontakt@acme.de")
    assert not is_role_address("jane.roe@acme.com")


def test_phones_and_profiles() -> None:
    assert parse_phone("+49 (0) 30 1234567", None) == ("+49301234567", "+49 30 1234567")
    assert parse_phone("030 1234567", "DE") == ("+49301234567", "+49 30 1234567")
    assert parse_phone("030 1234567", None) is None  # no region: only international numbers
    assert parse_phone("12345", "DE") is None
    profile = social_profile("https://de.linkedin.com/in/jane-roe/?trk=x")
    assert profile is not None
    assert (profile.network, profile.url, profile.personal) == (
        "linkedin", "https://www.linkedin.com/in/jane-roe", True,
    )  # fmt: skip
    decoys = [
        "https://twitter.com/intent/tweet?text=x",
        "https://www.facebook.com/sharer.php",
        "https://www.linkedin.com/shareArticle?url=x",
        "https://instagram.com/p/abc",
    ]
    for decoy in decoys:
        assert social_profile(decoy) is None, decoy


def test_names() -> None:
    assert clean_name("Prof. Dr. Anna-Lena van der Berg MBA") == "Anna-Lena van der Berg"
    assert split_name("Anna-Lena van der Berg") == ("Anna-Lena", "van der Berg")
    for not_a_name in ("Our Team", "Contact us", "Head of Sales", "Berlin 2024", "Read More"):
        assert clean_name(not_a_name) is None


def test_robots_and_sitemaps() -> None:
    rules = RobotsRules.from_response(200, "User-agent: *\nDisallow: /x/\nCrawl-delay: 2\n")
    assert not rules.allows("https://a.com/x/y", "LeadwiseBot")
    assert rules.allows("https://a.com/y", "LeadwiseBot")
    assert rules.crawl_delay("LeadwiseBot") == 2.0
    assert not RobotsRules.from_response(503, "").allows("https://a.com/", "LeadwiseBot")
    assert RobotsRules.from_response(404, "").allows("https://a.com/", "LeadwiseBot")
    index = parse_sitemap(b"<sitemapindex><sitemap><loc>https://a.com/s1.xml</loc></sitemap>"
                          b"</sitemapindex>", limit=10)  # fmt: skip
    assert index.children == ["https://a.com/s1.xml"]
    broken = parse_sitemap(
        b"<urlset><url><loc>https://a.com/a?x=1&amp;y=2</loc><url><loc>", limit=9
    )
    assert broken.pages == ["https://a.com/a?x=1&y=2"]


def test_malformed_json_ld_does_not_hide_the_other_blocks() -> None:
    html = (
        '<script type="application/ld+json">{"@type": "Organization", "name": "A",}</script>'
        '<script type="application/ld+json">{not json</script>'
        '<script type="application/ld+json">// note\n{"@type": "Person", "name": "B C"}</script>'
    )
    data = read_structured(LexborHTMLParser(html), html, "https://a.com/")
    assert [sorted(node.types) for node in data.nodes] == [["Organization"], ["Person"]]
    assert data.malformed_blocks == 1


def test_patterns() -> None:
    assert locals_for("{f}{last}", "Jörg", "Müller") == ["jmueller", "jmuller"]
    guess = infer_pattern([("a.b", "Ann", "Bee"), ("x.y", "Cy", "Dee")])
    assert guess.pattern is None  # no pair spells its name
    guess = infer_pattern(
        [("ann.bee", "Ann", "Bee"), ("cy.dee", "Cy", "Dee"), ("eve", "Eve", "Fox")]
    )
    assert guess.pattern == "{first}.{last}"
    assert round(guess.confidence, 2) == 0.6  # (2 + 1) / (3 + 2)
    assert candidates("Gil", "Ho", guess, "x.com")[:2] == [
        ("gil.ho@x.com", "{first}.{last}"), ("gil@x.com", "{first}"),
    ]  # fmt: skip
