"""Which of an article's PERSON mentions name people, as event profiles and story entities read them.

The small English model tags words it does not know as people: a town a flight diverted to
("forced to divert to [Lyon]"), a hospital ("taken to the [Klinikum Bogenhausen]"), a region
written with its kind ("the [Rhône] department"), even a lower-case verb ("saw his brother
[die]").  The extractor relabels the names it can tell from their words
(``extract.person_relabelling``); what it leaves reaches the profile, where a town taken for the
main person makes two reports of one flight differ on it, and two events in one town share a
"person".  Here each PERSON mention is read once more, from its words and the words either side
of it in the text, and given the label the profile compares it by.  Plain text is enough, so
stored analyses are read the same way without parsing them again.
"""

from __future__ import annotations

import re

from synopsis.extract.entity_titles import HONORIFICS, OFFICE_WORDS, TITLE_MODIFIERS
from synopsis.extract.gazetteer import is_known_place
from synopsis.extract.name_words import BODY_KIND_NOUNS, COMPANY_WORDS
from synopsis.extract.person_gender import is_given_name
from synopsis.extract.person_relabelling import INSTITUTION_ENDINGS, STREET_ENDINGS, VENUE_NOUNS
from synopsis.records import ArticleAnalysis, Entity

# Prepositions a place is written after ("divert to Lyon", "pulled up to Morningside"); only a
# known town's name is read so, since people are written after them too ("a letter to Bush").
_LOCATIVES = frozenset("in into to from at near outside around towards toward via".split())
# Words that make "to" join a person rather than lead to a place ("according to Bush", "as
# opposed to Escalante being a target", "spoke to Lindsay").
_TO_A_PERSON = frozenset(
    "according opposed thanks due owing prior next close compared similar contrary addition "
    "spoke speaking talked talking said told wrote written letter message married loyal".split())
# Nouns written right after a place's name, never after a person's ("the Rhône department",
# "Surrey police", "the Lyon airport"); "administration" or "campaign" follow people
# ("the Bush administration") and are not here.
_PLACE_NOUNS_AFTER = frozenset(
    "town city village region province district county state municipality suburb neighbourhood "
    "neighborhood department prefecture canton governorate oblast police".split()) | VENUE_NOUNS
_WORD_BEFORE = re.compile(r"(?:(\w+)\s+)?(\w+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+(\w+)")  # matched at the name's end
# Words a name span may hold that name no person: an honorific or office glued to it
# ("Mr Bush", "President Obama"), which the facility rule must not read as a building's word.
_TITLE_WORDS = OFFICE_WORDS | TITLE_MODIFIERS | HONORIFICS


# Labels the small model gives a town it does not know ("near [Tarnholm]" ORG, "near [Tarnholme]"
# WORK_OF_ART), read as a place where the words say so (``_written_as_town``).
_MISTAKEN_FOR_TOWNS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
# Words only a place is written after, whatever its name: "near Tarnholm", "outside Selvik".  Not
# "in", "at" or "from", which organisations are written after too ("invested in Apple", "at Google").
_BESIDE_A_PLACE = frozenset({"near", "outside"})
# Nouns a place is named after with "of": "the town of Tarnholm", "residents of Selvik".
_OF_A_PLACE = frozenset("town city village port suburb residents outskirts".split())
# Of the nouns naming a body's kind (``name_words.BODY_KIND_NOUNS``), those never written before a
# person's name: "the security firm Greyfen Labs", "the consumer group Fair Data"; but "producer
# Rick Rubin", "publisher Rupert Murdoch".
_BODY_KIND_BEFORE = BODY_KIND_NOUNS - frozenset(
    "producer developer publisher broker giant house side team club business outfit label maker".split())


def profile_labels(analysis: ArticleAnalysis) -> list[str]:
    """Each entity's label as event profiles read it: the tagger's, except that a PERSON mention
    that is no person becomes the place ("GPE"), building ("FAC") or body ("ORG") it names, or ""
    when it is no name at all (no capital letter: "die", "jewel"); and an organisation, work or
    product the words write as a town ("near [Tarnholm]") is that place."""
    text = analysis.article.text
    people = [e for e in analysis.entities if e.label == "PERSON"]
    # A person is called by the surname after the full name ("Owner Arte Moreno ... Moreno met
    # with"), a place or building never by its last word alone.
    alone = {e.text for e in people if len(e.text.split()) == 1}
    buildings = {e.text: kind for e in people if (kind := _building(text, e, e.text.split()[-1] in alone))}
    # Words of the article's full personal names: a lone "Bush" after "Reggie Bush" is him
    # however it is written.
    name_words = {word for e in people if len(e.text.split()) >= 2 and e.text not in buildings
                  for word in e.text.split()}
    labels = []
    for entity in analysis.entities:
        if entity.label in _MISTAKEN_FOR_TOWNS and _written_as_town(text, entity):
            labels.append("GPE")
        elif entity.label != "PERSON":
            labels.append(entity.label)
        elif entity.title is None and _named_as_body(text, entity):
            labels.append("ORG")
        elif not any(ch.isupper() for ch in entity.text):
            labels.append("")
        elif entity.text in buildings:
            labels.append(buildings[entity.text])
        elif entity.title is None and entity.text not in name_words and _written_as_place(text, entity):
            labels.append("GPE")
        else:
            labels.append("PERSON")
    return labels


def _building(text: str, entity: Entity, surname_alone: bool) -> str:
    """"GPE" or "FAC" when a PERSON mention of several words names a place or building, else "".

    One is: a name with an institution's or street's word ("... Hospital", "Zayed Road"); or,
    when nothing marks it a person's (a title, its last word written alone elsewhere as people's
    surnames are), a name whose words before the last no name list gives as given names that is
    a known town ("60km south west of Bandar Abbas") or written after "the", as buildings are and
    people are not ("taken to the Klinikum Bogenhausen").  Many given names are missing from the
    list ("Joique Bell", "Arte Moreno") and many surnames are towns' names, so such a name needs
    one of those marks besides; a given name the list knows keeps a name a person's ("Paulo
    Ramos" is a town in Brazil too), as does every name while the ``names`` extra is not
    installed."""
    words = entity.text.split()
    if len(words) < 2:
        return ""
    if words[0].lower() in INSTITUTION_ENDINGS or words[-1].lower() in (*INSTITUTION_ENDINGS, *STREET_ENDINGS):
        return "FAC"
    if entity.title is not None or surname_alone or any(
            word.lower().strip(".") in _TITLE_WORDS or is_given_name(word) is not False for word in words[:-1]):
        return ""
    if is_known_place(entity.text):
        return "GPE"
    before = _WORD_BEFORE.search(text, max(0, entity.start - 40), entity.start)
    return "FAC" if before and before.group(2).lower() == "the" else ""


def _written_as_place(text: str, entity: Entity) -> bool:
    """Whether the text writes a PERSON mention as a place: a known town after a locative
    preposition ("divert to Lyon", but not "according to": ``_TO_A_PERSON``), or any name before
    a noun only places take ("the Rhône department", "Surrey police")."""
    after = _WORD_AFTER.match(text, entity.end)
    # Lower case: a capitalised word after the name starts another ("... Comeaux Jr. Department of
    # Corrections spokeswoman").
    if after and after.group(1).islower() and after.group(1) in _PLACE_NOUNS_AFTER:
        return True
    before = _WORD_BEFORE.search(text, max(0, entity.start - 40), entity.start)
    if not before or not is_known_place(entity.text):
        return False
    previous, word = (before.group(1) or "").lower(), before.group(2).lower()
    return word in _LOCATIVES and not (word == "to" and previous in _TO_A_PERSON)


def _written_as_town(text: str, entity: Entity) -> bool:
    """Whether the text writes a name as a town: after "near" or "outside" ("derailed near
    Tarnholm"), or after a place noun and "of" ("the town of Tarnholm"), and not as the first words
    of a longer name or a possessive ("near Ostral Rail's depot" is near the depot)."""
    after = text[entity.end:entity.end + 2]
    if after[:1] in ("'", "’") or re.match(r"[ \t]+[A-Z]", text[entity.end:entity.end + 2]):
        return False
    before = _WORD_BEFORE.search(text, max(0, entity.start - 40), entity.start)
    if not before:
        return False
    previous, word = (before.group(1) or "").lower(), before.group(2).lower()
    return word in _BESIDE_A_PLACE or (word == "of" and previous in _OF_A_PLACE)


def _named_as_body(text: str, entity: Entity) -> bool:
    """Whether a PERSON mention is a company's or group's name: one of several words ending in a
    company's word ("Greyfen Labs", ``name_words.COMPANY_WORDS``), or written right after a noun
    naming a body's kind ("the consumer group [Fair Data]", ``_BODY_KIND_BEFORE``)."""
    words = entity.text.split()
    if len(words) > 1 and words[-1][:1].isupper() and words[-1].lower().strip(".,") in COMPANY_WORDS:
        return True
    before = _WORD_BEFORE.search(text, max(0, entity.start - 40), entity.start)
    return bool(before) and before.group(2) in _BODY_KIND_BEFORE


__all__ = ["profile_labels"]
