"""Which named person does a claim frame's act, as far as the article's analysis says.

A frame (``records.ClaimFrame``) keeps its agent's head word, and the entity it is when the parse
finds one name around it. Two readings the frame leaves open are settled here from what the
extractor stored: a "he" or "she" that also speaks ("He proposed that the summit be held by the end
of August") is the person the extractor resolved as the speaker (``Quote.speaker_entity``, read by
``extract.speaker_resolution``); a surname with a nationality or title around it ("Turkish
President Recep Tayyip Erdogan has called ...", two names around the head, so no one entity) is
the person whose name it ends.
"""

from __future__ import annotations

import re

from synopsis.link.names import fold
from synopsis.records import ArticleAnalysis, Claim

_PERSON_PRONOUNS = frozenset({"he", "she"})
# A name followed by "and" or a comma may head a list ("Putin and Zelensky met"): the parse then
# gives no one agent, and neither is one guessed here.
_LIST_AFTER = re.compile(r"\s*(?:,|\band\b|&)", re.IGNORECASE)


def agent_person(analysis: ArticleAnalysis, claim: Claim) -> str | None:
    """The name of the person who acts in the claim's frame, or None when the agent is not one
    named person (a body, a country, a group, a pronoun the extractor did not resolve)."""
    frame = claim.frame
    if frame is None or frame.agent is None:
        return None
    if frame.agent_entity is not None:
        if not 0 <= frame.agent_entity < len(analysis.entities):
            return None
        entity = analysis.entities[frame.agent_entity]
        return entity.text if entity.label == "PERSON" else None
    if frame.agent in _PERSON_PRONOUNS:
        return _pronoun_speaker(analysis, claim, frame.agent)
    return _person_named_by_head(analysis, claim, frame.agent)


def _pronoun_speaker(analysis: ArticleAnalysis, claim: Claim, pronoun: str) -> str | None:
    """The person a "he"/"she" of the claim resolves to as a speaker: the extractor resolves
    pronouns only for speakers, and keeps it where gender and nearness make it sure
    (``Quote.pronoun_agrees``; a guess would tell two sentences apart on a guess)."""
    for quote in analysis.quotes:
        if (quote.speaker_start is not None and claim.start <= quote.speaker_start < claim.end
                and (quote.speaker or "").lower() == pronoun and quote.pronoun_agrees and quote.speaker_entity):
            return quote.speaker_entity
    return None


def _person_named_by_head(analysis: ArticleAnalysis, claim: Claim, head: str) -> str | None:
    """The one person named in the claim whose name ends in the agent's head word, unless the name
    may begin a list of agents."""
    text = analysis.article.text
    found = {entity.text for entity in analysis.entities
             if entity.label == "PERSON" and claim.start <= entity.start and entity.end <= claim.end
             and fold(entity.text).lower().split()[-1:] == [fold(head).lower()]
             and not _LIST_AFTER.match(text, entity.end, claim.end)}
    return found.pop() if len(found) == 1 else None


__all__ = ["agent_person"]
