"""Word lists that drive attribution finding: reporting verbs, role nouns, quotation marks.

Kept as data, apart from the code that uses them, so a reviewer can extend a list
without reading the parser logic.  Lemmas are spaCy lemmas (lower case).
"""

from __future__ import annotations

# Verbs of saying whose clausal complement (or adjacent quotation) is what the subject
# said.  Gathered from the reporting verbs of news style guides (AP "said" and its
# alternatives) and from the cues that PolNeAR annotators marked most often
# (bench/polnear.py --errors lists the cues we miss).
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell state claim note warn announce add confirm insist deny argue explain stress
    emphasize emphasise reiterate repeat declare assert acknowledge admit concede
    reply respond answer ask retort counter quip joke complain lament boast brag
    report write tweet post publish comment remark observe mention point
    suggest indicate signal hint imply allege charge accuse contend maintain
    predict forecast estimate promise pledge vow threaten vouch assure reassure
    reveal disclose clarify specify underline underscore highlight recall recount
    testify conclude find show caution urge demand propose recommend agree disagree
    dismiss reject dispute question doubt wonder speculate
    inform notify brief
    """.split()
)

# Verbs of belief or expectation: "X believes that ...", "X expects that ...".  They
# attribute a stance rather than an utterance, which readers comparing outlets still
# need to see ("who thinks what"); they only count when a clause follows.
COGNITION_VERBS: frozenset[str] = frozenset(
    "believe think expect hope fear feel worry reckon assume guess consider".split()
)

# Speech verbs that need a clausal complement to count: with only an object they
# describe an act, not a statement ("he denied the charges" carries no content span).
# Everything in SPEECH_VERBS already needs a clause or an adjacent quotation.

# Verbs that withhold what the verb after them would say: "declined to say whether ...",
# "refused to confirm that ...", "avoided saying ...". Negated they do the opposite ("did not
# hesitate to say that ...", "could not resist pointing out that ..." say it), so each counts as
# one negation (reported_speech.withheld).
WITHHOLDING_VERBS: frozenset[str] = frozenset("decline refuse fail avoid hesitate resist".split())

# Verbs that, used in the passive with no agent, report hearsay without a source:
# "it was reported that ...", "it is claimed that ...".
HEARSAY_PASSIVES: frozenset[str] = frozenset(
    "report say claim allege rumor rumour believe understand expect announce confirm state".split()
)

# Participles that introduce a source after "as": "as quoted by X", "as reported by X".
AS_BY_VERBS: frozenset[str] = frozenset("quote report cite tell say state".split())

# Nouns for an office or role: a definite "the aide" / "the minister" names a person
# introduced earlier ("Kremlin aide Vladimir Medinsky ... the aide said").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    aide adviser advisor minister spokesman spokeswoman spokesperson president
    vice-president premier chancellor secretary senator congressman congresswoman
    representative governor mayor ambassador envoy negotiator chairman chairwoman chair
    head chief leader director commander general admiral candidate nominee official
    prosecutor judge lawyer attorney mediator diplomat deputy king queen prince
    foreign-minister monarch pope speaker lawmaker legislator emir sheikh sultan
    """.split()
)

# Nouns for a body of people (not one person): "the ministry" or "the delegation" is no person
# whose title has the word ("Ministry Spokesperson X", "head of the delegation X"); it refers to
# the body named before.
BODY_NOUNS: frozenset[str] = frozenset(
    """
    ministry department office agency authority government administration council committee
    commission parliament court embassy army military police service cabinet presidency party
    delegation side team camp coalition alliance bank
    """.split()
)

# Nouns that name people, groups of people or bodies that speak through people: a speaker
# phrase whose head is a common noun counts only if the noun is one of these (or a role
# noun above). The parse alone cannot tell "officials say" from "progress shows" or
# "threats suggest" (both are subjects of a reporting verb); animacy of the head noun can,
# and a short closed list is enough because news names its unnamed speakers with few nouns.
SPEAKER_NOUNS: frozenset[str] = ROLE_NOUNS | frozenset(
    """
    person people man woman men women official source insider witness resident citizen
    survivor victim family relative parent mother father child student worker employee
    side party government ministry department office delegation delegate team committee
    council cabinet authority administration agency police military army navy force
    leadership camp country state nation capital regime opposition coalition alliance bloc
    union organisation organization group company firm bank court panel commission
    parliament legislature board staff member analyst expert observer journalist reporter
    correspondent editor researcher scientist economist historian professor commentator
    negotiator mediator activist campaigner lawyer doctor officer soldier commander
    spokesperson representative envoy diplomat critic supporter opponent coach player
    manager owner teacher chef farmer driver pilot passenger fan voter boss friend lady gentleman
    architect mogul neighbour neighbor
    """.split()
)
# Documents speak for whoever issued them ("the report found", "the statement said"): news
# attributes to them as it does to people, and a reader can look them up. They are no voice of
# their own: speaker_resolution attributes one to its issuer where the text names it ("the
# Kremlin's decree", "a statement by the ministry", "X issued a statement. The statement said"),
# and otherwise keeps the document as the source (Quote.speaker_kind "document").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    "report statement study survey poll document letter decree memo memorandum filing communique "
    "communiqué ruling review assessment audit investigation inquiry indictment complaint lawsuit order "
    "resolution declaration ad advertisement video clip footage spot slide transcript email message "
    "post tweet article story book website blog page analysis research data datum program programme "
    "brief response readout release draft proposal plan text".split()
)
SPEAKER_NOUNS |= DOCUMENT_NOUNS - frozenset("readout release draft proposal plan text".split())
SPEAKER_NOUNS |= frozenset("campaign fund network city town village".split())
# Bodies named by their function ("the inspectorate said", "according to the regional emergency
# inspectorate", "the fire service said") and the media that report ("according to state media"):
# news attributes to them as to a ministry.
SPEAKER_NOUNS |= frozenset("inspectorate directorate secretariat consulate bureau service media".split())
# The sides of a trial speak through their lawyers: "the prosecution told the court", "the defence
# argued".
SPEAKER_NOUNS |= frozenset("prosecution defence defense".split())

# Verbs by which someone issues a document: "the ministry issued a statement", "Putin signed a
# decree"; their subject is the document's issuer.
ISSUE_VERBS: frozenset[str] = frozenset(
    "issue release publish sign adopt send post put circulate submit present distribute draft write "
    "make announce".split()
)

# Nouns of news coverage: "according to coverage by X", "reporting by X" credit X as a medium.
COVERAGE_NOUNS: frozenset[str] = frozenset("coverage reporting broadcast dispatch reportage".split())

# Cues by which a news outlet reports (rather than takes part): "Al Arabiya reported", "TASS
# said", "the Harbour Times wrote"; with others ("argued", "denied", "sued") an outlet is a party.
REPORTING_VERBS: frozenset[str] = frozenset(
    "say report write publish broadcast air cite quote confirm note add state reveal disclose find "
    "show learn tweet post detail describe indicate explain cite".split()
)

# Words that name a news medium without naming which ("state news agency", "Russian media"): a
# speaker named so reports the statement rather than making it. "agency" alone is left out (an
# energy agency speaks for itself), and so are "news" and "times" alone (the small model's
# sentence fragments).
MEDIA_NOUN_PATTERN = (
    r"\b(?:news\s+agency|press\s+agency|news\s+service|wire\s+service|state\s+media|media|newspapers?|"
    r"broadcasters?|television|tv|radio|tabloids?|magazines?|news\s+outlets?|outlets?|news\s+channels?)\b"
)
# Nouns a news medium is called by once named: "Valley Wire reported ... the agency reported" (a
# wire service), "the paper said". Such a noun is the medium credited before it, which reports words
# rather than speaks (speaker_resolution); "Reuters said that the minister told ..." gives the
# minister's words.
MEDIUM_NOUNS = frozenset("agency newspaper paper broadcaster wire magazine outlet channel station daily".split())
# Words that count people ("60 percent said", "many say", "the majority believe").
SPEAKER_NOUNS |= frozenset("percent majority minority many most half few some one other others all both".split())

# Agent-noun endings of English: -er, -or, -ist, -ian, -man, -ee and -eur name who does
# something (businessman, environmentalist, regulator, speechwriter), so a noun with one of
# them is taken as a person without being listed; the few common words with the ending that
# name no one are excluded. On PolNeAR dev the list alone rejected 40 sources of gold
# attributions, a third of them agent nouns.
AGENT_SUFFIXES: tuple[str, ...] = ("er", "or", "ist", "ian", "man", "woman", "ee", "eur")
NOT_AGENTS: frozenset[str] = frozenset(
    "number matter order border power water factor sector error behavior behaviour favor favour "
    "color colour mirror floor door corner center centre chapter quarter summer winter cancer "
    "barrier disaster danger pressure measure nature future feature culture failure figure "
    "exposure procedure structure temperature".split()
)

MALE_FEMALE_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"it", "they"})

# Opening and closing quotation marks.  Single quotes are left out on purpose: "’" is
# also the apostrophe, and single-quoted words in news are mostly headlines' scare
# quotes or quotes nested inside a double-quoted one.
OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
STRAIGHT_MARK = '"'
