"""Titles and offices: a title normalised to the offices it names, and whether two titles can
describe one person at the time of the event ("Defence chief" and "Defence Minister" can;
"former Defence Minister" and "Defence Minister" cannot)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from synopsis.link.names import fold



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
