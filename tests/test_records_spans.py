"""Span overlap as the records define it: half-open offsets, one article."""

from synopsis.records import Evidence, Sentence, spans_overlap


def _evidence(article_id: str, start: int, end: int) -> Evidence:
    return Evidence(article_id, "Outlet", start, end, "x" * (end - start))


def test_spans_that_share_a_character_overlap_and_touching_ones_do_not():
    assert spans_overlap(Sentence(0, 10, ""), Sentence(9, 20, ""))
    assert spans_overlap(Sentence(5, 6, ""), Sentence(0, 20, ""))
    assert not spans_overlap(Sentence(0, 10, ""), Sentence(10, 20, ""))
    assert not spans_overlap(Sentence(10, 20, ""), Sentence(0, 10, ""))


def test_evidence_overlaps_only_within_one_article():
    assert _evidence("a", 0, 10).overlaps(_evidence("a", 5, 15))
    assert not _evidence("a", 0, 10).overlaps(_evidence("b", 5, 15))
    assert not _evidence("a", 0, 10).overlaps(_evidence("a", 10, 15))
