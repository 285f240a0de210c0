"""Cleaning copy-pasted pages: clutter goes (with a reason and offsets), reporting stays."""

from __future__ import annotations

import pytest

from synopsis.ingest.clean import clean_text

BODY = (
    "The harbour authority said on Monday that two ferries had collided in thick fog near the pier. "
    "Nobody was hurt, according to the coastguard, and both vessels returned to port under their own power."
)
BODY2 = (
    "Inspectors will examine the radar logs of both ferries this week, the authority added, and a report "
    "is expected before the end of the month."
)


def page(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("clutter", "reason"),
    [
        ("Skip to main content", "navigation"),
        ("news", "navigation"),
        ("Menu", "navigation"),
        ("Home | Markets | Tech | Sport | Video", "navigation"),
        ("You are here: News > Regions > Lakeside", "navigation"),
        ("Maria Lopez / Harbour Press / Pixels Agency", "photo credit"),
        ("Photo: Tom Brandt for the Gazette", "photo credit"),
        ("This text was automatically translated from the original Spanish version.", "translation notice"),
        ("Machine-translated by our partners", "translation notice"),
        ("Author Information", "author box"),
        ("Avatar", "author box"),
        ("AuthorJonas WeberMarch 3, 2024 at 9:15 AM", "author box"),
        ("About the author", "author box"),
        ("Share icon", "site widget"),
        ("Comments", "comment prompt"),
        ("No Comments Added Yet", "comment prompt"),
        ('Start discussion for "Ferry collision" article', "comment prompt"),
        ("Leave a comment", "comment prompt"),
        ("Recently Added", "site widget"),
        ("Tags", "site widget"),
        ("Ask to Harbourpedia", "site widget"),
        ("Share", "site widget"),
        ("Subscribe", "site widget"),
        ("Facebook Twitter WhatsApp", "site widget"),
        ("5 min read", "site widget"),
        ("Published: March 3, 2024 - 9:15 AM CET", "metadata line"),
        ("March 3, 2024", "metadata line"),
        ("By Jonas Weber", "metadata line"),
        ("Updated 3 hours ago", "metadata line"),
        ("Reporting by Jonas Weber; Editing by Ana Ruiz", "credit line"),
        ("Read more: Ferries return to service after storm", "read-more block"),
        (
            "The Gazette has stood with its readers since 1901, and we will not be silenced. "
            "Support independent journalism: donate today",
            "donation appeal",
        ),
        ("Become a member and get our newsletter every morning.", "donation appeal"),
        (
            "Correction: An earlier version of this article said the ferries collided at night. "
            "They collided in the morning.",
            "correction note",
        ),
        ("CORRECTION (March 4, 2024): The second ferry carried 40 passengers, not 14.", "correction note"),
        ("Editor's note: This story was changed to give the right name of the pier.", "correction note"),
        ("This article has been updated with comments from the coastguard.", "correction note"),
        ("An earlier version of this story misstated the name of the second ferry.", "correction note"),
        ("(Corrects name of the pier in paragraph 2)", "correction note"),
    ],
)
def test_clutter_line_is_removed_with_reason(clutter: str, reason: str) -> None:
    raw = page(BODY, clutter, BODY2)
    clean, removed = clean_text(raw)
    assert clutter not in clean
    assert BODY in clean and BODY2 in clean
    hits = [r for r in removed if r.text == clutter]
    assert hits and hits[0].reason == reason
    assert raw[hits[0].start : hits[0].end] == clutter


@pytest.mark.parametrize(
    "real",
    [
        "“We will not leave until every passenger is safe,” the captain said.",
        "Nobody was hurt.",
        "The ferry company said it would donate the ticket income to the rescue service.",
        "Residents were asked to share photos of the collision with the police.",
        "The mayor said: “This harbour needs a new radar.”",
        "Readers of the Gazette had warned about fog for years, the editor said.",
        "Two ferries / one pier: the numbers behind the crash are small, officials said.",
        "Prices rose 3% > forecasts | analysts > surprised, the bank said.",
        "Correction officers at the harbour jail said the ferry crew had been released.",
        "The coastguard said its earlier count of passengers had been corrected to 40.",
    ],
)
def test_real_reporting_is_kept(real: str) -> None:
    clean, removed = clean_text(page(BODY, real, BODY2))
    assert real in clean, removed


def test_repeated_caption_and_adjacent_credit_are_removed() -> None:
    caption = "Ferries in the harbour of Porto Nuevo. March 3, 2024."
    raw = page("Skip to main content", caption, "world", "", "Source: Harbour Gazette", caption, caption, "Ana Ruiz / Gazette", "", BODY, BODY2)
    clean, removed = clean_text(raw)
    assert caption not in clean
    assert "Ana Ruiz" not in clean
    assert {r.reason for r in removed if r.text == caption} == {"repeated caption"}
    assert clean == f"{BODY}\n\n{BODY2}"


def test_read_more_block_takes_heading_and_link_lines() -> None:
    raw = page(BODY, "", "READ MORE ABOUT THE FERRIES", "", "Second ferry crash in a month puts captains on alert", "", BODY2)
    clean, removed = clean_text(raw)
    assert "READ MORE" not in clean and "captains on alert" not in clean
    assert BODY2 in clean
    assert [r.reason for r in removed] == ["read-more block", "read-more block"]


def test_explore_more_bullets_are_a_read_more_block() -> None:
    raw = page(BODY, "Explore More:", "- Why fog is dangerous at sea", "- Five ferries to ride this summer", BODY2)
    clean, removed = clean_text(raw)
    assert "Explore" not in clean and "fog is dangerous" not in clean
    assert {r.reason for r in removed} == {"read-more block"}


def test_table_of_contents_is_removed() -> None:
    raw = page(
        BODY,
        "",
        "Contents",
        "",
        "  • March 1, 2024",
        "",
        "    The collision",
        "",
        "  • March 2, 2024",
        "",
        "    The investigation",
    )
    clean, removed = clean_text(raw)
    assert clean == BODY
    assert {r.reason for r in removed} == {"table of contents"}


def test_headings_are_recorded_and_kept_out() -> None:
    raw = page("The collision", BODY, "What Happens Next for the Ferry Lines?", BODY2)
    clean, removed = clean_text(raw)
    assert clean == f"{BODY}\n\n{BODY2}"
    assert [(r.text, r.reason) for r in removed] == [
        ("The collision", "heading"),
        ("What Happens Next for the Ferry Lines?", "heading"),
    ]


def test_lead_in_line_is_joined_with_its_quote_not_taken_for_a_heading() -> None:
    raw = page(BODY, "The harbour master, who saw the crash from the tower, said that", "“the fog came in within minutes.”", BODY2)
    clean, removed = clean_text(raw)
    assert "said that “the fog came in within minutes.”" in clean
    assert not removed


def test_link_list_bullets_are_removed_but_sentence_bullets_kept() -> None:
    raw = page(BODY, "- Ferry timetable", "- Harbour webcam", "- Weather at sea", BODY2, "- Both ferries were built in 1998.", "- The pier reopened on Tuesday.")
    clean, removed = clean_text(raw)
    assert "timetable" not in clean and "webcam" not in clean
    assert "Both ferries were built in 1998." in clean
    assert "The pier reopened on Tuesday." in clean
    assert {r.reason for r in removed} == {"link list"}


def test_dateline_and_date_label_are_cut_from_first_paragraph() -> None:
    raw = "date 2024-03-03 PORTO NUEVO, March 4. /HARBOURNEWS/. Two ferries collided in thick fog near the pier.\n" + BODY2
    clean, removed = clean_text(raw)
    assert clean.startswith("Two ferries collided")
    assert [r.reason for r in removed] == ["metadata line", "dateline"]
    for r in removed:
        assert raw[r.start : r.end] == r.text


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    raw = (
        "The harbour authority said on Monday that two ferries had collided\n"
        "in thick fog near the pier, and that nobody had been hurt in the crash\n"
        "according to the coastguard, which sent two boats to the scene.\n"
        "\n"
        "Inspectors will examine the radar logs of both ferries this week,\n"
        "the authority added, and a report is expected before the end of\n"
        "the month, when both ferry lines will resume their timetables.\n"
    )
    clean, removed = clean_text(raw)
    paragraphs = clean.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The harbour authority") and "collided in thick fog" in paragraphs[0]
    assert not removed


def test_removed_offsets_point_into_the_raw_text() -> None:
    raw = page("Skip to main content", "  news  ", BODY, "Share", "Tags", BODY2, "Donate today")
    _, removed = clean_text(raw)
    assert len(removed) == 5
    for r in removed:
        assert raw[r.start : r.end] == r.text


def test_rules_off_still_takes_correction_notes() -> None:
    """Main text from HTML keeps editors' notes: they go there too."""
    note = "Editor's note: An earlier version of this article gave the wrong time of the collision."
    clean, removed = clean_text(page(BODY, note), rules=False)
    assert clean == BODY
    assert [r.reason for r in removed] == ["correction note"]


def test_rules_off_only_takes_metadata_lines() -> None:
    raw = page("Published: March 3, 2024", "Share", BODY)
    clean, removed = clean_text(raw, rules=False)
    assert clean == f"Share\n\n{BODY}"
    assert [r.reason for r in removed] == ["metadata line"]


# --- reference corpus ----------------------------------------------------------


def test_corpus_clutter_is_gone_and_paragraphs_survive(corpus_files) -> None:
    for key, path in corpus_files.items():
        raw = path.read_text(encoding="utf-8")
        clean, removed = clean_text(raw)
        raw_lines = [" ".join(line.split()) for line in raw.splitlines() if line.strip()]
        repeated = {line for line in raw_lines if raw_lines.count(line) > 1}
        clean_lines = {" ".join(line.split()) for line in clean.split("\n\n")}
        assert not (clean_lines & repeated), key
        for banned in ("Donate", "Skip to main content", "READ MORE", "Explore More", "Author Information", "Avatar", "automatically translated", "Ask to", "No Discussion", "Recently Added"):
            assert banned not in clean, (key, banned)
        for r in removed:
            assert raw[r.start : r.end] == r.text
        # Every long paragraph of the raw text that is not repeated survives.
        for line in raw_lines:
            if len(line.split()) >= 40 and line not in repeated and "Donate" not in line:
                assert line[:80] in " ".join(clean.split()), (key, line[:80])


def test_corpus_meeting_duration_paragraph_survives(corpus_files) -> None:
    clean, _ = clean_text(corpus_files["000"].read_text(encoding="utf-8"))
    assert any("lasted less than an hour" in p for p in clean.split("\n\n"))
    clean, _ = clean_text(corpus_files["003"].read_text(encoding="utf-8"))
    assert any("lasted for about 40 minutes" in p for p in clean.split("\n\n"))


@pytest.mark.parametrize(
    "promotion",
    [
        "The Harbour Gazette will update this article as more information becomes available.",
        "This story will be updated.",
        "Listeners can find a list of open ferry routes on our website, and our newsroom will broadcast updates every hour.",
        "Sign up for breaking-news alerts from the Gazette.",
        "Follow us on Bluesky for the latest on the ferries.",
    ],
)
def test_the_outlet_speaking_of_itself_is_removed_whatever_its_name(promotion: str) -> None:
    raw = page(BODY, promotion, BODY2)
    for rules in (True, False):  # extractors keep these lines: they go from extracted text too
        clean, removed = clean_text(raw, rules=rules)
        assert promotion not in clean and BODY in clean and BODY2 in clean
        assert [r.reason for r in removed if r.text == promotion] == ["self-promotion"]


def test_the_outlet_named_as_subject_of_its_own_plans_or_description_is_removed() -> None:
    promise = "Harbour Gazette will publish an analysis of what the crash means for ferry fares later this week."
    about = "The Harbour Gazette is Porto Nuevo's oldest daily newspaper."
    fact = "Porto Nuevo lies 40 kilometres north of the strait."
    raw = page(BODY, promise, f"{about} {fact}", BODY2)
    clean, removed = clean_text(raw, outlet_names=("The Harbour Gazette", "Gazette"))
    assert promise not in clean and about not in clean and fact in clean
    assert [r.text for r in removed if r.reason == "self-promotion"] == [promise, about]
    # Another outlet's name is news ("Harbour Gazette will publish ..." in the Coast Herald's report).
    clean, _ = clean_text(raw, outlet_names=("Coast Herald",))
    assert promise in clean and about in clean


@pytest.mark.parametrize(
    "real",
    [
        # The outlet's own reporting stays: what it has learned is news.
        "The Harbour Gazette understands that the ministry will publish its report on Friday.",
        # Someone else's words, in quotation marks or inside a quotation the paragraph opened.
        "“We will put the list on our website tonight,” the harbour master said.",
        "“The ferries will run again on Monday. Passengers can check our website for times. We are sorry,” the operator said.",
        "The port authority said it would update its list of closed piers every hour.",
    ],
)
def test_reporting_that_sounds_like_self_promotion_is_kept(real: str) -> None:
    clean, removed = clean_text(page(BODY, real, BODY2), outlet_names=("The Harbour Gazette",))
    assert real in clean, removed
