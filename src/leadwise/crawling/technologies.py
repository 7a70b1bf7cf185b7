"""Technologies a site uses, from a fingerprint table: response headers, the meta generator,
script sources, cookie names and a few tell-tale strings in the HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from leadwise.crawling.facts import Method


@dataclass(frozen=True)
class Fingerprint:
    name: str
    category: str  # cms, analytics, crm, marketing, chat, ecommerce, ...
    headers: dict[str, str] = field(default_factory=dict)  # header -> regex on its value
    generator: str | None = None  # regex on <meta name="generator">
    scripts: tuple[str, ...] = ()  # substrings of script src URLs
    cookies: tuple[str, ...] = ()  # cookie name prefixes
    html: tuple[str, ...] = ()  # substrings of the page


def _f(name: str, category: str, **kwargs: object) -> Fingerprint:
    return Fingerprint(name, category, **kwargs)  # type: ignore[arg-type]


FINGERPRINTS: tuple[Fingerprint, ...] = (
    # CMS and site builders
    _f("WordPress", "cms", generator=r"^WordPress", scripts=("/wp-content/", "/wp-includes/"),
       html=("/wp-content/", "/wp-json/")),
    _f("Drupal", "cms", generator=r"^Drupal", headers={"x-generator": r"Drupal",
       "x-drupal-cache": r"."}, html=("drupal-settings-json", "/sites/default/files/")),
    _f("Joomla", "cms", generator=r"^Joomla"),
    _f("TYPO3", "cms", generator=r"^TYPO3", html=("/typo3conf/", "/typo3temp/")),
    _f("Wix", "cms", generator=r"^Wix", headers={"x-wix-request-id": r"."},
       scripts=("static.parastorage.com",)),
    _f("Squarespace", "cms", generator=r"Squarespace", scripts=("static1.squarespace.com",),
       html=("static1.squarespace.com",)),
    _f("Webflow", "cms", generator=r"^Webflow", html=("data-wf-page", "data-wf-site")),
    _f("Ghost", "cms", generator=r"^Ghost"),
    _f("HubSpot CMS", "cms", headers={"x-hs-hub-id": r"."}, generator=r"HubSpot"),
    _f("Contentful", "cms", html=("images.ctfassets.net",)),
    # e-commerce
    _f("Shopify", "ecommerce", headers={"x-shopid": r".", "x-shopify-stage": r"."},
       scripts=("cdn.shopify.com",), cookies=("_shopify_",)),
    _f("WooCommerce", "ecommerce", html=("woocommerce",), scripts=("/plugins/woocommerce/",)),
    _f("Magento", "ecommerce", cookies=("frontend", "mage-"), html=("Magento_", "mage/cookies")),
    _f("PrestaShop", "ecommerce", generator=r"PrestaShop", cookies=("PrestaShop-",)),
    _f("Shopware", "ecommerce", generator=r"Shopware", cookies=("sw-states", "session-")),
    _f("BigCommerce", "ecommerce", scripts=("cdn11.bigcommerce.com",)),
    _f("Stripe", "payments", scripts=("js.stripe.com",)),
    _f("PayPal", "payments", scripts=("paypal.com/sdk", "paypalobjects.com")),
    # analytics and tags
    _f("Google Analytics", "analytics",
       scripts=("google-analytics.com/analytics.js", "googletagmanager.com/gtag/js"),
       cookies=("_ga",), html=("gtag('config'", "ga('create'")),
    _f("Google Tag Manager", "tag-manager", scripts=("googletagmanager.com/gtm.js",),
       html=("googletagmanager.com/gtm.js", "GTM-")),
    _f("Matomo", "analytics", scripts=("matomo.js", "piwik.js"), cookies=("_pk_id",),
       html=("_paq.push",)),
    _f("Plausible", "analytics", scripts=("plausible.io/js",)),
    _f("Hotjar", "analytics", scripts=("static.hotjar.com",), html=("hotjar.com",)),
    _f("Segment", "analytics", scripts=("cdn.segment.com",)),
    _f("Mixpanel", "analytics", scripts=("cdn.mxpnl.com", "mixpanel"), html=("mixpanel.init",)),
    _f("Microsoft Clarity", "analytics", html=("clarity.ms/tag",)),
    _f("Meta Pixel", "advertising", scripts=("connect.facebook.net",), html=("fbq('init'",)),
    _f("LinkedIn Insight", "advertising", scripts=("snap.licdn.com",),
       html=("_linkedin_partner_id",)),
    # CRM and marketing automation
    _f("HubSpot", "crm", scripts=("js.hs-scripts.com", "js.hsforms.net", "js.hs-analytics.net"),
       cookies=("hubspotutk", "__hstc")),
    _f("Salesforce Pardot", "crm", scripts=("pi.pardot.com", "pardot.com/pd.js"),
       html=("piAId",)),
    _f("Marketo", "crm", scripts=("munchkin.marketo.net",), html=("Munchkin.init",)),
    _f("Salesforce", "crm", html=("force.com/", "salesforce.com/servlet")),
    _f("Zoho", "crm", scripts=("zoho.com", "zohopublic"), html=("salesiq.zoho",)),
    _f("Pipedrive", "crm", scripts=("pipedriveassets.com", "leadbooster-chat.pipedrive.com")),
    _f("ActiveCampaign", "marketing", scripts=("trackcmp.net",), html=("activehosted.com",)),
    _f("Mailchimp", "marketing", scripts=("chimpstatic.com",), html=("list-manage.com",)),
    _f("Klaviyo", "marketing", scripts=("static.klaviyo.com",)),
    _f("Brevo", "marketing", scripts=("sibautomation.com", "brevo.com"), html=("sibforms",)),
    # chat
    _f("Intercom", "chat", scripts=("widget.intercom.io", "js.intercomcdn.com"),
       html=("intercomSettings",)),
    _f("Drift", "chat", scripts=("js.driftt.com",)),
    _f("Zendesk", "chat", scripts=("static.zdassets.com",), html=("zdassets.com",)),
    _f("LiveChat", "chat", scripts=("cdn.livechatinc.com",)),
    _f("Crisp", "chat", scripts=("client.crisp.chat",), html=("CRISP_WEBSITE_ID",)),
    _f("Tawk.to", "chat", scripts=("embed.tawk.to",)),
    _f("Freshchat", "chat", scripts=("wchat.freshchat.com",)),
    # consent, forms, scheduling
    _f("Cookiebot", "consent", scripts=("consent.cookiebot.com",)),
    _f("OneTrust", "consent", scripts=("cdn.cookielaw.org",)),
    _f("Usercentrics", "consent", scripts=("usercentrics.eu",)),
    _f("Calendly", "scheduling", scripts=("assets.calendly.com",), html=("calendly.com/",)),
    _f("Typeform", "forms", scripts=("embed.typeform.com",)),
    _f("reCAPTCHA", "security", scripts=("google.com/recaptcha", "recaptcha/api.js")),
    # frameworks and hosting
    _f("Next.js", "framework", headers={"x-powered-by": r"Next\.js"}, html=("__NEXT_DATA__",)),
    _f("Nuxt", "framework", html=("__NUXT__", "/_nuxt/")),
    _f("Gatsby", "framework", generator=r"^Gatsby", html=("___gatsby",)),
    _f("React", "framework", html=("data-reactroot",), scripts=("react.production.min.js",)),
    _f("Vue.js", "framework", scripts=("vue.min.js", "vue.global"), html=("data-v-app",)),
    _f("Angular", "framework", html=("ng-version=",)),
    _f("jQuery", "javascript", scripts=("jquery",)),
    _f("Bootstrap", "ui", scripts=("bootstrap",), html=("bootstrap.min.css",)),
    _f("PHP", "language", headers={"x-powered-by": r"PHP"}, cookies=("PHPSESSID",)),
    _f("ASP.NET", "framework", headers={"x-powered-by": r"ASP\.NET", "x-aspnet-version": r"."},
       cookies=("ASP.NET_SessionId",)),
    _f("Cloudflare", "cdn", headers={"cf-ray": r".", "server": r"^cloudflare"},
       scripts=("cdnjs.cloudflare.com", "/cdn-cgi/")),
    _f("Fastly", "cdn", headers={"x-served-by": r"cache-", "via": r"varnish"}),
    _f("Amazon CloudFront", "cdn", headers={"x-amz-cf-id": r".", "via": r"CloudFront"}),
    _f("Vercel", "hosting", headers={"x-vercel-id": r".", "server": r"^Vercel"}),
    _f("Netlify", "hosting", headers={"x-nf-request-id": r".", "server": r"^Netlify"}),
    _f("nginx", "web-server", headers={"server": r"^nginx"}),
    _f("Apache", "web-server", headers={"server": r"^Apache"}),
    _f("Microsoft IIS", "web-server", headers={"server": r"^Microsoft-IIS"}),
    _f("LiteSpeed", "web-server", headers={"server": r"^LiteSpeed"}),
)  # fmt: skip
_HEADER_PATTERNS = {
    (fp.name, header): re.compile(pattern, re.I)
    for fp in FINGERPRINTS
    for header, pattern in fp.headers.items()
}
_GENERATORS = {fp.name: re.compile(fp.generator, re.I) for fp in FINGERPRINTS if fp.generator}


@dataclass(frozen=True, slots=True)
class FoundTechnology:
    name: str
    category: str
    method: str
    evidence: str


def find_technologies(
    tree: LexborHTMLParser,
    raw_html: str,
    headers: dict[str, str],
    cookies: list[str],
    generator: str | None,
) -> list[FoundTechnology]:
    scripts = [node.attributes.get("src") or "" for node in tree.css("script[src]")]
    scripts = [src.lower() for src in scripts if src]
    # Strings in the HTML are looked for in its head and a little beyond, not in 100 KB of
    # text: that is where tags and settings sit, and it keeps this cheap.
    sample = raw_html[:60_000] + raw_html[-20_000:] if len(raw_html) > 80_000 else raw_html
    found: list[FoundTechnology] = []
    for fp in FINGERPRINTS:
        hit = _match(fp, scripts, sample, headers, cookies, generator)
        if hit is not None:
            found.append(FoundTechnology(fp.name, fp.category, hit[0], hit[1]))
    return found


def _match(
    fp: Fingerprint,
    scripts: list[str],
    sample: str,
    headers: dict[str, str],
    cookies: list[str],
    generator: str | None,
) -> tuple[str, str] | None:
    for header in fp.headers:
        value = headers.get(header)
        if value is not None and _HEADER_PATTERNS[(fp.name, header)].search(value):
            return Method.HEADER, f"{header}: {value[:80]}"
    if generator and fp.name in _GENERATORS and _GENERATORS[fp.name].search(generator):
        return Method.META, f"generator: {generator[:80]}"
    for needle in fp.scripts:
        for src in scripts:
            if needle.lower() in src:
                return Method.SCRIPT, src[:120]
    for prefix in fp.cookies:
        for name in cookies:
            if name.startswith(prefix):
                return Method.COOKIE, f"cookie {name}"
    for needle in fp.html:
        if needle in sample:
            return Method.HTML, needle
    return None
