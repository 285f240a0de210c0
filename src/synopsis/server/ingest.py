"""Adding articles through the web: uploaded files, posted JSON objects, or a URL or feed.

``synopsis.jobs.ingest_inputs`` reads paths and URLs; uploads and posted
objects arrive as bytes and dicts, so they are read into documents here,
without temporary files (whose paths would otherwise become the articles'
source names), and then stored by ``synopsis.jobs.ingest_documents``, as the
command line's ingest stores its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Iterable

from synopsis.ingest.fetch import FetchError, FetchOptions, check_url
from synopsis.ingest.outlets import OutletRegistry
from synopsis.ingest.pages import PageError
from synopsis.ingest.readers import KNOWN_EXTENSIONS, ReadError, document_from_object, guard, kind_from_extension, read_bytes
from synopsis.records import InputError, RawDocument, SynopsisError

# The most articles one JSON request may carry: analysis takes tens of
# milliseconds per article and holds the ingest lock, so bigger batches belong
# to `synopsis ingest` on the command line.
MAX_POSTED_ARTICLES = 200
# The add page's file picker offers what ``unsupported_reason`` lets through: the same
# extensions, so the picker and the 415 cannot drift apart.  (A name without an extension is
# read too, by sniffing; accept= cannot say so, but the picker's "all files" still offers it.)
UPLOAD_ACCEPT = ",".join(sorted(KNOWN_EXTENSIONS))


@dataclass
class AddResult:
    """What one add request did."""

    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    # What stored articles had to leave out ("publication date 'not a date' ... ignored"), as
    # ``synopsis ingest`` prints it: the article is kept, the user is told.
    warnings: list[InputError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "already_stored": self.already_stored,
            "errors": [{"item": e.item, "reason": e.reason} for e in self.errors],
            "warnings": [{"item": w.item, "reason": w.reason} for w in self.warnings],
        }


def upload_name(name: str) -> str:
    """The name an uploaded file goes by: its base name (browsers may send a path)."""
    return PurePath(name or "upload").name or "upload"


def unsupported_reason(name: str) -> str | None:
    """Why an uploaded file's type is refused (PDFs, images, office files, archives…), None when it is
    read: by its extension, as folders are read on the command line; a name without one is sniffed."""
    suffix = PurePath(name or "").suffix.lower()
    if not suffix or suffix in KNOWN_EXTENSIONS:
        return None
    return (
        f"unsupported file type {suffix}: synopsis reads text, Markdown, HTML, JSON, JSON Lines and RSS/Atom files "
        f"({', '.join(sorted(KNOWN_EXTENSIONS))})"
    )


def documents_from_upload(name: str, data: bytes) -> list[RawDocument | InputError]:
    """Documents of one uploaded file, by its extension (sniffed when unknown)."""
    source = upload_name(name)
    if not data:
        return [InputError(source, "empty file")]
    kind = kind_from_extension(PurePath(source).suffix.lower())
    if kind == "feed":
        kind = None  # .xml may be any XML: sniff it, as the file reader does
    return list(guard(source, lambda: read_bytes(data, source, kind=kind)))


def documents_from_objects(objects: Any) -> list[RawDocument | InputError]:
    """Documents of posted article objects ({text, title, outlet, published, url})."""
    if not isinstance(objects, list) or not objects:
        raise SynopsisError("'articles' must be a non-empty list of objects with a 'text'")
    if len(objects) > MAX_POSTED_ARTICLES:
        raise SynopsisError(f"too many articles in one request ({len(objects)}; limit {MAX_POSTED_ARTICLES})")
    out: list[RawDocument | InputError] = []
    for index, obj in enumerate(objects):
        item = f"articles[{index}]"
        try:
            out.append(document_from_object(obj, item))
        except (ReadError, PageError) as err:
            out.append(InputError(item, str(err)))
    return out


def documents_from_url(url: str, allow_private: bool) -> list[RawDocument | InputError]:
    """Documents of a page or feed URL, refusing private addresses unless allowed."""
    from synopsis.ingest.readers import read_item

    url = (url or "").strip()
    if not url:
        raise SynopsisError("no URL given")
    try:
        check_url(url)  # a malformed URL is the request's error (400), not one of its items'
    except FetchError as err:
        raise SynopsisError(f"{err}: {url[:200]}") from None
    return list(read_item(url, stdin=None, options=FetchOptions(allow_private=allow_private)))


def store_documents(documents: Iterable[RawDocument | InputError], store, registry: OutletRegistry | None = None) -> AddResult:
    """Clean, analyse and store documents, as ``synopsis ingest`` does; bad ones become errors and the rest go on."""
    from synopsis.jobs import ingest_documents

    # One worker: the server process already holds the models, and a pool would
    # fork the whole web server.
    warnings: list[InputError] = []
    batch = ingest_documents(documents, store, registry=registry or _registry(), workers=1,
                             on_warning=lambda item, reason: warnings.append(InputError(item, reason)))
    return AddResult(added=batch.added_ids, already_stored=batch.known_ids, errors=batch.errors, warnings=warnings)


_REGISTRY: OutletRegistry | None = None


def _registry() -> OutletRegistry:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = OutletRegistry.load()
    return _REGISTRY
