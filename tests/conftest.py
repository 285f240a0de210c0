"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory) -> Iterator[Path]:
    """Derived models (the int8 lead model) are built into this run's own folder, not the user's
    cache: the suite neither depends on what an earlier version left there nor changes it.
    Commands the tests run in subprocesses inherit the setting."""
    from synopsis.extract.embed_model import CACHE_ENV

    folder = tmp_path_factory.mktemp("model-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_ENV, str(folder))
    yield folder
    patch.undo()
