"""Text that is not valid UTF-8: a few damaged bytes in UTF-8 text are read as U+FFFD with a
warning; bytes standing in for letters of English words are undecodable, not a legacy charset;
text really in a legacy charset is still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.ingest.decode import DecodeError, decode_bytes, decode_text
from synopsis.ingest.readers import read_inputs
from synopsis.records import InputError, RawDocument

PARAGRAPH = (
    "The city council met on Monday to discuss the harbour budget, and the mayor said the ferry "
    "terminal would be repaired before the summer. "
)


def test_a_few_damaged_bytes_in_utf8_text_are_read_as_replacement_characters(tmp_path: Path) -> None:
    """QA25: one stray byte made the whole file a guessed legacy charset: its "©" became "Â©"."""
    data = (PARAGRAPH * 10).encode() + b"\xff" + "© 2026 Harbour Wire.".encode()
    text, warnings = decode_text(data)
    assert text.endswith("\ufffd© 2026 Harbour Wire.")
    assert warnings == (f"1 byte that is not utf-8 read as U+FFFD (the first at offset {len(PARAGRAPH) * 10})",)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [doc] = read_inputs([str(path)])
    assert isinstance(doc, RawDocument) and doc.warnings == warnings


def damaged(text: str) -> bytes:
    """English text with every 31st letter overwritten by a byte that is not UTF-8."""
    out = bytearray(text.encode("ascii"))
    for n, i in enumerate(range(0, len(out), 31)):
        if chr(out[i]).isalpha():
            out[i] = (0xFF, 0xC3)[n % 2]
    return bytes(out)


def test_bytes_in_place_of_letters_of_english_words_are_undecodable(tmp_path: Path) -> None:
    """QA25: read as cp1258 the damaged words ("couÿcil", "disÃuss") were judged Turkish and the
    file skipped as 'language looks like Turkish'."""
    data = damaged(PARAGRAPH * 8)
    with pytest.raises(DecodeError, match="^undecodable text: not utf-8 .* stand for letters of english words"):
        decode_bytes(data)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [error] = read_inputs([str(path)])
    assert isinstance(error, InputError) and error.reason.startswith("undecodable text"), error


@pytest.mark.parametrize(
    "text",
    [
        "The harbour’s café reopened on Monday; José Núñez, its naïve new owner from Zürich, served crème "
        "brûlée to the fiancée of Mr Müller, and the café’s façade – “a cliché”, he said – was blasé. " * 3,
        "Le maire a déclaré mardi que l’effondrement du pont avait fait deux morts. « Nous saurons ce qui "
        "s’est passé », a-t-il dit. Les secours ont travaillé toute la nuit près du quai, où les plongeurs "
        "ont retrouvé un autobus.",
        "Die Brücke ist am Dienstag eingestürzt. Der Bürgermeister sagte, man werde alle Prüfberichte "
        "veröffentlichen. Taucher suchten im Hafenbecken nach Überlebenden, die Straße wurde gesperrt.",
    ],
)
def test_western_text_in_a_legacy_charset_is_still_read(text: str) -> None:
    assert decode_text(text.encode("cp1252")) == (text, ())
