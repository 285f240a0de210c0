"""Browser fixtures: a real headless Chromium (Debian's package, driven by Playwright; never a
downloaded browser), and the web app run with uvicorn in a thread on a free loopback port over a
temporary store that ingests the reference corpus once per session."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
# The first visit to a story computes its report (seconds, more on a busy machine).
SLOW_MS = 180_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory, reference_corpus) -> Path:
    """A store of the reference corpus, ingested once per session."""
    from synopsis.jobs import ingest_inputs
    from synopsis.store.db import Store

    db = tmp_path_factory.mktemp("e2e") / "news.db"
    with Store.open(db) as store:
        result = ingest_inputs([str(reference_corpus)], store)
    assert result.added == 5, result.errors
    return db


@pytest.fixture(scope="session")
def live_server(reference_db):
    """Base URL of the app serving a store of the reference corpus."""
    import uvicorn

    from synopsis.server.app import create_app

    db = reference_db
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    # A missing browser is a failure, not a skip: CI installs Debian's chromium.
    assert CHROMIUM.exists(), f"{CHROMIUM} missing: apt-get install -y chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(SLOW_MS)
    yield page
    context.close()


