"""What an SMTP reply means for the mailbox: by the enhanced status code (RFC 3463) when the
server sends one, else by the basic code, and for bare 5xx replies by the words servers use.

The rules that matter most: greylisting (450/451) and policy refusals (421, 554, x.7.x) are
never "invalid"; only a clear "no such mailbox" is.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from leadwise.verification.result import SubStatus
from leadwise.verification.smtp_client import Reply

# 452 4.5.3 "too many recipients": not about the address; ask again on a fresh connection.
RETRY_FRESH: Final = "retry_fresh"
RcptVerdict = SubStatus | Literal["retry_fresh"]

_BLOCK_WORDS = re.compile(
    r"block|black ?list|listed|spam|reputation|policy|denied|banned|abuse|\brbl\b|dnsbl|"
    r"spamhaus|not allowed|relay|rate limit|too many connections|try again later",
    re.IGNORECASE,
)
_NOT_FOUND_WORDS = re.compile(
    r"user unknown|unknown user|no such (user|mailbox|recipient|account|address)|"
    r"does ?n[o']?t exist|not exist|mailbox (is )?(unavailable|not found|does not)|"
    r"recipient (not found|unknown|invalid)|invalid (recipient|mailbox|address|user)|"
    r"unknown (recipient|mailbox|address)|address (not found|unknown)|"
    r"does(n't| not) have an? .{0,40}account|not a valid (mailbox|recipient|user)|"
    r"user not found|mailbox unknown|no mailbox",
    re.IGNORECASE,
)

# Words of a refusal aimed at the client (its IP, its name, its volume), not at the mailbox.
_ABOUT_US_WORDS = re.compile(
    r"block|listed|banned|spamhaus|reputation|\brbl\b|dnsbl|client host|your ip|too many",
    re.IGNORECASE,
)


def classify_rcpt(reply: Reply) -> RcptVerdict:
    """The verdict of a reply to RCPT TO."""
    code = reply.code
    if 200 <= code < 300:
        return SubStatus.ACCEPTED
    by_enhanced = _by_enhanced(reply)
    if by_enhanced is not None:
        return by_enhanced
    if code == 421:
        return SubStatus.BLOCKED
    if code in (450, 451):
        return SubStatus.GREYLISTED
    if code == 452:
        return SubStatus.MAILBOX_FULL
    if code < 500:
        return SubStatus.TEMPORARY_FAILURE
    if code == 552:
        return SubStatus.MAILBOX_FULL
    if _BLOCK_WORDS.search(reply.message):
        return SubStatus.BLOCKED
    if _NOT_FOUND_WORDS.search(reply.message):
        return SubStatus.MAILBOX_NOT_FOUND
    if code == 554:
        return SubStatus.BLOCKED
    return SubStatus.REJECTED


def classify_session(reply: Reply) -> SubStatus:
    """A refusal before RCPT (banner, EHLO, MAIL FROM) says nothing about the mailbox."""
    if reply.code in (450, 451):
        return SubStatus.GREYLISTED
    if 400 <= reply.code < 500 and reply.code != 421:
        return SubStatus.TEMPORARY_FAILURE
    return SubStatus.BLOCKED


def _by_enhanced(reply: Reply) -> RcptVerdict | None:
    if reply.enhanced is None:
        return None
    _, subject, detail = reply.enhanced.split(".")
    permanent = reply.code >= 500
    if subject == "1":
        if detail in ("7", "8"):  # the sender's address or domain: about us, not them
            return SubStatus.BLOCKED
        return SubStatus.MAILBOX_NOT_FOUND if permanent else SubStatus.GREYLISTED
    if subject == "2" and detail == "2":
        return SubStatus.MAILBOX_FULL
    if subject == "2" and detail == "1":  # disabled mailbox (5.2.1) or rate limited (4.2.1)
        return SubStatus.MAILBOX_DISABLED if permanent else SubStatus.GREYLISTED
    if subject == "3" and detail == "1":  # mail system full
        return SubStatus.MAILBOX_FULL
    if subject == "5" and detail == "3":
        return RETRY_FRESH
    if subject == "7":  # security or policy; as a 450/451 it is how greylisting often reads
        return SubStatus.GREYLISTED if reply.code in (450, 451) else SubStatus.BLOCKED
    return None


def catch_all_answer(reply: Reply) -> bool | None:
    """Whether a made-up address was accepted: True/False, None when the server would not say."""
    if 200 <= reply.code < 300:
        return True
    if reply.code >= 500:
        return False
    return None


def is_about_us(reply: Reply) -> bool:
    """A refusal that would meet every address of the domain: worth pausing the domain."""
    return reply.code in (421, 554) or bool(_ABOUT_US_WORDS.search(reply.message))
