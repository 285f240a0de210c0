"""Turning bytes into text: BOMs, UTF-8, declared charsets, and refusing binaries."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# Byte-order marks we honour, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 control characters other than tab, newline, form feed and carriage return
# never occur in text files; a few may slip into copy-pasted pages (a stray
# \x0b from Word), so only a share above 1 % marks a binary.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
CONTROL_SHARE = 0.01
SNIFF_BYTES = 8192
# The share of bytes that are ASCII letters or spaces above which bytes behind a UTF-16 byte
# order mark are 8-bit text, not UTF-16.  Read as UTF-16, two ASCII letters make one CJK
# ideograph ("ba" is U+6162), so such a file decodes without error into nonsense; genuine
# UTF-16 has a NUL or control byte in every Latin, Cyrillic or Greek character (at most half
# its bytes are letters), and CJK text has 30-35 % letter bytes (34 % over all the
# ideographs U+4E00-U+9FA5, 30 % over the hiragana).
STRAY_BOM_LETTER_SHARE = 0.6
# A well-formed UTF-8 sequence of two to four bytes: legacy 8-bit text nearly never holds one by
# chance (an accented capital before a symbol such as "Ã©" is mojibake, not writing), so text
# with one is UTF-8, and the bytes in it that are not are damage.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Up to this share of a UTF-8 text's bytes may be damaged (a byte cut off a copy, one pasted
# in from another charset): they are read as U+FFFD, with a warning, and the text is kept.
STRAY_BYTE_SHARE = 0.01
# Bytes decoded as a legacy charset stand in for letters of English words ("couÿcil",
# "disÃuss": stray bytes in English text, not accents) in at least this many different words,
# and in at least half of those with a letter outside ASCII: the text is undecodable.  (The
# word list is large: some word is one letter away from a short word such as "café", "cafh";
# a few loanwords and names must not make a Western text undecodable.)
DAMAGED_WORDS = 5


class DecodeError(Exception):
    """Bytes that are not text we can read; the message is a short reason."""


def looks_binary(data: bytes) -> bool:
    """True for content with NUL bytes (and no UTF-16/32 BOM) or many control characters."""
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(CONTROL.findall(head.decode("latin-1")))
    return controls > max(2, CONTROL_SHARE * len(head))


def decode_bytes(data: bytes, declared: str | None = None, *, detect: bool = True) -> str:
    """``decode_text`` without its warnings."""
    return decode_text(data, declared, detect=detect)[0]


def decode_text(data: bytes, declared: str | None = None, *, detect: bool = True) -> tuple[str, tuple[str, ...]]:
    """Decode text: a BOM wins, then a declared charset, then strict UTF-8, then (with ``detect``,
    for text that is not UTF-8 and declares nothing) UTF-8 with a few damaged bytes, or else the
    legacy charset ``detect_charset`` finds; with a warning for each thing left out of the text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise DecodeError(f"cannot decode as {encoding} (bad bytes at offset {err.start + len(bom)})") from err
            if encoding.startswith("utf-16") and is_8bit_text(data[len(bom) :]):
                raise DecodeError(f"undecodable text: a {encoding} byte order mark before bytes that are not {encoding}")
            return text, ()
    if looks_binary(data):
        raise DecodeError("binary file, not text")
    encoding = "utf-8"
    if declared:
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            encoding = "utf-8"
    try:
        return data.decode(encoding), ()
    except UnicodeDecodeError as err:
        byte = data[err.start : err.start + 1].hex()
        reason = f"cannot decode as {encoding}: invalid byte 0x{byte} at offset {err.start}"
        if declared or not detect:
            raise DecodeError(reason) from err
        bad = invalid_utf8_bytes(data)
        if UTF8_SEQUENCE.search(data) and bad <= STRAY_BYTE_SHARE * len(data):
            # UTF-8 with a few damaged bytes: what a user expects is the article, and word of
            # the damage, as a browser shows "�" for them, not a guessed charset turning its
            # "©" into "Â©".
            plural = "s" if bad > 1 else ""
            warning = f"{bad} byte{plural} that {'are' if bad > 1 else 'is'} not utf-8 read as U+FFFD (the first at offset {err.start})"
            return data.decode("utf-8", errors="replace"), (warning,)
        legacy = detect_charset(data)
        if legacy is None:
            raise DecodeError(f"{reason}, and no other text encoding fits") from err
        text = data.decode(legacy)
        if foreign_letters_in_latin_text(text):
            raise DecodeError(f"undecodable text: not utf-8, and read as {legacy} its bytes outside ascii are letters of another script") from err
        if letters_in_place_of_others(text):
            raise DecodeError(
                f"undecodable text: not utf-8 ({bad} bad bytes, the first at offset {err.start}), and read as {legacy} "
                "its bytes outside ascii stand for letters of english words"
            ) from err
        return text, ()


def invalid_utf8_bytes(data: bytes) -> int:
    """How many places in ``data`` are not UTF-8 (each read as one U+FFFD)."""
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())


def is_8bit_text(data: bytes) -> bool:
    """Whether bytes are mostly ASCII letters and spaces, as 8-bit text is and UTF-16 text is not
    (see STRAY_BOM_LETTER_SHARE)."""
    if not data:
        return False
    letters = sum(1 for byte in data if 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A or byte == 0x20)
    return letters >= STRAY_BOM_LETTER_SHARE * len(data)


# Scripts that write one language together (Japanese mixes kanji and kana), named as
# Unicode character names begin.
_SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "KATAKANA-HIRAGANA": "CJK"}


def script_of(char: str) -> str:
    """The script of a letter, as the first word of its Unicode name ("LATIN", "CYRILLIC", "CJK"...).

    The standard library has no script property; the first word of the name is that script
    for every letter of the alphabets and syllabaries news comes in, which is all this needs.
    """
    word = unicodedata.name(char, "").split(" ", 1)[0]
    return _SCRIPT_FAMILIES.get(word, word)


def foreign_letters_in_latin_text(text: str) -> bool:
    """Whether text decoded with a guessed legacy charset is mostly ASCII letters, while its letters
    outside ASCII are mostly of another script: stray bad bytes in English text ("bad bytes \x81"),
    which the guess turned into Cyrillic or Greek letters.  Text really in such a charset has
    those letters for the most part; Western text has Latin ones."""
    ascii_letters = foreign = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if char.isascii():
            ascii_letters += 1
        elif script_of(char) == "LATIN":
            latin += 1
        else:
            foreign += 1
    return foreign > latin and ascii_letters > foreign


def letters_in_place_of_others(text: str) -> bool:
    """Whether the letters outside ASCII of text decoded with a guessed legacy charset stand in
    English words in place of other letters ("ÿhe", "couÿcil", "disÃuss"): bytes that were
    damage in an English text, not accents.  An accent sits on its own letter: "café", "naïve",
    "Müller" are words (or names) with the plain letter, and are never counted."""
    from synopsis.ingest.lexicon import is_ordinary_word  # the word list loads only here

    suspect = damaged = 0
    for word in {word.lower() for word in re.findall(r"[^\W\d_]{2,}", text)}:
        outside = [i for i, char in enumerate(word) if not char.isascii()]
        if len(outside) != 1:
            continue
        suspect += 1
        i = outside[0]
        head, tail = word[:i], word[i + 1 :]
        plain = unicodedata.normalize("NFKD", word[i])[0]
        if plain.isascii() and is_ordinary_word(head + plain + tail):
            continue
        if any(is_ordinary_word(head + letter + tail) for letter in "abcdefghijklmnopqrstuvwxyz") or is_ordinary_word(head + tail):
            damaged += 1
    return damaged >= DAMAGED_WORDS and 2 * damaged >= suspect


# What an English-language archive that is not UTF-8 is written in, nearly always:
# Windows-1252, a superset of ISO-8859-1's printable characters (WHATWG decodes
# "iso-8859-1" pages as windows-1252 for that reason).
WESTERN = "cp1252"


def detect_charset(data: bytes) -> str | None:
    """The legacy charset of text that is not UTF-8, or None when no charset gives clean text.

    charset-normalizer (a dependency, trafilatura's too) decides which charsets
    decode the bytes to clean text.  On short Western text several do equally
    well and its ``best()`` picks by a language guess (cp1250 for "Café in the
    harbour", turning "£" into "Ł"), so among the cleanest candidates WESTERN
    wins whenever it is one of them; Cyrillic or Greek text still gets its own.
    """
    matches = list(from_bytes(data))
    if not matches:
        return None
    cleanest = min(match.chaos for match in matches)
    candidates = [match for match in matches if match.chaos == cleanest]
    if any(WESTERN in match.could_be_from_charset for match in candidates):
        return WESTERN
    return candidates[0].encoding


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
