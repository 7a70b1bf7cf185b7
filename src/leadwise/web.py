"""Serves the built web app (`frontend/` → `src/leadwise/web/`) at `/`.

Client-side routes fall back to index.html; `/api/*` never does. Without a build, `/` explains
how to make one instead of showing a blank page.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from leadwise.core.errors import NotFound

WEB_DIR = Path(__file__).resolve().parent / "web"
RESERVED_PREFIXES = ("api/", "docs", "redoc", "openapi.json", "health", "metrics")

NOT_BUILT_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<title>Leadwise</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto">
<h1>Leadwise is running</h1>
<p>The web app has not been built. Build it with <code>make web</code> (or
<code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>) and reload.</p>
<p>The API is ready: see the <a href="/docs">interactive API docs</a>.</p></body></html>"""


class ImmutableStaticFiles(StaticFiles):
    """Hashed asset names change with their content, so browsers may keep them for a year."""

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def mount_web_app(app: FastAPI, web_dir: Path = WEB_DIR) -> None:
    web_dir = web_dir.resolve()
    index = web_dir / "index.html"
    assets = web_dir / "assets"
    if assets.is_dir():
        app.mount("/assets", ImmutableStaticFiles(directory=assets), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    async def web_app(path: str, request: Request) -> Response:
        if path.startswith(RESERVED_PREFIXES):
            raise NotFound()
        if not index.is_file():
            return HTMLResponse(NOT_BUILT_PAGE)
        candidate = (web_dir / path).resolve()
        if path and candidate.is_relative_to(web_dir) and candidate.is_file():
            return FileResponse(candidate)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
