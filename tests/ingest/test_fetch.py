"""URL reading against a local HTTP server: content types, limits and failures."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from synopsis.ingest.fetch import FetchError, FetchOptions, fetch_url
from synopsis.ingest.readers import read_inputs
from synopsis.records import InputError, RawDocument

PAGE = (
    "<html><head><title>Fog closes port</title></head><body><article><p>Fog closed the port for six hours on "
    "Tuesday, the harbour authority said, and ferries were held at their piers until noon.</p></article></body></html>"
)
RSS = (
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Port News</title><item><title>Fog</title>"
    "<description>Fog closed the port for six hours.</description></item></channel></rss>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        path = self.path
        if path == "/page":
            self.send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/feed":
            self.send(200, RSS.encode(), "application/rss+xml")
        elif path == "/json":
            self.send(200, json.dumps({"text": "Fog closed the port for six hours.", "outlet": "Port News"}).encode(), "application/json")
        elif path == "/plain":
            self.send(200, b"Fog closed the port for six hours.", "text/plain")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/page" if left == 0 else f"/hop/{left - 1}"
            self.send(302, b"", "text/plain", {"Location": target})
        elif path == "/big":
            self.send(200, b"a" * 5000, "text/plain")
        elif path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(10):
                self.wfile.write(b"b" * 1000)
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, b"late", "text/plain")
        else:
            self.send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def read_url(url: str, **options) -> list[RawDocument | InputError]:
    return list(read_inputs([url], fetch=FetchOptions(**options)))


def test_html_page(server) -> None:
    [doc] = read_url(f"{server}/page")
    assert isinstance(doc, RawDocument) and doc.is_extracted
    assert "Fog closed the port" in doc.content
    assert doc.source == f"{server}/page" and doc.url == f"{server}/page"


@pytest.mark.parametrize(
    ("path", "check"),
    [
        ("/feed", lambda d: d.title == "Fog" and d.outlet == "Port News"),
        ("/json", lambda d: d.outlet == "Port News" and d.content.startswith("Fog closed")),
        ("/plain", lambda d: d.content == "Fog closed the port for six hours." and not d.is_extracted),
    ],
)
def test_content_type_decides_reader(server, path: str, check) -> None:
    [doc] = read_url(server + path)
    assert isinstance(doc, RawDocument) and check(doc)


def test_redirects_within_limit_are_followed(server) -> None:
    fetched = fetch_url(f"{server}/hop/3", FetchOptions(max_redirects=5))
    assert fetched.url.endswith("/page") and b"Fog closed" in fetched.body


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/hop/6", {"max_redirects": 5}, "too many redirects (more than 5)"),
        ("/missing", {}, "http 404 not found"),
        ("/big", {"max_bytes": 1000}, "too large: 5000 bytes (limit 1000)"),
        ("/big-chunked", {"max_bytes": 1000}, "too large: more than 1000 bytes"),
        ("/slow", {"timeout": 0.3}, "timed out after 0.3 s"),
        ("/image", {}, "unsupported content type image/png"),
    ],
)
def test_url_failures(server, path: str, options: dict, reason: str) -> None:
    [error] = read_url(server + path, **options)
    assert isinstance(error, InputError)
    assert error.item == server + path and error.reason == reason


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    [error] = read_url(f"http://127.0.0.1:{port}/page")
    assert isinstance(error, InputError) and error.reason == "connection refused by 127.0.0.1"


def test_unresolvable_host() -> None:
    [error] = read_url("http://no-such-host.invalid/page")
    assert isinstance(error, InputError) and error.reason == "cannot resolve host no-such-host.invalid"


def test_private_addresses_refused_when_not_allowed(server) -> None:
    [error] = read_url(f"{server}/page", allow_private=False)
    assert isinstance(error, InputError)
    assert error.reason == "refused: 127.0.0.1 resolves to a private address (127.0.0.1)"
    with pytest.raises(FetchError, match="private address"):
        fetch_url("http://localhost:9/", FetchOptions(allow_private=False))


def test_address_connected_to_is_checked_too(server, monkeypatch) -> None:
    """A name that resolved to a public address when checked and to a private one when
    connecting (DNS rebinding) is refused before its body is read."""
    import synopsis.ingest.fetch as fetch

    monkeypatch.setattr(fetch, "check_address", lambda host: None)  # the first lookup said "public"
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 connected to a private address \(127\.0\.0\.1\)"):
        fetch_url(f"{server}/page", FetchOptions(allow_private=False))
    assert fetch_url(f"{server}/page", FetchOptions(allow_private=True)).content_type == "text/html"
