"""Shared fixtures for ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.ingest.outlets import OutletRegistry

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "istanbul-2025"


@pytest.fixture(scope="session")
def registry() -> OutletRegistry:
    """The shipped registry, loaded once."""
    return OutletRegistry.load()


@pytest.fixture(scope="session")
def corpus_files() -> dict[str, Path]:
    """Reference corpus files by their three-digit prefix ("000" ...)."""
    files = {path.name[:3]: path for path in sorted(CORPUS.glob("*.txt"))}
    assert len(files) == 5, f"reference corpus not found at {CORPUS}"
    return files
