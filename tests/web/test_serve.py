"""``onrecord serve`` as a user runs it: a process on a free port, settings from a config file,
a token-protected POST, the stored article read back; a bad config file stops it with a message."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    config = tmp_path / "web.toml"
    config.write_text('[web]\napi_token = "cfg-token"\nmax_body_bytes = 50000\n')
    port = free_port()
    log = open(tmp_path / "serve.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "onrecord", "serve", "--db", f"sqlite:///{tmp_path / 'served.db'}",
         "--port", str(port), "--config", str(config)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "onrecord serve did not answer in 60 s"
            try:
                if fetch(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_onrecord_serve(served: str) -> None:
    status, headers, body = fetch(f"{served}/api/articles")
    assert status == 200 and json.loads(body) == {"items": [], "next_cursor": None}
    assert "default-src 'self'" in headers["content-security-policy"]
    text = "“The harbour opens on Friday,” Mayor Tove Lind said.".encode()
    status, _, body = fetch(f"{served}/api/articles?id=harbour&date=2025-05-02", text,
                            {"content-type": "text/plain"})
    assert status == 401 and json.loads(body)["error"]["status"] == 401
    status, _, body = fetch(f"{served}/api/articles?id=harbour&date=2025-05-02", text,
                            {"content-type": "text/plain", "authorization": "Bearer cfg-token"})
    assert status == 201, body
    status, _, body = fetch(f"{served}/api/statements?speaker=Lind")
    assert [i["article"] for i in json.loads(body)["items"]] == ["harbour"]
    status, _, page = fetch(f"{served}/articles/harbour")
    assert status == 200 and '<mark class="content' in page
    status, _, body = fetch(f"{served}/api/articles", b"x" * 60_000, {"content-type": "text/plain",
                                                                        "authorization": "Bearer cfg-token"})
    assert status == 413 and "limit" in json.loads(body)["error"]["message"]


def test_a_bad_config_file_stops_serve(tmp_path: Path) -> None:
    bad = tmp_path / "web.toml"
    bad.write_text("page_size = 'many'\n")
    r = subprocess.run([sys.executable, "-m", "onrecord", "serve", "--db", f"sqlite:///{tmp_path / 'x.db'}",
                        "--config", str(bad), "--port", str(free_port())],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "page_size" in r.stderr
