"""Progress lines of long batches, including an ingest whose total is learnt late."""

from __future__ import annotations

from synopsis.cli.output import Progress


def test_an_unknown_total_is_reported_as_so_far_and_the_end_as_a_fraction(capsys):
    progress = Progress("ingested")
    progress(2000, None)
    progress(2001, None)  # within 5 s of the last line: not repeated
    progress(2500, 2500)  # the end is always shown
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "ingested 2000 articles so far"  # nothing to measure a rate by yet
    assert lines[1].startswith("ingested 2500/2500 articles (")
    assert len(lines) == 2


def test_a_live_line_covers_a_longer_one_before_it(capsys):
    progress = Progress("ingested")
    progress.tty = True
    progress(4000, None)
    progress(4100, 4100)
    out = capsys.readouterr().err
    first, second = out.split("\r")[1:]
    assert len(second.rstrip("\n")) >= len(first) and second.endswith("\n")
    assert "4100/4100" in second


def test_a_line_once_shown_is_finished_even_for_a_small_total(capsys):
    progress = Progress("ingested")
    progress(3, 3)  # a small batch shows nothing
    assert capsys.readouterr().err == ""
    progress(5, None)
    progress(8, 8)  # below the minimum too, but the line above must be closed
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" (")[0] for line in lines] == ["ingested 5 articles so far", "ingested 8/8 articles"]


def test_the_rate_counts_from_the_start_of_the_work_not_of_the_command(capsys):
    import time

    progress = Progress("embedded again the leads of")
    progress.started = time.monotonic() - 1000  # the command began long before this work
    progress(0, 500)  # the work starts
    progress(500, 500)
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("embedded again the leads of 500/500 articles (")
    # 500 articles over 1,000 s would read 0.5/s; counted from the start of the work it is far more.
    assert float(last.split("(")[1].split("/s")[0]) > 100


def test_live_lines_leave_out_the_time_the_workers_spent_loading_models(capsys, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("synopsis.cli.output.time.monotonic", lambda: clock[0])
    progress = Progress("ingested")
    progress(0, 400)  # the work starts; the workers load their models for 60 s
    clock[0] += 60
    progress(1, 400)
    clock[0] += 10
    progress(101, 400)  # 100 more in 10 s
    clock[0] += 10
    progress(400, 400)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "ingested 0/400 articles",
        "ingested 1/400 articles",  # not "(0.0/s)"
        "ingested 101/400 articles (10.0/s)",  # not 101 in 70 s, 1.4/s
        "ingested 400/400 articles (5.0/s)",  # the whole work: 400 in 80 s
    ]
