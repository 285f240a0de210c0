"""Readers: every format, folders, stdin, and one short error per bad item."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from synopsis.ingest.fetch import FetchOptions
from synopsis.ingest.readers import read_inputs
from synopsis.records import InputError, RawDocument

TEXT = "The harbour authority said two ferries collided in fog near the pier on Monday. Nobody was hurt."
HTML = """<!DOCTYPE html><html><head><title>Ferries collide in fog | Harbour Gazette</title>
<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-03-03T09:15:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Ferries collide in fog</h1>
<p>The harbour authority said on Monday that two ferries had collided in thick fog near the pier, and that
nobody had been hurt in the crash, according to the coastguard.</p>
<p>Inspectors will examine the radar logs of both ferries this week, the authority added, and a report is
expected before the end of the month.</p></article><footer>Copyright Harbour Gazette</footer></body></html>"""
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example</link>
<item><title>Ferries collide</title><link>https://gazette.example/a</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Two ferries &lt;b&gt;collided&lt;/b&gt; in fog.&lt;/p&gt;&lt;p&gt;Nobody was hurt.&lt;/p&gt;</description></item>
<item><title>No text here</title><link>https://gazette.example/b</link></item>
<item><title>Pier reopens</title><description>The pier reopened on Tuesday after repairs.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Port News</title>
<entry><title>Fog season</title><link href="https://port.example/fog"/><updated>2024-03-05T08:00:00Z</updated>
<author><name>Jonas Weber</name></author><content type="html">&lt;p&gt;Fog closed the port for six hours.&lt;/p&gt;</content></entry></feed>"""


def read(*items: str, **kwargs) -> list[RawDocument | InputError]:
    return list(read_inputs(items, **kwargs))


def one_doc(*items: str, **kwargs) -> RawDocument:
    results = read(*items, **kwargs)
    assert len(results) == 1 and isinstance(results[0], RawDocument), results
    return results[0]


def one_error(*items: str, **kwargs) -> InputError:
    results = read(*items, **kwargs)
    assert len(results) == 1 and isinstance(results[0], InputError), results
    return results[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_plain_text(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "a.txt", TEXT))
    assert doc.content == TEXT and not doc.is_extracted and doc.source.endswith("a.txt")


def test_markdown_markup_is_stripped(tmp_path: Path) -> None:
    md = "# Ferries collide\n\nTwo ferries **collided** in [thick fog](https://x.example) near the pier.\n\n- Nobody was *hurt*.\n"
    doc = one_doc(write(tmp_path, "a.md", md))
    assert "Ferries collide" in doc.content
    assert "Two ferries collided in thick fog near the pier." in doc.content
    assert "Nobody was hurt." in doc.content
    assert "**" not in doc.content and "](" not in doc.content and "#" not in doc.content


def test_html_page_with_metadata(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "a.html", HTML))
    assert doc.is_extracted
    assert "two ferries had collided" in doc.content
    assert "Copyright" not in doc.content and "Home" not in doc.content
    assert doc.title.startswith("Ferries collide in fog")
    assert doc.author == "Ana Ruiz"
    assert doc.outlet == "Harbour Gazette"
    assert doc.published == "2024-03-03T09:15:00+01:00"


def test_json_object_and_list(tmp_path: Path) -> None:
    obj = {"text": TEXT, "title": "Ferries", "url": "https://gazette.example/a", "outlet": "Harbour Gazette", "published": "2024-03-04", "author": "Ana Ruiz"}
    doc = one_doc(write(tmp_path, "a.json", json.dumps(obj)))
    assert (doc.content, doc.title, doc.url, doc.outlet, doc.published, doc.author) == (TEXT, "Ferries", "https://gazette.example/a", "Harbour Gazette", "2024-03-04", "Ana Ruiz")
    results = read(write(tmp_path, "b.json", json.dumps([obj, {"title": "no text"}, {"text": "Second article text here."}])))
    assert [type(r).__name__ for r in results] == ["RawDocument", "InputError", "RawDocument"]
    # #N is the item's number counted from 1, as for JSON Lines lines and feed entries
    assert results[0].source.endswith("b.json#1") and results[2].source.endswith("b.json#3")
    assert results[1].item.endswith("b.json#2") and "no 'text'" in results[1].reason


def test_news_please_record(tmp_path: Path) -> None:
    """news-please's own field names are read, and its free-text date is normalised by metadata detection."""
    from synopsis.ingest.meta import detect_metadata

    record = {"maintext": TEXT, "title": "Ferries", "source_domain": "gazette.example", "date_publish": "March 4th, 2024, 7 : 35 am"}
    doc = one_doc(write(tmp_path, "a.json", json.dumps(record)))
    assert (doc.content, doc.outlet) == (TEXT, "gazette.example")
    assert detect_metadata(doc).published.startswith("2024-03-04")


def test_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": TEXT}), "{not json", json.dumps({"text": "Another short article."}), ""]
    results = read(write(tmp_path, "a.jsonl", "\n".join(lines)))
    assert [type(r).__name__ for r in results] == ["RawDocument", "InputError", "RawDocument"]
    assert results[0].source.endswith("a.jsonl#1")  # #N is the line number, counted from 1
    assert results[1].item.endswith("a.jsonl#2")
    assert "malformed json on line 2" in results[1].reason
    assert results[2].source.endswith("a.jsonl#3")


@pytest.mark.parametrize("first", ['{"text": "Cut off', "{not json", '{"text": "no comma" "title": "x"}', "oops"])
@pytest.mark.parametrize("big", [False, True])
def test_json_lines_on_stdin_with_a_bad_first_line(first: str, big: bool) -> None:
    """A bad first line is one error naming line 1; the lines after it are still read."""
    lines = [first, *_archive_lines(3)]
    lines.insert(2, "")  # a blank line still counts in the line numbers
    data = ("\n".join(lines) + "\n").encode()
    limit = 400 if big else 100_000  # big: beyond the limit, read a line at a time
    assert (len(data) > limit) == big
    results = read("-", stdin=io.BytesIO(data), fetch=FetchOptions(max_bytes=limit))
    assert [type(r).__name__ for r in results] == ["InputError", "RawDocument", "RawDocument", "RawDocument"]
    assert results[0].item == "<stdin>#1"
    assert results[0].reason.startswith("malformed json on line 1, column ") and "\n" not in results[0].reason
    assert [(d.source, d.title) for d in results[1:]] == [("<stdin>#2", "Ferries 0"), ("<stdin>#4", "Ferries 1"), ("<stdin>#5", "Ferries 2")]


def test_rss_feed_entries(tmp_path: Path) -> None:
    results = read(write(tmp_path, "feed.xml", RSS))
    assert all(isinstance(r, RawDocument) for r in results)
    assert [r.title for r in results] == ["Ferries collide", "Pier reopens"]
    assert results[0].content == "Two ferries collided in fog.\n\nNobody was hurt."
    assert results[0].published == "2024-03-04T10:00:00+00:00"
    assert results[0].outlet == "Harbour Gazette" and results[0].url == "https://gazette.example/a"
    # #N is the entry's place in the feed, counted from 1 (entry 2 has no text)
    assert [r.source.rsplit("/", 1)[-1] for r in results] == ["feed.xml#1", "feed.xml#3"]


def test_atom_feed_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "export.data", ATOM))
    assert doc.content == "Fog closed the port for six hours."
    assert doc.author == "Jonas Weber" and doc.title == "Fog season"


@pytest.mark.parametrize(
    ("content", "check"),
    [
        (HTML, lambda d: d.is_extracted and "radar logs" in d.content),
        (json.dumps({"text": TEXT}), lambda d: d.content == TEXT),
        (TEXT, lambda d: d.content == TEXT and not d.is_extracted),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, check) -> None:
    assert check(one_doc(write(tmp_path, "article.unknown", content)))


def test_folder_is_recursive_and_skips_non_articles(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "sub/b.md", "Ferries *collided* in fog near the pier.")
    write(tmp_path, "sub/deeper/c.json", json.dumps({"text": TEXT}))
    write(tmp_path, ".hidden.txt", TEXT)
    write(tmp_path, ".git/d.txt", TEXT)
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    write(tmp_path, "notes.docx", b"PK\x03\x04\x00\x00")
    ignored: list[str] = []
    results = read(str(tmp_path), on_ignored=ignored.append)
    assert all(isinstance(r, RawDocument) for r in results)
    assert sorted(Path(r.source).name for r in results) == ["a.txt", "b.md", "c.json"]
    assert ignored == [str(tmp_path / "notes.docx"), str(tmp_path / "photo.jpg")]  # hidden ones go unmentioned


def test_stdin() -> None:
    doc = one_doc("-", stdin=io.BytesIO(TEXT.encode()))
    assert doc.source == "<stdin>" and doc.content == TEXT


def test_utf8_bom_and_utf16_bom_are_read(tmp_path: Path) -> None:
    assert one_doc(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + TEXT.encode())).content == TEXT
    assert one_doc(write(tmp_path, "b.txt", TEXT.encode("utf-16"))).content == TEXT


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_legacy_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    """Archives hold ISO-8859-1 and Windows-1252 files; short Western text is not read as Central European."""
    text = "Caf\u00e9 M\u00fcller in K\u00f6ln: na\u00efve r\u00e9sum\u00e9, \u00a3 5 \u00bd, Stra\u00dfe."
    if encoding == "cp1252":
        text += " The mayor\u2019s office \u2013 \u201cglad\u201d \u2013 said so."
    assert one_doc(write(tmp_path, "a.txt", text.encode(encoding))).content == text


def test_other_legacy_encodings_are_detected_too(tmp_path: Path) -> None:
    text = "\u0414\u0432\u0430 \u043f\u0430\u0440\u043e\u043c\u0430 \u0441\u0442\u043e\u043b\u043a\u043d\u0443\u043b\u0438\u0441\u044c \u0432 \u0442\u0443\u043c\u0430\u043d\u0435."
    assert one_doc(write(tmp_path, "a.txt", text.encode("cp1251"))).content == text


def test_a_declared_charset_is_not_second_guessed(tmp_path: Path) -> None:
    page = HTML.replace("<head>", '<head><meta charset="utf-8">').replace("fog near", "fog n\u00e9ar").encode("latin-1")
    offset = page.index("\u00e9".encode("latin-1"))
    assert one_error(write(tmp_path, "a.html", page)).reason == f"cannot decode as utf-8: invalid byte 0xe9 at offset {offset}"


def test_good_items_go_on_after_bad_ones(tmp_path: Path) -> None:
    results = read(str(tmp_path / "missing.txt"), write(tmp_path, "a.txt", TEXT))
    assert isinstance(results[0], InputError) and isinstance(results[1], RawDocument)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("nul.txt", b"abc\x00def\x00" * 10, "binary file"),
        ("ctrl.txt", bytes(range(1, 9)) * 20, "binary file"),
        ("high.txt", bytes(range(0x80, 0x100)) * 3, "cannot decode as utf-8: invalid byte 0x80 at offset 0, and no other text encoding fits"),
        ("bad.json", b'{"text": "a",\n "title": }', "malformed json at line 2, column 11"),
        ("notext.json", b'{"title": "Only a title"}', "object has no 'text'"),
        ("empty-text.json", b'{"text": "   "}', "'text' is empty"),
        ("number-text.json", b'{"text": 12345}', "'text' is not a string"),
        ("list-body.json", b'{"title": "Ferries", "body": [1, 2]}', "'body' is not a string"),
        ("list.json", b"[]", "json list is empty"),
        ("broken.xml", b"<?xml version='1.0'?><rss><channel><item><title>x</title></ite", "malformed feed"),
        ("empty.html", b"<html><body><div></div></body></html>", "no article text found in html"),
        ("cut.html", b"<!DOCTYPE html><html><head><title>Ferries</title></head><body><nav><a href='/'>Home</a>", "html looks truncated"),
    ],
)
def test_bad_files_give_one_short_error(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    error = one_error(write(tmp_path, name, content))
    assert error.reason.startswith(reason), error.reason
    assert "\n" not in error.reason and error.reason == error.reason.lower() or "'" in error.reason


def test_missing_path() -> None:
    error = one_error("/nonexistent/dir/file.txt")
    assert error.item == "/nonexistent/dir/file.txt" and error.reason == "no such file or folder"


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 2000)
    error = one_error(path, fetch=FetchOptions(max_bytes=1000))
    assert error.reason == "too large: 2000 bytes (limit 1000; in json lines the limit is per line)"


def _archive_lines(count: int) -> list[str]:
    return [json.dumps({"text": f"Report {n}: {TEXT}", "title": f"Ferries {n}"}) for n in range(count)]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_json_lines_archive_is_limited_per_line_not_in_all(tmp_path: Path, newline: str) -> None:
    lines = _archive_lines(40)
    lines[7] = json.dumps({"text": "x" * 5000})  # one line over the limit
    lines[9] = "not json"
    path = write(tmp_path, "archive.jsonl", newline.join(lines) + newline)
    assert Path(path).stat().st_size > 4000
    results = read(path, fetch=FetchOptions(max_bytes=1000))
    errors = {r.item.rsplit("#", 1)[1]: r.reason for r in results if isinstance(r, InputError)}
    assert errors == {"8": "line 8: too large: more than 1000 bytes", "10": "malformed json on line 10, column 1: expecting value"}
    documents = [r for r in results if isinstance(r, RawDocument)]
    assert [d.title for d in documents] == [f"Ferries {n}" for n in range(40) if n not in (7, 9)]
    assert all(d.source == f"{path}#{int(d.title.split()[1]) + 1}" for d in documents)


def test_a_json_lines_archive_on_stdin_may_exceed_the_limit() -> None:
    data = ("\n".join(_archive_lines(30)) + "\n").encode()
    results = read("-", stdin=io.BytesIO(data), fetch=FetchOptions(max_bytes=1000))
    assert len(data) > 1000 and [r.title for r in results] == [f"Ferries {n}" for n in range(30)]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"abc\x00def\x00" * 10, "binary file"),
    ],
)


def test_a_json_lines_file_that_is_not_text_is_one_error(tmp_path: Path, content: bytes, reason: str) -> None:
    assert one_error(write(tmp_path, "a.jsonl", content)).reason.startswith(reason)


def test_a_utf16_json_lines_file_is_read_whole_within_the_limit(tmp_path: Path) -> None:
    content = ("\r\n".join(_archive_lines(3)) + "\r\n").encode("utf-16")  # as Windows PowerShell writes
    assert [d.title for d in read(write(tmp_path, "a.jsonl", content))] == ["Ferries 0", "Ferries 1", "Ferries 2"]
    error = one_error(write(tmp_path, "b.jsonl", content), fetch=FetchOptions(max_bytes=100))
    assert error.reason.startswith("too large")


def test_json_lines_break_at_newlines_only_however_they_arrive(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"{TEXT}\u2028Second line.", "title": "Ferries"}, ensure_ascii=False), json.dumps({"text": TEXT})]
    data = "\n".join(lines).encode()
    from_file = read(write(tmp_path, "a.jsonl", data))
    from_stdin = read("-", stdin=io.BytesIO(data))
    assert [d.content for d in from_file] == [d.content for d in from_stdin] == [f"{TEXT}\u2028Second line.", TEXT]


def test_paragraphs_given_as_a_list_are_the_text(tmp_path: Path) -> None:
    doc = one_doc(write(tmp_path, "a.json", json.dumps({"title": "Ferries", "body": ["First paragraph.", "Second one."]})))
    assert doc.content == "First paragraph.\n\nSecond one."


def test_an_undecodable_json_line_is_one_error_among_good_ones(tmp_path: Path) -> None:
    good = [line.encode() for line in _archive_lines(3)]
    results = read(write(tmp_path, "a.jsonl", b"\n".join([good[0], b'{"text": "Caf\xe9"}', good[1], good[2]])))
    assert [type(r).__name__ for r in results] == ["RawDocument", "InputError", "RawDocument", "RawDocument"]
    assert results[1].reason == "line 2: cannot decode as utf-8: invalid byte 0xe9 at offset 13"


def test_oversized_stdin() -> None:
    error = one_error("-", stdin=io.BytesIO(b"y" * 50), fetch=FetchOptions(max_bytes=10))
    assert error.reason == "too large: more than 10 bytes (in json lines the limit is per line)"


def test_unsupported_scheme() -> None:
    error = one_error("ftp://example.com/a.txt")
    assert error.reason == "unsupported url scheme 'ftp'"


def test_bad_file_inside_folder_is_reported_but_others_read(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "b.txt", b"")
    results = read(str(tmp_path))
    assert [type(r).__name__ for r in results] == ["RawDocument", "InputError"]


def test_a_number_in_a_json_text_field_is_left_out_with_a_warning_not_coerced(tmp_path: Path) -> None:
    """"outlet": 7 made an outlet named "7": now the item is read as if the field were absent,
    and its warning names the field."""
    record = {"text": TEXT, "outlet": 7, "title": 12, "url": ["https://gazette.example/a", 3], "author": True}
    doc = one_doc(write(tmp_path, "a.json", json.dumps(record)))
    assert (doc.outlet, doc.title, doc.url, doc.author) == (None, None, None, None)
    assert doc.warnings == (
        "'title' is a number (12), not text; ignored",
        "'url' is a list, not text; ignored",
        "'outlet' is a number (7), not text; ignored",
        "'author' is true, not text; ignored",
    )


def test_a_malformed_field_gives_way_to_the_next_name_for_it(tmp_path: Path) -> None:
    line = json.dumps({"text": TEXT, "outlet": 7, "publisher": {"@type": "Organization", "name": "Harbour Gazette"}})
    results = read(write(tmp_path, "a.jsonl", line + "\n" + json.dumps({"text": TEXT + " Again."}) + "\n"))
    assert results[0].outlet == "Harbour Gazette" and results[0].source.endswith("a.jsonl#1")
    assert results[0].warnings == ("'outlet' is a number (7), not text; ignored",)
    assert results[1].warnings == ()


def test_json_fields_of_the_kinds_exports_use_are_read_without_warnings(tmp_path: Path) -> None:
    """Objects with a name (schema.org, NewsAPI), lists of authors, a Unix timestamp for the date."""
    record = {
        "text": TEXT,
        "source": {"id": None, "name": "Harbour Gazette"},
        "authors": ["Ana Ruiz", {"@type": "Person", "name": "Tom Brel"}],
        "published": 1709546400,
    }
    doc = one_doc(write(tmp_path, "a.json", json.dumps(record)))
    assert (doc.outlet, doc.author, doc.published, doc.warnings) == ("Harbour Gazette", "Ana Ruiz, Tom Brel", "1709546400", ())


@pytest.mark.parametrize("before", [0, 1])
def test_json_lines_on_stdin_whose_early_line_is_over_the_limit(before: int) -> None:
    """QA25: a line over the limit among the first ones left fewer than two whole lines to
    sniff, and the whole input was refused as too large; as from a file, that line is one error
    and the records around it are read."""
    lines = _archive_lines(before + 2)
    lines.insert(before, json.dumps({"title": "Huge", "text": "word " * 400}))
    data = ("\n".join(lines) + "\n").encode()
    results = read("-", stdin=io.BytesIO(data), fetch=FetchOptions(max_bytes=1000))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [(e.item, e.reason) for e in errors] == [(f"<stdin>#{before + 1}", f"line {before + 1}: too large: more than 1000 bytes")]
    assert [d.title for d in results if isinstance(d, RawDocument)] == [f"Ferries {n}" for n in range(before + 2)]


@pytest.mark.parametrize(
    "data",
    [
        b"y" * 2000,
        json.dumps({"articles": [{"title": "Ferries", "text": TEXT}] * 20}, indent=2).encode(),  # one document, pretty-printed
        b'[{"title": "Ferries", "text": "' + TEXT.encode() * 20 + b'"}]',  # one list on one line
    ],
)
def test_stdin_over_the_limit_that_is_no_json_lines_is_too_large(data: bytes) -> None:
    error = one_error("-", stdin=io.BytesIO(data), fetch=FetchOptions(max_bytes=1000))
    assert error.reason == "too large: more than 1000 bytes (in json lines the limit is per line)"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("a.jsonl", b'{"text": "Cut off\n', "malformed json on line 1, column 10: unterminated string starting there"),
        ("a.json", b'{"text": "Cut off', "malformed json at line 1, column 10: unterminated string starting there"),
        ("b.json", b'{"text": "tab\there"}', "malformed json at line 1, column 14: invalid control character there"),
    ],
)
def test_a_json_error_gives_its_whole_reason_on_one_line(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    """QA25: "unterminated string starting at" read as cut off: the parser's "at" means the
    position given beside it."""
    [error] = read(write(tmp_path, name, content))
    assert error.reason == reason


def test_a_named_pipe_is_not_a_regular_file_and_is_not_waited_on(tmp_path: Path) -> None:
    """QA25: a FIFO was reported as an empty file; opened, it would wait for a writer."""
    (tmp_path / "in").mkdir()
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    (tmp_path / "in" / "story.txt").write_text(TEXT)
    reason = "not a regular file (a pipe or a device; pipe input to '-' instead)"
    assert one_error(str(tmp_path / "in" / "pipe.txt")).reason == reason
    results = read(str(tmp_path / "in"))
    assert [(type(r).__name__, getattr(r, "reason", None)) for r in results] == [("InputError", reason), ("RawDocument", None)]
