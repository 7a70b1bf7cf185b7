"""A DNS server on loopback (UDP, dnslib for the wire format) answering test zones: MX, A,
AAAA and TXT records, names that exist without the asked record (NOERROR, no answer), NXDOMAIN
for everything else, and names that answer SERVFAIL or never answer at all."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dnslib import AAAA, MX, QTYPE, RCODE, RR, TXT, A, DNSRecord

Records = dict[str, list[Any]]  # "MX": [(10, "mx.host")], "A": ["127.0.0.2"], "TXT": ["v=spf1 ..."]


@dataclass
class Zones:
    names: dict[str, Records] = field(default_factory=dict)
    servfail: set[str] = field(default_factory=set)
    silent: set[str] = field(default_factory=set)
    queries: Counter[tuple[str, str]] = field(default_factory=Counter)

    def answer(self, request: DNSRecord) -> DNSRecord | None:
        name = str(request.q.qname).rstrip(".").lower()
        kind = QTYPE[request.q.qtype]
        self.queries[(name, kind)] += 1
        if name in self.silent:
            return None
        reply = request.reply()
        if name in self.servfail:
            reply.header.rcode = RCODE.SERVFAIL
            return reply
        records = self.names.get(name)
        if records is None:
            reply.header.rcode = RCODE.NXDOMAIN
            return reply
        for value in records.get(kind, []):
            if kind == "MX":
                preference, host = value
                rdata: Any = MX(host, preference)
            elif kind == "A":
                rdata = A(value)
            elif kind == "AAAA":
                rdata = AAAA(value)
            elif kind == "TXT":
                rdata = TXT(value)
            else:
                continue
            reply.add_answer(RR(name, request.q.qtype, rdata=rdata, ttl=300))
        return reply


class _Protocol(asyncio.DatagramProtocol):
    def __init__(self, zones: Zones) -> None:
        self.zones = zones
        self.transport: Any = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        try:
            request = DNSRecord.parse(data)
        except Exception:
            return
        reply = self.zones.answer(request)
        if reply is not None and self.transport is not None:
            self.transport.sendto(reply.pack(), addr)


async def start_dns(zones: Zones, host: str = "127.0.0.1") -> tuple[asyncio.BaseTransport, int]:
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(
        lambda: _Protocol(zones), local_addr=(host, 0)
    )
    port = int(transport.get_extra_info("sockname")[1])
    return transport, port
