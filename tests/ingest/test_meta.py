"""Metadata detection: dates, datelines, source lines, outlets and their kinds."""

from __future__ import annotations

import pytest

from synopsis.ingest.meta import detect_metadata
from synopsis.ingest.publication_dates import normalize_container_date, parse_when
from synopsis.records import RawDocument

PARA = (
    "Two ferries collided in thick fog near the pier on Monday, the harbour authority said, and nobody "
    "was hurt in the crash according to the coastguard, which sent two boats."
)


@pytest.mark.parametrize(
    ("date", "time", "iso", "precision"),
    [
        ("July 23, 2025", "4:50 PM PST", "2025-07-23T16:50:00-08:00", "minute"),
        ("July 23, 2025", "4:50 PM", "2025-07-23T16:50:00", "minute"),
        ("23 July 2025", None, "2025-07-23", "day"),
        ("2025-07-23", None, "2025-07-23", "day"),
        ("March 3, 2024", "9:15 a.m. GMT+3", "2024-03-03T09:15:00+03:00", "minute"),
        ("Jul. 4, 2024", "20:37 MSK", "2024-07-04T20:37:00+03:00", "minute"),
    ],
)
def test_parse_when(date: str, time: str | None, iso: str, precision: str) -> None:
    when = parse_when(date, time)
    assert (when.iso, when.precision) == (iso, precision)


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("December 15th, 2008, 7 : 35 am", "2008-12-15"),
        ("Posted on November 15, 2011 6 : 07 : 15 PM GMT+01 : 0", "2011-11-15"),
        ("TNN Nov 12, 2011, 05.51AM IST MUMBAI :", "2011-11-12"),
        ("26 September 2013, 10 : 00 (GMT+05 : 00)", "2013-09-26"),
        ("2013 - 09 - 26 Parliament has 125 seats.", "2013-09-26"),
        ("Published : 2012.08.08 09 : 01 AM", "2012-08-08"),
        ("11 / 28 / 05\t\t", "2005-11-28"),  # month first: 28 cannot be a month
        ("28/11/05", "2005-11-28"),
    ],
)
def test_crawler_date_strings_give_their_day(value: str, iso: str) -> None:
    """Crawlers store dates inside longer strings; the date part is still found."""
    assert normalize_container_date(value).iso[:10] == iso


@pytest.mark.parametrize(
    "value", ["Mumbai, Nov 11 -", "APR 28", "3 hours ago", "2013 - 02 - 30 edition", "updated recently"]
)
def test_strings_without_a_full_valid_date_give_none(value: str) -> None:
    assert normalize_container_date(value) is None


def meta(content: str, **fields):
    return detect_metadata(RawDocument(source="t.txt", content=content, **fields))


def test_agency_dateline_gives_outlet_place_and_date_with_header_year(registry) -> None:
    m = meta(f"date 2024-03-03 PORTO NUEVO, March 4. /Xinhua/. {PARA}")
    assert m.outlet.name == "Xinhua" and m.outlet.kind == "state media"
    assert m.dateline == "PORTO NUEVO"
    assert (m.published, m.published_precision) == ("2024-03-04", "day")


@pytest.mark.parametrize(
    ("content", "published", "dateline_date"),
    [
        # The year from a header date: the dateline's day is the publication's.
        (f"date 2024-03-03 PORTO NUEVO, March 4. /Xinhua/. {PARA}", "2024-03-04", "2024-03-04"),
        # No year anywhere: no publication date is made up, but the day and month are kept.
        (f"KABRIN, April 3 - {PARA}", None, "XXXX-04-03"),
        (f"KABRIN, Feb. 29 (Reuters) - {PARA}", None, "XXXX-02-29"),
        # A dateline without a date gives none.
        (f"KABRIN - {PARA}", None, None),
    ],
)
def test_a_dateline_keeps_its_date_even_without_a_year(content, published, dateline_date) -> None:
    m = meta(content)
    assert m.dateline in {"KABRIN", "PORTO NUEVO"}
    assert (m.published[:10] if m.published else None) == published
    assert m.dateline_date == dateline_date


def test_reuters_style_dateline() -> None:
    m = meta(f"LISBON, March 4 (Reuters) - {PARA}", published="2024-03-04T08:00:00Z")
    assert m.outlet.name == "Reuters" and m.dateline == "LISBON"


@pytest.mark.parametrize(
    "header",
    [
        "Title: Council approves budget after long debate\nPublished: 2024-05-14\n",
        "Title: Council approves budget after long debate\nPublished: 2024-05-14\nSource: Associated Press\n",
        "Title: Council approves budget after long debate\nAuthor: Jane Roe\nPublished: 2024-05-14\n"
        "Source: Associated Press\nURL: https://example.org/budget\n",
    ],
)
def test_a_dateline_below_any_number_of_header_lines_is_found(header: str) -> None:
    """The dateline is looked for in the first blocks after the lines read as metadata."""
    m = meta(f"{header}\nBIRMINGHAM, England (AP) — {PARA}")
    assert m.dateline == "BIRMINGHAM"


def test_source_line_at_top_is_the_outlet() -> None:
    m = meta(f"Ferries collide in the fog near the pier\n\nSource: Deutsche Welle\n\n{PARA}")
    assert m.outlet.name == "Deutsche Welle"
    assert m.title == "Ferries collide in the fog near the pier"
    assert m.origin is None


@pytest.mark.parametrize(("source", "agency", "origin"), [
    ("Harbour Wire Service", "HWS", None),  # a wire signs its own datelines with its initials
    ("Harbour Daily", "HWS", "HWS"),  # another outlet's copy under the agency's dateline
    ("Harbour Press Agency", "Harbour", None),  # ... or with its own name short of "Press Agency"
    ("Harbour Rail Times", "Harbour", "Harbour"),  # "Rail Times" says which outlet: not the short name
])
def test_a_dateline_signed_with_the_outlets_own_initials_names_no_origin(source, agency, origin) -> None:
    m = meta(f"Ferries collide in the fog near the pier\n\nSource: {source}\n\nPORTO NUEVO ({agency}) - {PARA}")
    assert m.outlet.name == source
    assert (m.origin.name if m.origin else None) == origin


def test_rewrite_with_source_at_the_end_is_a_blog() -> None:
    m = meta(f"Ferries collide\nPublished: March 4, 2024 – 9:15 AM EST\n{PARA}\nSource: BBC – Two ferries collide in fog")
    assert m.outlet.name.startswith("unidentified blog (") and m.outlet.kind == "blog"
    assert m.origin.name == "BBC"
    assert m.published == "2024-03-04T09:15:00-05:00"


def test_roundup_of_three_outlets_is_an_aggregator_citing_them() -> None:
    text = (
        f"{PARA}\nAccording to Euronews, the pier was closed. France 24 reported that the ferries were old.\n"
        "As noted by The Guardian, fog is common in March."
    )
    m = meta(text, url="https://roundup.example/ferries")
    assert m.outlet.kind == "aggregator" and m.outlet.name == "roundup.example"
    assert m.cites == ("Euronews", "France 24", "The Guardian")


def test_no_name_is_never_invented() -> None:
    m = meta(PARA)
    assert m.outlet.name.startswith("unidentified outlet (") and m.outlet.kind == "unknown" and m.cites == ()


def test_container_fields_win() -> None:
    m = meta(PARA, outlet="Harbour Gazette", title="Ferries", author="Ana Ruiz", published="2024-03-04")
    assert (m.outlet.name, m.title, m.author, m.published) == ("Harbour Gazette", "Ferries", "Ana Ruiz", "2024-03-04")


def test_url_domain_identifies_outlet() -> None:
    m = meta(PARA, url="https://www.dw.com/en/ferries/a-1")
    assert m.outlet.name == "Deutsche Welle"


def test_author_box_gives_author_and_time() -> None:
    m = meta(f"Ferry Collision (2024)\n\nMarch 3, 2024\n\n{PARA}\n\nAuthor Information\n\nAvatar\nAuthorJonas WeberMarch 3, 2024 at 9:15 AM")
    assert m.author == "Jonas Weber"
    assert m.published == "2024-03-03T09:15:00"
    assert m.title == "Ferry Collision (2024)"


def test_self_reference_identifies_outlet() -> None:
    m = meta(f"{PARA} The coastguard captain told Meduza that the radar had failed.")
    assert m.outlet.name == "Meduza"


def test_a_masthead_atop_a_copied_page_names_the_outlet_not_the_story() -> None:
    m = meta(f"Pelar Harbour Gazette\nHome | World | Sport\n\nFerries collide in fog near the pier\nMarch 3, 2024\n\n{PARA}")
    assert m.title == "Ferries collide in fog near the pier"
    assert (m.outlet.name, m.outlet_basis) == ("Pelar Harbour Gazette", "masthead")
    assert [r.text for r in m.metadata if r.reason == "masthead"] == ["Pelar Harbour Gazette"]


def test_a_masthead_the_page_names_again_is_one_without_navigation() -> None:
    m = meta(f"Pelar Harbour Gazette\n\nFerries collide in fog near the pier\n\n{PARA}\n\n© 2024 Pelar Harbour Gazette")
    assert (m.title, m.outlet.name) == ("Ferries collide in fog near the pier", "Pelar Harbour Gazette")


@pytest.mark.parametrize("headline", ["Trump Attacks Fake News", "Mayor Scolds The Press", "Storm Brings Hard Times", "Facebook Removes Fake News"])
@pytest.mark.parametrize("below", ["", "President says the media are the enemy of the people\n\n"])
def test_a_headline_that_reads_like_a_masthead_stays_the_title(headline: str, below: str) -> None:
    m = meta(f"{headline}\n\n{below}{PARA}")
    assert m.title == headline
    assert m.outlet.name.startswith("unidentified outlet (")


def test_a_named_outlet_wins_over_a_masthead() -> None:
    m = meta(f"Pelar Harbour Gazette\nHome | World | Sport\n\nFerries collide in fog near the pier\n\n{PARA}", url="https://www.dw.com/en/ferries/a-1")
    assert (m.outlet.name, m.title) == ("Deutsche Welle", "Ferries collide in fog near the pier")
    assert [r.text for r in m.metadata if r.reason == "masthead"] == ["Pelar Harbour Gazette"]  # not story text


@pytest.mark.parametrize("label", ["Title:", "TITLE :", "Headline:"])
def test_a_title_label_is_a_header_like_published(label: str) -> None:
    """"Title: ..." atop a text export is read like "Published: ...": the label is stripped."""
    content = f"{label} Ferries collide in fog near the pier\nPublished: 2025-06-02\n\n{PARA}"
    m = meta(content)
    assert m.title == "Ferries collide in fog near the pier"
    assert m.published == "2025-06-02"
    line = content.split("\n")[0]
    assert [(r.text, r.reason) for r in m.metadata] == [(line, "title")]


def test_a_title_line_goes_from_the_text_when_the_container_has_the_title() -> None:
    m = meta(f"Title: Ferries collide\n\n{PARA}", title="Ferries collide in the fog")
    assert m.title == "Ferries collide in the fog"
    assert [r.text for r in m.metadata] == ["Title: Ferries collide"]


@pytest.mark.parametrize(
    ("date", "iso", "ambiguous"),
    [
        ("05/02/2024", "2024-02-05", "default"),  # both parts could be the month: read day-first, marked
        ("5-2-2024", "2024-02-05", "default"),
        ("05.02.2024", "2024-02-05", None),  # dots: day-first conventions only
        ("05/05/2024", "2024-05-05", None),  # the same either way
        ("11/28/2005", "2005-11-28", None),  # 28 cannot be a month
        ("28/11/2005", "2005-11-28", None),
        # A weekday named with the date picks the reading that falls on it (2 May 2024 was a Thursday).
        ("Thursday, 05/02/2024", "2024-05-02", "weekday"),
        ("Mon 05/02/2024", "2024-02-05", "weekday"),
        ("05/02/2024 (Thu)", "2024-05-02", "weekday"),
        ("Friday, 05/02/2024", "2024-02-05", "default"),  # fits neither reading: no evidence
    ],
)
def test_numeric_dates_say_when_day_and_month_could_be_swapped(date: str, iso: str, ambiguous: str | None) -> None:
    when = parse_when(date)
    assert (when.iso, when.ambiguous) == (iso, ambiguous)


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        (None, "2024-02-05"),  # no outlet country known: day-first, as most countries write
        ("https://www.bbc.co.uk/news/ferries", "2024-02-05"),  # GB: day-first
        ("https://apnews.com/article/ferries", "2024-05-02"),  # US: month-first
    ],
)
def test_an_ambiguous_numeric_date_follows_the_outlets_country(url: str | None, iso: str) -> None:
    header = meta(f"Ferries collide in fog\nPublished: 05/02/2024 10:30\n\n{PARA}", url=url)
    assert header.published == f"{iso}T10:30:00"
    container = meta(PARA, url=url, published="05/02/2024")
    assert (container.published, container.published_precision) == (iso, "day")
    dotted = meta(PARA, url=url, published="05.02.2024")
    assert dotted.published == "2024-02-05"  # never swapped


@pytest.mark.parametrize(
    ("body", "url", "iso", "basis"),
    [
        # The text names the day with its month: that reading, against the outlet's day-first country.
        ("The ferries collided on Thursday, May 2, in thick fog.", "https://www.bbc.co.uk/news/ferries", "2024-05-02", "text"),
        ("Talks opened on 2 May 2024 in the port.", None, "2024-05-02", "text"),
        # ... and against a month-first country.
        ("The ferries collided on February 5 in thick fog.", "https://apnews.com/article/ferries", "2024-02-05", "text"),
        # A weekday wrong for that day in 2024 (5 February was a Monday) makes it another day.
        ("The ferries collided on Thursday, February 5.", None, "2024-02-05", "default"),
        # Both days named: no evidence; the convention decides.
        ("Talks set for May 2 follow the crash of February 5.", "https://apnews.com/article/ferries", "2024-05-02", "outlet country"),
        ("The ferries collided in thick fog.", None, "2024-02-05", "default"),
    ],
)
def test_an_ambiguous_numeric_date_is_read_as_the_text_names_the_day(body: str, url: str | None, iso: str, basis: str) -> None:
    for content, published in ((f"Ferries collide in fog\nPublished: 05/02/2024\n\n{body} {PARA}", None), (f"{body} {PARA}", "05/02/2024")):
        m = meta(content, url=url, published=published)
        assert (m.published, m.published_ambiguous) == (iso, basis)


def test_a_weekday_with_a_numeric_header_date_settles_it() -> None:
    m = meta(f"Ferries collide in fog\nPublished: Thursday, 05/02/2024 10:30\n\n{PARA}")
    assert (m.published, m.published_ambiguous) == ("2024-05-02T10:30:00", "weekday")
    # The weekday beside the date in the text settles a container's bare numeric date too.
    m = meta(f"Ferries collide in fog\nThu, 05/02/2024\n\n{PARA}", published="05/02/2024")
    assert (m.published, m.published_ambiguous) == ("2024-05-02", "text")


def test_an_unambiguous_date_has_no_ambiguity_recorded() -> None:
    assert meta(PARA, published="2024-05-02").published_ambiguous is None
    assert meta(PARA, published="05.02.2024").published_ambiguous is None


def test_source_line_at_top_names_an_unregistered_outlet_not_an_origin() -> None:
    """A "Source:" header names who published the text, even an outlet the registry does not know."""
    m = meta(f"Source: Harbour Weekly\nTitle: Ferries collide in the fog near the pier\n\n{PARA}")
    assert (m.outlet.name, m.outlet.kind, m.outlet_basis) == ("Harbour Weekly", "unknown", "source line")
    assert m.origin is None
    assert m.title == "Ferries collide in the fog near the pier"


def test_via_line_at_top_still_names_an_origin() -> None:
    """Other labels ("Via:", "Originally published by") name the outlet the text was taken from."""
    m = meta(f"Via: Harbour Weekly\n\n{PARA}")
    assert m.origin.name == "Harbour Weekly" and m.outlet.kind == "blog"


@pytest.mark.parametrize(
    ("opening", "place", "dateline_date"),
    [
        # South Asian papers close the dateline with a colon; the day may follow the place.
        ("QUETTA: ", "QUETTA", None),
        ("PESHAWAR: ", "PESHAWAR", None),
        ("DERA ISMAIL KHAN: ", "DERA ISMAIL KHAN", None),
        ("ISLAMABAD, July 23: ", "ISLAMABAD", "XXXX-07-23"),
        ("Published: 2025-07-24\n\nISLAMABAD, July 23: ", "ISLAMABAD", "2025-07-23"),
        ("KARACHI (Reuters) - ", "KARACHI", None),
    ],
)
def test_a_colon_dateline_gives_its_place_and_day(opening: str, place: str, dateline_date: str | None) -> None:
    m = meta(opening + PARA)
    assert (m.dateline, m.dateline_date) == (place, dateline_date)


@pytest.mark.parametrize("label", ["UPDATE", "WATCH", "LIVE", "BREAKING", "NOTE", "Note", "Editor's note", "EXCLUSIVE"])
def test_a_lead_in_label_before_a_colon_is_no_dateline(label: str) -> None:
    """Only a known town's name before the colon makes a dateline."""
    m = meta(f"{label}: {PARA}")
    assert m.dateline is None
    assert not [r for r in m.metadata if r.reason == "dateline"]


@pytest.mark.parametrize("label", ["UNION", "TEMPLE", "DEAL", "PROVIDENCE", "INDEPENDENCE"])
def test_a_kicker_that_also_names_a_town_is_no_dateline(label: str) -> None:
    """Towns named by ordinary words ("Union", New Jersey; "Deal", Kent) are kickers before a
    colon: the label stays in the text and names no place of the story."""
    m = meta(f"{label}: {PARA}")
    assert m.dateline is None
    assert not [r for r in m.metadata if r.reason == "dateline"]


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        # A date or an agency says a word-named town is the dateline after all.
        ("TEMPLE, July 23: ", "TEMPLE"),
        ("TEMPLE, Texas (AP) — ", "TEMPLE"),
        ("UNION (Reuters) - ", "UNION"),
        # Capitals and large cities English also has as words stay places.
        ("MANILA: ", "MANILA"),
        ("TRIPOLI: ", "TRIPOLI"),
        ("BERLIN — ", "BERLIN"),
        ("BOSTON — ", "BOSTON"),
    ],
)
def test_a_town_named_by_a_word_is_a_dateline_with_evidence(opening: str, place: str) -> None:
    assert meta(opening + PARA).dateline == place


@pytest.mark.parametrize("label", ["UPDATE", "EXCLUSIVE", "ANALYSIS", "UPDATED", "BREAKING NEWS"])
def test_a_kicker_before_a_dash_is_no_dateline(label: str) -> None:
    """"UPDATE — ..." reads like "KYIV — ...", but ordinary words name no place."""
    assert meta(f"{label} — {PARA}").dateline is None


@pytest.mark.parametrize(
    ("content", "fields", "warning"),
    [
        (f"Published: 2026-13-45\n\n{PARA}", {}, "publication date '2026-13-45' is not a valid date; ignored"),
        (f"Updated: February 30, 2025\n\n{PARA}", {}, "update date 'February 30, 2025' is not a valid date; ignored"),
        (PARA, {"published": "yesterday-ish"}, "publication date 'yesterday-ish' is not a valid date; ignored"),
        (PARA, {"published": "7"}, "publication date '7' is not a valid date; ignored"),
    ],
)
def test_a_date_given_but_impossible_is_ignored_with_a_warning(content: str, fields: dict, warning: str) -> None:
    m = meta(content, **fields)
    assert m.published is None
    assert m.warnings == (warning,)


def test_valid_dates_give_no_warning() -> None:
    m = meta(f"Published: 2025-07-23\n\n{PARA}", published="1709546400")
    assert m.published == "2025-07-23" and m.warnings == ()  # the labelled line wins; both are dates


# A real headline can run past 200 characters (this one is 232).
LONG_HEADLINE = (
    "Harbour authority of the Free and Hanseatic City closes the northern container terminal for the rest of "
    "the week after crane number seven collapses onto a feeder ship in high winds, injuring two dock workers"
)


def test_a_long_title_line_keeps_the_header_below_it() -> None:
    """A 232-character "Title:" is the headline, and the "Source:" and "Published:" lines after it
    are still read (they were dropped from the text unread, and the title line left in it)."""
    m = meta(f"Title: {LONG_HEADLINE}\nSource: Harbour Weekly\nPublished: 2025-10-02\n\n{PARA}")
    assert len(LONG_HEADLINE) > 200
    assert (m.title, m.published, m.outlet.name, m.outlet_basis) == (LONG_HEADLINE, "2025-10-02", "Harbour Weekly", "source line")
    assert m.origin is None and m.warnings == ()


def test_a_title_line_past_any_headline_is_cut_with_a_warning() -> None:
    pasted = " ".join([LONG_HEADLINE] * 3)
    m = meta(f"Title: {pasted}\nPublished: 2025-10-02\n\n{PARA}")
    assert m.title.endswith("…") and len(m.title) <= 400 and pasted.startswith(m.title[:-1])
    assert m.published == "2025-10-02"
    assert m.warnings == (f"'Title:' line of {len(pasted)} characters is too long for a headline; the title keeps its first 400 characters",)


def test_a_long_source_name_is_read() -> None:
    """A publication's full name past 60 characters still names the outlet (it was dropped silently)."""
    name = "Verlmarsch Tagesbote International English Edition for Readers Abroad and Diaspora Communities"
    m = meta(f"Title: Crane falls on feeder ship\nSource: {name}\nPublished: 2025-10-02\n\n{PARA}")
    assert (m.outlet.name, m.outlet_basis, m.published) == (name, "source line", "2025-10-02")
    assert ("Source: " + name, "metadata line") in [(r.text, r.reason) for r in m.metadata]


def test_a_source_line_too_long_for_a_name_is_ignored_with_a_warning() -> None:
    value = "Harbour Weekly " * 12
    m = meta(f"Title: Crane falls on feeder ship\nSource: {value}\n\n{PARA}")
    assert m.outlet.kind == "unknown" and m.outlet.name.startswith("unidentified")
    assert m.warnings == (f"'Source:' line '{value[:59]}…' names no outlet (a name of at most 150 characters); ignored",)


def test_a_long_sentence_opening_with_via_is_no_source_line() -> None:
    """Without a colon the label may open a sentence: the 60-character cap on the name stays."""
    m = meta(f"Via the ring road and the old harbour bridge trucks reached the terminal gates\n\n{PARA}")
    assert m.origin is None


@pytest.mark.parametrize(
    ("byline", "author", "outlet"),
    [
        ("By Maria Lopez | The Guardian | 23 July 2025", "Maria Lopez", "The Guardian"),
        ("By Maria Lopez, BBC News, 23 July 2025", "Maria Lopez", "BBC"),
        ("By Maria Lopez – Reuters", "Maria Lopez", "Reuters"),
        ("By Maria Lopez, Associated Press", "Maria Lopez", "Associated Press"),
        ("By Maria Lopez, Tom Brel and Ann Ode", "Maria Lopez, Tom Brel and Ann Ode", None),
        # An unregistered part may be a role or a place: the name is still cut from it.
        ("By Maria Lopez | Senior Correspondent | 23 July 2025", "Maria Lopez", None),
        ("By Maria Lopez and Tom Brel | 23 July 2025", "Maria Lopez and Tom Brel", None),
    ],
)
def test_a_byline_gives_the_author_apart_from_the_outlet_it_names(byline: str, author: str, outlet: str | None) -> None:
    m = meta(f"Ferries collide in the fog near the pier\n\n{byline}\n\n{PARA}")
    assert m.author == author
    assert (m.outlet.name if m.outlet_basis == "byline" else None) == outlet


@pytest.mark.parametrize("site", ["BBC News - World", "World - BBC News", "BBC News | World"])
def test_a_feed_title_with_a_section_names_the_registered_outlet(site: str) -> None:
    m = meta(PARA, outlet=site)
    assert (m.outlet.name, m.outlet.kind, m.outlet_basis) == ("BBC", "broadcaster", "container")


def test_an_unregistered_site_name_is_kept_whole() -> None:
    assert meta(PARA, outlet="Harbour Herald - World").outlet.name == "Harbour Herald - World"
