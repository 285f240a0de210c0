"""The language check judges the narration: quotes and names are no evidence of a report's
language, and a report mostly in English, sentence by sentence, is English."""

from __future__ import annotations

import pytest

from synopsis.ingest.article import build_article
from synopsis.ingest.language import detect_language, without_names
from synopsis.records import RawDocument, SynopsisError


def language_of(text: str) -> str:
    return build_article(RawDocument(source="t.txt", content=text)).language


def test_a_long_quote_in_german_does_not_make_an_english_report_german() -> None:
    text = (
        "The Austrian chancellor said on Friday that Vienna would send divers to Kabrin after the ferry "
        "disaster, which killed three people.\n"
        "\u201cWir werden alles tun, was in unserer Macht steht, um den Familien der Opfer zu helfen, und wir "
        "schicken noch heute unsere besten Taucher\u201d, the chancellor told reporters.\n"
        "The divers would arrive on Sunday."
    )
    assert language_of(text) == "en"


def test_an_english_sentence_full_of_turkish_names_is_not_turkish() -> None:
    text = (
        "Recep Tayyip Erdoğan, Hakan Fidan, Ümit Dündar, Şebnem Korur Fincancı and Ekrem İmamoğlu met at "
        "Çırağan Palace in İstanbul on Tuesday."
    )
    assert language_of(text) in ("en", "und")  # too few words but names to tell: not refused
    assert without_names(text) == "Recep and met at in on ."


def test_one_foreign_sentence_among_english_ones_leaves_the_report_english() -> None:
    """One Turkish sentence, unquoted, outweighs three English ones in a judgement of the whole
    text (its letters are telling); sentence by sentence most of the report is English."""
    text = (
        "The Turkish interior ministry said on Monday that the ferry had been inspected in May and found sound. "
        "Bakanlık, feribotun mayıs ayında denetlendiğini ve hiçbir eksiklik bulunmadığını açıkladı, dedi sözcü. "
        "The ferry sank in calm water on Sunday night, and divers recovered the bodies of three passengers on Tuesday. "
        "Officials said the captain had been detained and would be questioned by prosecutors this week."
    )
    assert language_of(text) == "en"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Die Fähre sank am Sonntagabend bei ruhiger See, teilte das Innenministerium mit. Taucher "
            "bargen am Dienstag die Leichen von drei Passagieren. Der Kapitän wurde festgenommen, sagte ein "
            "Sprecher, und die Staatsanwaltschaft will ihn noch in dieser Woche befragen.",
            "German",
        ),
        (
            # Quotes in English do not make a Spanish report English.
            "El ministro dijo el lunes que «the ferry was inspected in May and found sound», pero los buzos "
            "recuperaron el martes los cuerpos de tres pasajeros. El capitán fue detenido y será interrogado "
            "por la fiscalía esta semana, según fuentes del puerto.",
            "Spanish",
        ),
    ],
)
def test_a_foreign_report_is_still_refused_with_its_language_named(text: str, name: str) -> None:
    assert detect_language(text)[1] == name
    with pytest.raises(SynopsisError, match=f"language looks like {name}"):
        language_of(text)
