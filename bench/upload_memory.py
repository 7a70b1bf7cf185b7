"""Memory of the server while it takes uploads: a 5 MB PDF submitted through a public form
(20 times), then a 100 MB upload refused at the file limit, streamed with and without a
Content-Length. The server's resident memory should not grow with the size of the files.

    .venv/bin/python bench/upload_memory.py            # SQLite, one uvicorn process

It starts `leadwise serve --no-worker --workers 1` (the API in one process) on a free port
with a temporary data dir, reads VmRSS and VmHWM (peak, reset after setup) of that process
from /proc, and prints a Markdown table.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
BOUNDARY = "leadwise-bench-boundary"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memory_kib(pid: int) -> dict[str, int]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0])
    return values


def multipart_body(file_bytes: int, chunk: int = 256 * 1024) -> Iterator[bytes]:
    """A multipart body generated on the fly: the client never holds the file either."""
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="email"\r\n\r\n'
        "ada@analytical-engines.co.uk\r\n"
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    yield b"%PDF-1.7\n"
    sent = 9
    block = os.urandom(chunk)
    while sent < file_bytes:
        piece = block[: min(chunk, file_bytes - sent)]
        sent += len(piece)
        yield piece
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def body_length(file_bytes: int) -> int:
    return sum(len(part) for part in multipart_body(file_bytes, chunk=file_bytes or 1))


def main() -> None:
    port = free_port()
    data_dir = Path(tempfile.mkdtemp(prefix="leadwise-bench-upload-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")},
        "LEADWISE_DATA_DIR": str(data_dir),
        "LEADWISE_SECRET_KEY": secrets.token_urlsafe(32),
        "LEADWISE_LOG__LEVEL": "WARNING",
        "LEADWISE_RATE_LIMIT__ENABLED": "false",
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/leadwise"), "serve", "--no-worker", "--workers", "1",
         "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(300):
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            setup = client.post(
                "/api/v1/setup",
                json={
                    "email": "o@example.com",
                    "password": "a long passphrase",
                    "workspace_name": "B",
                },
            ).json()["data"]
            token = setup["tokens"]["access_token"]
            form = client.post(
                "/api/v1/forms",
                json={"name": "CVs", "accept_files": True},
                headers={"Authorization": f"Bearer {token}"},
            ).json()["data"]
            url = f"/api/v1/public/forms/{form['public_id']}/submit"
            content_type = f"multipart/form-data; boundary={BOUNDARY}"
            rows = [("after start-up and setup", "", memory_kib(server.pid))]
            # Reset the peak: setup's password hash (argon2, 64 MiB) is not what is measured.
            Path(f"/proc/{server.pid}/clear_refs").write_text("5")
            rows.append(("peak reset", "", memory_kib(server.pid)))

            started = time.perf_counter()
            for _ in range(20):
                response = client.post(
                    url,
                    content=multipart_body(5 * MB),
                    headers={
                        "Content-Type": content_type,
                        "Content-Length": str(body_length(5 * MB)),
                    },
                )
                assert response.status_code == 201, response.text
            per_upload = (time.perf_counter() - started) / 20
            rows.append(
                (
                    "20 x 5 MB PDF accepted",
                    f"{per_upload * 1000:.0f} ms each",
                    memory_kib(server.pid),
                )
            )

            chunked = client.post(
                url, content=multipart_body(100 * MB), headers={"Content-Type": content_type}
            )
            rows.append(
                (
                    "100 MB, chunked (no length)",
                    f"{chunked.status_code} {chunked.json()['error']['code']}",
                    memory_kib(server.pid),
                )
            )
            declared = client.post(
                url,
                content=multipart_body(100 * MB),
                headers={
                    "Content-Type": content_type,
                    "Content-Length": str(body_length(100 * MB)),
                },
            )
            rows.append(
                (
                    "100 MB, with Content-Length",
                    f"{declared.status_code} {declared.json()['error']['code']}",
                    memory_kib(server.pid),
                )
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = sorted(p.stat().st_size for p in (data_dir / "attachments").rglob("*") if p.is_file())
    print("| step | result | RSS (MiB) | peak RSS (MiB) |")
    print("|---|---|---:|---:|")
    for step, result, memory in rows:
        print(
            f"| {step} | {result} | {memory['VmRSS'] / 1024:.1f} | {memory['VmHWM'] / 1024:.1f} |"
        )
    print(f"\nfiles kept: {len(stored)} (sizes {set(stored)}); Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
