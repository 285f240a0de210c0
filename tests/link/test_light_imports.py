"""Reading stored stories and event profiles needs no language model: the main process of an
ingest and the read commands (``synopsis stories``) import these modules, and spaCy costs them
0.4 s and about 50 MB before any work (the word lists they share with extraction live in modules
that import spaCy only for annotations)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["synopsis.link.stored_stories", "synopsis.link.event_profile",
                                    "synopsis.link.profile_people", "synopsis.store.db"])
def test_story_modules_import_without_spacy(module: str) -> None:
    code = f"import sys, {module}; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
