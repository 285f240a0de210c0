"""What a number counts (its noun phrase) and what happened to the counted things (its predicate)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from synopsis.extract.nlp import doc_text
from synopsis.extract.number_parsing import SCALES, NumberCore
from synopsis.extract.quantity_units import TIME_UNITS, UNITS, VAGUE


# Nouns that name an exchange: in "a 1,000-for-1,000 prisoner swap" the number
# counts the compound modifier (prisoners), not the swap.
_EXCHANGE_NOUNS = {"swap", "exchange", "trade", "deal", "release", "handover"}

# Verbs of change: "expanded the delegation from 12 to 14 members" gives an old
# and a new value, not a range.
CHANGE_VERBS = {
    "expand", "increase", "rise", "grow", "raise", "cut", "reduce", "fall", "drop", "decrease",
    "shrink", "climb", "jump", "lower", "boost", "slash", "double", "triple", "go", "swell",
    "soar", "plunge", "decline", "enlarge", "change",
}

# Verbs whose object is an amount of their subject ("casualties surpassed 1 million").
_AMOUNT_VERBS = {"exceed", "surpass", "reach", "top", "total", "number", "hit", "pass", "stand", "climb", "rise"}
EXCESS_VERBS = {"exceed", "surpass", "top", "pass", "outnumber"}

# Verbs that link or report a number without saying what happened to the counted things
# ("there were 14", "officials said 14", "the delegation includes 12"): no predicate.
_LIGHT_VERBS = _AMOUNT_VERBS | EXCESS_VERBS | {
    "be", "have", "say", "tell", "report", "include", "involve", "contain", "consist", "comprise",
    "become", "remain", "estimate", "add", "note", "state", "claim", "confirm", "announce", "show",
    "see", "make", "do", "get", "count", "put", "place", "cite", "quote", "accord",
}

# Nouns for a gathering of people, counted by a bare number in their "of" ("a crowd of 24,000",
# "an attendance of 31,000"); nouns that sum or rank ("a total of", "a toll of") are not among them.
_GATHERING_NOUNS = {"crowd", "audience", "attendance", "gathering", "congregation", "throng"}

# Nouns that name what happened to what follows their "of" ("the exchange of 1,200 prisoners",
# "the list of 339 children"); other nouns ("the remains of", "a group of") are passed through.
_EVENT_NOUNS = {
    "exchange", "swap", "trade", "release", "handover", "return", "repatriation", "transfer", "list",
    "death", "killing", "injury", "evacuation", "arrest", "detention", "deportation", "rescue",
    "capture", "abduction", "displacement", "transfer", "withdrawal", "deployment", "sale",
    "purchase", "delivery", "launch", "hire", "dismissal", "loss",
}

# What happened to counted things, by predicate lemma (from ``Quantity.predicate``): "killed two",
# "two died" and "two dead" state one count; "14 injured" is another slot. Lemmas not listed form
# their own class.
PREDICATE_CLASSES = {
    "die": "die", "kill": "die", "dead": "die", "death": "die", "killing": "die", "perish": "die",
    "fatality": "die", "murder": "die", "slay": "die", "drown": "die",
    "injure": "injure", "wound": "injure", "hurt": "injure", "injury": "injure", "maim": "injure",
    "evacuate": "evacuate", "evacuation": "evacuate", "move": "evacuate", "relocate": "evacuate",
    "displace": "evacuate", "displacement": "evacuate",
    "exchange": "exchange", "swap": "exchange", "trade": "exchange", "release": "exchange",
    "free": "exchange", "handover": "exchange", "hand": "exchange", "return": "exchange",
    "repatriate": "exchange", "repatriation": "exchange", "transfer": "exchange",
    "detain": "detain", "arrest": "detain", "capture": "detain", "detention": "detain",
    "abduct": "detain", "deport": "detain", "deportation": "detain",
    "rescue": "rescue", "save": "rescue", "list": "list",
    # durations: how long something went on vs how late it was
    "last": "length", "take": "length", "total": "length", "continue": "length", "run": "length", "long": "length",
    "delay": "delay", "postpone": "delay", "push": "delay",
}

# Participle adjectives that say what happened ("14 injured", "two dead"), with their verb.
_STATE_ADJECTIVES = {
    "injured": "injure", "wounded": "wound", "hurt": "hurt", "dead": "die", "killed": "kill",
    "missing": "miss", "evacuated": "evacuate", "detained": "detain", "displaced": "displace",
    "arrested": "arrest", "rescued": "rescue", "captured": "capture", "deported": "deport",
    "released": "release", "freed": "free", "listed": "list", "exchanged": "exchange",
}


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that contains character offset ``char`` (or the next one)."""
    span: Span | None = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


def last_token(doc: Doc, core: NumberCore) -> Token | None:
    span = doc.char_span(core.start, core.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # The rightmost token attached outside the span is the number phrase's link to
    # the sentence ("a dozen cars": "dozen", not the article, modifies "cars").
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
    return outside[-1] if outside else span.root


def find_counted(doc: Doc, core: NumberCore, unit: str | None) -> str | None:
    """The noun the number counts, from the dependency parse ("the remains of 6,000 soldiers" -> soldiers)."""
    noun = _counted_noun(doc, core, unit)
    return _noun_phrase(noun) if noun is not None else None


def _counted_noun(doc: Doc, core: NumberCore, unit: str | None) -> Token | None:
    """The token of the noun the number counts, or None."""
    tok = last_token(doc, core)
    if tok is None:
        return None
    core_idx = set(range(tok.i - 3, tok.i + 1))
    noun: Token | None = None
    head = tok.head
    if core.vague:
        noun = _of_complement(tok)
    elif unit is not None:
        return None
    elif tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and head.i > tok.i and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        noun = head
        if noun.lower_ in UNITS or noun.i in core_idx:
            noun = _of_complement(noun) if noun.lower_ in SCALES else None
    elif tok.pos_ in ("NUM", "NOUN", "PRON", "PROPN", "ADJ") or tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr"):
        noun = _of_complement(tok)
        if noun is None:
            # "over 1,000 prisoners" parsed with the noun as a sibling right after the number.
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NNPS") and nxt.lower_ not in UNITS:
                noun = nxt
    if noun is None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _GATHERING_NOUNS:
        # "a crowd of 24,000": the number counts the people the gathering is made of.
        noun = tok.head.head
    if noun is None and tok.dep_ in ("dobj", "attr", "pobj") and unit is None:
        # "casualties have exceeded 1 million": the subject of a verb of amount is counted.
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        if verb.lemma_.lower() in _AMOUNT_VERBS:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
            noun = subjects[0] if subjects else None
    if noun is None:
        # Last resort: the next plural noun right after the number ("1,200 Ukrainians").
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.lower_ not in UNITS and nxt.lower_ not in VAGUE:
            noun = nxt
    if noun is None or noun.pos_ in ("PRON", "DET"):
        return None
    if noun.i == tok.i + 1 and noun.lower_ in _STATE_ADJECTIVES:
        # "at least 20 hurt", "two dead": the parser may take the participle for the counted noun;
        # it says what happened to them (``_predicate``), and the count counts people unnamed.
        return None
    if "\n" in doc[min(noun.i, tok.i):max(noun.i, tok.i) + 1].text or noun.sent.start != tok.sent.start:
        return None  # a heading's number does not count the next paragraph's noun
    return noun


# Prepositions of a route or a means: the counted things are the way something went, and the
# verb above says what happened to that something ("allow aid through three corridors" says
# nothing was done to corridors; "agreed to open three corridors" does).
_PATH_PREPOSITIONS = {"through", "via", "along", "across", "past"}

# Steps up the dependency tree from the number to its predicate: "the remains of 3,000 soldiers
# were handed over" needs four (soldiers -> of -> remains -> handed); more reaches other clauses.
_PREDICATE_STEPS = 5


# People or things "on board" or "aboard" are what a craft carries, whatever the verb of its
# journey ("with nearly 190 passengers on board, was flying", "had 181 people on board"): one count
# with "carrying 192 people". A verb of what happened to them ("killing all 150 people on board")
# still says it. "186 passengers and six crew on board": the place follows the last noun of a list.
_ON_BOARD = re.compile(r"(?:\s+and\s+(?:[\w-]+\s+){1,3}?)?\s*(?:(?:were|was|are|is)\s+)?(?:on\s*board|aboard)\b",
                       re.IGNORECASE)
_JOURNEY_VERBS = {"fly", "head", "travel", "sail", "leave", "depart", "bind", "land", "arrive", "divert",
                  "return", "take", "bring"}


def counts_by_state(doc: Doc, core: NumberCore) -> bool:
    """Whether the word right after the number says what happened to those it counts ("two dead",
    "three missing"): such a number counts people unnamed, though no noun follows it."""
    tok = last_token(doc, core)
    nxt = doc[tok.i + 1] if tok is not None and tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ in _STATE_ADJECTIVES


def find_predicate(doc: Doc, core: NumberCore, unit: str | None) -> str | None:
    """Lemma of what happened to the counted things ("14 people were injured" -> "injure");
    "carry" for those on board a craft on its journey (``_ON_BOARD``)."""
    predicate = _predicate(doc, core, unit)
    if (predicate is not None and predicate not in _JOURNEY_VERBS) or unit in TIME_UNITS:
        return predicate
    tok = last_token(doc, core)
    noun = _counted_noun(doc, core, unit) if tok is not None else None
    last = noun if noun is not None and noun.i > tok.i else tok
    if last is not None and _ON_BOARD.match(doc_text(doc), last.idx + len(last.text)):
        return "carry"
    return predicate


def _predicate(doc: Doc, core: NumberCore, unit: str | None) -> str | None:
    tok = last_token(doc, core)
    if tok is None:
        return None
    noun = _counted_noun(doc, core, unit) if unit is None or unit not in TIME_UNITS else None
    start = noun if noun is not None else tok
    if start.lemma_.lower() in _EVENT_NOUNS:  # "a 1,000-for-1,000 prisoner swap"
        return start.lemma_.lower()
    found = _modifier_predicate(start) or (_modifier_predicate(tok) if tok is not start else None)
    if found:
        return found
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) and noun is None else None
    if nxt is not None and nxt.lower_ in _STATE_ADJECTIVES:  # "14 injured" read as a noun phrase
        return _STATE_ADJECTIVES[nxt.lower_]
    cur = start
    for _ in range(_PREDICATE_STEPS):
        head = cur.head
        if head is cur:
            break
        if cur.dep_ == "pobj" and head.lower_ in _PATH_PREPOSITIONS:
            return None  # "allow aid through three corridors": what the verb did was not to the corridors
        if head.pos_ in ("VERB", "AUX") and cur.dep_ != "conj":
            lemma = head.lemma_.lower()
            # "totaling three hours": for a length of time, a verb of amount says it is the length.
            if lemma not in _LIGHT_VERBS or (unit in TIME_UNITS and lemma in _AMOUNT_VERBS):
                return _STATE_ADJECTIVES.get(head.lower_, lemma)
            # "two people are dead", "14 were injured" parsed with a copula: the complement says it.
            for child in head.children:
                if child.dep_ in ("acomp", "attr", "oprd") and child.lower_ in _STATE_ADJECTIVES:
                    return _STATE_ADJECTIVES[child.lower_]
            return None
        if head.pos_ == "ADJ" and head.lower_ in _STATE_ADJECTIVES:
            return _STATE_ADJECTIVES[head.lower_]
        if head.pos_ in ("NOUN", "PROPN") and cur.dep_ == "pobj" or (
            head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in _EVENT_NOUNS
        ):
            if head.lemma_.lower() in _EVENT_NOUNS:
                return head.lemma_.lower()
        cur = head
    return None


def predicate_class(lemma: str | None) -> str | None:
    """The class of a predicate lemma, so that synonyms compare ("kill", "die", "dead" -> "die")."""
    if not lemma:
        return None
    lemma = lemma.lower()
    return PREDICATE_CLASSES.get(lemma, lemma)


def _modifier_predicate(noun: Token) -> str | None:
    """A participle attached to the noun that says what happened: "children listed by", "injured people"."""
    for child in noun.children:
        if child.lower_ in _STATE_ADJECTIVES and child.dep_ in ("amod", "acl", "relcl", "appos", "conj"):
            return _STATE_ADJECTIVES[child.lower_]
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and child.i > noun.i:
            # "people who were injured", "329 children listed by Ukraine"
            lemma = child.lemma_.lower()
            if lemma not in _LIGHT_VERBS:
                return _STATE_ADJECTIVES.get(child.lower_, lemma)
    return None


def _of_complement(tok: Token) -> Token | None:
    """The object of an "of" attached to ``tok`` ("1,000 of our people" -> people)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


def _noun_phrase(noun: Token) -> str:
    """Counted text: the head noun as written, with a bare "of" complement ("prisoners of war").

    Adjectives are left out ("339 Ukrainian children" -> "children") so that outlets
    that describe the same group differently still meet; an exchange noun gives way
    to what is exchanged ("prisoner swap" -> "prisoners").
    """
    if noun.lemma_.lower() in _EXCHANGE_NOUNS:
        compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if compounds:
            return _pluralize(compounds[-1].text)
    text = noun.text
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == noun.i + 1:
            objs = [o for o in child.children if o.dep_ == "pobj"]
            if (
                objs
                and objs[0].i == child.i + 1
                and objs[0].tag_ == "NN"
                and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in objs[0].children)
            ):
                text = f"{text} of {objs[0].text}"
    return text


def _pluralize(word: str) -> str:
    """English plural of a count noun; enough for the compounds of exchange nouns."""
    low = word.lower()
    if low.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
