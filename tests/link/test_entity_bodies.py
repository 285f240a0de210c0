"""Government bodies of several countries and places across spellings (link.entity_bodies,
link.entities): one entity per real body or place."""

from __future__ import annotations

import pytest

from synopsis.link.entities import resolve_entities
from synopsis.link.entity_bodies import body_key, office_of
from tests.link.test_entities import make_analysis


# ---------------------------------------------------------------------------
# Government bodies of several countries
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Russian Defense Ministry", ("russian", "ministry:defense")),
        ("Russian Ministry of Defense", ("russian", "ministry:defense")),
        ("Ministry of Defence", ("", "ministry:defense")),
        ("the Foreign Office", ("", "ministry:foreign affairs")),
        ("Ministry of Foreign Affairs", ("", "ministry:foreign affairs")),
        ("Emergency Situations Ministry", ("", "ministry:emergency situations")),
        ("Kremlin", None),
    ],
)
def test_government_bodies_are_read_as_country_and_office(alias, expected):
    assert office_of(alias) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Russia's foreign ministry", "the Russian Foreign Ministry"),
        ("Ostravia's defence ministry", "the Ostravian Ministry of Defense"),  # a state the story names
        ("the Ministry of Foreign Affairs of Ostravia", "Ostravian foreign ministry"),
    ],
)
def test_a_possessive_country_and_its_demonym_give_one_body(first, second):
    countries = frozenset({"ostr"})
    assert body_key(first, countries) is not None
    assert body_key(first, countries) == body_key(second, countries)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Ostravia's foreign ministry", "Ostravia's defence ministry"),
        ("Ostravia's foreign ministry", "Belmark's foreign ministry"),
    ],
)
def test_other_offices_and_other_countries_give_other_bodies(first, second):
    countries = frozenset({"ostr", "belm"})
    assert body_key(first, countries) != body_key(second, countries)


@pytest.mark.parametrize("name", ["the foreign ministry", "Ostravian officials", "Ostravia"])
def test_a_body_without_its_country_or_no_body_has_no_body_key(name):
    assert body_key(name, frozenset({"ostr"})) is None


def test_one_countrys_ministry_is_one_entity_and_another_countrys_is_another():
    uk_text = "The UK's Ministry of Defence estimated losses. The Russian Defense Ministry denied it."
    ru_text = "According to the Russian Ministry of Defense, 84 soldiers returned. The Ministry of Defense said more would follow."
    uk = make_analysis("Harbor Blog", uk_text, [("Ministry of Defence", "ORG"), ("Russian Defense Ministry", "ORG")])
    ru = make_analysis("Steppe Wire", ru_text, [("Russian Ministry of Defense", "ORG"), ("Ministry of Defense", "ORG")])
    resolution = resolve_entities([uk, ru])
    russian = resolution.entity(ru.article.id, 0)
    assert {a.text for a in russian.aliases} == {"Russian Ministry of Defense", "Ministry of Defense", "Russian Defense Ministry"}
    assert resolution.entity(ru.article.id, 1) is russian and resolution.entity(uk.article.id, 1) is russian
    british = resolution.entity(uk.article.id, 0)
    # Shown with the country its article writes before it: a bare "Ministry of Defence" is anyone's.
    assert british is not russian and {a.text for a in british.aliases} == {"UK's Ministry of Defence"}


def test_a_body_named_with_its_state_after_it_is_that_states_not_anothers():
    text = ("The Ministry of Foreign Affairs of the Republic of Moldova announced the venue. The Russian Ministry "
            "of Foreign Affairs confirmed the date. A diplomat of the Ministry of Foreign Affairs joined later.")
    analysis = make_analysis("Harbor Blog", text, [("Ministry of Foreign Affairs", "ORG"),
                                                   ("Russian Ministry of Foreign Affairs", "ORG"),
                                                   ("Ministry of Foreign Affairs", "ORG")])
    resolution = resolve_entities([analysis])
    moldovan, russian, unqualified = (resolution.entity(analysis.article.id, i) for i in range(3))
    assert moldovan is not russian
    # The article names two states' foreign ministries: which one the bare mention means is not said.
    assert unqualified is not russian and unqualified is not moldovan


@pytest.mark.parametrize(
    ("text", "body", "shown"),
    [
        ("The Ministry of Foreign Affairs of the Republic of Turkey announced the venue.", "Ministry of Foreign Affairs",
         "Ministry of Foreign Affairs of the Republic of Turkey"),
        ("The Ministry of Defence of Ukraine.\n\nKremlin officials said nothing.", "Ministry of Defence",
         "Ministry of Defence of Ukraine"),
        ("Talks were set by the Office of the President of Ukraine. The office said so.", "Office of the President",
         "Office of the President of Ukraine"),
        ("Poland's Ministry of Foreign Affairs summoned the envoy.", "Ministry of Foreign Affairs",
         "Poland's Ministry of Foreign Affairs"),
        # Capitalised words before it that name no country add nothing.
        ("On Monday Ministry of Defence officials met.", "Ministry of Defence", "Ministry of Defence"),
    ],
)
def test_a_bodys_name_is_shown_with_the_country_written_beside_it(text, body, shown):
    analysis = make_analysis("Harbor Blog", text, [(body, "ORG")])
    entity = resolve_entities([analysis]).entity(analysis.article.id, 0)
    assert entity.name == shown and [a.text for a in entity.aliases] == [shown]
    assert [(m.start, m.end) for m in entity.mentions] == [(text.index(body), text.index(body) + len(body))]


def test_a_bare_body_takes_no_country_from_another_article():
    home = make_analysis("Harbor Blog", "The Ministry of Foreign Affairs published the schedule.",
                         [("Ministry of Foreign Affairs", "ORG")])
    abroad = make_analysis("Steppe Wire", "The Russian Ministry of Foreign Affairs welcomed the talks.",
                           [("Russian Ministry of Foreign Affairs", "ORG")])
    resolution = resolve_entities([home, abroad])
    assert resolution.entity(home.article.id, 0) is not resolution.entity(abroad.article.id, 0)


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Ministry of Foreign Affairs of Ukraine", ("ukraine", "ministry:foreign affairs")),
        ("Ministry of Defense of the Republic of Moldova", ("moldova", "ministry:defense")),
    ],
)
def test_the_state_written_after_a_bodys_office_is_its_country(alias, expected):
    assert office_of(alias) == expected


def test_a_countrys_name_demonym_and_capital_give_one_key():
    from synopsis.link.entity_bodies import country_key

    assert country_key("Russia's") == country_key("Russian") == country_key("Moscow")
    assert country_key("Türkiye") == country_key("Turkish") == country_key("Ankara")
    assert country_key("Britain") == country_key("UK") == country_key("British")


def test_a_places_name_is_the_spelling_the_articles_write_most_not_the_one_the_tagger_caught():
    # The tagger caught "Kiev" wherever two outlets wrote it, and "Kyiv" once in three articles
    # writing it five times.
    tagged_kiev = make_analysis("Steppe Wire", "Officials in Kiev said the strike hit Kiev twice.",
                                [("Kiev", "GPE"), ("Kiev", "GPE")])
    other_kiev = make_analysis("Plain Post", "Kiev denied it.", [("Kiev", "GPE")])
    once_tagged = make_analysis("Harbor Blog", "Kyiv said the talks would resume. Kyiv's delegation left.",
                                [("Kyiv", "GPE")])
    untagged = make_analysis("River Daily", "The delegation flew back to Kyiv. The Kyiv Independent reported it.", [])
    untagged_too = make_analysis("Lake News", "Talks between Moscow and Kyiv ended.", [("Moscow", "GPE")])
    resolution = resolve_entities([tagged_kiev, other_kiev, once_tagged, untagged, untagged_too])
    city = resolution.find("Kyiv")
    assert city.name == "Kyiv"
    spellings = {a.text: (a.count, set(a.outlets)) for a in city.aliases}
    # "Kyiv Independent" is another name: its first word is not a mention of the city.
    assert spellings["Kyiv"] == (4, {"Harbor Blog", "River Daily", "Lake News"})
    assert spellings["Kiev"] == (3, {"Steppe Wire", "Plain Post"})
    texts = {a.article.id: a.article.text for a in (tagged_kiev, other_kiev, once_tagged, untagged, untagged_too)}
    assert all(texts[m.article_id][m.start:m.end] == m.text for m in city.mentions)


def test_a_town_written_before_a_named_place_does_not_make_it_another_place():
    one = make_analysis("Harbor Blog", "Delegates met at Lyon's Celestins Theatre on Friday.",
                        [("Lyon's Celestins Theatre", "ORG")])
    other = make_analysis("Steppe Wire", "The Célestins Theatre hosted the talks. The Célestins Theatre was closed.",
                          [("Célestins Theatre", "FAC"), ("Célestins Theatre", "FAC")])
    resolution = resolve_entities([one, other])
    theatre = resolution.entity(one.article.id, 0)
    assert resolution.entity(other.article.id, 0) is theatre and theatre.name == "Célestins Theatre"
    assert not theatre.findings  # diacritics and the town are no different spelling


def test_a_country_written_before_a_body_keeps_it_apart():
    one = make_analysis("Harbor Blog", "Russia's Security Council met.", [("Russia's Security Council", "ORG")])
    other = make_analysis("Steppe Wire", "The Security Council voted.", [("Security Council", "ORG")])
    resolution = resolve_entities([one, other])
    assert resolution.entity(one.article.id, 0) is not resolution.entity(other.article.id, 0)


def test_names_the_outlet_registry_gives_one_broadcaster_are_one_entity():
    text = "PBS reported the deal. Speaking to PBS NewsHour, the envoy agreed. The NewsHour aired it."
    analysis = make_analysis("Harbor Blog", text, [("PBS", "ORG"), ("PBS NewsHour", "ORG"), ("NewsHour", "PRODUCT")])
    resolution = resolve_entities([analysis])
    assert resolution.entity(analysis.article.id, 0) is resolution.entity(analysis.article.id, 1)
    assert resolution.entity(analysis.article.id, 2) is not resolution.entity(analysis.article.id, 0)


def test_a_ministry_named_by_its_country_and_by_its_demonym_is_one_speaker():
    from dataclasses import replace

    from synopsis.compare.voices import group_quotes
    from tests.factories import make_quote

    one_text = 'Ostravia\'s foreign ministry said "talks can go on".'
    two_text = 'The Ostravian foreign ministry said "talks can go on". Ostravia agreed.'
    one = make_analysis("One", one_text, [("Ostravia", "GPE")])
    two = make_analysis("Two", two_text, [("Ostravian", "NORP"), ("Ostravia", "GPE")])
    one = replace(one, quotes=(make_quote(one_text, "talks can go on", "Ostravia's foreign ministry"),))
    two = replace(two, quotes=(make_quote(two_text, "talks can go on", "The Ostravian foreign ministry"),))
    resolution = resolve_entities([one, two])
    assert resolution.canonical_name("The Ostravian foreign ministry") == resolution.canonical_name("Ostravia's foreign ministry")
    quotes = group_quotes([one, two], resolution.canonical_name)
    assert [sorted(q.sources) for q in quotes] == [["One", "Two"]]
    # Another office of the same country stays another speaker.
    assert resolution.canonical_name("Ostravia's defence ministry") != resolution.canonical_name("Ostravia's foreign ministry")
