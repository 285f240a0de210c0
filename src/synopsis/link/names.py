"""Name normalisation: spelling-proof keys for people and places, and how offices compare.

Outlets spell the same name differently (transliteration schemes, diacritics,
exonyms, possessives, titles glued to the name).  This module turns a mention into
comparison keys; ``link.entities`` decides which mentions are the same entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

# ---------------------------------------------------------------------------
# Folding and phonetic keys
# ---------------------------------------------------------------------------

_APOSTROPHES = "'’`´ʼʻ‘"
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s?(?=\s|$)")
_NON_LETTER = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")

# Transliteration endings of Slavic surnames and given names: Zelensky, Zelenskyy,
# Zelenskiy, Zelenskyi, Selenskyj, Zelenskii all end in one "i" sound.
_ENDING = re.compile(r"(?:iy|yy|yi|ij|yj|ii|y)$")
# Spelling pairs that transliteration schemes and languages swap freely; ordered
# so that longer patterns are rewritten first.
_SPELLING = (
    ("kh", "h"),  # Mikhail / Mihail, Kharkiv / Harkiv
    ("ph", "f"),
    ("x", "ks"),  # Alexei / Aleksei
    ("w", "v"),  # German schemes: Wolodymyr
    ("ck", "k"),
    ("q", "k"),
    ("y", "i"),  # Volodymyr / Volodimir, Natalya / Natalia
)
# "j" after a vowel is a "y" sound in Slavic and German schemes (Mykhajlo, Jurij);
# a leading "j" stays (John, Jim).
_INNER_J = re.compile(r"(?<=[aeiouy])j")
# German schemes write Cyrillic "З" (z) as an initial "S" before a vowel (Selenskyj, Sacharowa):
# an initial "s" before a vowel keys as "z", whatever the scheme, so both spellings meet.
_INITIAL_S = re.compile(r"^s(?=[aeiouy])")
# Central Asian names written from Cyrillic ("Ж") or from the Latin alphabets now official
# ("J"): Zhaparov / Japarov, Zhumagulov / Jumagulov, Dzhabarov / Jabarov.  Initial only: inside
# a word "zh" and "j"/"y" are different letters of Slavic names (Bozhko / Boiko).
_INITIAL_ZH = re.compile(r"^d?zh")
_DOUBLE = re.compile(r"([a-z])\1+")
# German schemes write Cyrillic "Ш" as "sch" and "Ч" as "tsch" (Jewtuschenko / Yevtushenko,
# Schewtschenko / Shevchenko); French ones write "У" as "ou" (Nourmagambetov / Nurmagambetov,
# Youssef / Yusuf).  English copy writes these sounds "sh", "ch" and "u".
_GERMAN_FRENCH = (("tsch", "ch"), ("sch", "sh"), ("ou", "u"))
# Cyrillic "Е" opening a name is written "e", "ye", "ie" or "je" by different schemes
# (Evtushenko, Yevtushenko, Jewtuschenko; Elena, Yelena, Jelena): the glide before the "e"
# says nothing about which name it is, so the key drops it.  ("Я" and "Ю" keep their glide
# in every scheme, so Jan / Ann stay apart.)
_LEADING_GLIDE_E = re.compile(r"^[ij](?=e)")
# Russian "-ов"/"-ев" written "-off"/"-eff" by older French and English schemes (Smirnoff,
# Rachmaninoff): one final "v" sound.  The doubled "ff" only: a single final "f" is a name's own
# (Kashef, Josef, Wolf).
_FINAL_OFF = re.compile(r"(?<=[aeo])ff$")
# A "y" between vowels is a glide some schemes write and others leave out: Tokayev / Tokaev,
# Zhumabayev / Jumabaev, Andreyev / Andreev.
_GLIDE_Y = re.compile(r"(?<=[aeiou])y+(?=[eo])")
# Arabic article prefixes: al-Assad / Assad, el-Sisi / Sisi.
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az)-")
# The same article as written before a capital, lower case in English copy: "Omar Hassan
# al-Zubeir" ends in a name though its last word opens with a small letter.
_ARTICLE_GLUED = re.compile(r"^(?:al|el|ad|as|ash|at|az)[-‐‑](?=[A-Z])")


_APOSTROPHE = re.compile(r"[" + _APOSTROPHES + r"]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return ASCII, lower-case text with apostrophes, punctuation and extra spaces removed."""
    text = anyascii(text).lower()
    text = _APOSTROPHE.sub("", text)
    text = text.replace("-", " ").replace(".", "")
    return _SPACES.sub(" ", _NON_LETTER.sub(" ", text)).strip()


@lru_cache(maxsize=65536)
def key_token(token: str) -> str:
    """Return the phonetic key of one name token (Zelenskiy, Zelenskyy -> zelenski)."""
    word = anyascii(token).lower()
    word = _APOSTROPHE.sub("", word)
    word = _ARTICLE.sub("", word)
    word = re.sub(r"[^a-z0-9]", "", word)
    word = _GLIDE_Y.sub("", word)
    if len(word) > 3:
        word = _ENDING.sub("i", word)
    word = _INNER_J.sub("i", word)
    word = _INITIAL_ZH.sub("j", word)
    word = _INITIAL_S.sub("z", word)
    for old, new in _GERMAN_FRENCH:
        word = word.replace(old, new)
    for old, new in _SPELLING:
        word = word.replace(old, new)
    word = _LEADING_GLIDE_E.sub("", word)
    word = _FINAL_OFF.sub("v", word)
    return _DOUBLE.sub(r"\1", word)


def key_text(text: str) -> str:
    """Return the phonetic key of a whole name, token by token."""
    return " ".join(key_token(token) for token in fold(text).split())


def strip_possessive(text: str, anywhere: bool = False) -> str:
    """Drop a final possessive ("Jones'", "Kyiv’s"); with ``anywhere``, cut at the first one.

    A person mention is cut at its first possessive because what follows is what
    the person owns ("Zelenskiy’s Press Conference" -> "Zelenskiy"); for a place or
    organisation only a final possessive goes ("Türkiye’s Antalya Forum" stays).
    """
    text = text.strip()
    for match in _POSSESSIVE.finditer(text):
        at_end = match.end() == len(text)
        if not (anywhere or at_end) or match.start() == 0:
            continue
        if len(match.group()) == 2 or text[match.start() - 1] in "sSzZ":
            return text[: match.start()].rstrip()
    return text


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

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
    return _DOUBLE.sub(r"\1", key.replace("ei", "ai").replace("o", "u").replace("e", "a"))


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


# ---------------------------------------------------------------------------
# Places and organisations
# ---------------------------------------------------------------------------

# Exonyms, renamings and politically loaded spellings of one place that no
# spelling rule connects.  Each row is one place; the first form is only the
# group id, the display name is chosen from what outlets actually write.
_PLACE_GROUPS = (
    ("kyiv", "kiev", "kyyiv"),
    ("kharkiv", "kharkov"),
    ("odesa", "odessa"),
    ("lviv", "lvov", "lwow", "lemberg"),
    ("mykolaiv", "nikolaev", "nikolayev"),
    ("zaporizhzhia", "zaporizhia", "zaporozhye", "zaporizhzhya"),
    ("luhansk", "lugansk"),
    ("chernihiv", "chernigov"),
    ("dnipro", "dnepr"),
    ("turkiye", "turkey", "republic of turkey", "republic of turkiye"),
    ("belarus", "byelorussia", "belorussia"),
    ("moldova", "moldavia"),
    ("myanmar", "burma"),
    ("czechia", "czech republic"),
    ("eswatini", "swaziland"),
    ("cote divoire", "ivory coast"),
    ("united states", "us", "usa", "united states of america", "america"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("russia", "russian federation"),
    ("netherlands", "holland"),
    ("european union", "eu"),
    ("united nations", "un"),
)
_PLACE_GROUP = {key_text(name): key_text(names[0]) for names in _PLACE_GROUPS for name in names}
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


def strip_name(text: str) -> str:
    """Return a place/organisation mention without leading "the", possessive and stray marks."""
    text = strip_possessive(text.split("\n")[0])
    text = _LEADING_ARTICLE.sub("", text)
    return text.strip(" \t,;:•-–—()[]\"“”")


def place_key(text: str) -> str:
    """Return the comparison key of a place or organisation (Kiev, Kyiv -> kyiv)."""
    key = key_text(strip_name(text))
    return _PLACE_GROUP.get(key, key)


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"})


def acronym(text: str) -> str | None:
    """Return the initials of a multi-word name ("United Nations" -> "un"), or None."""
    words = [w for w in re.split(r"[\s\-]+", strip_name(text)) if w and fold(w) not in _ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(fold(w)[:1] for w in words if fold(w))


def is_acronym(text: str) -> bool:
    """Tell whether a mention is written as an acronym ("NATO", "U.N.")."""
    letters = strip_name(text).replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


# ---------------------------------------------------------------------------
# Titles and offices
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Office:
    """A normalised office: what kind, which portfolio, whether the person still holds it."""

    kind: str  # "minister", "adviser", "council secretary", "president", ... or "role"
    domain: frozenset[str] = frozenset()
    former: bool = False
    deputy: bool = False

    @property
    def is_role(self) -> bool:
        """Tell whether this is a function for the event (head of delegation), not an office."""
        return self.kind == "role"


# Office keywords, normalised: synonyms map to one kind (aide = adviser = advisor).
_KIND_WORDS = {
    "aide": "adviser",
    "adviser": "adviser",
    "advisor": "adviser",
    "counsellor": "adviser",
    "counselor": "adviser",
    "assistant": "adviser",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "minister": "minister",
    "president": "president",
    "chancellor": "head of government",
    "premier": "head of government",
    "ambassador": "ambassador",
    "governor": "governor",
    "mayor": "mayor",
    "chairman": "chair",
    "chairwoman": "chair",
    "chair": "chair",
    "director": "director",
    "commander": "commander",
    "speaker": "speaker",
    "senator": "legislator",
    "lawmaker": "legislator",
    "mp": "legislator",
    "king": "monarch",
    "queen": "monarch",
}
# Phrases checked before single words (longest first).
_KIND_PHRASES = (
    ("prime minister", "head of government"),
    ("head of government", "head of government"),
    ("head of state", "president"),
    ("press secretary", "spokesperson"),
    ("chief of staff", "chief of staff"),
    ("head of the presidential office", "chief of staff"),
    ("head of the office of the president", "chief of staff"),
    ("head of the presidential administration", "chief of staff"),
    ("top diplomat", "minister"),
    ("secretary of state", "minister"),
    ("chief of the general staff", "chief of the general staff"),
    ("vice president", "vice president"),
)
# Functions for the event: any office holder can have them, so they never conflict.
_ROLE_WORDS = ("delegation", "negotiator", "mediator", "envoy", "representative", "member", "host", "participant")
# Portfolios (what a ministry or council is about); other words (nationality,
# "Kremlin", "top") do not tell offices apart.
_DOMAIN_WORDS = {
    "defense": "defense",
    "defence": "defense",
    "military": "defense",
    "foreign": "foreign",
    "diplomat": "foreign",
    "state": "foreign",  # US Secretary of State
    "interior": "interior",
    "home": "interior",
    "finance": "finance",
    "treasury": "finance",
    "justice": "justice",
    "health": "health",
    "culture": "culture",
    "economy": "economy",
    "economic": "economy",
    "energy": "energy",
    "education": "education",
    "trade": "trade",
    "agriculture": "agriculture",
    "transport": "transport",
    "labour": "labour",
    "labor": "labour",
    "environment": "environment",
    "intelligence": "intelligence",
    "security": "security",
    "digital": "digital",
    "veterans": "veterans",
    "emergency": "emergency",
    "emergencies": "emergency",
}
_FORMER = re.compile(r"\b(?:former|ex|erstwhile|onetime|one time|then|retired)\b")


# "head of Vladimir Zelensky's office": the head of a named leader's own office is
# their chief of staff, as "head of the Office of the President" is. Matched before
# folding, which drops the possessive that tells it from "head of the press office".
_HEAD_OF_LEADERS_OFFICE = re.compile(r"\bhead of (?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w-]*['’]s office\b")


def parse_office(title: str) -> Office | None:
    """Normalise one title to an office; None when it names no office we know."""
    if _HEAD_OF_LEADERS_OFFICE.search(title):
        return Office(kind="chief of staff", former=bool(_FORMER.search(fold(title))))
    text = fold(title)
    former = bool(_FORMER.search(text))
    # "adviser to President Putin": what follows "to" is the principal, not the office.
    text = re.split(r"\bto\b", text)[0].strip()
    words = text.split()
    kind = None
    for phrase, phrase_kind in _KIND_PHRASES:
        if re.search(r"\b" + phrase + r"\b", text):
            kind = phrase_kind
            break
    if kind is None:
        if any(word.startswith(role) for word in words for role in _ROLE_WORDS):
            return Office("role", former=former)
        if "secretary" in words:
            # "National Security and Defense Council Secretary", "Secretary of the
            # Security Council" is a council post; "Defense Secretary" is a minister.
            kind = "council secretary" if "council" in words else ("minister" if _domain(words) else "secretary")
        else:
            found = [_KIND_WORDS[word] for word in words if word in _KIND_WORDS]
            kind = found[-1] if found else None
            if kind is None and any(word in _GENERIC_HEAD_WORDS for word in words):
                kind = "head"
    if kind is None:
        return None
    deputy = any(word in {"deputy", "vice", "first deputy"} for word in words) and kind != "vice president"
    domain = _domain(words) if kind in {"minister", "council secretary", "head", "director", "commander", "secretary", "adviser"} else frozenset()
    if kind == "council secretary":
        domain = frozenset(domain | {"council"})
    return Office(kind=kind, domain=domain, former=former, deputy=deputy)


# Words that say a person leads a body without naming the post: "Bank chief", "agency head",
# "central bank boss" describe a governor, a director or a chair alike.
_GENERIC_HEAD_WORDS = frozenset({"head", "chief", "boss"})
# Posts that lead their body: a generic "head" of it is one of these, under another name, while
# it is no adviser, spokesperson or lawmaker.  (A deputy leads nothing: "deputy head" and
# "Governor" still conflict.)
_LEADING_KINDS = frozenset(
    {"head", "president", "head of government", "governor", "mayor", "chair", "director", "commander", "minister", "monarch", "speaker"}
)


def _domain(words: list[str]) -> frozenset[str]:
    return frozenset(_DOMAIN_WORDS[word] for word in words if word in _DOMAIN_WORDS)


def offices_compatible(first: Office, second: Office) -> bool:
    """Tell whether one person can be described by both offices at the time of the event."""
    if first.is_role or second.is_role:
        return True
    same_post = (
        first.kind == second.kind
        and first.deputy == second.deputy
        and (not first.domain or not second.domain or first.domain <= second.domain or second.domain <= first.domain)
    )
    if same_post:
        return first.former == second.former  # "former Defense Minister" vs "Defense Minister"
    if _generic_head_of_same_post(first, second) or _generic_head_of_same_post(second, first):
        return first.former == second.former  # "Bank chief" vs "Governor"
    # A former post of another kind is history, not a contradiction.
    return first.former or second.former


def _generic_head_of_same_post(generic: Office, specific: Office) -> bool:
    """Whether a generic "chief"/"head" can be the same post as a specific leading office: both
    lead (neither a deputy), and their portfolios, where both give one, agree ("defence chief" is
    the Defence Minister, not the Foreign Minister)."""
    return (
        generic.kind == "head"
        and specific.kind in _LEADING_KINDS
        and not generic.deputy
        and not specific.deputy
        and (not generic.domain or not specific.domain or bool(generic.domain & specific.domain))
    )


def titles_conflict(first: str, second: str) -> bool:
    """Tell whether two titles give one person contradictory offices (unknown titles never do)."""
    offices_a = [o for o in map(parse_office, split_title(first)) if o is not None and not o.is_role]
    offices_b = [o for o in map(parse_office, split_title(second)) if o is not None and not o.is_role]
    if not offices_a or not offices_b:
        return False
    return not any(offices_compatible(a, b) for a in offices_a for b in offices_b)


def split_title(title: str) -> list[str]:
    """Split "Presidential aide and head of the delegation" into its offices."""
    parts = [p.strip() for p in re.split(r",|;|\band\b|&", title) if p.strip()]
    merged: list[str] = []
    for part in parts:
        # "National Security and Defense Council Secretary": a part with no office
        # word belongs to the next one.
        if merged and parse_office(merged[-1]) is None:
            merged[-1] = f"{merged[-1]} and {part}"
        else:
            merged.append(part)
    if len(merged) > 1 and parse_office(merged[-1]) is None:
        last = merged.pop()
        merged[-1] = f"{merged[-1]} and {last}"
    return merged or [title]


def office_label(title: str) -> tuple | None:
    """Return a hashable signature of a title's offices (roles dropped), or None if none known."""
    offices = [o for o in map(parse_office, split_title(title)) if o is not None and not o.is_role]
    if not offices:
        return None
    return tuple(sorted((o.kind, tuple(sorted(o.domain)), o.former, o.deputy) for o in offices))
