"""Which outlets an article names as its source: "according to Reuters", "TASS reported",
"citing Al Arabiya and Euronews", and the paragraph such a credit covers.

An aggregator's "according to Reuters" paragraph is Reuters' witness (``independence``); this
module only reads the credits and the names they give.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from anyascii import anyascii

from synopsis.ingest.outlets import outlet_name
from synopsis.records import ArticleAnalysis, Claim


# Phrases that hand a statement over to another reporter.  Hand-written because
# textacy and spaCy find speech verbs, not media attributions of whole paragraphs.
_NAME = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|the|de|[A-Z][\w.&'’-]*))*(?:\s+(?:television|radio|newspaper|news\s+agency|agency|channel|broadcaster))?"


# A list continues over commas only when it ends in "and": "A, B and C", never "A, Russian officials".
_LIST = r"(" + _NAME + r"(?:(?:\s*,\s*" + _NAME + r")*\s*,?\s+(?:and|&)\s+" + _NAME + r")?)"


_CITE_PATTERNS = [
    re.compile(
        r"\b(?i:according\s+to|as\s+(?:reported|cited|noted|observed|detailed|quoted|published|first\s+reported)\s+by"
        r"|as\s+per|reported\s+by|cited\s+by|citing|quoted\s+by|told)\s+"
        r"(?i:(?:the\s+)?(?:coverage|reporting|reports?|a\s+report|live\s+coverage|data)\s+(?:by|from|of)\s+)?" + _LIST
    ),
    # "As per Jane Doe and John Roe in The Daily Planet", "... staff for Example News"
    re.compile(
        r"\b(?i:according\s+to|as\s+\w+\s+by|as\s+per)\s[^,;:]{0,80}?\s(?:in|for)\s+" + _LIST
    ),
    # "Reuters reported", "State news agency TASS confirmed"
    re.compile(_LIST + r"\s+(?:reported|reports|confirmed|noted|wrote|writes|said|says|quoted)\b"),
]


_MEDIA_PHRASE = re.compile(
    r"(?i)(?:as\s+(?:reported|cited|observed|detailed|published|first\s+reported)\s+by|reported\s+by|cited\s+by"
    r"|according\s+to\s+(?:the\s+)?(?:coverage|reporting|reports?|a\s+report|live\s+coverage)\s)"
)


_SPEECH_VERB = re.compile(r"\s(?:said|says|confirmed|noted|quoted)$")


_MEDIA_VERB = re.compile(r"\s(?:reported|reports|wrote|writes)$")


_MEDIA_WORDS = re.compile(
    r"\b(?:news|times|post|tv|television|radio|agency|press|journal|herald|tribune|guardian|telegraph|"
    r"gazette|daily|wire|broadcast\w*|channel|newspaper|magazine|media|bbc|cnn|reuters|tass|ria|afp|ap)\b",
    re.IGNORECASE,
)


# Words that make a name an official, a body or a person speaking, not a reporting outlet: "the
# Defense Ministry reported", "White House Press Secretary X said". Independent sources are
# outlets; whoever they quote is a voice (see voices), never a further source.
_SPEAKER_WORDS = re.compile(
    r"\b(?:ministry|ministries|minister|ministers|government|kremlin|office|president|presidency|"
    r"spokes\w*|secretary|council|department|police|army|military|forces|committee|commission|"
    r"parliament|embassy|authorit\w+|officials?|advis[eo]rs?|ambassador|governor|mayor|general|"
    r"command|court|prosecutor\w*|senator|lawmakers?|party|delegation|chief|head|director|"
    r"foreign\s+affairs|white\s+house)\b",
    re.IGNORECASE,
)


# Media words that outweigh speaker words in one name ("BBC World Service", "Press TV").
_MEDIA_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|tv|television|radio|newspaper|magazine|gazette|herald|tribune|journal|wire|"
    r"bbc|cnn|reuters|tass|ria|afp|ap)\b",
    re.IGNORECASE,
)


_DESCRIPTIONS = {"state", "national", "local", "regional", "official", "government", "independent", "private",
                 "public", "foreign", "international", "russian", "ukrainian", "turkish", "western"}


_NOT_NAMES = {"as", "it", "he", "she", "they", "we", "this", "that", "which", "who", "according", "also", "earlier"}


_NAME_CONNECTORS = {"of", "for", "the", "de", "al", "el", "la", "le", "du", "und", "and"}


def name_outlet(analysis: ArticleAnalysis) -> str:
    """Return the outlet name an article is shown under (its source when the outlet is unknown)."""
    return outlet_name(analysis.article)


# Pure and called for every entity against every cited name (22,000 calls for
# five articles): remember the foldings.
@functools.lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Return an outlet or person name folded for comparison ("The New York Times" -> "new york times")."""
    folded = anyascii(name).lower().replace("’", "'")
    folded = re.sub(r"'s\b", "", folded)
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = re.sub(r"^\s*the\s+", "", folded)
    return " ".join(folded.split())


def build_outlet_index(analyses: Iterable[ArticleAnalysis], extra: Iterable[str] = ()) -> dict[str, str]:
    """Map folded outlet names and aliases of a story to the names they are shown under."""
    index: dict[str, str] = {}
    for analysis in analyses:
        article = analysis.article
        for outlet in (article.outlet, article.origin):
            if outlet is None:
                continue
            for alias in (outlet.name, *outlet.aliases):
                index.setdefault(normalize_name(alias), outlet.name)
        for cited in article.cites:
            index.setdefault(normalize_name(cited), cited)
    for name in extra:
        index.setdefault(normalize_name(name), name)
    index.pop("", None)
    return index


def find_cited_outlets(text: str, outlets: dict[str, str], analysis: ArticleAnalysis | None = None,
                       offset: int = 0) -> tuple[str, ...]:
    """Return the outlets a passage attributes its content to ("According to Reuters and DW, ...")."""
    found: list[str] = []
    for pattern in _CITE_PATTERNS:
        for match in pattern.finditer(text):
            group = match.group(1)
            # "as reported by X" names a reporter; "according to X" may name any speaker.
            media_phrase = bool(_MEDIA_PHRASE.match(match.group(0)) or _MEDIA_VERB.search(match.group(0)))
            # "X said": any organisation speaks; only "according to X" / "told X" may hand a
            # statement to an organisation that is not named like a medium.
            speaking = bool(_SPEECH_VERB.search(match.group(0)))
            for part in re.split(r"\s*(?:,|\band\b|&)\s*", group):
                name = _resolve_outlet(part.strip(), outlets, analysis, offset + match.start(1), media_phrase,
                                       allow_org=not speaking)
                if name and name not in found:
                    found.append(name)
    return tuple(found)


def _resolve_outlet(part: str, outlets: dict[str, str], analysis: ArticleAnalysis | None,
                    position: int, media_phrase: bool = False, allow_org: bool = True) -> str | None:
    part = re.sub(r"^(?:the|state\s+news\s+agency|news\s+agency|agency|broadcaster|newspaper)\s+", "", part,
                  flags=re.IGNORECASE).strip()
    part = re.sub(r"(?:'s|’s)$", "", part.rstrip(".")).strip()
    media_phrase = media_phrase or bool(_MEDIA_WORDS.search(part))
    part = re.sub(r"\s+(?:television|radio|newspaper|news\s+agency|agency|channel|broadcaster)$", "", part)
    if not part or part.lower() in _DESCRIPTIONS:
        return None  # "State news agency" describes an outlet without naming it
    # Outlet names are capitalised words with a few connectors; a lower-case
    # word means the match ran into prose ("Reuters staff for ...",
    # "reporting by ...") and is not a name at all.
    if any(word[:1].islower() and word not in _NAME_CONNECTORS for word in part.split()):
        return None
    folded = normalize_name(part)
    if folded in _NOT_NAMES:
        return None
    if folded in outlets:
        return outlets[folded]
    # "DW's live coverage", "Al Jazeera's Sinem Koseoglu": a known outlet at the start.
    for known, name in outlets.items():
        if folded.startswith(known + " ") and len(known) >= 2:
            return name
    if analysis is not None and _is_person(analysis, part, position):
        return None  # "According to Umerov": a speaker, not a reporter
    if _SPEAKER_WORDS.search(part) and not _MEDIA_OUTLET_WORDS.search(part):
        return None  # "the Defense Ministry reported": an official source, not an outlet
    # An unknown name is an outlet when it is handed the statement as a reporter ("as reported
    # by X", "X reported"), is named like one ("Metro TV"), or is an organisation the statement is
    # credited to ("according to DW's live coverage"); an organisation that merely "said"
    # something (the Kremlin, a company) is a speaker.
    if media_phrase or (allow_org and analysis is not None and _is_org(analysis, position)):
        return part
    return None


def _is_org(analysis: ArticleAnalysis, position: int) -> bool:
    return any(e.label == "ORG" and e.start <= position < e.end for e in analysis.entities)


def _is_person(analysis: ArticleAnalysis, part: str, position: int) -> bool:
    for entity in analysis.entities:
        if entity.label == "PERSON" and entity.start <= position < entity.end:
            return True
        if entity.label == "PERSON" and normalize_name(entity.text) == normalize_name(part):
            return True
    return False


# A lead is a paragraph of at least this many words: a byline ("By Jane Roe, Coast Wire") or a
# dateline on a line of its own is shorter, and credits no report.
LEAD_MIN_WORDS = 8


def lead_paragraph(analysis: ArticleAnalysis) -> tuple[int, int] | None:
    """The bounds of an article's lead: its first paragraph of LEAD_MIN_WORDS words or more that
    is not its title repeated (feeds and pages often open the text with the headline)."""
    article = analysis.article
    title = normalize_name(article.title or "")
    begin = 0
    while begin < len(article.text):
        start, end = find_paragraph(article.text, begin)
        paragraph = article.text[start:end]
        if len(paragraph.split()) >= LEAD_MIN_WORDS and normalize_name(paragraph) != title:
            return start, end
        begin = end + 1
    return None


def _inside_quotation(text: str, position: int) -> bool:
    before = text[:position]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def find_lead_credits(analysis: ArticleAnalysis, outlets: dict[str, str]) -> tuple[str, ...]:
    """The outlets an article's lead gives as the source of the whole report ("Lindmark and Karvia
    have exchanged six prisoners, the Nordic news agency NWS reported"): a rewrite of their story.

    Only a reporting credit counts: a media phrase ("X reported", "as reported by X") or a known
    outlet the lead is given to ("according to X"). "Y told X" is an interview X gave its words
    to, and a credit inside a quotation is the speaker's, so neither makes a rewrite; nor does a
    credit further down, which covers its own paragraph only (``attribute_claim``).
    """
    bounds = lead_paragraph(analysis)
    if bounds is None:
        return ()
    begin, end = bounds
    lead = analysis.article.text[begin:end]
    own = normalize_name(name_outlet(analysis))
    found: list[str] = []
    for pattern in _CITE_PATTERNS:
        for match in pattern.finditer(lead):
            phrase = match.group(0)
            if re.match(r"(?i)told\b", phrase) or _inside_quotation(lead, match.start()):
                continue
            media_phrase = bool(_MEDIA_PHRASE.match(phrase) or _MEDIA_VERB.search(phrase))
            for part in re.split(r"\s*(?:,|\band\b|&)\s*", match.group(1)):
                name = _resolve_outlet(part.strip(), outlets, analysis, begin + match.start(1), media_phrase,
                                       allow_org=False)
                if (name and (media_phrase or normalize_name(name) in outlets)
                        and normalize_name(name) != own and name not in found):
                    found.append(name)
    return tuple(found)


def find_paragraph(text: str, start: int) -> tuple[int, int]:
    """Return the bounds of the paragraph (line) holding offset ``start``."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return begin, (len(text) if end == -1 else end)


def attribute_claim(analysis: ArticleAnalysis, claim: Claim, outlets: dict[str, str]) -> tuple[str, ...]:
    """Return the outlets a claim is attributed to in its sentence, else earlier in its paragraph."""
    text = analysis.article.text
    sentence_start, sentence_end = claim.start, claim.end
    if 0 <= claim.sentence < len(analysis.sentences):
        sentence = analysis.sentences[claim.sentence]
        sentence_start, sentence_end = min(sentence.start, claim.start), max(sentence.end, claim.end)
    own = name_outlet(analysis)
    cited = [c for c in find_cited_outlets(text[sentence_start:sentence_end], outlets, analysis, sentence_start)
             if normalize_name(c) != normalize_name(own)]
    speakers = [claim.attributed_to, *claim.co_speakers] if claim.attributed_to else []
    for speaker in reversed(speakers):  # inserted at the front: the first speaker ends up first
        # The extractor's speakers of the claim ("Reuters and AP reported" credits both): an
        # outlet only when known or named like one.
        resolved = _resolve_outlet(speaker, outlets, analysis, claim.start, allow_org=False)
        if resolved and normalize_name(resolved) != normalize_name(own) and resolved not in cited:
            cited.insert(0, resolved)
    if cited:
        return tuple(cited)
    # A paragraph opened with "According to X, ..." hands its following sentences to X too.
    begin, _ = find_paragraph(text, claim.start)
    if begin < sentence_start:
        earlier = find_cited_outlets(text[begin:sentence_start], outlets, analysis, begin)
        return tuple(c for c in earlier if normalize_name(c) != normalize_name(own))
    return ()


__all__ = ["attribute_claim", "build_outlet_index", "find_cited_outlets", "find_lead_credits", "find_paragraph", "lead_paragraph",
           "name_outlet", "normalize_name"]
