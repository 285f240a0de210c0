"""A reader that stops reading (`synopsis articles | head -1`): every command ends quietly, status 0."""

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest

from tests.cli.commands import PAPER, WIRE, main, run


class ClosedPipe:
    """Standard output whose reader has gone: every write fails as on a closed pipe."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def isatty(self):
        return False


def story_listing(db: str) -> list[dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["stories", "--db", db, "--format", "json"]) == 0
    return json.loads(out.getvalue())["stories"]


@pytest.fixture()
def stored(tmp_path):
    """A database of the two flood reports (one story)."""
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(tmp_path / "wire.txt"), str(tmp_path / "paper.md"), "--db", db, "-q"]) == 0
    return tmp_path, db


def test_every_command_ends_quietly_when_its_reader_closes_the_pipe(capsys, monkeypatch, stored):
    """QA21: `articles | head -1` exited 1 (click's status for a broken pipe, a bug's in the README)
    at random, with nothing said."""
    folder, db = stored
    (story,) = story_listing(db)
    first, second = (a["id"] for a in story["articles"])
    wire, paper = str(folder / "wire.txt"), str(folder / "paper.md")
    for argv in (
        ["--help"],
        ["--version"],
        ["articles", "--help"],
        ["articles", "--db", db],
        ["articles", "--db", db, "--format", "json"],
        ["show", first, "--db", db],
        ["show", first, "--db", db, "--removed"],
        ["show", first, "--db", db, "--format", "json"],
        ["stories", "--db", db],
        ["stories", "--db", db, "--format", "json"],
        ["stories", "show", story["id"], "--db", db],
        ["stories", "compare", first, second, "--db", db],
        ["extract", wire, "-q"],
        ["extract", wire, "-q", "--format", "text"],
        ["analyze", wire, paper, "-q"],
        ["analyze", wire, paper, "-q", "-o", "-", "--format", "json"],
        ["report", "--db", db, "-q"],
        ["report", story["id"], "--db", db, "-q", "-o", "-"],
        ["stories", "split", story["id"], first, "--db", db],  # done, then the new id is not read
        ["stories", "merge", story["id"], "NEW", "--db", db],
    ):
        if "NEW" in argv:  # the story the split made
            argv[3] = next(s["id"] for s in story_listing(db) if s["id"] != story["id"])
        capsys.readouterr()
        with monkeypatch.context() as patch:
            patch.setattr(sys, "stdout", ClosedPipe())
            status, _, err = run(capsys, *argv)
        assert (argv, status, err) == (argv, 0, "")
    assert len(story_listing(db)) == 1  # the split and the merge were done, unread


@pytest.mark.parametrize("argv", [["--help"], ["articles", "--db", "{db}"]])
def test_a_closed_pipe_ends_the_process_quietly(stored, argv):
    """The real interpreter, which flushes standard output once more at exit: status 0, no message."""
    _, db = stored
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line
    try:
        done = subprocess.run(
            [sys.executable, "-m", "synopsis", *(a.format(db=db) for a in argv)],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")
