"""Text patterns shared by cleaning and metadata detection: dates, datelines, bylines, keyword lists.

Keyword lists live here, in one place, so that a new outlet's clutter is handled
by adding a phrase, not a rule.  Each list says where its phrases come from.
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?"
DATE_MDY = rf"(?:{WEEKDAY},?\s+)?{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
DATE_DMY = rf"(?:{WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}"
DATE_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
DATE_NUMERIC = rf"(?:{WEEKDAY},?\s+)?\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}"
ANY_DATE = rf"(?:{DATE_MDY}|{DATE_DMY}|{DATE_ISO}|{DATE_NUMERIC})"
ZONE = r"(?:[A-Z]{2,5}T?|GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?|UTC\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2})"
CLOCK = rf"\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*\(?{ZONE}\)?)?"
DATE_PREFIX = r"(?:published|updated|last updated|posted|first published|date|released|modified)(?:\s+on)?"

# A line that is only a date (and time): "May 13, 2025", "Published: July 23, 2025 – 4:50 PM PST".
DATE_LINE = re.compile(
    rf"^\s*(?:(?P<label>{DATE_PREFIX})\s*:?\s*)?(?P<date>{ANY_DATE})"
    rf"(?:\s*(?:at|,|–|—|-|\||/)?\s*(?P<time>{CLOCK}))?\s*(?:\(?(?:updated|edited)[^)]*\)?)?\s*$",
    re.IGNORECASE,
)
# A date label at the start of a line that goes on with the article ("date 2025-07-23 ISTANBUL, ...").
DATE_PREFIX_LINE = re.compile(
    rf"^\s*(?P<label>{DATE_PREFIX})\s*:?\s*(?P<date>{ANY_DATE})(?:\s*(?:at|,|–|—|-|\|)?\s*(?P<time>{CLOCK}))?\s+(?=[A-Z\"“])",
    re.IGNORECASE,
)
# Agency datelines: "ISTANBUL, July 24. /TASS/.", "KYIV, July 23 (Reuters) -", "ISTANBUL (AP) —".
DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){{0,3}})(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?))?"
    rf"(?:,\s*(?P<date>{MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*[.,]?\s*"
    r"(?:/(?P<slash>[A-Za-z][\w\- ]{1,30}?)/|\((?P<paren>[A-Za-z][\w\- ]{1,30}?)\))"
    r"\s*[.,:]?\s*(?:[-–—]{1,2}\s*)?"
)
# A dateline without an agency: "KYIV — ", "ISTANBUL, July 23 — ".
PLAIN_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z]{{3,}}(?:[\s\-][A-Z]{{2,}}){{0,2}})(?:,\s*(?P<date>{MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*[-–—]{{1,2}}\s+(?=[A-Z])"
)
# A dateline closed by a colon, as South Asian papers write them: "QUETTA: ", "ISLAMABAD, July 23: ".
# "UPDATE:", "WATCH:" and "LIVE:" read the same, so a match is a dateline only when its
# place is a known town (``places.is_town``, asked by ``datelines.find_dateline``).
COLON_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z]{{3,}}(?:[\s\-][A-Z]{{2,}}){{0,2}})(?:,\s*(?P<date>{MONTH}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    r"\s*(?P<colon>:)\s+(?=[A-Z0-9\"“‘'])"
)
# "By Jane Roe", "By Jane Roe and John Doe, Reuters"
BYLINE = re.compile(
    r"^\s*(?:by|written by|words by)\s+(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3})*)\s*(?:[,|–—-]\s*(?P<rest>.{0,60}))?$",
    re.IGNORECASE,
)
# "Source: Meduza", "Source: CNN – Headline of the original", "via Meduza".  Without a colon
# the label may open a sentence ("Via the ring road, trucks ..."), so the name is held to 60
# characters; after a colon it is a labelled field, and a publication's full name can be long
# ("... International English Edition for Readers Abroad", 95 characters): SOURCE_NAME_CHARS.
SOURCE_NAME_CHARS = 150
SOURCE_LINE = re.compile(
    r"^\s*(?P<label>source|sources|originally published (?:by|on|in|at)|first published (?:by|on|in)|via|credit)\s*(?P<colon>:)?\s*"
    rf"(?P<name>(?(colon)[^–—|:\n]{{2,{SOURCE_NAME_CHARS}}}?|[^–—|:\n]{{2,60}}?))\s*(?:(?:[–—|]|\s-\s|:)\s*(?P<headline>.+?))?\s*$",
    re.IGNORECASE,
)
# "Source: ...": the label of a header line naming the outlet, whatever follows it.
SOURCE_LABEL = re.compile(r"^\s*sources?\s*:", re.IGNORECASE)
# "Title: Ferries collide in fog": a labelled headline atop a text export, of any length
# (meta.MAX_TITLE_CHARS says how much of it is kept).
TITLE_LINE = re.compile(r"^\s*(?:title|headline)\s*:\s*(?P<title>\S.*?)\s*$", re.IGNORECASE)
# A "Label: value" header line of the kinds metadata detection reads (title,
# date, source, author lines): Markdown joins consecutive lines into one
# paragraph, so markup.py keeps these on lines of their own.
HEADER_LABEL_LINE = re.compile(
    rf"^\s*(?:title|headline|{DATE_PREFIX}|source|sources|via|credit|author|authors|written by|posted by|byline|by|"
    r"(?:original |source |canonical )?url|link|canonical)\s*:",
    re.IGNORECASE,
)
# "Author: Ana Ruiz", "By: Ana Ruiz and Tom Brel": a labelled author line atop a text export
# (the colon tells it from a sentence; without a date, which AUTHOR_DATE reads).
AUTHOR_LINE = re.compile(
    r"^\s*(?:author|authors|written by|posted by|byline|by)\s*:\s*(?P<name>[^\d\n:]{2,100}?)\s*$", re.IGNORECASE
)
# "URL: https://example.org/story": the article's address, labelled, atop a text export.
URL_LINE = re.compile(
    r"^\s*(?:url|link|original url|source url|canonical url|canonical)\s*:\s*<?(?P<url>https?://[^\s<>]+?)>?\s*$",
    re.IGNORECASE,
)
# Author boxes glue name and date: "AuthorJane RoeMay 13, 2025 at 1:43 PM".
AUTHOR_DATE = re.compile(
    rf"^\s*(?:author|written by|posted by|by)\s*:?\s*(?P<name>[^\d\n]{{2,60}}?)\s*,?\s*(?P<date>{ANY_DATE})"
    rf"(?:\s*(?:at|,|–|-)?\s*(?P<time>{CLOCK}))?\s*$",
    re.IGNORECASE,
)

# Closing brackets end headings such as "Talks (May 2025)"; they only end a
# sentence when a sentence mark precedes them.
QUOTE_CLOSERS = '"”’»\''

# --- keyword lists -----------------------------------------------------------
# Whole lines that are page navigation.  Collected from saved pages of the
# outlets in outlets.yaml (header, breadcrumb and pager text).
NAVIGATION_LINES = frozenset(
    """
    skip to main content|skip to content|skip to navigation|skip to main navigation|jump to content|jump to navigation
    main menu|menu|open menu|close menu|toggle navigation|navigation|search|search this site|home|homepage|home page
    sign in|log in|login|log out|register|my account|back to top|top of page|next|previous|next article
    previous article|next story|previous story|you are here|breadcrumb|advertisement|advertising|ad|sponsored
    sponsored content|loading|loading…|loading...|show more|load more|more|view more|all news|latest|top stories
    trending|trending now|accept cookies|accept all cookies|cookie settings|manage cookies|cookie policy
    privacy policy|terms of use|terms of service|contact us|about us|editions|edition|select language|language
    english|live tv|watch live|listen live|breaking news|just in|close|back|continue reading|read full article
    read the full article|expand|collapse|full screen|fullscreen|play|pause|mute|unmute
    """.replace("\n", "|").split("|")
) - {""}
NAVIGATION_LINES = frozenset(s.strip() for s in NAVIGATION_LINES if s.strip())
# Section names that stand alone on a line in page headers ("news", "Agenda").
SECTION_WORDS = frozenset(
    """
    news|world|world news|politics|business|economy|opinion|opinions|sport|sports|culture|science|tech|technology
    health|europe|asia|africa|americas|middle east|russia|ukraine|turkey|türkiye|uk|us|u.s.|video|videos|live
    analysis|features|feature|agenda|article|articles|explainer|explainers|investigations|podcast|podcasts
    newsletters|newsletter|in depth|photos|gallery|magazine|lifestyle|travel|entertainment|markets|climate
    environment|society|local|national|international|global|war|war in ukraine|latest news|top news|news feed
    timeline|encyclopedia|dossier|special report|exclusive|interview|commentary|editorial|column|blog|blogs
    """.replace("\n", "|").split("|")
)
SECTION_WORDS = frozenset(s.strip() for s in SECTION_WORDS if s.strip())
# Site widgets: phrases that label buttons and boxes, matched against short lines.
WIDGET_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bicon\b",
        r"\brecently (added|updated|viewed)\b",
        r"^tags?\s*:?$",
        r"^tags?\s*:",
        r"^topics?\s*:",
        r"^(related )?keywords?\s*:",
        r"^share( this( article| story| page)?)?( on \w+)?\s*:?$",
        r"^(copy|copied) link$",
        r"^print( this( article| page))?$",
        r"^e-?mail( this( article| story))?$",
        r"^(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email|vk|pinterest|flipboard|threads|bluesky)"
        r"(\s*[|·,/]?\s*(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email|vk|pinterest|flipboard|threads|bluesky))*$",
        r"^follow( us)?( on \w+( and \w+)?)?\s*:?$",
        r"^subscribe( now| today| here)?[.!]?$",
        r"^sign up( now| here)?[.!]?$",
        r"^(listen to|hear) this (article|story)",
        r"^\d+\s*min(ute)?s? read$",
        r"^reading time",
        r"^ask (to |the |an? )?[\w\s'’]{1,30}$",  # "Ask to <site>" chat-bot widgets
        r"^(add to|save to) (favou?rites|bookmarks|reading list)$",
        r"^(bookmark|save|save article|gift( this)? article)$",
        r"^(report an error|feedback|send feedback|suggest an edit|edit this (article|page))$",
        r"^(download|get) (the )?(pdf|app)$",
        r"^open in (the )?app$",
        r"^font size",
        r"^(view|see) (all|more)$",
        r"\b(image|photo|video|gallery)$",  # alt text left where an image was: "<headline> image"
        r"^(badge|logo)\b",
        r"^(enlarge|zoom)( image)?$",
        r"^click (here|to)",
        r"^(\d+ )?(photos?|images?|videos?)$",
    )
)
# Icon alt text is often glued to the next label ("Broadcast IconRecently Added:"),
# so it is matched case-sensitively on the raw line, not on word boundaries.
GLUED_ICON = re.compile(r"[Ii]con(?![a-z])")
# A line ending in one of these words leads into the next line (a quote or a
# list), so it is not a heading: "..., stated that" / "Russian sources say".
CONTINUATION_WORDS = frozenset(
    "that say says said state states stated tell tells told add adds added note notes noted write writes wrote "
    "warn warns warned insist insists insisted include includes including and or but of to the a an as with by "
    "for in on from at than is are was were be been".split()
)
# Comment and discussion boxes.
COMMENT_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(\d+\s+)?comments?\s*(\(\d+\))?$",
        r"^discussions?$",
        r"^(leave|add|post|write) a (comment|reply)",
        r"^join the (conversation|discussion|debate)",
        r"^no (comments|discussions?)( added)?( yet)?\.?$",
        r"^be the first to (comment|start)",
        r"^start (a |the )?discussion\b",
        r"^(view|show|hide|load|see) (all |more )?(comments|discussions|replies)",
        r"^comment on this (article|story)",
        r"^what do you think\??$",
        r"^have your say",
        r"^(reply|replies|like|report)$",
    )
)
# Author boxes under the article.
AUTHOR_BOX_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(author|authors|editor|contributor)s?( information| info| details| profile)?\s*:?$",
        r"^about the (author|authors|writer|reporter)s?\s*:?$",
        r"^avatar$",
        r"^(more|read more|all articles|other articles) (from|by) (this|the) author",
        r"^(reviewed|edited|fact-checked) by\s+[A-Z]",
    )
)
# Machine-translation notices.
TRANSLATION_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(automatically|machine|auto)[- ]translated\b",
        r"\btranslated (automatically|by machine|with|using) ",
        r"\bthis (article|page|text|story|content) (was|has been|is|may have been) translated\b",
        r"\btranslated from the original\b",
        r"^(view|show|see) (the )?original( (text|article|version|language))?$",
        r"\bthis (article|page) is (also )?available in\b",
    )
)
# Corrections and editors' notes: the outlet speaking about its own article, not reporting.
# Their wording repeats the value that was wrong ("An earlier version said the talks lasted two
# hours"), and a parse reads the label as a speaker ("Correction ... said"). The label needs its
# colon or dash ("Correction officers said" is news); wires put the note in parentheses
# ("(Corrects spelling of name in paragraph 4)").
CORRECTION_NOTE = re.compile(
    r"^\(?\s*(?:"
    r"(?:corrections?|clarifications?|retractions?|editor['’]?s['’]? notes?|note to (?:readers|our readers))"
    r"(?:\s*\([^)]{0,40}\)|\s*,[^:\n]{0,30})?\s*(?::|[—–]|-\s)"
    r"|(?:updated?\s*(?::|[—–]|-\s)\s*)?(?:this|the) (?:article|story|report|post|piece|page|headline) "
    r"(?:has been|was|had been|is being) (?:updated|corrected|amended|revised|edited|changed)\b"
    r"|an? (?:earlier|previous) version of this (?:article|story|report|post|piece)\b"
    r")"
    r"|^\(\s*(?:corrects|clarifies|updates|adds|fixes)\b",
    re.IGNORECASE,
)


def is_correction_note(text: str) -> bool:
    """A correction or editor's note, from the start of a paragraph or sentence."""
    return CORRECTION_NOTE.match(text.lstrip()) is not None


# Donation and subscription appeals and an outlet's promotion of itself.
# Strong cues are imperatives aimed at the reader; weak cues need company.
APPEAL_STRONG = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bdonate( today| now| here| to us| monthly|\.|$)",
        r"\bsupport (our|independent|quality|free) (journalism|reporting|newsroom|work)",
        r"\bsupport us\b",
        r"\bbecome a (member|subscriber|supporter|patron|donor)\b",
        r"\bmake a (one-time |monthly )?(donation|contribution)\b",
        r"\bsubscribe (now|today|to (our|the) (newsletter|channel|podcast))\b",
        r"\bsign up for (our|the|a free) (daily |weekly )?newsletter",
        r"\bjoin [A-Z][\w.]*( [A-Z][\w.]*)? in (its|our|their) mission\b",
        r"\b(we|journalism) (need|rel(y|ies) on) (your|readers'?) (support|help|donations)\b",
        r"\byour (donation|contribution|support) (helps|allows|keeps|makes)\b",
        r"\breader-(supported|funded)\b",
        r"\bchip in\b",
    )
)
APPEAL_WEAK = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bwe\b|\bour\b|\bus\b",
        r"\b(censorship|independent journalism|newsroom|paywall|readers)\b",
        r"\b(has|have) (condemned|opposed)\b.*\bfrom the (very )?start\b",
        r"\bcommitted to (reporting|journalism|bringing)\b",
    )
)
# Headings of "read more" link blocks.
READ_MORE_HEADING = re.compile(
    r"^(read|explore|see|discover|watch|listen|find out) (more|also)\b.*|^(also read|read next|up next|related|"
    r"related (articles|stories|coverage|content|news|posts|reading|topics)|more (on|about) this( story| topic)?|"
    r"more (from|stories|news)( \w+){0,3}|recommended( for you)?|you (may|might) (also )?like|most (read|popular|viewed)|"
    r"what to read next|further reading|editor'?s picks|popular( now)?|latest (news|stories|articles))\s*:?$",
    re.IGNORECASE,
)
# An inline read-more link: "Read more: <headline>", "READ MORE: ..."
READ_MORE_INLINE = re.compile(r"^(read|see|watch) (more|also)\s*:\s*\S", re.IGNORECASE)
CONTENTS_HEADING = re.compile(
    r"^(table of )?contents|in this (article|story|page)|on this page|jump to|sections?|outline\s*:?$", re.IGNORECASE
)
PHOTO_CREDIT = re.compile(
    r"^(?:(photo|image|picture|photograph|video|credit|illustration)s?( credit)?\s*:\s*.{2,120}|"
    r"(?:\(?photo by .{2,80}\)?)|"
    r"[\w.'’\- ]{2,40}(?:\s/\s[\w.'’&\- ]{2,40}){1,5}|"
    r".{0,80}\b(getty images|afp via getty images|shutterstock|ap photo|reuters/[\w ]+|epa-efe|anadolu( agency)? via getty images)\b.{0,40})$",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*(?:[-–—•·*▪●◦‣]|\d{1,2}[.)])\s+")
LONE_BULLET = re.compile(r"^\s*[-–—•·*▪●◦‣]\s*$")
CREDIT_LINE = re.compile(
    r"^\s*\(?(reporting|additional reporting|writing|editing|compiled|translated|produced) by\b.{2,200}$", re.IGNORECASE
)
RELATIVE_TIME_LINE = re.compile(r"^\s*(updated\s+)?\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\s*$", re.IGNORECASE)


def words(text: str) -> list[str]:
    """Whitespace-separated words."""
    return text.split()


def ends_sentence(text: str) -> bool:
    """True when a line ends like a sentence (final mark, or a closing quote)."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in ".!?;:…" or stripped[-1] in QUOTE_CLOSERS:
        return True
    if stripped[-1] in ")]" and len(stripped) > 1 and stripped[-2] in ".!?":
        return True
    return False


def is_title_case_question(text: str) -> bool:
    """A question written like a headline: "What Is the Background to the Talks?"."""
    if not text.rstrip().endswith("?"):
        return False
    long_words = [w for w in words(text) if len(w.strip("?,'’\"")) >= 4]
    if len(long_words) < 2:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.6


# What a masthead reads like: a few capitalised words ending in what outlets call
# themselves ("Corvan News Agency", "The Harbour Gazette").  Words that end
# headlines more often than outlet names ("Report", "Review", "Star") are left
# out; headlines that still match ("Storm Brings Hard Times") are told apart by
# where the line stands (``meta.is_masthead``).
MASTHEAD = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'’&.-]*\s+){0,3}"
    r"(?:News(?:\s+Agency)?|Agency|Times|Post|Herald|Gazette|Wire|Tribune|Journal|Press|Courier|"
    r"Chronicle|Telegraph|Observer|Dispatch|Ledger|Bulletin|Daily)$"
)


def is_heading_like(text: str) -> bool:
    """A short line that does not end like a sentence (or a headline-style question)."""
    count = len(words(text))
    if count == 0 or count > 25 or len(text) > 200:
        return False
    if is_title_case_question(text):
        return True
    last = text.rstrip().split()[-1].casefold().strip("'’\"“”")
    if last in CONTINUATION_WORDS or text.lstrip()[:1].islower():
        return False
    return not ends_sentence(text) and not text.rstrip().endswith(",")


def is_paragraph_like(text: str) -> bool:
    """A line of running text: ends like a sentence or is long."""
    count = len(words(text))
    return count >= 25 or (ends_sentence(text) and count >= 4 and not is_title_case_question(text))


# A site menu or breadcrumb trail: three or more short labels joined by the
# separators menus use ("Home | World | Business", "News > Regions > City").
# Real sentences rarely hold two pipes or chevrons between short fragments.
MENU_LINE = re.compile(r"^\s*(?:you are here:\s*)?[^|•·>»\n]{1,32}(?:\s*[|•·>»]\s*[^|•·>»\n]{1,32}){2,}\s*$", re.IGNORECASE)
