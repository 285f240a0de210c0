"""Organisation names the tagger cut short: "the [Reserve Bank] of [Kelmora]" is one name.

The small model often tags the head of a name and the place after "of" as two entities ("Reserve
Bank" ORG, "Kelmora" NORP), so the bank's entity was shown as "Reserve Bank" though every outlet
wrote "the Reserve Bank of Kelmora".  Here such a mention is read as the whole name written, and
an organisation's entity is named by the fullest form the story writes of it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from synopsis.link.entity_clustering import short_heads
from synopsis.link.entity_mentions import Mention
from synopsis.link.place_names import place_key
from synopsis.records import ArticleAnalysis

# " of " (or " of the ") between a name's head and the name the tagger found right after it.
_OF_BETWEEN = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")


def complete_organisation_names(mentions: Sequence[Mention], analyses: Sequence[ArticleAnalysis]) -> list[Mention]:
    """Each organisation mention that heads a longer name the text writes ("Reserve Bank" in "the
    Reserve Bank of Kelmora") as that longer name: its alias, key and span are the whole name's.
    Only a head that ``short_heads`` reads as the short form of that name, followed by "of" and a
    capitalised name the tagger found, is read so ("the Board of Governors" needs "Governors"
    tagged; "Reuters of London" has no organisation's head)."""
    by_id = {a.article.id: a for a in analyses}
    out = []
    for mention in mentions:
        analysis = by_id.get(mention.article_id)
        if mention.group == "org" and analysis is not None:
            mention = _completed(mention, analysis)
        out.append(mention)
    return out


def _completed(mention: Mention, analysis: ArticleAnalysis) -> Mention:
    text, entity = analysis.article.text, mention.entity
    following = next((e for e in analysis.entities if e.start > entity.end), None)
    if (following is None or not following.text[:1].isupper()
            or not _OF_BETWEEN.fullmatch(text, entity.end, following.start)):
        return mention
    whole = text[entity.start:following.end]
    key = place_key(whole)
    if mention.key not in short_heads(key, whole, set()):
        return mention
    alias = mention.alias + text[entity.end:following.end]
    widened = dataclasses.replace(entity, text=whole, end=following.end)
    return dataclasses.replace(mention, entity=widened, alias=alias, key=place_key(alias))


def fullest_form(name: str, forms: Sequence[str]) -> str:
    """The longest of the forms that ``name`` is a short form of ("Reserve Bank of Kelmora" for
    "Reserve Bank"; "European Commission" for "Commission"), the first of a tie (forms come most
    used first), else ``name``."""
    key = place_key(name)
    longer = [(len(form.split()), -rank, form) for rank, form in enumerate(forms)
              if key in short_heads(place_key(form), form, set())]
    return max(longer)[2] if longer else name


__all__ = ["complete_organisation_names", "fullest_form"]
