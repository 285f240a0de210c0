"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE_CORPUS = SHARED / "corpus" / "istanbul-2025"
EXAMPLES = REPO / "examples" / "harbor-bridge"


@pytest.fixture(scope="session")
def reference_corpus() -> Path:
    """The five real reports, read in place; CI provides ../shared, so its absence is a failure."""
    assert REFERENCE_CORPUS.is_dir(), f"reference corpus missing at {REFERENCE_CORPUS}"
    return REFERENCE_CORPUS


@pytest.fixture(scope="session")
def nlp():
    from synopsis.extract.nlp import load_nlp

    return load_nlp()
