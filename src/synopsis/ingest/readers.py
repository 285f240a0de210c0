"""Reading inputs (files, folders, URLs, stdin) into raw documents, one error per bad item."""

from __future__ import annotations

import dataclasses
import io
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from synopsis.ingest.decode import BOMS, SNIFF_BYTES, DecodeError, decode_bytes, decode_text, declared_html_charset, looks_binary
from synopsis.ingest.feeds import FeedError, looks_like_feed, read_feed
from synopsis.ingest.fetch import FetchError, FetchOptions, check_url, fetch_url, looks_like_url
from synopsis.ingest.json_text import JSONTooDeep, load_json
from synopsis.ingest.markup import markdown_to_text
from synopsis.ingest.pages import PageError, extract_page, looks_like_html
from synopsis.records import InputError, RawDocument

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
FEED_EXTENSIONS = frozenset({".xml", ".rss", ".atom"})
# Inside folders only these are read; anything else (images, PDFs, archives,
# editor backups) is skipped without an error, since folders of saved pages
# always carry such files along (the commands count them in one line).
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS | JSONL_EXTENSIONS | FEED_EXTENSIONS
# Optional article fields in JSON inputs, with the names other tools use for them
# (news-please, a common crawler, writes date_publish, source_domain and maintext).
JSON_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "sitename", "site_name", "publisher", "source_domain"),
    "published": ("published", "date", "published_at", "datePublished", "pubdate", "date_publish"),
    "author": ("author", "byline", "authors"),
}
JSON_TEXT_FIELDS = ("text", "content", "body", "articleBody", "maintext")


class ReadError(Exception):
    """A bad input item; the message is a short reason."""


def read_inputs(
    items: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    fetch: FetchOptions | None = None,
    on_ignored: Callable[[str], None] | None = None,
) -> Iterator[RawDocument | InputError]:
    """Read every item (path, folder, URL or "-") and yield documents or one error per bad item;
    ``on_ignored`` hears of each file a folder holds that is no article format."""
    options = fetch or FetchOptions()
    for item in items:
        yield from read_item(item, stdin=stdin, options=options, on_ignored=on_ignored)


def read_item(
    item: str, *, stdin: BinaryIO | None, options: FetchOptions, on_ignored: Callable[[str], None] | None = None
) -> Iterator[RawDocument | InputError]:
    """Documents (or errors) of one command-line item."""
    if item == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from guard("<stdin>", lambda: read_stream(stream, options))
        return
    if looks_like_url(item):
        yield from guard(item, lambda: read_url(item, options))
        return
    path = Path(item).expanduser()
    if not path.exists():
        yield InputError(item, "no such file or folder")
        return
    if path.is_dir():
        yield from read_folder(path, options, on_ignored)
        return
    yield from guard(item, lambda: read_file(path, options, explicit=True))


def guard(item: str, read) -> Iterator[RawDocument | InputError]:
    """Run a reader and turn known failures into one InputError (documents already read are kept)."""
    try:
        for result in read():
            yield result
    except (ReadError, DecodeError, FetchError, PageError, FeedError) as err:
        yield InputError(item, str(err))
    except OSError as err:
        yield InputError(item, f"cannot read: {(err.strerror or str(err)).lower()}")


def read_folder(
    folder: Path, options: FetchOptions, on_ignored: Callable[[str], None] | None = None
) -> Iterator[RawDocument | InputError]:
    """Every article file under a folder, in name order; hidden files are skipped, and files of
    other formats too (``on_ignored`` hears of those)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.suffix.lower() not in KNOWN_EXTENSIONS:
                if on_ignored is not None:
                    on_ignored(str(path))
                continue
            yield from guard(str(path), lambda path=path: read_file(path, options, explicit=False))


def read_file(path: Path, options: FetchOptions, *, explicit: bool) -> Iterator[RawDocument | InputError]:
    """Documents of one file, by extension (or by sniffing when the extension is unknown)."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        # A named pipe waits for a writer that may never come, holding up the whole batch; a
        # socket or a device holds no article.  (Its size is 0, but it is no empty file.)
        # Piped input is read from standard input, "-".
        raise ReadError("not a regular file (a pipe or a device; pipe input to '-' instead)")
    size = status.st_size
    if size == 0:
        raise ReadError("empty file")
    kind = kind_from_extension(path.suffix.lower())
    source = str(path)
    if kind == "jsonl" and not starts_wide(path):
        # An archive: read a line at a time, so its size is not limited (each
        # line is) and memory holds one line, not the file.  (UTF-16 and -32
        # files, as Windows PowerShell writes them, are read whole below.)
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, source, options.max_bytes)
        return
    if size > options.max_bytes:
        raise ReadError(f"too large: {size} bytes (limit {options.max_bytes}; in json lines the limit is per line)")
    data = path.read_bytes()
    if kind in ("feed", None):
        kind = None  # .xml may be any XML: sniff it
    yield from read_bytes(data, source, kind=kind)


def starts_wide(path: Path) -> bool:
    """Whether a file starts with a UTF-16 or UTF-32 byte order mark."""
    with path.open("rb") as stream:
        head = stream.read(4)
    return any(head.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8")


def kind_from_extension(suffix: str) -> str | None:
    """The reader an extension stands for, None when the content must be sniffed."""
    if suffix in TEXT_EXTENSIONS:
        return "text"
    if suffix in MARKDOWN_EXTENSIONS:
        return "markdown"
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in JSON_EXTENSIONS:
        return "json"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix in FEED_EXTENSIONS:
        return "feed"
    return None


def read_stream(stream: BinaryIO, options: FetchOptions) -> Iterator[RawDocument]:
    """Standard input, read up to the size limit and sniffed (JSON Lines beyond it, a line at a time)."""
    data = stream.read(options.max_bytes + 1)
    if not data:
        raise ReadError("empty input")
    if len(data) > options.max_bytes:
        if not starts_like_jsonl(data):
            raise ReadError(f"too large: more than {options.max_bytes} bytes (in json lines the limit is per line)")
        yield from read_jsonl_stream(stream, "<stdin>", options.max_bytes, head=data)
        return
    yield from read_bytes(data, "<stdin>", kind=None)


# The opening of a JSON object, as every line of JSON Lines has it: a brace and a quoted key
# (pretty-printed JSON puts a line break after its brace).
JSON_OBJECT_OPENING = re.compile(rb"(?:\xef\xbb\xbf)?[ \t]*\{[ \t]*\"")


def starts_like_jsonl(data: bytes) -> bool:
    """Whether the start of ``data`` (more than the size limit) reads as a JSON Lines archive:
    its whole lines do; or, when a line over the limit leaves fewer than two whole ones, its
    bytes open as a JSON object and any whole line is one, so the long line is reported on its
    own and the records after it are read, as they are from a file."""
    *whole, _cut = data.split(b"\n")  # the last piece may be a cut line
    lines = [line for line in whole if line.strip()]
    if len(lines) >= 2:
        return looks_like_jsonl(lines)
    return JSON_OBJECT_OPENING.match(data) is not None and all(is_json_object_line(line.strip()) for line in lines)


def read_jsonl_stream(stream: BinaryIO, source: str, max_line_bytes: int, head: bytes = b"") -> Iterator[RawDocument]:
    """A JSON Lines archive of any length, read a line at a time (``head``: bytes already read from it)."""
    reader = io.BufferedReader(_Chained(head, stream))
    start = reader.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if any(start.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8"):
        raise ReadError("json lines beyond the size limit must be utf-8, not utf-16 or utf-32")
    if looks_binary(start):
        raise DecodeError("binary file, not text")
    yield from read_jsonl_lines(capped_lines(reader, max_line_bytes), source)


class _Chained(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream, as one stream
    (the standard library chains iterables, not binary streams)."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.parts = [io.BytesIO(head), stream]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self.parts:
            count = self.parts[0].readinto(buffer)
            if count:
                return count
            self.parts.pop(0)
        return 0


def capped_lines(reader: BinaryIO, limit: int) -> Iterator[str | ReadError]:
    """Decoded lines; a line longer than ``limit`` bytes, or not UTF-8, is a ReadError in its
    place (never read whole into memory), and reading goes on with the next line."""
    while line := reader.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := reader.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield ReadError(f"too large: more than {limit} bytes")
            continue
        try:
            # JSON is UTF-8 (RFC 8259), and one line is too short to guess a charset from.
            yield decode_bytes(line.rstrip(b"\r\n"), detect=False)
        except DecodeError as err:
            yield ReadError(str(err))


def read_url(url: str, options: FetchOptions) -> Iterator[RawDocument]:
    """A fetched URL; the Content-Type decides the reader (sniffing when it is vague)."""
    check_url(url)
    fetched = fetch_url(url, options)
    if not fetched.body:
        raise ReadError("empty response")
    media = fetched.content_type
    if media in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        kind = "feed"
    elif media in ("application/json", "application/ld+json"):
        kind = "json"
    elif media in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        kind = "jsonl"
    elif media == "text/markdown":
        kind = "markdown"
    elif media == "text/plain":
        kind = "text"
    elif media.startswith(("image/", "video/", "audio/", "font/")) or media in ("application/pdf", "application/zip", "application/octet-stream"):
        raise ReadError(f"unsupported content type {media}")
    else:
        kind = None  # text/xml, application/xml, missing header: sniff
    yield from read_bytes(fetched.body, url, kind=kind, charset=fetched.charset, url=fetched.url)


def read_bytes(
    data: bytes,
    source: str,
    *,
    kind: str | None,
    charset: str | None = None,
    url: str | None = None,
) -> Iterator[RawDocument]:
    """Decode and dispatch to the reader for ``kind`` (sniffed when None); what decoding had to
    leave out (a few damaged bytes) is a warning on each document."""
    if kind == "html" and charset is None:
        charset = declared_html_charset(data)
    text, warnings = decode_text(data, charset)
    if not text.strip():
        raise ReadError("empty file")
    for result in read_text(text, source, kind=kind, url=url):
        if warnings and isinstance(result, RawDocument):
            result = dataclasses.replace(result, warnings=warnings + result.warnings)
        yield result


def read_text(text: str, source: str, *, kind: str | None, url: str | None) -> Iterator[RawDocument]:
    """Dispatch decoded text to the reader for ``kind`` (sniffed when None)."""
    if kind is None:
        kind = sniff_kind(text)
    if kind == "html":
        yield extract_page(text, source, url=url)
    elif kind == "feed":
        yield from read_feed(text, source)
    elif kind == "json":
        yield from read_json(text, source, url=url)
    elif kind == "jsonl":
        yield from read_jsonl(text, source)
    elif kind == "markdown":
        yield RawDocument(source=source, content=markdown_to_text(text), url=url)
    else:
        yield RawDocument(source=source, content=text, url=url)


def sniff_kind(text: str) -> str:
    """Guess the format of content with no telling extension or media type."""
    head = text.lstrip()[:64]
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        if looks_like_feed(text):
            return "feed"
        if looks_like_html(text):
            return "html"
        return "feed"  # an XML file that is no feed fails with a clear reason
    if looks_like_html(text):
        return "html"
    if head.startswith(("{", "[")):
        try:
            load_json(text)
            return "json"
        except ValueError:
            pass
    if looks_like_jsonl(text.split("\n")):
        return "jsonl"
    return "json" if head.startswith(("{", "[")) else "text"


# How many non-blank lines sniffing JSON Lines looks at.
JSONL_SNIFF_LINES = 20


def is_json_object_line(line: str | bytes) -> bool:
    """Whether a line, unindented, is one whole JSON object (as each line of JSON Lines is)."""
    if line[:1] not in ("{", b"{"):
        return False  # pretty-printed JSON indents its inner objects
    try:
        return isinstance(load_json(line), dict)
    except ValueError:
        return False


def looks_like_jsonl(lines: Iterable[str | bytes]) -> bool:
    """JSON Lines: more than one non-blank line, and at least half of the first ones are whole
    JSON objects.  Not all of them: a malformed line (the first one too) must be reported on its
    own while the other lines are read, not make the whole input one malformed document."""
    sample = list(itertools.islice((line.rstrip() for line in lines if line.strip()), JSONL_SNIFF_LINES))
    if len(sample) < 2:
        return False
    return 2 * sum(1 for line in sample if is_json_object_line(line)) >= len(sample)


def json_error(err: json.JSONDecodeError) -> str:
    """The parser's reason, whole: some of its messages end in "at", meaning the position
    given beside them ("Unterminated string starting at"), which reads as cut off alone."""
    message = err.msg.lower()
    return f"{message[:-3]} there" if message.endswith(" at") else message


def json_kind(value: object) -> str:
    """What a JSON value is, as a message names it ("a number", "a list")."""
    if isinstance(value, bool):
        return json.dumps(value)  # true, false
    if isinstance(value, (int, float)):
        return f"a number ({json.dumps(value)})"
    return {list: "a list", dict: "an object", str: "a string"}.get(type(value), type(value).__name__)


def field_text(name: str, value: object) -> str | None:
    """A field's value as text, None when it is of a kind the field never takes: a string, a
    schema.org object's "name" ({"name": "Reuters"}), a list of those (authors, joined), or for
    the date a number (a Unix timestamp, which the date reader reads).  A number elsewhere is
    not coerced: "outlet": 7 would become an outlet named "7"."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return value["name"] if isinstance(value.get("name"), str) else None
    if isinstance(value, list):
        parts = [field_text(name, part) for part in value]
        return ", ".join(parts) if all(isinstance(part, str) for part in parts) else None
    if name == "published" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def first_value(obj: dict, name: str, keys: tuple[str, ...], warnings: list[str]) -> str | None:
    """The first non-empty field among ``keys``, as a string; a field of the wrong kind is left
    out, as if absent, with a warning (the next of ``keys`` may still give the value)."""
    for key in keys:
        value = obj.get(key)
        if value is None or value in ("", [], {}):
            continue
        text = field_text(name, value)
        if text is None:
            warnings.append(f"'{key}' is {json_kind(value)}, not text; ignored")
        elif text.strip():
            return text
    return None


def document_from_object(obj: object, source: str, url: str | None = None) -> RawDocument:
    """One article object from JSON; raises ReadError without text."""
    if not isinstance(obj, dict):
        raise ReadError(f"expected an object, got {type(obj).__name__}")
    key = next((key for key in JSON_TEXT_FIELDS if obj.get(key) not in (None, "")), None)
    if key is None:
        raise ReadError("object has no 'text'")
    text = obj[key]
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # some exports keep the paragraphs as a list
    if not isinstance(text, str):
        raise ReadError(f"'{key}' is not a string but {json_kind(text)}")
    if not text.strip():
        raise ReadError(f"'{key}' is empty")
    warnings: list[str] = []
    fields = {name: first_value(obj, name, keys, warnings) for name, keys in JSON_FIELDS.items()}
    if url and not fields["url"]:
        fields["url"] = url
    content = text
    is_extracted = False
    if looks_like_html(text):
        # Some exports store the page HTML in the text field.
        page = extract_page(text, source, url=fields["url"])
        content, is_extracted = page.content, True
    return RawDocument(source=source, content=content, is_extracted=is_extracted, warnings=tuple(warnings), **fields)


def read_json(text: str, source: str, url: str | None = None) -> Iterator[RawDocument]:
    """One object or a list of objects; bad objects in a list are reported one by one."""
    try:
        data = load_json(text)
    except json.JSONDecodeError as err:
        raise ReadError(f"malformed json at line {err.lineno}, column {err.colno}: {json_error(err)}") from err
    except JSONTooDeep as err:
        raise ReadError(f"malformed json: {err}") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        if not data:
            raise ReadError("json list is empty")
        # Items are numbered from 1, as JSON Lines lines and feed entries are: a.json#1 is the first.
        for number, obj in enumerate(data, start=1):
            item = f"{source}#{number}"
            try:
                yield document_from_object(obj, item)
            except (ReadError, PageError) as err:
                yield InputError(item, str(err))  # type: ignore[misc]
        return
    yield document_from_object(data, source, url=url)


def read_jsonl(text: str, source: str) -> Iterator[RawDocument]:
    """One article object per line; a bad line is one error and the rest are still read."""
    # On "\n" only, as the stream reader does: str.splitlines also breaks at
    # U+2028 and other separators that JSON strings may hold raw.
    return read_jsonl_lines(text.split("\n"), source)


def read_jsonl_lines(lines: Iterable[str | ReadError], source: str) -> Iterator[RawDocument]:
    """Articles of JSON Lines, one per non-blank line (a ReadError stands for a line that could not be read).

    Each is named by its line number, counted from 1 as editors count lines, so
    ``archive.jsonl#8`` is the article (or the error) on line 8, blank lines included.
    """
    count = 0
    for number, line in enumerate(lines, start=1):
        if isinstance(line, str) and not line.strip():
            continue
        item = f"{source}#{number}"
        count += 1
        if isinstance(line, ReadError):
            yield InputError(item, f"line {number}: {line}")  # type: ignore[misc]
            continue
        try:
            obj = load_json(line)
        except json.JSONDecodeError as err:
            yield InputError(item, f"malformed json on line {number}, column {err.colno}: {json_error(err)}")  # type: ignore[misc]
            continue
        except JSONTooDeep as err:
            yield InputError(item, f"malformed json on line {number}: {err}")  # type: ignore[misc]
            continue
        try:
            yield document_from_object(obj, item)
        except (ReadError, PageError) as err:
            yield InputError(item, str(err))  # type: ignore[misc]
    if count == 0:
        raise ReadError("empty file")
