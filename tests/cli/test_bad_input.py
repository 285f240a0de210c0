"""Bad input to the commands: one line naming the item and the reason, the right exit status,
the rest of the batch read, and nothing made or lost on the way."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.cli.commands import run

WIRE = (
    "RIVERTON, May 4 /EXAMPLE WIRE/ - Floodwater forced about 1,200 people from their homes in Riverton on Monday, "
    "the city's emergency office said.\n\nMayor Hana Okafor told reporters that the river peaked at 6:30 p.m. local time.\n"
)


@pytest.fixture()
def wire(tmp_path) -> Path:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    return path


def test_a_malformed_url_is_skipped_and_the_good_files_are_stored(capsys, tmp_path, wire):
    db = tmp_path / "b.db"
    status, _, err = run(capsys, "ingest", wire, "http://[::1", "http://256.1.1.1/x", "--db", db, "-q")
    assert status == 3 and "Traceback" not in err
    assert "synopsis: skipped http://[::1: invalid URL: bad [IPv6] host" in err.splitlines()
    assert "synopsis: skipped http://256.1.1.1/x: invalid URL: 256.1.1.1 is not an IP address" in err.splitlines()
    assert len(json.loads(run(capsys, "articles", "--db", db, "--format", "json")[1])["articles"]) == 1


def test_json_nested_too_deeply_is_one_line(capsys, tmp_path, wire):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    status, out, err = run(capsys, "extract", deep, wire, "-q")
    assert status == 3 and err.splitlines()[0] == f"synopsis: skipped {deep}: malformed json: nested too deeply"
    assert len(json.loads(out)["articles"]) == 1


@pytest.mark.parametrize("command", ["extract", "ingest", "analyze"])
@pytest.mark.parametrize("contents", [[], ["notes.yaml", "photo.png"]])
def test_a_folder_without_articles_is_no_success(capsys, tmp_path, command, contents):
    folder = tmp_path / "empty"
    folder.mkdir()
    for name in contents:
        (folder / name).write_bytes(b"x")
    db = tmp_path / "e.db"
    status, out, err = run(capsys, command, folder, "-q", *(["--db", db] if command != "extract" else []))
    assert status == 2 and out == ""
    assert err.splitlines()[-1].startswith("synopsis: error: no article in the input: the folders given hold no text")
    assert ("ignored 2 files" in err) == bool(contents)
    assert not list(tmp_path.glob("e.db*"))  # no empty database left behind


def test_a_database_in_a_missing_folder_is_an_error(capsys, tmp_path, wire):
    db = tmp_path / "nonexistent" / "dir" / "x.db"
    status, _, err = run(capsys, "ingest", wire, "--db", db, "-q")
    assert status == 2 and err == f"synopsis: error: cannot open database {db}: the folder {db.parent} does not exist\n"
    assert not (tmp_path / "nonexistent").exists()


def test_a_read_only_database_is_read_and_changes_are_refused_in_one_line(capsys, tmp_path, wire, monkeypatch):
    from synopsis.store import db as store_db

    db = tmp_path / "news.db"
    assert run(capsys, "ingest", wire, "--db", db, "-q")[0] == 0
    listed = run(capsys, "articles", "--db", db, "--format", "json")[1]
    # As on a read-only mount (tests run as root, whom file permissions do not stop).
    monkeypatch.setattr(store_db, "is_writable", lambda path: False)
    assert run(capsys, "articles", "--db", db, "--format", "json")[1] == listed
    [article] = json.loads(listed)["articles"]
    status, out, _ = run(capsys, "show", article["id"][:8], "--db", db)
    assert status == 0 and article["id"] in out
    status, out, err = run(capsys, "stories", "--db", db, "--format", "json")
    assert status == 0 and len(json.loads(out)["stories"]) == 1, err
    for argv in (["ingest", wire], ["reanalyze"]):
        status, _, err = run(capsys, *argv, "--db", db, "-q")
        assert status == 2 and err == f"synopsis: error: database {db} is read-only (its file, folder or disk cannot be written): this command changes it\n"


def test_serve_refuses_a_missing_database_and_a_taken_port_before_saying_it_serves(capsys, tmp_path, wire, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)  # never serve for real here
    typo = tmp_path / "typo.db"
    status, _, err = run(capsys, "serve", "--db", typo)
    assert status == 2 and err.startswith(f"synopsis: error: no database at {typo};") and not typo.exists()
    db = tmp_path / "news.db"
    assert run(capsys, "ingest", wire, "--db", db, "-q")[0] == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, _, err = run(capsys, "serve", "--db", db, "--port", port)
    assert status == 2 and "serving" not in err
    assert err == f"synopsis: error: cannot listen on 127.0.0.1:{port}: address already in use\n"


def test_serve_on_port_0_prints_the_port_it_listens_on(capsys, tmp_path, wire, monkeypatch):
    import uvicorn

    served = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: served.extend(sockets or []))
    db = tmp_path / "news.db"
    assert run(capsys, "ingest", wire, "--db", db, "-q")[0] == 0
    status, _, err = run(capsys, "serve", "--db", db, "--port", 0)
    [sock] = served
    port = sock.getsockname()[1]
    sock.close()
    assert status == 0 and port != 0
    assert err == f"serving {db} on http://127.0.0.1:{port}/ (Ctrl+C stops)\n"
