"""Fixtures of the command-line tests."""

import pytest

from tests.cli.commands import PAPER, WIRE


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "paper.md").write_text(PAPER, encoding="utf-8")
    return folder
