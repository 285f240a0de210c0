"""Person names: a mention split into glued title and name, and whether two given names or two
surnames can be one person's across transliterations, short forms and gendered forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from synopsis.link.names import DOUBLE_LETTERS, fold, key_token, strip_possessive

# Words that make a title, not a name.  Compiled from the roles news copy glues in
# front of names ("President Putin", "Kremlin aide Medinsky", "U.S. Secretary of
# State Marco Rubio"); a leading run made only of these words and capitalised
# modifiers before them is the title.
TITLE_WORDS = frozenset(
    """
    president vice prime minister premier chancellor secretary general deputy
    foreign defense defence interior finance justice health culture economy
    state home affairs council security national intelligence
    mr mrs ms miss dr prof sir dame lord lady sen senator rep representative gov governor
    mayor king queen prince princess sheikh emir pope cardinal bishop archbishop
    ambassador envoy special spokesman spokeswoman spokesperson press aide adviser advisor
    assistant chief head leader chairman chairwoman chair director commander
    gen lt col maj capt sgt adm admiral colonel major captain lieutenant sergeant marshal
    justice judge speaker lawmaker mp senior top former ex acting interim then
    kremlin presidential presidents ministry office of the and for to
    """.split()
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# An Arabic article prefix (the ``names`` keys drop it) as written before a capital, lower case in
# English copy: "Omar Hassan al-Zubeir" ends in a name though its last word opens with a small letter.
_ARTICLE_GLUED = re.compile(r"^(?:al|el|ad|as|ash|at|az)[-‐‑](?=[A-Z])")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person mention split into its parts; ``tokens`` exclude title and suffixes."""

    text: str  # the name as written, without title and possessive ("Volodymyr Zelensky")
    title: str | None  # title glued in front ("President"), if any
    tokens: tuple[str, ...]
    start: int  # offset of ``text`` inside the mention text (titles are cut off the front)

    @property
    def surname(self) -> str:
        """Return the last name token (the surname for Western order)."""
        return self.tokens[-1]

    @property
    def given(self) -> tuple[str, ...]:
        """Return the tokens before the surname."""
        return self.tokens[:-1]

    @property
    def key(self) -> str:
        """Return the phonetic key of the whole name."""
        return " ".join(key_token(token) for token in self.tokens)


@lru_cache(maxsize=65536)
def parse_person(text: str) -> PersonName | None:
    """Split a person mention into glued title and name; None when no name is left."""
    # Photo credits and bylines glue several names with slashes: keep the first.
    text = re.split(r"\s+[/|]\s+", text.split("\n")[0])[0]
    text = strip_possessive(text, anywhere=True)
    spans = [(m.group(), m.start()) for m in re.finditer(r"\S+", text)]
    while spans and fold(spans[-1][0]) in _NAME_SUFFIXES:
        spans.pop()
    # Adjectives of nationality and capitalised words in front of a title word belong
    # to the title ("Turkish Foreign Minister Hakan Fidan"): the title ends at the
    # last title word that still leaves at least one token of name.
    cut = 0
    for i, (token, _) in enumerate(spans[:-1]):
        if fold(token) in TITLE_WORDS:
            cut = i + 1
    tokens = [t for t, _ in spans[cut:]]
    tokens = [t.strip(",;:()[]\"“”") for t in tokens]
    tokens = [t for t in tokens if fold(t)]
    if not tokens or all(fold(t) in TITLE_WORDS for t in tokens):
        return None
    if not _ARTICLE_GLUED.sub("", tokens[-1])[:1].isupper():
        return None
    start = spans[cut][1]
    title = text[: start].strip() or None
    end = text.find(tokens[-1], start) + len(tokens[-1])
    return PersonName(text=text[start:end], title=title, tokens=tuple(tokens), start=start)


# Ukrainian and Russian (and a few Western) forms of the same given name that no
# spelling rule connects: a transliteration of the *same* name in different
# languages, as used for Ukrainian officials in Russian and Western media.
_GIVEN_NAME_GROUPS = (
    ("oleksandr", "aleksandr", "alexander", "olexander", "alexandr"),
    ("oleksii", "oleksiy", "aleksei", "alexei", "alexey", "aleksey"),
    ("olena", "elena", "yelena", "helen"),
    ("mykola", "nikolai", "nikolay", "nicholas"),
    ("mykhailo", "mikhail", "michael"),
    ("serhiy", "serhii", "sergei", "sergey", "sergiy"),
    ("heorhiy", "georgy", "georgiy", "george"),
    ("hennadiy", "gennady", "gennadiy"),
    ("yevhen", "yevgeny", "evgeny", "evgeniy", "yevgeniy"),
    ("volodymyr", "vladimir", "wolodymyr"),
    ("andriy", "andrei", "andrey", "andrii", "andrew"),
    ("dmytro", "dmitry", "dmitri", "dmitriy"),
    ("yuriy", "yuri", "yury", "jurij"),
    ("petro", "pyotr", "peter"),
    ("pavlo", "pavel", "paul"),
    ("ivan", "ivan"),
    ("oleh", "oleg"),
    ("ihor", "igor"),
    ("vitaliy", "vitaly", "vitali"),
    ("kyrylo", "kirill"),
    ("denys", "denis"),
    ("mariia", "maria", "mariya", "marie"),
)
_GIVEN_GROUP = {key_token(name): index for index, names in enumerate(_GIVEN_NAME_GROUPS) for name in names}

# Given names of one person across transliterations share their first sound and
# differ by at most a couple of letters: Andrey/Andriy 91, Vladimir/Volodimir 82,
# Sergi/Serhi 80; different names score far lower (Ruslan/Rustem 50, John/Jim 29).
GIVEN_NAME_MIN_RATIO = 75


@lru_cache(maxsize=65536)
def given_names_compatible(first: str, second: str) -> bool:
    """Tell whether two given-name tokens can name the same person (variants, a short form or an initial)."""
    if _spellings_compatible(first, second):
        return True
    # "Tom Wisniewski" and "Tomasz Wiśniewski": a short form is compatible with any spelling
    # of a full name it is short for (Tom -> Thomas ~ Tomasz, Alex -> Aleksandr, Bob -> Robert).
    forms_a, forms_b = _full_forms(first), _full_forms(second)
    if len(forms_a) == 1 and len(forms_b) == 1:
        return False
    return any(_spellings_compatible(a, b) for a in forms_a for b in forms_b if (a, b) != (first, second))


@lru_cache(maxsize=1)
def _nicknamer():
    # The nicknames package (Apache-2.0): a hand-curated table of English given names and
    # their short forms, maintained with its sources, rather than a list of our own.
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=65536)
def _full_forms(name: str) -> tuple[str, ...]:
    """The name itself and the full names the table gives for it as a short form.

    The table is genealogical and generous: it also lists names that are names in their own
    right beside what they were once short for (Erin for Aaron, Lena for Adeline), which would
    make two people of one surname one.  A short form is kept only when it opens with the full
    name's first letter (Tom / Thomas, Alex / Aleksandr) or rhymes with its opening, one letter
    swapped (Bob / Robert, Bill / William, Dick / Richard)."""
    short = key_token(name)
    forms = [name]
    for full in sorted(_nicknamer().canonicals_of(fold(name))):
        long = key_token(full)
        if len(short) < 2 or len(long) <= len(short):
            continue
        if short[0] == long[0] or (len(short) >= 3 and short[1:3] == long[1:3]):
            forms.append(full)
    return tuple(forms)


def _spellings_compatible(first: str, second: str) -> bool:
    """Tell whether two given-name tokens are spellings of one name or an initial of it."""
    a, b = key_token(first), key_token(second)
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: "V. Putin"
        return a[0] == b[0]
    if a == b:
        return True
    group_a, group_b = _GIVEN_GROUP.get(a), _GIVEN_GROUP.get(b)
    if group_a is not None and group_a == group_b:
        return True
    loose_a, loose_b = _loose_given(a), _loose_given(b)
    if not loose_a or not loose_b:
        return False
    if _turkic_c(first, second) or _turkic_c(second, first):
        return True
    if loose_a[0] == loose_b[0] and _arabic_vowels(loose_a) is not None and _arabic_vowels(loose_a) == _arabic_vowels(loose_b):
        return True
    return loose_a[0] == loose_b[0] and fuzz.ratio(loose_a, loose_b) >= GIVEN_NAME_MIN_RATIO


# Arabic has three short vowels that English copy writes as it pleases: "u" as "o", "a" as "e"
# (Muhammad / Mohammed / Mohamed / Mohamad, Ahmad / Ahmed, Abdulrahman / Abdelrahman): the ratio
# sees two or three letters changed in a short name (Mohammed / Muhammad 71). Written alike, two
# names are one only when they keep the same consonants in order, at least three of them, so a
# short name cannot become another by its vowels (Ben / Ban, Jan / Jen, Hassan / Hussein, whose
# "ei" and "a" stay apart, and Ahmed / Mahmoud, which have other consonants), and only when they
# open with the same letter: a first vowel is how European names differ (Ember / Amber, Erwin / Arwin).
_MIN_ARABIC_CONSONANTS = 3


def _arabic_vowels(key: str) -> str | None:
    """A given name's key with the Arabic short vowels' spellings made one, or None when too short."""
    if sum(ch not in "aeiou" for ch in key) < _MIN_ARABIC_CONSONANTS:
        return None
    return DOUBLE_LETTERS.sub(r"\1", key.replace("ei", "ai").replace("o", "u").replace("e", "a"))


# Cyrillic "Е" opening a name is written "e", "ye", "ie" or "je" by different schemes and
# languages (Elena, Yelena, Ielena, Jelena; Evgeny, Yevhen): the glide before the "e" says
# nothing about which name it is. ("Я" keeps its glide in every scheme, so Jan/Ann stay apart.)
_LEADING_GLIDE = re.compile(r"^[ji](?=e)")


def _turkic_c(first: str, second: str) -> bool:
    """Whether a Turkish or Azerbaijani name with "C" (the English "J" sound) is the other's
    English spelling: Ceyhun / Jeyhun, Cemal / Jemal, Cihan / Jihan.  Only before "e" or "i",
    where English reads "C" as "s", so no English name is taken for another (Cody / Jody stay
    two), and only when all the other letters agree.  Read on the names as written: the key
    drops the glide of "Je" (Jeyhun keys as "eihun"), which would let Emil pass for Cemil."""
    a, b = fold(first), fold(second)
    return a[:1] == "c" and b[:1] == "j" and a[1:2] in ("e", "i") and key_token(a[1:]) == key_token(b[1:])


def _loose_given(key: str) -> str:
    """A given name's key with the letters transliterations swap at will made one."""
    # Ukrainian h = Russian g; "th" is "t" outside English (Thomas / Tomasz, Matthias / Mattias).
    return _LEADING_GLIDE.sub("", key.replace("th", "t").replace("g", "h"))


def given_compatible(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Tell whether two lists of given names fit one person (any pair of tokens compatible)."""
    if not first or not second:
        return True
    return any(given_names_compatible(a, b) for a in first for b in second)


# Surnames of one person must agree beyond their first letters and end the same:
# "Zelenski"/"Zelenska" (87.5, husband and wife) and "Putin"/"Putina" must stay
# apart, while a one-letter typo in a long name (Erdogan/Erdgoan) still matches.
SURNAME_MIN_RATIO = 88


# German, Polish and Czech schemes write the glide of Cyrillic "Ю", "Я", "Ё" as "J" where English
# writes "Y" (Jusupow / Yusupov, Juschtschenko / Yushchenko, Jakowlew / Yakovlev).  For surnames
# of six letters or more only: a short English name with "J" has a different one with "Y" (Jung /
# Young), and given names keep their "J" (Jassim and Yassin are two Arabic names).
_SURNAME_GLIDE_J = re.compile(r"^j(?=[aou])")
SURNAME_GLIDE_MIN_LENGTH = 6


def surname_key(token: str) -> str:
    """Return the phonetic key of a surname: ``key_token`` with a leading glide "J" read as "Y"."""
    key = key_token(token)
    return _SURNAME_GLIDE_J.sub("i", key) if len(key) >= SURNAME_GLIDE_MIN_LENGTH else key


def surnames_match(first: str, second: str) -> bool:
    """Tell whether two surname tokens are spellings of the same surname."""
    a, b = surname_key(first), surname_key(second)
    if a == b:
        return bool(a)
    if min(len(a), len(b)) < 5 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    return _loose_surname(a) == _loose_surname(b) or fuzz.ratio(a, b) >= SURNAME_MIN_RATIO


# Letters one language's transliteration writes where another's writes others, too many in one
# name for the ratio to see: Ukrainian "Г" is "h" where Russian has "g", and Ukrainian "є" is
# "ie" where Russian "е" is "e" (Syniehubov / Synegubov, 82); the Arabic diphthong "ay" is
# written "ei" or "ai" (Zubeir / Zubair 83, Hussein / Husain).  Applied only when comparing
# two surnames that already share their first and last letters, and then the whole rest must
# agree letter for letter, so unrelated names stay apart (Lavrov / Lazarov).
_UKRAINIAN_IE = re.compile(r"(?<=[^aeiou])ie")


def _loose_surname(key: str) -> str:
    return _UKRAINIAN_IE.sub("e", key.replace("g", "h")).replace("ei", "ai")


def gendered_forms(first: str, second: str) -> bool:
    """Tell whether two surnames are the masculine and feminine forms of one Slavic family name
    (Petrov / Petrova, Zelenskyy / Zelenska, Tolstoy / Tolstaya), whichever comes first."""
    a, b = surname_key(first), surname_key(second)
    if a.endswith("a"):  # the feminine form second
        a, b = b, a
    if len(a) < 4:
        return False
    return (a.endswith(("ov", "ev", "in")) and b == a + "a") or (a.endswith("i") and b in (a[:-1] + "a", a[:-1] + "aia", a[:-2] + "aia"))


def block_key(token: str) -> str:
    """Return the blocking key of a surname: its first two phonetic letters."""
    return surname_key(token)[:2]
