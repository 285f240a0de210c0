"""The outlet registry: shipped entries, lookups, user overrides and mentions in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.ingest.outlets import KINDS, OutletRegistry, fold_text
from synopsis.records import SynopsisError


def test_shipped_registry_is_large_and_valid(registry: OutletRegistry) -> None:
    outlets = list(registry)
    assert len(outlets) >= 150
    assert all(o.kind in KINDS and o.country for o in outlets)
    kinds = {o.kind for o in outlets}
    assert {"wire service", "state media", "independent", "broadcaster", "newspaper", "aggregator", "encyclopedia", "blog", "government"} <= kinds
    assert {o.country for o in outlets if o.kind == "state media"} >= {"RU", "CN", "TR", "IR"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Reuters", "Reuters"),
        ("reuters", "Reuters"),
        ("AFP", "Agence France-Presse"),
        ("the associated press", "Associated Press"),
        ("ТАСС", "TASS"),
        ("Kure", "Küre Encyclopedia"),
        ("KÜRE ANSIKLOPEDI", "Küre Encyclopedia"),
        ("Al-Jazeera", "Al Jazeera"),
        ("aljazeera.com", "Al Jazeera"),
        ("https://www.nytimes.com/2025/07/23/world/europe/x.html", "The New York Times"),
        ("edition.cnn.com", "CNN"),
        ("@meduza_en", "Meduza"),
        ("Hurriyet", "Hürriyet"),
        ("Anadolu Ajansi", "Anadolu Agency"),
    ],
)
def test_lookup_by_name_alias_domain(registry: OutletRegistry, name: str, expected: str) -> None:
    outlet = registry.lookup(name)
    assert outlet is not None and outlet.name == expected


@pytest.mark.parametrize("name", ["", "Harbour Gazette", "ministry"])
def test_lookup_unknown(registry: OutletRegistry, name: str) -> None:
    assert registry.lookup(name) is None


def test_user_file_adds_and_overrides(tmp_path: Path, monkeypatch) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- {name: Harbour Gazette, kind: newspaper, country: PT, aliases: [The Gazette], domains: [gazette.example]}\n"
        "- {name: Reuters, kind: wire service, country: US}\n",
        encoding="utf-8",
    )
    registry = OutletRegistry.load([extra])
    assert registry.lookup("the gazette").name == "Harbour Gazette"
    assert registry.lookup_url("https://news.gazette.example/a").name == "Harbour Gazette"
    assert registry.lookup("Reuters").country == "US"
    env_file = tmp_path / "env.yaml"
    env_file.write_text("- {name: Port News, kind: blog, country: NL}\n", encoding="utf-8")
    monkeypatch.setenv("SYNOPSIS_OUTLETS", str(env_file))
    assert OutletRegistry.load().lookup("port news").kind == "blog"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- {kind: newspaper}\n", "needs a 'name'"),
        ("- {name: X, kind: tabloid}\n", "unknown kind 'tabloid'"),
        ("name: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_user_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SynopsisError, match=message):
        OutletRegistry.load([path])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to Reuters and Al Jazeera, the talks ended.", ["Reuters", "Al Jazeera"]),
        ("Interfax-Ukraine said the ferry sank.", ["Interfax-Ukraine"]),
        ("Küre and Kure both count.", ["Küre Encyclopedia", "Küre Encyclopedia"]),
        ("The National Security Council met at dawn. Time will tell.", []),
        ("the associated press office was closed", []),
        ("France24 and DW aired the briefing.", ["France 24", "Deutsche Welle"]),
    ],
)
def test_find_mentions(registry: OutletRegistry, text: str, expected: list[str]) -> None:
    found = registry.find_mentions(text)
    assert [o.name for o, _, _ in found] == expected
    for outlet, start, end in found:
        assert fold_text(text[start:end]) in {fold_text(n) for n in (outlet.name, *outlet.aliases)}
