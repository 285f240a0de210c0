"""A report is the same whichever way the articles went: `synopsis analyze` of the files, or
`synopsis ingest` into a store and `synopsis report` from it (the store keeps all that
extraction found, and lists stories and their articles in the analysis's order)."""

from __future__ import annotations

from tests.cli.commands import run

# Invented reports of two events.  The files' names are not in the order of publication, so an
# order taken from the input would show.  Dated clauses ("talks that were due to resume
# tomorrow") give times with clause spans, which the store must keep for a report to match.
ARTICLES = {
    "a-harbour.txt": """Published: 2026-05-06T08:00:00+00:00
Source: Example Harbour News

PORT ELLIS - Dock workers at Port Ellis ended a three-day strike on Tuesday, the union said. About 800 workers had walked out on Saturday over pay.

Union leader Mara Quill said talks with the port authority were due to resume tomorrow. "We won what we came for," she told reporters.
""",
    "b-wire.txt": """Published: 2026-05-05T16:30:00+00:00
Source: Test Wire

PORT ELLIS, May 5 - More than 900 dock workers stayed off the job at Port Ellis on Tuesday as the strike entered its fourth day, the port authority said.

Authority spokesman Ivo Brandt said that ships had been diverted to Kelso and that the authority was ready to meet the union on Wednesday.
""",
    "c-gazette.txt": """Published: 2026-05-07T10:15:00+00:00
Source: Ellis Gazette

The Port Ellis strike is over. Mara Quill, who leads the dock workers' union, said on Wednesday that 850 members had voted to accept a 6 percent raise.

The port authority said the first ships would dock on Thursday.
""",
    "d-valley.txt": """Published: 2026-05-06T12:00:00+00:00
Source: Valley Courier

A wildfire near Tarn Valley burned 1,400 hectares of forest on Monday, fire chief Olek Varn said. About 300 residents were evacuated overnight.

Varn said crews expected to contain the fire by Friday.
""",
    "e-radio.txt": """Published: 2026-05-05T07:45:00+00:00
Source: Coast Radio

Firefighters in Tarn Valley battled a forest fire that had burned 1,200 hectares by Monday evening, officials said. Some 250 people left their homes.
""",
}


def test_a_report_from_the_store_equals_the_analysis_of_the_same_files(capsys, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    analyzed = {fmt: tmp_path / f"analyzed.{fmt}" for fmt in ("json", "md", "html")}
    reported = {fmt: tmp_path / f"reported.{fmt}" for fmt in ("json", "md", "html")}
    status, _, err = run(capsys, "analyze", folder, *[a for path in analyzed.values() for a in ("-o", path)], "-q")
    assert status == 0, err
    db = tmp_path / "news.db"
    assert run(capsys, "ingest", folder, "--db", db, "-q")[0] == 0
    status, _, err = run(capsys, "report", "--db", db, *[a for path in reported.values() for a in ("-o", path)], "-q")
    assert status == 0, err
    assert analyzed["json"].read_text(encoding="utf-8").count('"articles": [') == 2  # both events, each its own story
    for fmt in analyzed:
        assert reported[fmt].read_text(encoding="utf-8") == analyzed[fmt].read_text(encoding="utf-8"), fmt
