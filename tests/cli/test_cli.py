"""The synopsis command as a user runs it: outputs, one-line errors, exit status."""

import json

import pytest

from synopsis.report.article_json import validate_article_json
from synopsis.report.report_json import validate_report_json
from tests.cli.commands import GERMAN, PAPER, WIRE, run


def test_extract_prints_schema_valid_json_with_spans(capsys, corpus):
    status, out, err = run(capsys, "extract", str(corpus / "wire.txt"), "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    validate_article_json(data)  # also checks every span against the text
    article = data["articles"][0]
    assert data["schema"] == "synopsis.article/1"
    assert "Skip to main content" not in article["text"]
    assert any(r["text"].startswith("Donate today") for r in article["removed"])
    people = [q for q in article["quantities"] if q["value"] == 1200]
    assert people and people[0]["qualifier"] == "about"


def test_bad_items_get_one_line_each_and_the_batch_goes_on(capsys, tmp_path, corpus):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "deutsch.txt").write_text(GERMAN, encoding="utf-8")
    items = [str(tmp_path / name) for name in ("empty.txt", "blob.txt", "deutsch.txt", "missing.txt")]
    status, out, err = run(capsys, "extract", *items, str(corpus / "paper.md"))
    assert status == 3  # some items failed: one fixed status, whatever their number
    assert err.splitlines()[-1] == "synopsis: 4 items failed"
    lines = [line for line in err.splitlines() if line.startswith("synopsis: skipped")]
    assert len(lines) == 4
    assert any("empty.txt" in line and "empty" in line.split(": ", 2)[-1] for line in lines)
    assert any("blob.txt" in line and "binary" in line for line in lines)
    assert any("deutsch.txt" in line and "German" in line for line in lines)
    assert any("missing.txt" in line for line in lines)
    assert "Traceback" not in err
    assert len(json.loads(out)["articles"]) == 1


def test_ingest_is_idempotent_and_show_explains_removals(capsys, tmp_path, corpus):
    db = str(tmp_path / "news.db")
    status, _, err = run(capsys, "ingest", str(corpus), "--db", db)
    assert status == 0 and "2 added" in err
    status, _, err = run(capsys, "ingest", str(corpus), "--db", db)
    assert status == 0 and "0 added, 2 already stored" in err

    status, out, _ = run(capsys, "articles", "--db", db, "--format", "json")
    rows = json.loads(out)["articles"]
    assert len(rows) == 2
    wire = next(r for r in rows if r["source"].endswith("wire.txt"))
    assert wire["outlet"] == "EXAMPLE WIRE"  # from the agency dateline

    status, out, _ = run(capsys, "show", wire["id"][:8], "--db", db, "--removed")
    assert status == 0
    assert "Skip to main content" in out and "[navigation]" in out
    assert "Donate today" in out


def test_an_ambiguous_numeric_date_is_read_as_the_text_says_and_shown_as_ambiguous(capsys, tmp_path):
    page = tmp_path / "flood.txt"
    page.write_text(
        "Published: 05/02/2024\n\nFloodwater forced about 1,200 people from their homes in Riverton on "
        "Thursday, May 2, the city's emergency office said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(page), "--db", db, "-q")[0] == 0
    status, out, _ = run(capsys, "articles", "--db", db, "--format", "json")
    [row] = json.loads(out)["articles"]
    assert (row["published"], row["published_ambiguous"]) == ("2024-05-02", "text")
    status, out, _ = run(capsys, "show", row["id"], "--db", db)
    assert "published: 2024-05-02 (day and month could be swapped; read as the text spells the day out)" in out


def test_show_unknown_article_is_a_one_line_error(capsys, tmp_path, corpus):
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    status, _, err = run(capsys, "show", "deadbeef", "--db", db)
    assert status == 2
    assert err.strip().count("\n") == 0 and "no article matches 'deadbeef'" in err


@pytest.mark.parametrize(
    "command", [["articles"], ["show", "deadbeef"], ["stories"], ["stories", "show", "s1"], ["report", "s1"]]
)
def test_reading_a_database_that_does_not_exist_is_an_error_and_makes_none(capsys, tmp_path, command):
    missing = tmp_path / "mistyped.db"
    status, _, err = run(capsys, *command, "--db", str(missing))
    assert status == 2
    assert err == f"synopsis: error: no database at {missing}; `synopsis ingest ... --db {missing}` makes one\n"
    assert not missing.exists()


def test_analyze_writes_every_requested_format(capsys, tmp_path, corpus):
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    status, _, err = run(capsys, "analyze", str(corpus), "-o", str(md), "-o", str(js), "-q")
    assert status == 0, err
    data = json.loads(js.read_text(encoding="utf-8"))
    validate_report_json(data)
    assert len(data["stories"]) == 1 and len(data["stories"][0]["sources"]) == 2
    assert md.read_text(encoding="utf-8").startswith("# synopsis report")


def test_dash_output_is_standard_output(capsys, tmp_path, corpus, monkeypatch):
    """QA21: `analyze ... -o -` wrote a file named "-", and `report -o -` could not tell its format."""
    monkeypatch.chdir(tmp_path)
    html = tmp_path / "r.html"
    status, out, err = run(capsys, "analyze", str(corpus), "-o", str(html), "-o", "-")
    assert status == 0, err
    assert out.startswith("# synopsis report") and html.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert f"wrote {html}" in err and "wrote -" not in err
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    status, out, err = run(capsys, "report", "--db", db, "-o", "-", "--format", "json", "-q")
    assert status == 0 and err == ""
    validate_report_json(json.loads(out))
    status, out, _ = run(capsys, "extract", str(corpus / "wire.txt"), "-o", "-", "-q")
    assert status == 0 and json.loads(out)["schema"] == "synopsis.article/1"
    assert not (tmp_path / "-").exists()
    status, out, err = run(capsys, "report", "--db", db, "-o", "-", "-o", "-")
    assert status == 2 and out == "" and "standard output takes one report" in err


def test_quiet_leaves_out_the_wrote_lines_of_analyze_and_report(capsys, tmp_path, corpus):
    """-q is one flag across the commands that print progress or status lines, report included."""
    md = tmp_path / "r.md"
    db = str(tmp_path / "news.db")
    status, _, err = run(capsys, "analyze", str(corpus), "--db", db, "-o", str(md), "-q")
    assert status == 0 and "wrote" not in err and md.exists()
    status, _, err = run(capsys, "report", "--db", db, "-o", str(md), "-q")
    assert status == 0 and err == "" and md.exists()
    status, _, err = run(capsys, "report", "--db", db, "-o", str(md))
    assert status == 0 and err == f"wrote {md}\n"
    _, help_text, _ = run(capsys, "report", "--help")
    assert "SYNOPSIS_DB" in help_text


def test_analyze_and_ingest_name_the_stories_of_the_same_files_alike(capsys, tmp_path, reference_corpus):
    report = tmp_path / "r.json"
    assert run(capsys, "analyze", str(reference_corpus), "-o", str(report), "-q")[0] == 0
    analyzed = {(s["id"], s["title"]) for s in json.loads(report.read_text(encoding="utf-8"))["stories"]}
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(reference_corpus), "--db", db, "-q")[0] == 0
    stored = {(s["id"], s["title"]) for s in json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]}
    assert analyzed == stored and len(stored) == 1


def test_listings_show_an_untitled_article_by_its_opening_words(capsys, tmp_path):
    archive = tmp_path / "feed.jsonl"
    archive.write_text(json.dumps({"text": PAPER, "outlet": "Riverton Daily Courier and Evening Gazette"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(archive), "--db", db, "-q")[0] == 0
    _, listing, _ = run(capsys, "articles", "--db", db)
    assert "The river in Riverton burst its banks on Monday and more than 1,000…" in listing
    assert "Riverton Daily…" in listing and str(archive) not in listing
    story = run(capsys, "stories", "--db", db)[1].split()[0]
    _, shown, _ = run(capsys, "stories", "show", story, "--db", db)
    assert "The river in Riverton burst its banks on Monday and more…" in shown


@pytest.mark.parametrize(
    "text, width, shortened",
    [
        ("Ferries collide in fog", 30, "Ferries collide in fog"),
        ("Ferries collide in thick fog near the pier", 30, "Ferries collide in thick fog…"),
        ("Ferries, collide in thick fog", 12, "Ferries…"),  # no word boundary near enough: cut in the word
        ("Supercalifragilistic words", 10, "Supercali…"),
    ],
)
def test_columns_are_cut_at_a_word_with_an_ellipsis(text, width, shortened):
    from synopsis.cli.output import shorten

    assert shorten(text, width) == shortened and len(shorten(text, width)) <= width


def test_a_database_path_with_a_tilde_is_the_home_folders(capsys, tmp_path, corpus, monkeypatch):
    home, elsewhere = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    elsewhere.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(elsewhere)
    assert run(capsys, "ingest", str(corpus), "--db", "~/news.db", "-q")[0] == 0
    status, listing, _ = run(capsys, "articles", "--db", "~/news.db")
    assert status == 0 and len(listing.splitlines()) == 2
    assert (home / "news.db").exists() and not (elsewhere / "~").exists()


def test_files_a_folder_holds_in_other_formats_are_named_in_one_line(capsys, tmp_path, corpus):
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    (corpus / ".DS_Store").write_bytes(b"\x00\x01")
    outlets = corpus / "outlets.yaml"
    outlets.write_text("outlets: []\n", encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(corpus), "--db", str(tmp_path / "news.db"), "--outlets", str(outlets), "-q")
    assert status == 0  # ignoring a file is no failure
    assert "synopsis: ignored 1 file in formats synopsis does not read: scan.pdf\n" in err
    _, _, err = run(capsys, "extract", str(corpus), "-q")
    assert "ignored 2 files in formats synopsis does not read: outlets.yaml, scan.pdf" in err


@pytest.mark.parametrize(("stop", "status", "word"), [("KeyboardInterrupt", 130, "interrupted"), ("Terminated", 143, "terminated")])
@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_work_that_commits_as_it_goes_says_once_how_to_go_on_when_stopped(capsys, tmp_path, corpus, monkeypatch, stop, status, word, command):
    from synopsis.cli.output import Terminated

    def stopped(*args, on_progress, **kwargs):
        on_progress(0, 2)
        raise {"KeyboardInterrupt": KeyboardInterrupt, "Terminated": Terminated}[stop]()

    monkeypatch.setattr("synopsis.cli.articles.ingest_documents", stopped)
    monkeypatch.setattr("synopsis.jobs.ingest_documents", stopped)
    db = tmp_path / "news.db"
    assert run(capsys, command, str(corpus), "--db", str(db)) == (
        status,
        "",
        f"synopsis: {word}: what was committed stays in {db}; the same command resumes\n",
    )
    # Work that stores nothing has nothing to resume.
    monkeypatch.setattr("synopsis.cli.articles.analyze_inputs", stopped)
    assert run(capsys, "extract", str(corpus)) == (status, "", f"synopsis: {word}\n")


@pytest.mark.parametrize("command", ["analyze", "extract", "report"])
def test_an_output_that_cannot_be_written_is_refused_before_any_work(capsys, tmp_path, corpus, monkeypatch, command):
    import synopsis.cli.articles
    import synopsis.cli.stories

    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0

    def no_work(*args, **kwargs):
        raise AssertionError("the work started before the output was checked")

    monkeypatch.setattr(synopsis.cli.stories, "analyze_inputs", no_work)
    monkeypatch.setattr(synopsis.cli.articles, "analyze_inputs", no_work)
    monkeypatch.setattr("synopsis.jobs.ingest_documents", no_work)
    monkeypatch.setattr("synopsis.story_jobs.current_stories", no_work)
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    argv = {"analyze": ["analyze", str(corpus), "-q"], "extract": ["extract", str(corpus), "-q"], "report": ["report", "--db", db]}[command]
    for output, why in [
        (tmp_path / "missing" / "folder" / "report.html", f"the folder {tmp_path / 'missing' / 'folder'} does not exist"),
        (tmp_path / "a-file" / "report.html", f"{tmp_path / 'a-file'} is a file, not a folder"),
    ]:
        status, out, err = run(capsys, *argv, "-o", str(output))
        assert (status, out) == (2, "")
        assert err == f"synopsis: error: {output}: cannot write there: {why}\n"
    assert not (tmp_path / "missing").exists()
    # A name whose extension tells no format (extract wrote JSON whatever the name before QA25).
    status, out, err = run(capsys, *argv, "-o", str(tmp_path / "report.pdf"))
    assert (status, out) == (2, "")
    why = "extension (.json or .txt); use --format json|text" if command == "extract" else "extension; use --format md|html|json"
    assert err == f"synopsis: error: {tmp_path / 'report.pdf'}: cannot tell the format from the {why}\n"


def test_python_dash_m_synopsis_runs_the_command_line():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "synopsis", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert "analyze" in done.stdout and "ingest" in done.stdout


@pytest.mark.parametrize("command", ["ingest", "extract", "analyze"])
def test_a_ray_address_without_the_ray_engine_is_refused_in_one_line(capsys, tmp_path, corpus, monkeypatch, command):
    argv = [command, str(corpus), "-q"] + (["--db", str(tmp_path / "news.db")] if command == "ingest" else [])
    status, out, err = run(capsys, *argv, "--ray-address", "head:6379")
    assert (status, out) == (2, "")
    assert err == "synopsis: error: --ray-address works only with --engine ray: add --engine ray to run on that cluster\n"
    assert not (tmp_path / "news.db").exists()
    # RAY_ADDRESS in the environment (`ray job submit` sets it) leaves the local engine alone.
    monkeypatch.setenv("RAY_ADDRESS", "head:6379")
    status, _, err = run(capsys, *argv)
    assert status == 0, err


def test_the_ray_address_help_says_it_needs_the_ray_engine(capsys):
    status, out, _ = run(capsys, "ingest", "--help")
    assert status == 0 and "Given without --engine ray it is an error" in " ".join(out.split())


def test_exit_statuses_tell_failed_items_from_a_stopped_command_as_the_readme_says(capsys, tmp_path):
    """Two failed items used to exit 2, as a usage error does: each outcome now has its own status."""
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| (\d+) \| (\w+)", readme, flags=re.MULTILINE))
    assert documented == {"0": "done", "2": "the", "3": "done"}
    missing = [str(tmp_path / f"missing-{i}.txt") for i in range(2)]
    good = tmp_path / "wire.txt"
    good.write_text(WIRE, encoding="utf-8")
    status, _, err = run(capsys, "extract", *missing, str(good), "-q")
    assert status == 3 and err.count("synopsis: skipped") == 2
    assert err.splitlines()[-1] == "synopsis: 2 items failed"
    status, _, err = run(capsys, "extract", *missing[:1], str(good), "-q")
    assert status == 3 and err.splitlines()[-1] == "synopsis: 1 item failed"
    # Every item failed: no article at all, the command stopped (QA21: extract exited 3 with `"articles": []`).
    status, out, err = run(capsys, "extract", *missing, "-q")
    assert status == 2 and out == "" and err.count("synopsis: skipped") == 2
    assert err.splitlines()[-1] == "synopsis: error: no article could be read from the input"
    status, _, err = run(capsys, "extract", "--no-such-option", missing[0])
    assert status == 2 and "No such option" in err
    status, _, err = run(capsys, "extract", missing[0], "--format", "yaml")
    assert status == 2 and "Invalid value" in err and "skipped" not in err
    _, help_text, _ = run(capsys, "ingest", "--help")
    assert "Exit status 3 means some items failed" in " ".join(help_text.split())


@pytest.mark.parametrize("command", ["ingest", "analyze"])
def test_storing_from_inputs_none_of_which_can_be_read_exits_2_and_makes_no_database(capsys, tmp_path, corpus, command):
    """QA: `ingest c/typo --db typo.db` exited 3 (some items failed) and made an empty typo.db.
    The README gives 2 for no readable article at all; a database that exists stays as it was."""
    db = tmp_path / "typo.db"
    typo = str(tmp_path / "typo")
    status, _, err = run(capsys, command, typo, "--db", str(db), "-q")
    assert status == 2 and f"synopsis: skipped {typo}: no such file or folder" in err
    assert "no article could be read from the input" in err
    assert not list(tmp_path.glob("typo.db*"))
    german = tmp_path / "german.txt"  # read, but refused: no article either
    german.write_text(GERMAN, encoding="utf-8")
    status, _, err = run(capsys, command, str(german), "--db", str(db), "-q")
    assert status == 2 and "only English is handled" in err and "no article could be read from the input" in err
    # Read, but none stored: no database is made either (QA21: an empty one was left, which `serve` served).
    assert not list(tmp_path.glob("typo.db*"))
    assert run(capsys, "ingest", str(corpus / "wire.txt"), typo, "--db", str(db), "-q")[0] == 3  # one read: some failed
    before = db.stat().st_mtime_ns, json.loads(run(capsys, "stories", "--db", str(db), "--format", "json")[1])["stories"]
    for refused in (typo, str(german)):
        assert run(capsys, command, refused, "--db", str(db), "-q")[0] == 2
        assert (db.stat().st_mtime_ns, json.loads(run(capsys, "stories", "--db", str(db), "--format", "json")[1])["stories"]) == before


def test_json_items_are_numbered_from_1_and_names_from_older_runs_are_brought_up_to_date(capsys, tmp_path):
    """a.json#1 is the first item, in errors and sources; an archive ingested when items were
    numbered from 0 is not stored again, and its articles take the names they go by now."""
    import sqlite3

    items = [{"text": WIRE, "url": "https://wire.example/floods"}, {"title": "no text"}, {"text": PAPER}]
    archive = tmp_path / "a.json"
    archive.write_text(json.dumps(items), encoding="utf-8")
    db = str(tmp_path / "news.db")
    status, _, err = run(capsys, "ingest", str(archive), "--db", db, "-q")
    assert status == 3 and "2 added" in err and err.rstrip().endswith("1 failed (" + db + ")")
    assert f"{archive}#2" in err and "no 'text'" in err  # the error names item 2, the one without text

    def sources():
        _, out, _ = run(capsys, "articles", "--db", db, "--format", "json")
        return sorted(row["source"] for row in json.loads(out)["articles"])

    assert sources() == [f"{archive}#1", f"{archive}#3"]
    # What an older synopsis stored: the same items named from 0.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET source = replace(replace(source, '#1', '#0'), '#3', '#2')")
        conn.execute("UPDATE articles SET analysis_json = json_set(analysis_json, '$.source', source)")
    assert sources() == [f"{archive}#0", f"{archive}#2"]
    status, _, err = run(capsys, "ingest", str(archive), "--db", db, "-q")
    assert "0 added, 2 already stored" in err
    assert sources() == [f"{archive}#1", f"{archive}#3"]
    _, out, _ = run(capsys, "articles", "--db", db, "--format", "json")
    first = next(row["id"] for row in json.loads(out)["articles"] if row["source"].endswith("#1"))
    status, out, _ = run(capsys, "show", first, "--db", db, "--format", "json")
    assert status == 0 and f"{archive}#1" in out  # the stored analysis carries the new name too

def test_corrections_print_the_resulting_story_alone_on_stdout_and_what_they_did_on_stderr(capsys, tmp_path, corpus):
    """QA: `split` printed the new id with no message, `merge` a message and no id; and neither
    `stories show` of a merged-away id nor `stories compare` of two articles a user put together
    said a user did it."""
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    (story,) = json.loads(run(capsys, "stories", "--db", db, "--format", "json")[1])["stories"]
    wire, paper = sorted(story["articles"], key=lambda a: not a["source"].endswith("wire.txt"))
    status, out, err = run(capsys, "stories", "split", story["id"][:6], wire["id"][:8], "--db", db)
    new_id = out.strip()
    assert status == 0 and out == f"{new_id}\n" and new_id != story["id"]
    assert err == f"moved article {wire['id'][:12]} out of {story['id']} into a new story, {new_id}\n"
    status, out, err = run(capsys, "stories", "merge", story["id"][:6], new_id[:6], "--db", db)
    assert status == 0 and out == f"{story['id']}\n"
    assert err == f"moved 1 article into {story['id']} from {new_id}, which now leads there\n"
    status, out, err = run(capsys, "stories", "show", new_id, "--db", db)
    assert status == 0 and out.startswith(story["id"])
    assert f"story {new_id} holds none of its articles now (a user's merge or split moved them): they are in {story['id']}; {story['id']} is shown here" in err
    status, out, _ = run(capsys, "stories", "compare", paper["id"], wire["id"], "--db", db)
    assert status == 0 and "a user merged their stories (`synopsis stories merge`)" in out
    compared = json.loads(run(capsys, "stories", "compare", paper["id"], wire["id"], "--db", db, "--format", "json")[1])
    assert compared["together_by_user"] == "merge"


def test_compare_says_which_day_a_lead_gives_and_how(capsys, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Title: Fire guts Sarnow warehouse\nPublished: 2024-06-10\n\nA fire gutted a timber warehouse in Sarnow on Monday afternoon, the fire service said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Title: Sarnow ferry strike ends\nPublished: 2024-06-12\n\nFerry crews in Sarnow ended their strike on 11 June 2024, the union said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(folder), "--db", db, "-q")[0] == 0
    ids = {row["source"]: row["id"] for row in json.loads(run(capsys, "articles", "--db", db, "--format", "json")[1])["articles"]}
    status, out, err = run(capsys, "stories", "compare", ids[str(folder / "a.txt")], ids[str(folder / "b.txt")], "--db", db)
    assert status == 0, err
    assert "2024-06-10 (part of day)" in out and "2024-06-11 (event)" in out


def test_reanalyze_extracts_articles_an_older_synopsis_stored_and_keeps_their_stories(capsys, corpus, tmp_path):
    import sqlite3

    from synopsis.extract import EXTRACTION_METHOD

    db = str(tmp_path / "news.db")
    assert run(capsys, "ingest", str(corpus), "--db", db, "-q")[0] == 0
    conn = sqlite3.connect(db)
    before = dict(conn.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    entities = conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
    # As an older synopsis left them: no recipe recorded, and one article's entities missing.
    wire = conn.execute("SELECT id FROM articles WHERE source LIKE '%wire.txt'").fetchone()[0]
    conn.execute("UPDATE articles SET extraction = NULL")
    conn.execute("DELETE FROM entities WHERE article_id = ?", (wire,))
    conn.commit()
    status, _, err = run(capsys, "ingest", str(corpus), "--db", db)
    assert status == 0 and "2 stored articles analysed by an older synopsis" in err and "synopsis reanalyze" in err
    # Every command reading the store says so, once, in one line naming the command that fixes it.
    status, _, err = run(capsys, "stories", "--db", db)
    assert status == 0 and [line for line in err.splitlines() if "older" in line] == [
        f"synopsis: warning: {db}: 2 stored articles analysed by an older synopsis: `synopsis reanalyze --db {db}` brings them up to date"
    ]
    status, _, err = run(capsys, "reanalyze", "--db", db, "-q")
    assert status == 0, err
    # Their event profiles were made from the analyses replaced: made again too (the same here, so no story moves).
    assert err.strip().endswith(f"2 analysed again, 0 already current, 2 story profiles made again ({db})")
    assert conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == entities
    assert dict(conn.execute("SELECT article_id, story_id FROM story_articles").fetchall()) == before
    assert {row[0] for row in conn.execute("SELECT DISTINCT extraction FROM articles")} == {EXTRACTION_METHOD}
    assert "older" not in run(capsys, "articles", "--db", db)[2]
    conn.execute("UPDATE article_events SET method = 'synopsis.event/1'")
    conn.commit()
    assert f"{db}: 2 story profiles made by an older one: `synopsis reanalyze" in run(capsys, "show", wire, "--db", db)[2]
    assert run(capsys, "reanalyze", "--db", db, "-q")[2].strip().endswith("0 analysed again, 2 already current, 2 story profiles made again (" + db + ")")
    # Nothing left to do, unless asked for everything.
    assert run(capsys, "reanalyze", "--db", db, "-q")[2].strip().endswith("0 analysed again, 2 already current (" + db + ")")
    assert run(capsys, "reanalyze", "--db", db, "--all", "-q")[2].strip().startswith("2 analysed again, 0 already current, 2 story")
    status, _, err = run(capsys, "reanalyze", "--db", str(tmp_path / "missing.db"))
    assert status == 2 and "no database at" in err and "Traceback" not in err


def test_what_an_item_had_to_leave_out_is_a_warning_line_and_the_item_is_stored(capsys, tmp_path):
    (tmp_path / "x.txt").write_text(f"Title: Riverton floods\nPublished: 2026-13-45\n\n{PAPER}", encoding="utf-8")
    (tmp_path / "y.json").write_text(json.dumps({"text": WIRE, "outlet": 7}), encoding="utf-8")
    db = str(tmp_path / "news.db")
    status, _, err = run(capsys, "ingest", str(tmp_path / "x.txt"), str(tmp_path / "y.json"), "--db", db, "-q")
    assert status == 0, err  # a warning is no failure
    assert f"synopsis: warning: {tmp_path / 'x.txt'}: publication date '2026-13-45' is not a valid date; ignored\n" in err
    assert f"synopsis: warning: {tmp_path / 'y.json'}: 'outlet' is a number (7), not text; ignored\n" in err
    assert "2 added" in err
    status, out, _ = run(capsys, "articles", "--db", db, "--format", "json")
    assert sorted(row["outlet"] for row in json.loads(out)["articles"]) == ["EXAMPLE WIRE", "unidentified outlet (x.txt)"]
