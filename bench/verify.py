"""Email verification speed: the offline path beside email-validator, and the SMTP path.

    .venv/bin/python bench/verify.py offline [--addresses 100000]
    .venv/bin/python bench/verify.py smtp [--addresses 1000 --hosts 20 --per-mx-rate 5]

offline: generated addresses (mostly plain, some IDN, quoted, broken, role, free-mail and
disposable ones) through email-validator alone and through the engine without SMTP (syntax,
lists, typo suggestions and DNS answers already cached), in one process on one core; every
syntax verdict and normalised address must be identical.

smtp: a loopback DNS server and N scripted MX hosts (aiosmtpd, 127.0.0.20...; in another
process, so they do not share this one's core) each serving five domains with known and
unknown mailboxes; the engine checks the addresses under the configured per-MX limits.
Prints Markdown rows.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the loopback servers live with the tests

from email_validator import EmailNotValidError, validate_email  # noqa: E402
from tests.servers.dns import Zones, start_dns  # noqa: E402
from tests.servers.loop import LoopThread  # noqa: E402

from leadwise.config import VerifySettings  # noqa: E402
from leadwise.verification.engine import Verifier  # noqa: E402
from leadwise.verification.result import SubStatus  # noqa: E402

FIRST = "anna ben clara david emma felix greta hugo ida jonas karl lena marie noah".split()  # noqa: SIM905
LAST = "schmidt mueller meyer wagner becker hoffmann koch richter klein wolf".split()  # noqa: SIM905
WORDS = "acme nord blue star data logic metal green bau tech haus werk netz soft".split()  # noqa: SIM905
TLDS = ["com", "de", "io", "net", "org", "co.uk", "at", "ch", "fr", "nl"]
ODD = [
    "john..doe@example.com", "john@", "@example.com", "john doe@example.com", "john@example",
    "john@-example.com", '"john doe"@example.com', "jöhn@bücher.de", "info@xn--bcher-kva.de",
    "a@b.c", "john@printer.local", "x" * 65 + "@example.com", "john@[10.0.0.1]", "JOHN@EXAMPLE.COM",
    "john.@example.com", "jo%hn+tag@Example.Org", "j@" + "d" * 64 + ".com", "ünïcode@bücher.de",
]  # fmt: skip
FREE = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "gmx.de", "web.de"]
DISPOSABLE = ["mailinator.com", "10minutemail.com", "guerrillamail.com"]


def corpus(count: int, domains: int, seed: int = 5) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    company = sorted(
        {
            f"{rng.choice(WORDS)}{rng.choice(WORDS)}{i % 97}.{rng.choice(TLDS)}"
            for i in range(domains)
        }
    )
    addresses = []
    for _ in range(count):
        roll = rng.random()
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if roll < 0.02:
            addresses.append(rng.choice(ODD))
            continue
        if roll < 0.12:
            domain = rng.choice(FREE)
        elif roll < 0.14:
            domain = rng.choice(DISPOSABLE)
        else:
            domain = rng.choice(company)
        local = rng.choice(
            [f"{first}.{last}", f"{first[0]}{last}", first, f"{first}.{last}+news", "info", "sales"]
        )
        if rng.random() < 0.1:
            local, domain = local.capitalize(), domain.upper()
        addresses.append(f"{local}@{domain}")
    return addresses, company + FREE + DISPOSABLE + ["example.com", "example.org", "bücher.de"]


def validator_verdict(address: str) -> str | None:
    """What email-validator alone says: the normalised address (domain lower-case) or None."""
    try:
        checked = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return None
    local, _, domain = checked.normalized.rpartition("@")
    return f"{local}@{domain.lower()}"


def offline_zones(domains: list[str]) -> Zones:
    names: dict[str, Any] = {}
    for domain in domains:
        ascii_domain = domain.encode("idna").decode().lower()
        names[ascii_domain] = {"MX": [(10, f"mx.{ascii_domain}")]}
        names[f"mx.{ascii_domain}"] = {"A": ["192.0.2.1"]}
    return Zones(names=names)


async def offline(count: int) -> None:
    addresses, domains = corpus(count, domains=2000)
    thread = LoopThread()
    transport, port = thread.run(start_dns(offline_zones(domains)))
    settings = VerifySettings(dns_servers=[f"127.0.0.1:{port}"], smtp_enabled=False)
    try:
        async with Verifier(settings) as verifier:
            warm_started = time.perf_counter()
            await verifier.verify_many(addresses)  # fills the DNS cache
            warm = time.perf_counter() - warm_started

            cpu, wall = time.process_time(), time.perf_counter()
            expected = [validator_verdict(address) for address in addresses]
            validator_cpu, validator_wall = time.process_time() - cpu, time.perf_counter() - wall

            cpu, wall = time.process_time(), time.perf_counter()
            results = await verifier.verify_many(addresses)
            engine_cpu, engine_wall = time.process_time() - cpu, time.perf_counter() - wall

            cpu, wall = time.process_time(), time.perf_counter()
            for address in addresses[: count // 10]:
                await verifier.verify(address)
            single_cpu = (time.process_time() - cpu) * 10
            single_wall = (time.perf_counter() - wall) * 10
    finally:
        thread.run(_close(transport))
        thread.stop()
    got = [None if r.sub_status is SubStatus.INVALID_SYNTAX else r.normalized for r in results]
    differing = [(a, e, g) for a, e, g in zip(addresses, expected, got, strict=True) if e != g]
    invalid = sum(1 for verdict in expected if verdict is None)
    print(f"{count} addresses, {len(domains)} domains, {invalid} invalid by email-validator; ")
    print(f"DNS warm-up pass (cold cache, loopback DNS): {warm:.1f} s\n")
    print("| path | wall s | CPU s | addresses/s (CPU) |")
    print("|---|---:|---:|---:|")
    for name, wall_s, cpu_s in [
        ("email-validator alone (`validate_email`, DNS off)", validator_wall, validator_cpu),
        ("engine `verify_many`, SMTP off, DNS cached", engine_wall, engine_cpu),
        ("engine `verify` one by one, SMTP off, DNS cached", single_wall, single_cpu),
    ]:
        print(f"| {name} | {wall_s:.2f} | {cpu_s:.2f} | {count / cpu_s:,.0f} |")
    print(f"\nverdicts differing from email-validator: {len(differing)}")
    for address, want, have in differing[:10]:
        print(f"  {address!r}: email-validator {want!r}, engine {have!r}")
    statuses: dict[str, int] = {}
    for result in results:
        statuses[result.sub_status.value] = statuses.get(result.sub_status.value, 0) + 1
    print(f"sub-statuses: {dict(sorted(statuses.items()))}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


async def _close(transport: Any) -> None:
    transport.close()


# --- SMTP -------------------------------------------------------------------------------------


def serve_mx(hosts: int, ready: Any, stop: Any) -> None:
    """In a child process: the DNS server and the scripted MX hosts until `stop` is set."""
    from tests.servers.mail_hosts import Script, start_mail_hosts

    async def main() -> None:
        names: dict[str, Any] = {}
        scripts = {}
        for h in range(hosts):
            ip = f"127.0.0.{20 + h}"
            scripts[ip] = Script("known", known={f"user{i}" for i in range(0, 100, 2)})
            names[f"mx{h}.bench"] = {"A": [ip]}
            for d in range(5):
                names[f"d{h}-{d}.bench"] = {"MX": [(10, f"mx{h}.bench")]}
        transport, dns_port = await start_dns(Zones(names=names))
        served = await start_mail_hosts(scripts, [])
        ready.send((dns_port, served.port))
        while not stop.is_set():
            await asyncio.sleep(0.1)
        rcpts = sum(len(script.rcpts) for script in scripts.values())
        connections = sum(script.connections for script in scripts.values())
        ready.send((rcpts, connections))
        transport.close()
        await served.close()

    asyncio.run(main())


async def smtp(count: int, hosts: int, per_mx_rate: float, per_mx_connections: int) -> None:
    parent, child = multiprocessing.Pipe()
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=serve_mx, args=(hosts, child, stop), daemon=True)
    server.start()
    dns_port, smtp_port = parent.recv()
    domains = [f"d{h}-{d}.bench" for h in range(hosts) for d in range(5)]
    rng = random.Random(7)
    addresses = [f"user{rng.randrange(100)}@{domains[i % len(domains)]}" for i in range(count)]
    settings = VerifySettings(
        dns_servers=[f"127.0.0.1:{dns_port}"],
        smtp_port=smtp_port,
        allow_private_mx=True,
        helo_name="bench.leadwise.test",
        per_mx_rate=per_mx_rate,
        per_mx_connections=per_mx_connections,
        rate_per_second=0,
        max_concurrency=200,
    )
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        async with Verifier(settings) as verifier:
            results = await verifier.verify_many(addresses)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        stop.set()
    rcpts, connections = parent.recv()
    server.join(10)
    statuses: dict[str, int] = {}
    for result in results:
        statuses[result.sub_status.value] = statuses.get(result.sub_status.value, 0) + 1
    limit = "none" if not per_mx_rate else f"{per_mx_rate:g} RCPT/s"
    ceiling = f"{hosts * per_mx_rate:g} RCPT/s" if per_mx_rate else "-"
    print("| addresses | MX hosts | per-MX limit | connections per MX | ceiling | RCPTs sent |"
          " connections | wall s | RCPT/s | addresses/s | client CPU s |")  # fmt: skip
    print("|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {count} | {hosts} | {limit} | {per_mx_connections} | {ceiling} | {rcpts} |"
        f" {connections} | {wall:.1f} | {rcpts / wall:.0f} | {count / wall:.0f} | {cpu:.1f} |"
    )
    print(f"\nsub-statuses: {dict(sorted(statuses.items()))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", choices=["offline", "smtp"])
    parser.add_argument("--addresses", type=int)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--per-mx-rate", type=float, default=5.0)
    parser.add_argument("--per-mx-connections", type=int, default=2)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    if args.path == "offline":
        asyncio.run(offline(args.addresses or 100_000))
    else:
        asyncio.run(
            smtp(args.addresses or 1000, args.hosts, args.per_mx_rate, args.per_mx_connections)
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
