"""The outlet registry: known news organisations, their aliases, domains and page cues."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import get_args
from urllib.parse import urlsplit

import yaml

from synopsis.records import Article, Outlet, OutletKind, SynopsisError

ENV_VAR = "SYNOPSIS_OUTLETS"
# The kinds an outlet can have are the ones records.Outlet documents.
KINDS = frozenset(get_args(OutletKind))


@dataclass(frozen=True, slots=True)
class OutletEntry:
    """One registry entry: the public Outlet plus what identifies its pages."""

    outlet: Outlet
    domains: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()


def outlet_name(article: Article) -> str:
    """Return the outlet name an article is shown under (its source, else its id, when the outlet is unknown)."""
    if article.outlet is not None and article.outlet.name:
        return article.outlet.name
    return article.source or article.id


def name_initials(name: str) -> str:
    """The initials of an outlet's capitalised words: "NWS" for "Nordic Wire Service"."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


# Words that name what kind of outlet a name is, not which: "Meridian Press Agency" signs its
# datelines "(Meridian)", "Bloomberg News" is "Bloomberg". Only a leading part followed by these
# alone is the outlet's short name: "Global" is no short name of "Global Rail Times", nor "Reuters"
# (a trailing part) of "Thomson Reuters", a company that owns more than the agency.
_KIND_WORDS = frozenset({"press", "agency", "news", "newswire", "wire", "wires", "service", "services", "media",
                         "network", "international"})


def _is_short_name(short: str, full: str) -> bool:
    """Whether the key ``short`` is ``full`` without its trailing kind words (``_KIND_WORDS``)."""
    short_words, full_words = short.split(), full.split()
    return (0 < len(short_words) < len(full_words) and full_words[:len(short_words)] == short_words
            and all(word in _KIND_WORDS for word in full_words[len(short_words):]))


def is_same_outlet(one: Outlet, other: Outlet) -> bool:
    """Whether two outlet records name one outlet: by name, a registry alias, the initials of a
    name of three words or more, which a wire signs its own datelines with ("(NWS)" in Nordic
    Wire Service's copy is no other agency it rewrites), or its short name ("(Meridian)" in
    Meridian Press Agency's, ``_is_short_name``)."""
    keys = {normalize_key(one.name)} | {normalize_key(alias) for alias in one.aliases}
    other_keys = {normalize_key(other.name)} | {normalize_key(alias) for alias in other.aliases}
    if keys & other_keys:
        return True
    if any(_is_short_name(a, b) or _is_short_name(b, a) for a in keys for b in other_keys):
        return True
    return any(len(initials) >= 3 and normalize_key(initials) in theirs
               for initials, theirs in ((name_initials(one.name), other_keys), (name_initials(other.name), keys)))


@functools.lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """Strip diacritics from one character, keeping it one character (offsets stay valid)."""
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Turkish dotless i and similar letters have no decomposition; map the common ones.
    base = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"}.get(base, base)
    return base if len(base) == 1 else char


def fold_text(text: str) -> str:
    """Fold diacritics and typographic apostrophes, character by character (same length)."""
    text = text.replace("’", "'").replace("ʼ", "'")
    if text.isascii():  # the common case, and nothing to fold
        return text
    return "".join(fold_char(c) for c in text)


def normalize_key(name: str) -> str:
    """Key for case- and diacritics-insensitive lookup."""
    folded = fold_text(name).casefold()
    folded = re.sub(r"^(the|@)\s*", "", folded.strip())
    return re.sub(r"[\s\-_.]+", " ", folded).strip()


def host_of(url: str) -> str | None:
    """Lower-case host of a URL without a leading www."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.lower().removeprefix("www.")


class OutletRegistry:
    """Known outlets, looked up by name, alias, domain or page cue."""

    def __init__(self, entries: Iterable[OutletEntry] = ()) -> None:
        self._entries: dict[str, OutletEntry] = {}
        self._index_cache: dict[str, OutletEntry] | None = None
        self._pattern_cache: tuple[re.Pattern[str] | None, dict[str, OutletEntry]] | None = None
        for entry in entries:
            self.add(entry)

    # -- building -------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> OutletRegistry:
        """Load the shipped registry, then user files (``extra``, then $SYNOPSIS_OUTLETS)."""
        registry = cls(load_shipped_entries())
        paths = [Path(p) for p in extra]
        if os.environ.get(ENV_VAR):
            paths.extend(Path(p) for p in os.environ[ENV_VAR].split(os.pathsep) if p)
        for path in paths:
            for entry in read_entries_file(path):
                registry.add(entry)
        return registry

    def add(self, entry: OutletEntry) -> None:
        """Add an entry; an entry with the same name replaces the old one."""
        key = normalize_key(entry.outlet.name)
        self._entries[key] = entry
        self._index_cache = None
        self._pattern_cache = None

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self):
        return iter(entry.outlet for entry in self._entries.values())

    @property
    def entries(self) -> tuple[OutletEntry, ...]:
        return tuple(self._entries.values())

    # -- lookups --------------------------------------------------------------------
    def _index(self) -> dict[str, OutletEntry]:
        if self._index_cache is not None:
            return self._index_cache
        index: dict[str, OutletEntry] = {}
        # Aliases first, canonical names last, so a name always wins over an alias.
        for entry in self._entries.values():
            for alias in (*entry.outlet.aliases, *entry.domains):
                index.setdefault(normalize_key(alias), entry)
        for key, entry in self._entries.items():
            index[key] = entry
        self._index_cache = index
        return index

    def lookup(self, name: str) -> Outlet | None:
        """Find an outlet by name, alias, handle or domain (case/diacritics-insensitive)."""
        if not name or not name.strip():
            return None
        entry = self._index().get(normalize_key(name))
        if entry is None and "." in name:
            return self.lookup_url(name)
        return entry.outlet if entry else None

    def lookup_url(self, url: str) -> Outlet | None:
        """Find the outlet whose domain (or a parent domain) hosts this URL."""
        host = host_of(url)
        if not host:
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):
            candidate = ".".join(parts[i:])
            for entry in self._entries.values():
                if candidate in entry.domains:
                    return entry.outlet
        return None

    def entry(self, outlet: Outlet) -> OutletEntry | None:
        """The registry entry behind an outlet."""
        return self._entries.get(normalize_key(outlet.name))

    def find_cues(self, text: str) -> list[tuple[Outlet, int, int]]:
        """Outlets whose page cues (site widgets, dateline tags) occur in the text."""
        folded = fold_text(text).casefold()
        found = []
        for entry in self._entries.values():
            for cue in entry.cues:
                at = folded.find(fold_text(cue).casefold())
                if at >= 0:
                    found.append((entry.outlet, at, at + len(cue)))
        return sorted(found, key=lambda hit: hit[1])

    def _mention_pattern(self) -> tuple[re.Pattern[str] | None, dict[str, OutletEntry]]:
        if self._pattern_cache is not None:
            return self._pattern_cache
        surface: dict[str, OutletEntry] = {}
        for entry in self._entries.values():
            names = (entry.outlet.name, *entry.outlet.aliases)
            for name in names:
                if name in entry.ambiguous or name.startswith("@") or len(name) < 2:
                    continue
                surface.setdefault(fold_text(name), entry)
        if not surface:
            self._pattern_cache = (None, surface)
            return self._pattern_cache
        # Longest first, so "Interfax-Ukraine" wins over "Interfax".
        alternatives = sorted(surface, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w@/.-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w]|-\w)")
        self._pattern_cache = (pattern, surface)
        return self._pattern_cache

    def find_mentions(self, text: str) -> list[tuple[Outlet, int, int]]:
        """Registered outlets named in running text, as (outlet, start, end), in order.

        Matching is case-sensitive (so "the hill" or "time" in prose do not count)
        but diacritics-insensitive; aliases marked ambiguous are never matched.
        """
        pattern, surface = self._mention_pattern()
        if pattern is None:
            return []
        folded = fold_text(text)
        return [(surface[m.group(1)].outlet, m.start(1), m.end(1)) for m in pattern.finditer(folded)]


def parse_entry(raw: object, where: str) -> OutletEntry:
    """Validate one YAML mapping and turn it into an entry."""
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise SynopsisError(f"{where}: each outlet needs a 'name'")
    kind = str(raw.get("kind") or "unknown")
    if kind not in KINDS:
        raise SynopsisError(f"{where}: outlet {raw['name']!r} has unknown kind {kind!r}")

    def strings(field: str) -> tuple[str, ...]:
        value = raw.get(field) or ()
        if isinstance(value, str):
            value = (value,)
        return tuple(str(v) for v in value)

    outlet = Outlet(
        name=raw["name"].strip(),
        kind=kind,
        country=str(raw["country"]) if raw.get("country") else None,
        aliases=strings("aliases"),
    )
    return OutletEntry(
        outlet=outlet,
        domains=tuple(d.lower().removeprefix("www.") for d in strings("domains")),
        cues=strings("cues"),
        ambiguous=strings("ambiguous"),
    )


def parse_entries(text: str, where: str) -> list[OutletEntry]:
    """Parse a registry YAML document (a list of outlet mappings)."""
    try:
        # The C loader (when PyYAML was built with libyaml) parses the shipped
        # registry about ten times faster than the pure-Python one.
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        raise SynopsisError(f"{where}: not valid YAML ({str(err).splitlines()[0]})") from err
    if data is None:
        return []
    if isinstance(data, dict) and "outlets" in data:
        data = data["outlets"]
    if not isinstance(data, list):
        raise SynopsisError(f"{where}: expected a list of outlets")
    return [parse_entry(item, where) for item in data]


def read_entries_file(path: Path) -> list[OutletEntry]:
    """Read a user's outlet file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise SynopsisError(f"{path}: cannot read outlet file ({err.strerror or err})") from err
    return parse_entries(text, str(path))


@functools.lru_cache(maxsize=1)
def load_shipped_entries() -> tuple[OutletEntry, ...]:
    """The registry shipped with the package (parsed once per process)."""
    text = resources.files("synopsis.ingest").joinpath("outlets.yaml").read_text(encoding="utf-8")
    return tuple(parse_entries(text, "outlets.yaml"))


@functools.lru_cache(maxsize=1)
def default_registry() -> OutletRegistry:
    """The shipped registry plus $SYNOPSIS_OUTLETS, built once per process."""
    return OutletRegistry.load()
