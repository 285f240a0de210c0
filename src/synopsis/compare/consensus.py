"""Consensus labels: corroborated (two or more independent origins), single-source, or disputed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence

from synopsis.compare.citations import name_outlet, normalize_name
from synopsis.compare.independence import OriginInfo, Witness, count_independent
from synopsis.compare.other_numbers import numbers_differ, passage_amounts
from synopsis.compare.quoted_wording import CanonicalName, gives_words_to_another, speakers_agree, spoken_wording
from synopsis.facts.amounts import Amount
from synopsis.facts.support import MIN_SHARED_WORDS, SupportCheck, dated_apart, episode_conflict
from synopsis.link.align import ClaimGroup, ClaimMember
from synopsis.link.entities import EntityResolution
from synopsis.records import AlignedClaim, ArticleAnalysis, Attribution, Dispute, Evidence


# Disputes about who someone is (a first name, an office) rather than about what happened: a
# sentence that names "former Defense Minister Rustem Umerov" gives a version of his office, but
# the summit it says he proposed is not disputed for that.
WHO_DISPUTES = frozenset({"name", "title"})
# The sentences a group may be shown by that are tried (``split_by_support``): each is checked
# against every report of the group, and the first few (the representative, then reading order)
# are where the best-supported one was in every story checked (as ``fact_citations.WORDINGS_TRIED``).
LEADS_TRIED = 8


def find_disputed_groups(groups: Sequence[ClaimGroup], disputes: Sequence[Dispute]) -> set[str]:
    """Return ids of groups whose fact is disputed: they hold two versions of one dispute, or at
    least half of their members give a version of it.

    A member that merely touches a dispute in passing (an outlet's "320 evacuated" sentence that
    also says "19 injured", in a group about the evacuation) does not make the group disputed, and
    disputes about who someone is (``WHO_DISPUTES``) make no fact disputed.
    """
    spans: dict[str, list[tuple[int, int, int, int]]] = {}  # article -> (start, end, dispute, version)
    for d, dispute in enumerate(disputes):
        if dispute.kind in WHO_DISPUTES:
            continue
        for v, version in enumerate(dispute.versions):
            for ev in version.evidence:
                spans.setdefault(ev.article_id, []).append((ev.start, ev.end, d, v))
    disputed = set()
    for group in groups:
        versions: dict[int, set[int]] = {}
        members: dict[int, int] = {}
        for m in group.members:
            hit = {(d, v) for start, end, d, v in spans.get(m.article_id, ()) if start < m.end and m.start < end}
            for d, v in hit:
                versions.setdefault(d, set()).add(v)
            for d in {d for d, _ in hit}:
                members[d] = members.get(d, 0) + 1
        if any(len(vs) >= 2 or 2 * members[d] >= len(group.members) for d, vs in versions.items()):
            disputed.add(group.id)
    return disputed


def label_claims(
    groups: Sequence[ClaimGroup],
    analyses: Sequence[ArticleAnalysis],
    origins: Mapping[str, OriginInfo],
    disputed: Collection[str] = (),
    disputes: Sequence[Dispute] = (),
    canonical_name: CanonicalName | None = None,
    resolution: EntityResolution | None = None,
) -> list[AlignedClaim]:
    """Label each claim group by how many independent origins report it; disputed groups say so.
    A claim is worded by its representative sentence as a reader can take it out of its article
    (``quoted_wording.spoken_wording``: a pronoun speaker named by ``canonical_name``, the story's
    name for it; a quotation cut from a longer one closed and said whose it is). Its reports are
    those that support that sentence (``split_by_support``; ``resolution`` tells who a mention is)."""
    by_id = {a.article.id: a for a in analyses}
    check = SupportCheck(by_id, resolution)
    parent = {}
    parts = []
    for group in groups:
        for by_number in split_by_numbers(group, by_id):
            for by_speaker in split_by_speakers(by_number, by_id, canonical_name):
                for part in split_by_support(by_speaker, check):
                    parent[part.id] = group.id
                    parts.append(part)
    groups = parts
    disputed = set(disputed)
    flagged = {part for part, whole in parent.items() if whole in disputed} | find_disputed_groups(groups, disputes)
    labelled: list[tuple[tuple, AlignedClaim]] = []
    for order, group in enumerate(groups):
        sources: list[str] = []
        evidence: list[Evidence] = []
        for m in group.members:
            analysis = by_id.get(m.article_id)
            outlet = name_outlet(analysis) if analysis is not None else m.article_id
            if outlet not in sources:
                sources.append(outlet)
            evidence.append(Evidence(m.article_id, outlet, m.start, m.end, m.text))
        witnesses = find_witnesses([(m.article_id, m.claim_index) for m in group.members], by_id, origins)
        independent = count_independent(witnesses)
        if group.id in flagged:
            status = "disputed"
        elif len(independent) >= 2:
            # Two origins are two articles at least: one that names two outlets ("according to A
            # and B") is one witness (find_independent_origins).
            status = "corroborated"
        else:
            status = "single-source"
        claim = AlignedClaim(
            id=make_claim_id(group),
            text=_wording(group, by_id, canonical_name),
            status=status,
            sources=tuple(sources),
            independent_sources=independent,
            evidence=tuple(evidence),
            citing=list_citing(witnesses),
        )
        # Most independent origins first, then most outlets, then reading order.
        labelled.append(((-len(independent), -len(sources), order), claim))
    labelled.sort(key=lambda pair: pair[0])
    return [claim for _, claim in labelled]


def split_by_numbers(group: ClaimGroup, by_id: Mapping[str, ArticleAnalysis]) -> list[ClaimGroup]:
    """The group as reports of one number each: its representative with the members that give its
    numbers (``other_numbers.numbers_differ``), then the others likewise, each part led by its
    first member.

    Alignment groups reports that may be one value ("winds reached 150 km/h" / "145 km/h": the
    first may be the second rounded), but a report that writes another number is no second
    witness of the one the claim shows: counted as one, it made "150 km/h" corroborated by an
    outlet that says 145. The first part keeps the group's id; a dispute, if any, still sets the
    versions side by side."""
    numbers = {m: passage_amounts(by_id[m.article_id], m.start, m.end) if m.article_id in by_id else ()
               for m in group.members}
    if not any(numbers.values()):
        return [group]
    return _partition(group, lambda lead, m: numbers_differ(numbers[lead], numbers[m]), "")


def split_by_speakers(group: ClaimGroup, by_id: Mapping[str, ArticleAnalysis],
                      canonical_name: CanonicalName | None = None) -> list[ClaimGroup]:
    """The group as reports of one speaker's words each: its representative with the members that
    do not give the quotation to someone else (``quoted_wording.gives_words_to_another``), then the
    others likewise, each part led by its first member.

    Alignment groups the same quoted words whoever an outlet says spoke them, but a report that
    gives the words to another speaker is no witness of the representative's: counted as one, the
    tabloid's '"…," the captain said' made the wire's '"…," chief executive X said' corroborated by
    both. A pronoun the extractor resolved without checking it is no other speaker (it may be the
    one the other reports name). The first part keeps the group's id; a dispute of who said it, if
    found, still sets the versions side by side."""
    spans = {m: Evidence(m.article_id, "", m.start, m.end, m.text) for m in group.members}
    return _partition(group, lambda lead, m: gives_words_to_another(
        spans[lead], spans[m], by_id, canonical_name, guessed_pronouns=False), "s")


def split_by_support(group: ClaimGroup, check: SupportCheck) -> list[ClaimGroup]:
    """The group shown by the sentence its reports best support, with a report set apart (a fact of
    its own, then the others likewise) only on evidence that it does not tell that fact
    (``contradicts``): it says who acted on whom the other way round, or it shares none of the
    sentence's words outside its names ("Sorvik said she would recommend the offer" is no report
    of "Sorvik will join Haldor's board"). A report that leaves out a detail the sentence gives (a
    number, a name, a date) still tells the fact; another value of the same measure was set apart
    before (``split_by_numbers``).

    The sentence shown is the one most of the group's reports support in full (``SupportCheck.problem``,
    the check a brief sentence's citations pass; ``LEADS_TRIED`` tried, the representative first),
    a whole sentence before a headline or bullet fragment: "the trial heard witnesses over seven
    weeks" is borne out by "more than 30 witnesses" and "34 witnesses", not the reverse, and a
    hedged "more than 300 were evacuated" by "320", not the reverse. The first part keeps the
    group's id."""
    if len(group.members) < 2:
        return [group]
    spans = {m: Evidence(m.article_id, "", m.start, m.end, m.text) for m in group.members}
    known = [m for m in group.members if m.article_id in check.analyses]

    def supports(lead: ClaimMember, member: ClaimMember) -> bool:
        if member == lead or member.article_id not in check.analyses:
            return True
        # A report that gives every number of the sentence is a witness of it in whatever words
        # ("Mud swallowed 14 goods carriages" for "the landslide buried 14 wagons").
        return check.problem(spans[lead], spans[member], hedges=True,
                             words=not check.statement(spans[lead]).amounts) is None

    def contradicts(lead: ClaimMember, member: ClaimMember) -> bool:
        if lead.article_id not in check.analyses or member.article_id not in check.analyses:
            return False
        if check.reversed_roles(spans[lead], spans[member]) is not None \
                or check.reversed_roles(spans[member], spans[lead]) is not None:
            return True
        # Another value of a measure the sentence gives ("7:15 a.m." for "6:40 a.m."), another
        # day or another round: the lead may have changed since ``split_by_numbers``.
        stated, given = check.statement(spans[lead]), check.statement(spans[member])
        # Both ways: a passage that adds a figure of the same unit ("Lorwen 1 billion euros, Brasovia
        # 500 million euros" for "Brasovia will pay 500 million euros") gives the sentence's too.
        if _other_value(stated.amounts, given.amounts) and _other_value(given.amounts, stated.amounts) \
                or dated_apart(stated.dates, stated.recent, given.dates, given.recent) \
                or episode_conflict(stated.episodes, given.episodes) is not None:
            return True
        # The reports' own sentences, not the passages around them: "Sorvik said she would
        # recommend the offer. She will join the Haldor board." cites the first for the second.
        # Sentences that bear each other out in other words ("Ostrand welcomed the decision" /
        # "Ostrand praised the move") are one fact.
        # Its days count ("detained since June 2024" / "arrested in June last year").
        if check.own_words(lead.article_id, lead.start, lead.end, days=True) \
                & check.own_words(member.article_id, member.start, member.end, days=True):
            return False
        return not (supports(lead, member) and supports(member, lead))

    representative = group.members[group.representative]
    if representative in known:
        # Only a sentence of the same fact may be shown instead: one that shares enough of the
        # representative's words. Alignment may put "Reyvik, 47, was convicted of arson" with
        # "the trial lasted seven weeks": borne out by more reports, it is still another fact.
        # Nor may it hide a number of the representative that another report gives too ("188
        # people on board" is the fact, "passengers praised the crew" is borne out by more);
        # one only the representative gives ("($2.3 billion)", a hedged "more than 30") may go.
        values = {m: check.statement(spans[m]).amounts for m in known}
        shared_values = [a for a in values[representative]
                         if any(a.given_by(b) or b.given_by(a) for m in known if m != representative for b in values[m])]
        tried = [representative] + [m for m in known if m != representative and max(
            check.shared_words(spans[representative], spans[m]),
            check.shared_words(spans[m], spans[representative])) >= MIN_SHARED_WORDS
            and all(any(a.agrees_with(b) for b in values[m]) for a in shared_values)][:LEADS_TRIED - 1]
        lead = max(tried, key=lambda m: (_whole_sentence(m.text), sum(supports(m, other) for other in group.members)))
        if lead != representative:
            group = ClaimGroup(group.id, group.members, group.members.index(lead), lead.text, group.cohesion)
    return _partition(group, contradicts, "r")


def _other_value(stated: Sequence[Amount], given: Sequence[Amount]) -> bool:
    """Whether a passage gives a measure of the sentence (a number of the same unit) only in
    values that do not agree with the sentence's."""
    for amount in stated:
        same_unit = [g for g in given if g.unit == amount.unit]
        if same_unit and not any(amount.agrees_with(g) for g in same_unit):
            return True
    return False


def _whole_sentence(text: str) -> bool:
    """Whether a claim's text is a sentence as written in running text, not a headline or a bullet
    fragment ("U.S. threatens further sanctions if no peace in 50 days"): it starts with a capital
    letter, a figure or a quotation mark and ends as a sentence does."""
    text = text.strip()
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'\u201c\u2018") \
        and text.rstrip("\"'\u201d\u2019)")[-1:] in (".", "!", "?")


def _partition(group: ClaimGroup, parts_from: Callable[[ClaimMember, ClaimMember], bool],
               suffix: str) -> list[ClaimGroup]:
    """The group cut into parts: its representative with the members that ``parts_from`` does not
    set apart from it, then the members left likewise, each part led by its first member. The
    first part keeps the group's id (the whole group when nothing is set apart), the others add
    ``-{suffix}N``."""
    parts: list[ClaimGroup] = []
    left = list(group.members)
    lead = group.members[group.representative]
    while left:
        members = tuple(m for m in left if m == lead or not parts_from(lead, m))
        if not parts and len(members) == len(group.members):
            return [group]
        part_id = group.id if not parts else f"{group.id}-{suffix}{len(parts)}"
        text = group.text if lead == group.members[group.representative] else lead.text
        parts.append(ClaimGroup(part_id, members, members.index(lead), text, group.cohesion))
        left = [m for m in left if m not in members]
        lead = left[0] if left else lead
    return parts


def _wording(group: ClaimGroup, by_id: Mapping[str, ArticleAnalysis], canonical_name: CanonicalName | None) -> str:
    """The group's representative sentence as shown (``spoken_wording``), as written when its
    speaker cannot be named."""
    if not group.members:
        return group.text
    member = group.members[group.representative]
    analysis = by_id.get(member.article_id)
    if analysis is None or member.text != group.text:
        return group.text
    span = Evidence(member.article_id, name_outlet(analysis), member.start, member.end, member.text)
    spans = [Evidence(m.article_id, "", m.start, m.end, m.text) for m in group.members]
    return spoken_wording(span, analysis, canonical_name,
                          may_name=speakers_agree(spans, by_id, canonical_name)) or group.text


def find_witnesses(
    reports: Sequence[tuple[str, int | None]],
    by_id: Mapping[str, ArticleAnalysis],
    origins: Mapping[str, OriginInfo],
) -> list[Witness]:
    """Each report of one fact (article id, claim index if known) as a witness with the origins it
    may come from (``find_origins``), an aggregator's unattributed sentence credited as
    ``_credit_aggregated`` says."""
    witnesses = []
    for article_id, index in reports:
        analysis = by_id.get(article_id)
        outlet = name_outlet(analysis) if analysis is not None else article_id
        info = origins.get(article_id)
        if info is not None and index is not None and index < len(info.claim_witnesses):
            found = info.claim_witnesses[index]
        else:
            found = (info.origin if info else outlet,)
        witnesses.append(Witness(article_id, outlet, found))
    return _credit_aggregated(witnesses, by_id)


def list_citing(witnesses: Sequence[Witness]) -> tuple[Attribution, ...]:
    """The reporting outlets that give the fact as coming from others, each with whom it names."""
    cites: dict[str, dict[str, None]] = {}
    for witness in witnesses:
        if witness.cites:
            cites.setdefault(witness.outlet, {}).update(dict.fromkeys(witness.cites))
    return tuple(Attribution(outlet, tuple(names)) for outlet, names in cites.items())


def _credit_aggregated(witnesses: Sequence[Witness], by_id: Mapping[str, ArticleAnalysis]) -> list[Witness]:
    """An aggregator's unattributed sentence counts as the witness of the outlets it cites that report it too.

    An aggregator summarises other outlets' reporting; when a sentence of it has no "according to"
    but an outlet it cites states the same fact in the group, that outlet is the one witness.
    """
    reporting = {normalize_name(w.outlet) for w in witnesses} | {normalize_name(o) for w in witnesses for o in w.origins}
    credited = []
    for witness in witnesses:
        analysis = by_id.get(witness.article_id)
        article = analysis.article if analysis is not None else None
        if (
            article is not None
            and article.outlet is not None
            and article.outlet.kind == "aggregator"
            and [normalize_name(o) for o in witness.origins] == [normalize_name(witness.outlet)]
        ):
            cited = tuple(c for c in article.cites if normalize_name(c) in reporting)
            if cited:
                credited.append(Witness(witness.article_id, witness.outlet, cited))
                continue
        credited.append(witness)
    return credited


def repeated_from(claim: AlignedClaim) -> str | None:
    """The one original of a fact that several outlets carry but that counts as one source.

    Wire copy, rewrites and word-for-word repeats of one report are one witness however many
    outlets print them: such a fact is single-source, yet it is not "reported by one outlet".
    Returns that original's name, or None for any other claim.
    """
    if claim.status == "single-source" and len(claim.independent_sources) == 1 and len(claim.sources) >= 2:
        return claim.independent_sources[0]
    return None


def describe_repeat(claim: AlignedClaim) -> str | None:
    """How a report says a fact is one source repeated: "one original report (Wire A), shared by 3 outlets"."""
    original = repeated_from(claim)
    if original is None:
        return None
    return f"one original report ({original}), shared by {len(claim.sources)} outlets"


def make_claim_id(group: ClaimGroup) -> str:
    """Return a stable id for an aligned claim: a hash of its members' article ids and spans (v1)."""
    key = "|".join(sorted(f"{m.article_id}:{m.start}:{m.end}" for m in group.members))
    return "claim-" + hashlib.sha1(("v1|" + key).encode("utf-8")).hexdigest()[:12]


__all__ = ["describe_repeat", "find_disputed_groups", "find_witnesses", "label_claims", "list_citing", "make_claim_id",
           "repeated_from", "split_by_numbers", "split_by_speakers", "split_by_support"]
