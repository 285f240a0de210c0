# The extraction recipe, stored with each analysis (``store.db``): articles analysed by an older
# recipe lack what later ones extract, and ``synopsis reanalyze`` brings them up to date.  /2 adds
# claim frames (``Claim.frame``), speaker kinds (outlets and documents are no voices) and towns
# the tagger took for people read as places.  /3 gives each co-speaker ("officials and President
# X said") a quote of its own, marks what a passive says with no one named ("it was agreed
# that ...") as the outlet's own reporting, drops ordinary words a sentence capitalised ("Calm
# returned ..."), reads organisations and streets tagged as people ("Press Syndicate", "Place
# Bellecour") as such, reads every comparative as a bound ("larger than 15 percent" is more than
# 15, not exactly 15) and no longer takes a four-digit count for a year ("about 2000 people a day").
# /4 stores a duration written in parts ("one hour and 45 minutes") as one quantity and one time
# expression (105 minutes, PT1H45M) spanning both parts; nothing after extraction joins them
# any more, so analyses stored by /3 need ``synopsis reanalyze`` to compare them whole.  It also
# counts "there's 2000 people" (a contraction of "is", not a possessive before a year), credits a
# claim over a joint statement to every speaker (``Claim.co_speakers``), reads "they" after one as
# all of its speakers, gives an agentless passive said "on behalf of X" to X, reads "today" in an
# entry from the date of its passage (``times_sections``), gives "18:00 local time" the offset of
# the place named before it (``times_local``), keeps a sentence whose verb the parser hung on its
# subject after an aside, splits a personal name the tagger ran into an organisation ("the
# National Guard [Viktor Zolotov]") off as a person, gives each title in a list of people the name
# written after it, and reads a title on through "at" to the body its unit belongs to ("Director
# of the Second Department at the Ministry of Foreign Affairs X").
# /5 records the noun phrase a date in a noun's modifier dates ("the agreement reached during
# the June 2 talks": ``TimeRef.noun_phrase_start``/``_end``, ``times_attachment``), reads a name
# after a whole title as a person ("Deputy Head of the SBU Oleksandr Poklad"), joins an outlet's
# name the tagger cut in two ("PBS" + "NewsHour"), resolves "the delegation" / "the ministry" to
# the earlier mention that says which one (``descriptions``), never reads a lone "it" after a list
# as the list, keeps a heading line out of a quote's speaker, gives a quotation its introducing
# line ("X said on Telegram:"), and keeps the country written with a body ("UK's Ministry of
# Defence") in the speaker.  Stored /4 analyses keep their old timeline and speakers until
# ``synopsis reanalyze``; ingest also keeps a dateline's date (``Article.dateline_date``) since.
# /6 gives a clock time of a past event the day before publication when it is still to come on
# the publication day ("around 11 p.m." in a morning report), reads "In 2000 people" as a count,
# extracts match minutes ("in the 78th minute", "eight minutes from time"), counts a crowd's
# people ("a crowd of 24,000"), gives no predicate to a number after a route preposition, keeps a
# name's "al-"/"el-" particle and the first names the tagger dropped after a title, cuts a score
# off a club's name, tags venues as places, splits "X in <Town>", and reads attributions it
# missed ("according to senior superintendent of police X", "..., rescue officials said"),
# never a dateline ("QUETTA:") as a speaker.
# /7 never takes a word inside a quotation for its speaker, gives a quoted fragment inside reported
# speech to the reporting verb's speaker, reads "found him guilty" as no reported speech, keeps an
# organisation's name whole across an inner "and" ("Integrity and Anti-Corruption Commission"),
# and reads "the 141-member Seimas" as a body, not a person titled "member"; a title keeps every
# noun of its office's compound ("former port operations director") and a town the tagger took
# for a person ("Former Zarqa mayor X", the town now a place); a body's name across "and" is one
# name and one speaker ("The Ethics and Anti-Corruption Commission said"), and "the judge" is
# nobody the article gives another role (not the prosecutor who spoke last); "according to X" at
# the end of someone's statement credits X with the clause it follows, not the statement; a number
# in digits the tagger ran into a name ("fined [Kamau 5 million] shillings") is read as a count.
# Before /9 a date in an inner clause ("ready to talk tomorrow") dated every number of its
# sentence: time references now record their clause (``TimeRef.clause_start``/``clause_end``).
# Before /10 clubs and brands written as a body ("Aston Villa have signed") were people, "a
# handful" and "a dozen" were no counts, and a date inside a quotation was read from the
# article's date instead of the day the words were said (``times_quoted``).
# Before /11 "the bank" could resolve to a person whose title named a bank, reported speech ran
# across a semicolon, an indirect question ("explained what was happening") was a statement, a
# lone surname after "Governor" or "Dr" was no person, vote splits ("seven to two") were no
# values, and a number word the tagger called a DATE ("Forty passengers") was no count.
# Before /12 a date in a modifier of a noun other than the subject ("a meeting that began on
# Tuesday") dated the whole sentence, a reported clause the parser took for an object ("argued that
# growth left room") and exclamatives ("told him how proud she was") were no speech, a conditional
# "if" was cut from what was said, splits told by sides ("nine in favour and four against") were no
# votes, "over six months" after a change was a lower bound, counts on board were "flown", and
# "three days later" could count from a date the text denies ("not March 2"), and "hurt" or
# "injured" right after a number was its counted noun ("at least 20 hurt" read as killed), and a
# speed written out ("80 kilometres per hour") was a distance, and a claim's agent inside a longer
# name ("Turkish President Recep Tayyip Erdogan called") had no entity, and a spelled number before
# "dead" or "injured" ("a toll of two dead") was no count.
# Before /13 a weekday in a clause of time after a past verb of another clause ("will discuss aid
# for farmers who lost livestock when it meets on Thursday") was the past one, and "that week"
# (or "two weeks later") after a date of a month ("in April 2025") was counted from its first day.
# Before /14 a length told by its article alone ("will spend a decade behind bars", "sentenced to
# a year") was no quantity, and acres ("11,900 acres of forest") were a count, not an area.
# Before /15 a name right after a job title the tagger missed ("Chief Fire Officer Renata Olsk")
# was no person, "Quarry Hill", "Mill Lane" and a sentence's "Schools" were people, a company's
# first word alone ("Haldor") was no organisation, a statement inside another's ("prosecutors told
# the court he claimed ...", "once the service confirmed ...") or in a clause of condition ("until
# the service says ...") was its subject's, "the agency" after a wire's credit was a voice, a list's
# second witness's words went to the first, "which analysts say will mean ..." took the words
# before it, and "power company Northgrid ... the company said" was no one named.
# Before /16 an office word inside a place's name ("the General Bus Stand") made a person of the words after it.
# Raise it whenever extraction changes what it stores.
EXTRACTION_METHOD = "synopsis.extract/16"
