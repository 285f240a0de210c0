"""Malformed input gives one short reason for its item, and the items after it are still read:
URLs that cannot be fetched as written, JSON nested too deeply, bytes that only look like text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synopsis.ingest.decode import DecodeError, decode_bytes
from synopsis.ingest.fetch import FetchError, check_url
from synopsis.ingest.pages import extract_page
from synopsis.ingest.readers import read_inputs
from synopsis.records import InputError, RawDocument

TEXT = "The harbour authority said two ferries collided in fog near the pier on Monday. Nobody was hurt."


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1", "invalid URL: bad [IPv6] host"),
        ("http://256.1.1.1/x", "invalid URL: 256.1.1.1 is not an IP address"),
        ("http://1.2.3/x", "invalid URL: 1.2.3 is not an IP address"),
        ("http://exa mple.com", "invalid URL: it contains a space"),
        ("http://-harbour-.example/x", "invalid URL: '-harbour-.example' is not a host name"),
        ("https://example.com:99999/", "invalid URL: port out of range 0-65535"),
        ("http://xn--/", "invalid URL: 'xn--' is not a host name"),
        ("http://xn--a.example/", "invalid URL: "),
        ("http:///path-only", "invalid URL: no host"),
        ("ftp://x", "unsupported url scheme 'ftp'"),
    ],
)
def test_a_malformed_url_is_one_error_and_the_batch_goes_on(tmp_path: Path, url: str, reason: str) -> None:
    good = write(tmp_path, "a.txt", TEXT)
    results = list(read_inputs([good, url, good]))
    assert [type(r).__name__ for r in results] == ["RawDocument", "InputError", "RawDocument"]
    assert results[1].item == url and results[1].reason.startswith(reason), results[1].reason
    with pytest.raises(FetchError):
        check_url(url)


@pytest.mark.parametrize("url", ["http://example.org/a", "https://news.example.co.uk:8443/a?b=1", "http://[::1]:8000/", "http://127.0.0.1/", "http://münchen.example/", "http://a_b.example/"])
def test_well_formed_urls_pass_the_check(url: str) -> None:
    check_url(url)  # raises FetchError otherwise


def test_json_nested_too_deeply_is_malformed_not_a_crash(tmp_path: Path) -> None:
    deep = "[" * 100_000
    good = json.dumps({"text": TEXT})
    results = list(read_inputs([write(tmp_path, "deep.json", deep), write(tmp_path, "a.jsonl", f"{good}\n{deep}\n{good}\n")]))
    assert [type(r).__name__ for r in results] == ["InputError", "RawDocument", "InputError", "RawDocument"]
    assert results[0].reason == "malformed json: nested too deeply"
    assert results[2].item.endswith("a.jsonl#2") and results[2].reason == "malformed json on line 2: nested too deeply"


def test_a_page_with_json_ld_nested_too_deeply_is_still_read() -> None:
    page = (
        "<html><head><title>Ferries</title><script type='application/ld+json'>" + "[" * 100_000 + "</script></head>"
        f"<body><article><p>{TEXT} {TEXT}</p><p>{TEXT}</p></article></body></html>"
    )
    assert "ferries collided" in extract_page(page, "a.html").content


def test_bytes_behind_a_utf16_bom_that_are_not_utf16_are_undecodable(tmp_path: Path) -> None:
    # "\xfa\x80 bad bytes \x81" decodes without error as UTF-16 into seven CJK ideographs.
    with pytest.raises(DecodeError, match="^undecodable text: a utf-16-le byte order mark"):
        decode_bytes(b"\xff\xfe\xfa\x80 bad bytes \x81")
    with pytest.raises(DecodeError, match="^undecodable text"):
        decode_bytes(b"\xfe\xff" + TEXT.encode("ascii"))
    [error] = read_inputs([write(tmp_path, "ff.txt", b"\xff\xfe\xfa\x80 bad bytes \x81")])
    assert isinstance(error, InputError) and error.reason.startswith("undecodable text")


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "Паром столкнулся с причалом в тумане в понедельник.",
        "港口大桥周一关闭，官员说一艘船撞上了它。救援人员在现场工作了一整夜。",
        "橋は月曜日に閉鎖されました。フェリーは霧の中で衝突した。",
    ],
)
def test_real_utf16_is_still_read(text: str) -> None:
    assert decode_bytes(text.encode("utf-16")) == text
    assert decode_bytes(b"\xfe\xff" + text.encode("utf-16-be")) == text


def test_stray_bad_bytes_in_english_text_are_undecodable_not_cleaned_away(tmp_path: Path) -> None:
    """A guessed legacy charset turns the bad bytes of an English text into Cyrillic letters; the
    file used to pass decoding and be refused later as 'no text left after cleaning'."""
    data = b"Hello \x81\x8d\x8f\x90\x9d \xa0\xa1 world " * 20
    with pytest.raises(DecodeError, match="^undecodable text: not utf-8"):
        decode_bytes(data)
    [error] = read_inputs([write(tmp_path, "mixed.txt", b"\xfa\x80 bad bytes \x81")])
    assert error.reason.startswith("undecodable text"), error.reason


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Два парома столкнулись в тумане у причала, сообщили власти Ferry Line.", "cp1251"),
        ("Café Müller in Köln: naïve résumé, £ 5 ½, Straße. The mayor’s office – “glad” – said so.", "cp1252"),
    ],
)
def test_legacy_text_in_one_script_is_still_read(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("run", ["[" * 100_000, "a" + ")" * 20_000, '"' * 5_000])
def test_a_long_run_of_symbols_is_refused_before_the_tokenizer_sees_it(run: str) -> None:
    """spaCy's tokenizer takes time growing with the square of such a run (100,000 "[" in a .txt
    upload would hold the server for minutes); no article has one."""
    from synopsis.ingest.article import build_article
    from synopsis.records import SynopsisError

    with pytest.raises(SynopsisError, match=r"^not article text: a run of \d+ symbols without a space$"):
        build_article(RawDocument(source="deep.txt", content=f"{TEXT}\n\n{run}\n\n{TEXT}"))
    rule = "=" * 80  # a text rule of a plain-text file stays
    later = "Inspectors will examine the radar logs of both ferries this week, the authority added."
    article = build_article(RawDocument(source="a.txt", content=f"{TEXT}\n\n{rule}\n\n{later}"))
    assert TEXT in article.text and later in article.text
