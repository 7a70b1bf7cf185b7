"""Company domains: normalising websites to a registrable-ish host, and free-mail providers
whose addresses say nothing about an employer (pure functions)."""

from __future__ import annotations

from urllib.parse import urlsplit

# Common consumer mailbox providers; an address here does not identify a company.
FREE_MAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.es yahoo.it ymail.com
    rocketmail.com hotmail.com hotmail.co.uk hotmail.fr hotmail.de hotmail.it hotmail.es
    outlook.com outlook.de outlook.fr live.com live.co.uk live.fr live.de msn.com
    aol.com aim.com icloud.com me.com mac.com mail.com gmx.com gmx.de gmx.net gmx.at gmx.ch
    web.de t-online.de freenet.de arcor.de posteo.de mailbox.org protonmail.com proton.me pm.me
    tutanota.com tuta.io zoho.com zohomail.com yandex.com yandex.ru mail.ru bk.ru inbox.ru
    list.ru rambler.ru qq.com 163.com 126.com sina.com sohu.com naver.com daum.net hanmail.net
    orange.fr wanadoo.fr free.fr laposte.net sfr.fr libero.it virgilio.it tiscali.it alice.it
    seznam.cz wp.pl o2.pl interia.pl onet.pl btinternet.com sky.com virginmedia.com
    ntlworld.com talktalk.net comcast.net verizon.net att.net sbcglobal.net bellsouth.net
    cox.net charter.net earthlink.net juno.com hushmail.com fastmail.com fastmail.fm
    rediffmail.com bigpond.com optusnet.com.au shaw.ca rogers.com sympatico.ca
    uol.com.br bol.com.br terra.com.br ig.com.br
    """.split()  # noqa: SIM905 - a word list reads better than 130 quoted strings
)


def is_free_mail(domain: str) -> bool:
    return domain.lower().strip(".") in FREE_MAIL_DOMAINS


def domain_of(website_or_domain: str) -> str | None:
    """`https://www.Acme.io/about` → `acme.io`; None when no host can be read."""
    text = website_or_domain.strip()
    if not text:
        return None
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    if not host or "." not in host:
        return None
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")
