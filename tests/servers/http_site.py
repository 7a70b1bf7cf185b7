"""Static test sites over real HTTP on loopback: a uvicorn server whose small ASGI app serves
several sites by Host header (virtual hosts) from folders of files, plus scripted routes
(429 with Retry-After, redirects, loops, slow pages, compressed bodies). Every request is
recorded with its time, so tests can check politeness (delays, robots.txt, no hit at all)."""

from __future__ import annotations

import asyncio
import gzip
import mimetypes
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import brotli
import uvicorn


@dataclass
class Request:
    host: str
    path: str
    query: str
    headers: dict[str, str]
    hits: int  # how often this host and path were asked, this request included


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    encoding: str | None = None  # "gzip" or "br": compress the body


Route = Callable[[Request], Reply]


@dataclass
class Site:
    root: Path | None = None  # files: /x/ -> x/index.html, /x -> x or x.html
    routes: dict[str, Route] = field(default_factory=dict)
    pages: dict[str, bytes] = field(default_factory=dict)  # generated pages by path
    gzip: bool = False  # gzip every file when the client accepts it


@dataclass
class Hit:
    at: float
    host: str
    path: str
    user_agent: str


class SiteServer:
    def __init__(self, sites: dict[str, Site]) -> None:
        self.sites = sites
        self.hits: list[Hit] = []
        self._counts: dict[tuple[str, str], int] = {}
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None
        self.port = 0

    def requests(self, host: str, path: str | None = None) -> list[Hit]:
        return [h for h in self.hits if h.host == host and (path is None or h.path == path)]

    def clear(self) -> None:
        self.hits.clear()
        self._counts.clear()

    async def start(self, host: str = "127.0.0.1") -> int:
        config = uvicorn.Config(
            self._app,
            host=host,
            port=0,
            log_level="error",
            lifespan="off",
            access_log=False,
            interface="asgi3",
        )
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            await asyncio.sleep(0.01)
        self.port = int(self._server.servers[0].sockets[0].getsockname()[1])
        return self.port

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await self._task

    async def _app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "").rsplit(":", 1)[0].lower()
        path = scope["path"]
        if scope["type"] == "websocket":  # recorded (a canary must see any try) and refused
            self.hits.append(Hit(time.monotonic(), host, path, headers.get("user-agent", "")))
            await send({"type": "websocket.close", "code": 1008})
            return
        key = (host, path)
        self._counts[key] = self._counts.get(key, 0) + 1
        self.hits.append(Hit(time.monotonic(), host, path, headers.get("user-agent", "")))
        site = self.sites.get(host)
        request = Request(host, path, scope["query_string"].decode(), headers, self._counts[key])
        reply = self._reply(site, request)
        wants_gzip = "gzip" in headers.get("accept-encoding", "")
        if reply.encoding is None and site is not None and site.gzip and reply.status == 200:
            reply.encoding = "gzip" if wants_gzip else None
        body = reply.body
        out = dict(reply.headers)
        if reply.encoding == "gzip":
            body = gzip.compress(body)
            out["content-encoding"] = "gzip"
        elif reply.encoding == "br":
            body = brotli.compress(body)
            out["content-encoding"] = "br"
        out.setdefault("content-type", reply.content_type)
        out["content-length"] = str(len(body))
        raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in out.items()]
        await send({"type": "http.response.start", "status": reply.status, "headers": raw})
        await send({"type": "http.response.body", "body": body})

    def _reply(self, site: Site | None, request: Request) -> Reply:
        if site is None:
            return Reply(404, b"no such site")
        route = site.routes.get(request.path)
        if route is not None:
            return route(request)
        if request.path in site.pages:
            return Reply(body=site.pages[request.path])
        if site.root is not None:
            path = _file_for(site.root, request.path)
            if path is not None:
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                if kind.startswith("text/") or kind.endswith("xml"):
                    kind += "; charset=utf-8"
                return Reply(body=path.read_bytes(), content_type=kind)
        return Reply(404, b"<html><body>Not found</body></html>")


def _file_for(root: Path, path: str) -> Path | None:
    relative = path.lstrip("/")
    if ".." in relative.split("/"):
        return None
    candidates = (
        [root / relative / "index.html"]
        if not relative or relative.endswith("/")
        else [root / relative, root / f"{relative}.html", root / relative / "index.html"]
    )
    return next((c for c in candidates if c.is_file()), None)
