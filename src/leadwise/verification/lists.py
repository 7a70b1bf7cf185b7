"""Disposable domains, role accounts and free-mail providers (offline, in-memory sets).

The disposable list comes from the `disposable-email-domains` package (the community-kept
list, shipped in its wheel: `pip install -U disposable-email-domains` updates it); settings
add domains to it or take false positives out.
"""

from __future__ import annotations

from collections.abc import Iterable

from disposable_email_domains import blocklist as _DISPOSABLE

from leadwise.companies.domains import FREE_MAIL_DOMAINS

# Local parts that name a function rather than a person (compared without +tags, dots kept).
ROLE_ACCOUNTS = frozenset(
    """
    abuse accounting accounts admin administrator billing booking bookings careers ceo contact
    contactus customercare customerservice customersupport dev devnull enquiries enquiry events
    feedback finance hello help helpdesk hostmaster hr info information inquiries inquiry
    investor investors it jobs legal mail mailer-daemon marketing media news newsletter no-reply
    noc noreply no_reply office orders partners postmaster press privacy purchasing recruiting
    recruitment reception sales security service services shop spam staff support sysadmin
    team tech todos unsubscribe webmaster welcome www kontakt vertrieb buchhaltung bewerbung
    """.split()  # noqa: SIM905 - a word list reads better than quoted strings
)


class DomainLists:
    def __init__(
        self, *, extra_disposable: Iterable[str] = (), not_disposable: Iterable[str] = ()
    ) -> None:
        allowed = {domain.lower().strip(".") for domain in not_disposable}
        extra = {domain.lower().strip(".") for domain in extra_disposable}
        self._disposable = frozenset((_DISPOSABLE | extra) - allowed)
        self._allowed = frozenset(allowed)

    def is_disposable(self, ascii_domain: str) -> bool:
        """The domain or one of its parents is listed (`x.mailinator.com` as `mailinator.com`)."""
        domain = ascii_domain
        while True:
            if domain in self._allowed:
                return False
            if domain in self._disposable:
                return True
            _, dot, parent = domain.partition(".")
            if not dot or "." not in parent:
                return False
            domain = parent

    @staticmethod
    def is_free(ascii_domain: str) -> bool:
        return ascii_domain in FREE_MAIL_DOMAINS

    @staticmethod
    def is_role(local: str) -> bool:
        return local.lower().partition("+")[0] in ROLE_ACCOUNTS
