"""A killed, stopped or interrupted ingest: resumes without losing or duplicating work, and leaves
no workers behind."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from synopsis.story_jobs import current_stories
from synopsis.store.db import Store


TEMPLATE = (
    "{outlet} reports that {what} in {place} on {date}. "
    "{person} told reporters that {count} people were affected and that crews worked through the night. "
    "Residents of {place} described the scene to {outlet}. "
    "Officials in {place} said an inquiry would begin next week."
)


EVENTS = [
    ("a warehouse fire broke out", "Orlund", "12 April 2024", "Fire chief Pera Voss", 40),
    ("a ferry ran aground", "Kessa Bay", "2 May 2024", "Harbour master Ivo Lant", 120),
    ("floodwaters rose", "Maren Valley", "19 May 2024", "Mayor Dita Rusk", 900),
    ("a train derailed", "Holt Junction", "3 June 2024", "Rail inspector Sem Arvo", 65),
]


# Two dozen outlets per event (96 articles): enough that a signal sent once three are stored lands
# mid-way even on a loaded machine, where polling the database may wait on the writer's lock.
OUTLETS = [f"Courier {n}" for n in "ABCDEFGHIJKLMNOPQRSTUVWX"]


def _write_archive(folder: Path) -> int:
    folder.mkdir()
    count = 0
    for e, (what, place, date, person, number) in enumerate(EVENTS):
        for o, outlet in enumerate(OUTLETS):
            text = TEMPLATE.format(outlet=outlet, what=what, place=place, date=date, person=person, count=number + o)
            doc = {"title": f"{outlet}: in {place}, {what}", "text": text, "outlet": outlet}
            (folder / f"e{e:02d}_{o:02d}.json").write_text(json.dumps(doc), encoding="utf-8")
            count += 1
    return count


def _count(path: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killed_ingest_resumes_without_losing_or_duplicating(tmp_path):
    folder = tmp_path / "archive"
    total = _write_archive(folder)
    path = tmp_path / "news.db"
    command = [sys.executable, "-m", "synopsis.cli.main", "ingest", str(folder), "--db", str(path), "--workers", "1", "-q"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        stored_at_kill = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            stored_at_kill = _count(path, "articles")
            if stored_at_kill >= 3:
                break
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    stored_at_kill = _count(path, "articles")
    assert 0 < stored_at_kill < total, "the kill must land mid-way"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - stored_at_kill} added, {stored_at_kill} already stored" in rerun.stderr
    with Store.open(path) as store:
        assert store.count_articles() == total
        rows = store.conn.execute("SELECT article_id, COUNT(*) FROM story_articles GROUP BY article_id").fetchall()
        assert len(rows) == total and all(n == 1 for _, n in rows)
        assert _count(path, "article_events") == total
        stories = current_stories(store)
        analyses = list(store.iter_analyses())
    # Each event's articles form one story, and nothing else joined them.
    place_of = {a.article.id: next(p for _, p, *_ in EVENTS if p in a.article.text) for a in analyses}
    assert sorted(sorted({place_of[i] for i in s.article_ids}) for s in stories) == sorted([[p] for _, p, *_ in EVENTS])


def _state_and_parent(pid: int) -> tuple[str, int] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, parent = stat.rsplit(")", 1)[1].split()[:2]
    return state, int(parent)


def _children(pid: int) -> list[int]:
    found = ((int(d), _state_and_parent(int(d))) for d in os.listdir("/proc") if d.isdigit())
    return [child for child, info in found if info and info[1] == pid]


def _running(pid: int) -> bool:
    info = _state_and_parent(pid)
    return info is not None and info[0] not in "ZX"  # a zombie has exited


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_ingest_leaves_no_workers_behind_and_resumes(tmp_path, stop):
    folder = tmp_path / "archive"
    total = _write_archive(folder)
    path = tmp_path / "news.db"
    command = [sys.executable, "-m", "synopsis.cli.main", "ingest", str(folder), "--db", str(path), "--workers", "2", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and _count(path, "articles") < 3:
            time.sleep(0.02)
        workers = _children(process.pid)
        assert len(workers) >= 2, "the pool must be running when the signal lands"
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    if stop == signal.SIGTERM:
        assert process.returncode == 128 + signal.SIGTERM
        assert "synopsis: terminated" in stderr and "the same command resumes" in stderr
        assert "Traceback" not in stderr
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_running(w) for w in workers):
        time.sleep(0.1)
    assert not any(_running(w) for w in workers)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(path) as store:
        assert store.count_articles() == total


@pytest.mark.parametrize("when", ["loading", "working"])
def test_ctrl_c_stops_an_ingest_with_one_line_and_no_worker_tracebacks(tmp_path, when):
    # Ctrl-C in a terminal signals the whole process group: the workers too.
    folder = tmp_path / "archive"
    _write_archive(folder)
    path = tmp_path / "news.db"
    command = [sys.executable, "-m", "synopsis.cli.main", "ingest", str(folder), "--db", str(path), "--workers", "2", "-q"]
    # A terminal's Ctrl-C reaches a process whose SIGINT is at its default; a test suite started in
    # the background of a script inherits it ignored (POSIX shells do that to background jobs), and
    # Python then installs no KeyboardInterrupt handler: the ingest ran to its end.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 120
        if when == "loading":
            while time.monotonic() < deadline and len(_children(process.pid)) < 2:
                time.sleep(0.01)
            time.sleep(0.3)  # into the seconds a fresh worker spends importing and loading its models
        else:
            while time.monotonic() < deadline and process.poll() is None and _count(path, "articles") < 3:
                time.sleep(0.02)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 128 + signal.SIGINT, stderr
    assert "synopsis: interrupted" in stderr and "Traceback" not in stderr, stderr
