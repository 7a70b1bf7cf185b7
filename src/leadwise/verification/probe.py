"""The SMTP probe: asks a domain's MX hosts, in preference order, whether they take a mailbox,
and whether they take a made-up one too (catch-all), politely:

- a global and a per-MX-host limit on connections and on RCPT commands per second;
- connections kept open for several RCPTs to the same host (up to `max_rcpt_per_connection`,
  closed when idle), a reused connection the server has since closed is retried on a fresh one;
- failover to the next MX on a connection failure, a timeout, a refusal before RCPT or a 4xx;
  a host that could not be reached is skipped for a while;
- per-domain state: "blocked until" (no more asking until then) and "greylisted until";
- private, loopback and link-local addresses are refused unless allowed (tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from leadwise.verification.classify import (
    RETRY_FRESH,
    catch_all_answer,
    classify_rcpt,
    classify_session,
    is_about_us,
)
from leadwise.verification.dns import MailHost, MailRoute
from leadwise.verification.result import SmtpReply, SubStatus
from leadwise.verification.smtp_client import (
    ConnectFailed,
    Disconnected,
    ProtocolError,
    Reply,
    ReplyTimeout,
    SmtpFailure,
    SmtpSession,
)
from leadwise.verification.socks import SocksProxy
from leadwise.verification.store import FactStore, run_once

MX_DOWN_SECONDS = 60.0  # a host that could not be reached is not tried again for this long
PROBE_LOCAL_SECONDS = 7 * 86400.0


@dataclass(frozen=True, slots=True)
class ProbeOptions:
    port: int = 25
    helo_name: str = "localhost"
    mail_from: str = ""  # "" = the null sender <>
    connect_timeout: float = 10.0
    timeout: float = 20.0
    proxy: SocksProxy | None = None
    allow_private: bool = False
    max_concurrency: int = 50
    rate_per_second: float = 0.0  # RCPTs per second overall; 0 = no limit
    per_mx_connections: int = 2
    per_mx_rate: float = 2.0  # RCPTs per second to one MX host; 0 = no limit
    max_rcpt_per_connection: int = 10
    idle_seconds: float = 5.0
    max_mx_hosts: int = 5
    catch_all_seconds: float = 86400.0
    greylist_retry_seconds: float = 300.0
    blocked_seconds: float = 3600.0


@dataclass(frozen=True, slots=True)
class ProbeOutcome:
    sub_status: SubStatus
    reply: SmtpReply | None
    detail: str
    is_catch_all: bool | None = None
    pause_domain: bool = False  # a refusal of us, not of the mailbox: stop asking the domain


class SessionRefused(SmtpFailure):
    """The server refused us before RCPT (banner, EHLO or MAIL FROM)."""

    def __init__(self, stage: str, reply: Reply) -> None:
        super().__init__(f"{stage}: {reply}")
        self.stage = stage
        self.reply = reply


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


class Pacer:
    """At most `per_second` events per second, spaced evenly (no bursts)."""

    def __init__(self, per_second: float) -> None:
        self._interval = 1.0 / per_second if per_second > 0 else 0.0
        self._next = 0.0

    async def wait(self) -> None:
        if not self._interval:
            return
        now = time.monotonic()
        start = max(now, self._next)
        self._next = start + self._interval
        if start > now:
            await asyncio.sleep(start - now)


class MxPool:
    """Connections to one MX host: at most `limit` open, idle ones kept for reuse."""

    def __init__(self, host: str, limit: int, per_second: float) -> None:
        self.host = host
        self.limit = limit
        self.pacer = Pacer(per_second)
        self.open = 0
        self.idle: list[SmtpSession] = []
        self.down_until = 0.0
        self.down_reason: tuple[SubStatus, str] = (SubStatus.UNREACHABLE, "")
        self._changed = asyncio.Condition()

    async def checkout(self, connect: Callable[[], Awaitable[SmtpSession]]) -> SmtpSession:
        async with self._changed:
            while True:
                while self.idle:
                    session = self.idle.pop()
                    if not session.closed:
                        return session
                    self.open -= 1
                if self.open < self.limit:
                    self.open += 1
                    break
                await self._changed.wait()
        try:
            return await connect()
        except BaseException:
            async with self._changed:
                self.open -= 1
                self._changed.notify()
            raise

    async def checkin(self, session: SmtpSession, *, reusable: bool) -> None:
        async with self._changed:
            if reusable and not session.closed:
                self.idle.append(session)
            else:
                self.open -= 1
            self._changed.notify()
        if not reusable:
            await session.quit()

    async def close_idle(self, older_than: float) -> None:
        cutoff = time.monotonic() - older_than
        async with self._changed:
            stale = [s for s in self.idle if s.last_used <= cutoff or s.closed]
            self.idle = [s for s in self.idle if s not in stale]
            self.open -= len(stale)
            self._changed.notify(len(stale))
        await _quit_all(stale)


async def _quit_all(sessions: list[SmtpSession]) -> None:
    if sessions:
        await asyncio.gather(*(s.quit() for s in sessions))


@dataclass(frozen=True, slots=True)
class _Attempt:
    outcome: ProbeOutcome
    final: bool  # a definite answer: no failover


# When no MX gave a definite answer, the most telling of their answers is reported.
_FALLBACK_RANK = [
    SubStatus.GREYLISTED,
    SubStatus.MAILBOX_FULL,
    SubStatus.TEMPORARY_FAILURE,
    SubStatus.BLOCKED,
    SubStatus.SMTPUTF8_UNSUPPORTED,
    SubStatus.DISCONNECTED,
    SubStatus.TIMEOUT,
    SubStatus.UNREACHABLE,
]


class Prober:
    def __init__(self, options: ProbeOptions, store: FactStore) -> None:
        self.options = options
        self._store = store
        self._slots = asyncio.Semaphore(options.max_concurrency)
        self._pacer = Pacer(options.rate_per_second)
        self._pools: dict[str, MxPool] = {}
        self._catch_all_pending: dict[str, asyncio.Future[bool | None]] = {}
        self._reaper: asyncio.Task[None] | None = None

    # --- the probe of one address ----------------------------------------------------------

    async def probe(self, local: str, domain: str, route: MailRoute) -> ProbeOutcome:
        blocked = await self._blocked(domain)
        if blocked is not None:
            return blocked
        hosts = self._usable_hosts(route)
        if not hosts:
            return ProbeOutcome(
                SubStatus.PRIVATE_MX,
                None,
                "every MX address is private, loopback or link-local "
                "(LEADWISE_VERIFY__ALLOW_PRIVATE_MX=true allows them)",
            )
        self._start_reaper()
        attempts: list[_Attempt] = []
        async with self._slots:
            for host in hosts:
                attempt = await self._ask_host(host, local, domain)
                attempts.append(attempt)
                if attempt.final:
                    break
        chosen = attempts[-1] if attempts[-1].final else _most_telling(attempts)
        await self._remember(domain, chosen.outcome)
        return chosen.outcome

    async def _ask_host(self, host: MailHost, local: str, domain: str) -> _Attempt:
        pool = self._pool(host.host)
        if pool.down_until > time.monotonic():
            status, detail = pool.down_reason
            return _Attempt(
                ProbeOutcome(status, SmtpReply(host.host, None, None, detail), detail), False
            )
        address = f"{local}@{domain}"
        for fresh_retry in (False, True):
            try:
                session = await pool.checkout(lambda: self._connect(host))
            except SessionRefused as refused:
                return self._refused(host.host, refused)
            except SmtpFailure as failure:
                return self._unreachable(pool, failure)
            reused = session.rcpt_count > 0
            try:
                if not local.isascii() and "SMTPUTF8" not in session.extensions:
                    await pool.checkin(session, reusable=True)
                    detail = f"{host.host} does not announce SMTPUTF8"
                    return _Attempt(
                        ProbeOutcome(SubStatus.SMTPUTF8_UNSUPPORTED, None, detail), False
                    )
                reply = await self._rcpt(pool, session, address)
                verdict = classify_rcpt(reply)
                if verdict == RETRY_FRESH:
                    await pool.checkin(session, reusable=False)
                    if not fresh_retry:
                        continue
                    verdict = SubStatus.TEMPORARY_FAILURE
                assert verdict != RETRY_FRESH
                catch_all = None
                if verdict is SubStatus.GREYLISTED:
                    await self._prime_catch_all(pool, session, domain)
                if verdict is SubStatus.ACCEPTED:
                    catch_all = await self._catch_all(pool, session, domain)
                    if catch_all is True:
                        verdict = SubStatus.CATCH_ALL
                    elif catch_all is None:
                        verdict = SubStatus.CATCH_ALL_UNKNOWN
                reusable = reply.code != 421 and (
                    session.rcpt_count < self.options.max_rcpt_per_connection
                )
                await pool.checkin(session, reusable=reusable)
            except SessionRefused as refused:  # MAIL FROM refused
                await pool.checkin(session, reusable=False)
                return self._refused(host.host, refused)
            except SmtpFailure as failure:
                session.abort()
                await pool.checkin(session, reusable=False)
                if reused and not fresh_retry:
                    continue  # the server closed a connection we kept open: ask on a new one
                return _Attempt(_failure_outcome(host.host, failure), False)
            smtp = SmtpReply(host.host, reply.code, reply.enhanced, reply.message)
            pause = verdict is SubStatus.BLOCKED and is_about_us(reply)
            outcome = ProbeOutcome(verdict, smtp, f"{host.host}: {reply}", catch_all, pause)
            return _Attempt(outcome, final=reply.code < 400 or reply.code >= 500)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _connect(self, host: MailHost) -> SmtpSession:
        """A ready session (banner read, EHLO done, TLS when offered) to one of the host's
        addresses; on a failed TLS handshake, once more without TLS."""
        failure: SmtpFailure | None = None
        for ip in host.addresses:
            if not self.options.allow_private and not is_public_address(ip):
                continue
            for starttls in (True, False):
                try:
                    return await self._open(host.host, ip, starttls=starttls)
                except _TlsFailed as error:
                    failure = error.cause
                    continue
                except ConnectFailed as error:
                    failure = error
                    break
        raise failure or ConnectFailed(f"{host.host} has no usable address")

    async def _open(self, host: str, ip: str, *, starttls: bool) -> SmtpSession:
        options = self.options
        session, banner = await SmtpSession.connect(
            host,
            ip,
            options.port,
            connect_timeout=options.connect_timeout,
            reply_timeout=options.timeout,
            proxy=options.proxy,
        )
        try:
            if banner.code != 220:
                raise SessionRefused("banner", banner)
            try:
                reply = await session.hello(options.helo_name, starttls=starttls)
            except SmtpFailure as error:
                if session.extensions.get("STARTTLS") is not None and starttls and not session.tls:
                    raise _TlsFailed(error) from None
                raise
            if not reply.is_positive:
                raise SessionRefused("EHLO", reply)
        except BaseException:
            await session.quit()
            raise
        return session

    async def _rcpt(self, pool: MxPool, session: SmtpSession, address: str) -> Reply:
        if not session.in_transaction:
            sender = f"MAIL FROM:<{self.options.mail_from}>"
            if "SMTPUTF8" in session.extensions:
                sender += " SMTPUTF8"
            reply = await session.command(sender)
            if not reply.is_positive:
                raise SessionRefused("MAIL FROM", reply)
            session.in_transaction = True
        await self._pacer.wait()
        await pool.pacer.wait()
        session.rcpt_count += 1
        return await session.command(f"RCPT TO:<{address}>")

    async def _catch_all(self, pool: MxPool, session: SmtpSession, domain: str) -> bool | None:
        key = f"catchall:{domain}:{pool.host}"
        known = await self._store.get(key)
        if known is not None:
            return bool(known)

        async def ask() -> bool | None:
            made_up = f"{await self._made_up_local(domain)}@{domain}"
            try:
                answer = catch_all_answer(await self._rcpt(pool, session, made_up))
            except SmtpFailure:
                session.abort()
                return None
            if answer is not None:
                await self._store.set(key, answer, self.options.catch_all_seconds)
            return answer

        return await run_once(self._catch_all_pending, key, ask)

    async def _prime_catch_all(self, pool: MxPool, session: SmtpSession, domain: str) -> None:
        """Greylisted: ask for the made-up address too, once, so that its greylisting clock
        starts with the real one's and the retry can tell whether the domain accepts all."""
        key = f"catchall:{domain}:{pool.host}"
        if await self._store.get(key) is not None or await self._store.get("primed:" + key):
            return
        await self._store.set("primed:" + key, True, max(self.options.greylist_retry_seconds, 1))
        made_up = f"{await self._made_up_local(domain)}@{domain}"
        try:
            await self._rcpt(pool, session, made_up)
        except SmtpFailure:
            session.abort()

    async def _made_up_local(self, domain: str) -> str:
        """A local part nobody has, the same for a domain for a week in every process: a
        greylisting server then lets it through on the retry, as it does the real address,
        even when the retry is another job or worker (derived, not drawn at random)."""
        week = int(time.time() // PROBE_LOCAL_SECONDS)
        return "lw" + hashlib.blake2b(f"{domain}:{week}".encode(), digest_size=8).hexdigest()

    # --- per-domain state ------------------------------------------------------------------

    async def _blocked(self, domain: str) -> ProbeOutcome | None:
        state = await self._store.get("state:" + domain)
        if not state or float(state.get("blocked_until", 0)) <= time.time():
            return None
        host, code, enhanced, message = state["reply"]
        detail = f"not asked again until {_clock(state['blocked_until'])}: {host}: {message}"
        return ProbeOutcome(SubStatus.BLOCKED, SmtpReply(host, code, enhanced, message), detail)

    async def _remember(self, domain: str, outcome: ProbeOutcome) -> None:
        now = time.time()
        reply = outcome.reply
        if outcome.pause_domain and reply is not None:
            wait = self.options.blocked_seconds
            if reply.code == 421:  # "too busy": a shorter pause
                wait = min(wait, self.options.greylist_retry_seconds)
            state = {
                "blocked_until": now + wait,
                "reply": [reply.host, reply.code, reply.enhanced, reply.message],
            }
            await self._store.set("state:" + domain, state, wait)
        elif outcome.sub_status is SubStatus.GREYLISTED:
            wait = self.options.greylist_retry_seconds
            await self._store.set("greylisted:" + domain, now + wait, wait)

    async def greylisted_until(self, domain: str) -> float | None:
        """When a greylisted address of the domain is worth asking again (epoch seconds)."""
        value = await self._store.get("greylisted:" + domain)
        return None if value is None else float(value)

    # --- helpers ---------------------------------------------------------------------------

    def _usable_hosts(self, route: MailRoute) -> list[MailHost]:
        hosts = []
        for host in route.hosts[: self.options.max_mx_hosts]:
            if self.options.allow_private or any(is_public_address(a) for a in host.addresses):
                hosts.append(host)
        return hosts

    def _pool(self, host: str) -> MxPool:
        pool = self._pools.get(host)
        if pool is None:
            pool = MxPool(host, self.options.per_mx_connections, self.options.per_mx_rate)
            self._pools[host] = pool
        return pool

    def _refused(self, host: str, refused: SessionRefused) -> _Attempt:
        reply = refused.reply
        smtp = SmtpReply(host, reply.code, reply.enhanced, reply.message)
        status = classify_session(reply)
        pause = status is SubStatus.BLOCKED
        outcome = ProbeOutcome(status, smtp, f"{host} at {refused.stage}: {reply}", None, pause)
        return _Attempt(outcome, False)

    def _unreachable(self, pool: MxPool, failure: SmtpFailure) -> _Attempt:
        outcome = _failure_outcome(pool.host, failure)
        if isinstance(failure, ConnectFailed | ReplyTimeout):
            pool.down_until = time.monotonic() + MX_DOWN_SECONDS
            pool.down_reason = (outcome.sub_status, f"{outcome.detail} (skipped since)")
        return _Attempt(outcome, False)

    def _start_reaper(self) -> None:
        if self._reaper is None or self._reaper.done():
            self._reaper = asyncio.get_running_loop().create_task(self._reap())

    async def _reap(self) -> None:
        interval = max(0.2, min(1.0, self.options.idle_seconds / 2))
        while True:
            await asyncio.sleep(interval)
            for pool in list(self._pools.values()):
                await pool.close_idle(self.options.idle_seconds)

    async def close(self) -> None:
        if self._reaper is not None:
            self._reaper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reaper
        for pool in self._pools.values():
            await pool.close_idle(0.0)


class _TlsFailed(SmtpFailure):
    def __init__(self, cause: SmtpFailure) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _failure_outcome(host: str, failure: SmtpFailure) -> ProbeOutcome:
    if isinstance(failure, ConnectFailed):
        status = SubStatus.TIMEOUT if failure.timed_out else SubStatus.UNREACHABLE
    elif isinstance(failure, ReplyTimeout):
        status = SubStatus.TIMEOUT
    elif isinstance(failure, Disconnected | ProtocolError):
        status = SubStatus.DISCONNECTED
    else:
        status = SubStatus.UNREACHABLE
    return ProbeOutcome(status, SmtpReply(host, None, None, str(failure)), str(failure))


def _most_telling(attempts: list[_Attempt]) -> _Attempt:
    def rank(attempt: _Attempt) -> int:
        status = attempt.outcome.sub_status
        return _FALLBACK_RANK.index(status) if status in _FALLBACK_RANK else len(_FALLBACK_RANK)

    return min(attempts, key=rank)


def _clock(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(epoch))
