"""Generate a realistic synthetic news archive for scale tests, as JSON Lines.

Usage:  python bench/synth.py OUT_DIR --articles N --events M [--seed-dir DIR] [--seed S]

Many events, many outlets per event, look-alike events (further rounds of the
same talks with the same delegations and place, the same kind of disaster in
another place, the same player signing again a year later) and varied dates.
Each article is written from templates: a headline, a lead that states what,
where and when, body sentences with the event's people and numbers, and
background paragraphs composed from parts (no sentence twice in an article, so
the cleaner keeps them), to about 500 words.  With ``--seed-dir`` (a folder of
news texts or ECB+-style JSON) background sentences are recombined from those
files instead, for more varied prose.  Every record carries its gold ``event``
id so clustering can be scored on it.  Names are invented from syllables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SYLLABLES = ["ar", "ven", "dra", "kel", "tor", "mis", "lan", "bor", "eth", "quin", "sal", "vor", "pel", "rin", "do", "ka", "mer", "tas", "lio", "gar", "nes", "ul", "bre", "fen"]
OUTLET_WORDS = ["Courier", "Herald", "Wire", "Post", "Ledger", "Observer", "Gazette", "Times", "Dispatch", "Monitor", "Tribune", "Chronicle"]

KINDS = {
    "talks": {
        "titles": ["{round} round of {a}-{b} talks ends in {place}", "{a} and {b} agree to swap {n} prisoners in {place}", "{place} talks: {a}, {b} trade prisoners but no ceasefire", "Envoys of {a} and {b} meet in {place} for {round_l} round"],
        "leads": [
            "Delegations from {a} and {b} met in {place} on {date} for a {round_l} round of direct talks, agreeing to exchange {n} prisoners of war.",
            "{a} and {b} held their {round_l} peace talks in {place} on {weekday} afternoon and agreed to swap {n} prisoners of war.",
            "Envoys of {a} and {b} met in {place} on {date}, agreeing to exchange {n} prisoners of war but not a ceasefire.",
        ],
        "body": [
            "{person}, who led the {a} delegation, said the meeting lasted {minutes} minutes.",
            "{person2} of {b} told reporters that a ceasefire was not on the table.",
            "The talks in {place} were hosted by the foreign ministry of {host}.",
            "Both sides said {n} prisoners would be exchanged in the coming weeks.",
            "Observers from {host} described the atmosphere in {place} as tense but businesslike.",
        ],
    },
    "quake": {
        "titles": ["Magnitude {mag} earthquake strikes near {place}", "{n} dead after quake hits {place}", "Rescuers search rubble after {place} earthquake", "Earthquake in {region}: {n} killed near {place}"],
        "leads": [
            "A magnitude {mag} earthquake struck near {place} in {region} on {date}, killing at least {n} people and damaging {m} buildings.",
            "At least {n} people were killed when a magnitude {mag} quake hit {place} in {region} early on {weekday} morning, damaging {m} buildings.",
        ],
        "body": [
            "{person}, the regional governor, said rescue teams were still searching collapsed homes in {place}.",
            "The quake was centred {km} kilometres from {place} at a depth of {depth} kilometres, said {person2} of the national seismic service.",
            "Hospitals in {region} treated more than {m} injured people.",
            "Aftershocks were felt across {region} through the night.",
            "Aid agencies said {m} families in {place} needed shelter.",
        ],
    },
    "signing": {
        "titles": ["{person} signs for {club}", "{club} complete signing of {person}", "{person} joins {club} on {years}-year deal", "{club} land {person} for {fee} million"],
        "leads": [
            "{club} signed {person} from {club2} on {date} on a {years}-year contract worth a reported {fee} million.",
            "{person} joined {club} from {club2} on {weekday} on a {years}-year deal worth a reported {fee} million.",
        ],
        "body": [
            "{person2}, the {club} manager, said {person} would strengthen the attack.",
            "{person} scored {goals} goals for {club2} last season.",
            "The fee of {fee} million makes {person} the most expensive signing in {club} history.",
            "Supporters gathered outside the {club} stadium in {place} to greet the new arrival.",
            "{club2} said the money would be reinvested in the squad.",
        ],
    },
    "fire": {
        "titles": ["Fire destroys {what} in {place}", "{n} hurt as blaze engulfs {place} {what}", "Firefighters battle {what} fire in {place}", "{place} {what} fire under control after {hours} hours"],
        "leads": [
            "A fire destroyed a {what} in {place} on {date}, injuring {n} people and forcing the evacuation of {m} residents.",
            "{n} people were hurt when fire swept through a {what} in {place} on {weekday} evening, forcing {m} residents from their homes.",
        ],
        "body": [
            "{person}, the chief fire officer, said {trucks} engines were sent to the scene.",
            "The blaze in {place} burned for {hours} hours before it was brought under control.",
            "{person2}, who lives nearby, said the smoke could be seen across {region}.",
            "Police in {region} said the cause of the fire in {place} was under investigation.",
            "The owner of the {what} said {m} jobs were at risk.",
        ],
    },
}
# Background prose is composed from parts, so an article of 500 words never
# repeats a sentence: repeated lines are page clutter to the cleaner, which
# would cut an article padded with a dozen fixed sentences to under 100 words.
SPEAKERS = [
    "Analysts", "Local officials", "A spokesperson for the {org}", "{person}, a researcher at the {org},", "Residents of {town}",
    "Opposition lawmakers", "Economists at the {org}", "Aid workers in {town}", "Diplomats in {town}", "A senior official who asked not to be named",
    "{person}, who heads the {org},", "Union representatives", "Business owners in {town}", "{person}, a former minister,",
]  # fmt: skip
VERBS = ["said", "warned", "noted", "argued", "told reporters", "wrote in a statement", "said in an interview", "suggested", "acknowledged"]
CLAUSES = [
    "that the response had been slower than promised",
    "that {n} similar cases had been recorded since {year}",
    "that the budget for emergency services had been cut by {pct} percent last year",
    "that the decision would be reviewed within {weeks} weeks",
    "that more than {n} households in {town} were still waiting for compensation",
    "that the regulator had raised the same concerns in {year}",
    "that public confidence in the institutions had fallen to its lowest level in a decade",
    "that the cost could reach {n} million over the next {weeks} months",
    "that investors were watching the situation closely",
    "that the figures published so far were incomplete",
    "that the authorities in {town} had ignored earlier warnings",
    "that neighbouring countries had offered help",
    "that the insurance claims would take months to settle",
    "that a parliamentary committee would hold hearings on the matter",
    "that the same mistakes had been made during the crisis of {year}",
    "that schools in {town} would remain closed for {days} days",
    "that transport links to {town} had been partly restored",
    "that volunteers from {town} had arrived to help",
    "that an independent audit had been commissioned",
    "that the timing of the announcement was politically motivated",
]
TAILS = ["", "", " on Thursday", " earlier this month", " last week", " on Monday evening", " this year"]
ASIDES = [
    "The {org} has faced criticism over its handling of earlier incidents.",
    "Figures from the {org} show {n} comparable events in the past {days} years.",
    "In {year}, a similar episode in {town} led to the resignation of two officials.",
    "The {org} declined to comment further.",
    "A report by the {org} is expected within {weeks} weeks.",
    "Roads into {town} were closed for several hours.",
    "The story dominated the front pages of newspapers in {town}.",
    "Traffic in central {town} was diverted while officials inspected the area.",
]
ORG_WORDS = ["Institute", "Council", "Agency", "Foundation", "Authority", "Association", "Commission", "Centre"]
ROUNDS = ["first", "second", "third", "fourth", "fifth", "sixth"]


def make_name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_person(rng: random.Random) -> str:
    return f"{make_name(rng)} {make_name(rng, 3)}"


@dataclass
class Event:
    id: str
    kind: str
    day: dt.date
    slots: dict = field(default_factory=dict)


def make_events(count: int, rng: random.Random, start: dt.date, span_days: int) -> list[Event]:
    """Events in families of look-alikes: same kind and cast, another date or place."""
    events: list[Event] = []
    while len(events) < count:
        kind = rng.choice(sorted(KINDS))
        base = {
            "a": make_name(rng), "b": make_name(rng), "host": make_name(rng), "place": make_name(rng) + " " + rng.choice(["", "City", "Port", "Bay"]),
            "region": make_name(rng, 3), "person": make_person(rng), "person2": make_person(rng), "club": make_name(rng) + " United",
            "club2": make_name(rng) + " FC", "what": rng.choice(["warehouse", "factory", "market", "hotel", "depot"]),
        }  # fmt: skip
        base["place"] = base["place"].strip()
        day = start + dt.timedelta(days=rng.randrange(span_days))
        family = rng.choice([1, 1, 2, 3])
        for member in range(family):
            slots = dict(base)
            if kind == "talks":
                slots["round"] = ROUNDS[member + 1].capitalize()
                slots["round_l"] = ROUNDS[member + 1]
                when = day + dt.timedelta(days=member * rng.randrange(20, 60))
            elif kind == "signing":
                slots["club"], slots["club2"] = (make_name(rng) + " United", base["club"]) if member else (base["club"], base["club2"])
                when = day + dt.timedelta(days=member * 365)
            else:
                if member:  # the same kind of disaster elsewhere, weeks later
                    slots["place"], slots["region"] = make_name(rng), make_name(rng, 3)
                    slots["person"], slots["person2"] = make_person(rng), make_person(rng)
                when = day + dt.timedelta(days=member * rng.randrange(7, 90))
            slots.update(
                n=rng.randrange(12, 1500), m=rng.randrange(20, 900), mag=f"{rng.uniform(5.0, 7.8):.1f}", km=rng.randrange(5, 80),
                depth=rng.randrange(5, 40), minutes=rng.randrange(30, 180), years=rng.randrange(2, 6), fee=rng.randrange(5, 90),
                goals=rng.randrange(3, 30), hours=rng.randrange(2, 20), trucks=rng.randrange(4, 40),
            )  # fmt: skip
            events.append(Event(id=f"ev{len(events):06d}", kind=kind, day=when, slots=slots))
            if len(events) == count:
                break
    return events


def read_seed_sentences(folder: Path, limit: int = 20000) -> list[str]:
    """Sentences of the seed folder's texts (plain text or JSON with a text field)."""
    sentences: list[str] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in (".txt", ".json"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".json":
            try:
                text = json.loads(text).get("text") or ""
            except (json.JSONDecodeError, AttributeError):
                continue
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if 40 <= len(s) <= 300]
        if len(sentences) >= limit:
            break
    return sentences


def background_sentence(rng: random.Random) -> str:
    """One sentence of generic news prose with invented names and numbers."""
    slots = {
        "org": f"{make_name(rng)} {rng.choice(ORG_WORDS)}", "person": make_person(rng), "town": make_name(rng),
        "n": rng.randrange(3, 900), "year": rng.randrange(1995, 2021), "pct": rng.randrange(3, 40),
        "weeks": rng.randrange(2, 12), "days": rng.randrange(2, 30),
    }  # fmt: skip
    if rng.random() < 0.25:
        return rng.choice(ASIDES).format(**slots)
    speaker = rng.choice(SPEAKERS).format(**slots)
    return f"{speaker} {rng.choice(VERBS)}{rng.choice(TAILS)} {rng.choice(CLAUSES).format(**slots)}."


def write_article(event: Event, outlet: str, rng: random.Random, background: list[str] | None, words: int) -> dict:
    """One article about event by outlet: headline, lead, body, background to about `words` words.

    Background comes from ``background`` (seed sentences) or is composed; no
    sentence appears twice in one article.
    """
    kind = KINDS[event.kind]
    slots = dict(event.slots, date=f"{event.day.day} {event.day:%B %Y}", weekday=f"{event.day:%A}")
    # Leads date the event as outlets do: a calendar date, or only a weekday and part of day
    # ("on Tuesday afternoon", read against publication); talks are numbered in several
    # wordings or not at all.
    lead = rng.choice(kind["leads"]).format(**slots)
    body = [s.format(**slots) for s in rng.sample(kind["body"], k=len(kind["body"]))]
    paragraphs = [lead, " ".join(body[:2])]
    count = sum(len(p.split()) for p in paragraphs)
    rest = body[2:]
    used: set[str] = set()
    while count < words:
        if rest and rng.random() < 0.3:
            paragraph = [rest.pop()]
        else:
            paragraph = []
            sentences = rng.randrange(2, 4)
            while len(paragraph) < sentences:
                sentence = rng.choice(background) if background else background_sentence(rng)
                # A seed folder smaller than the article may have to repeat itself.
                if sentence not in used or (background and len(used) >= len(background)):
                    used.add(sentence)
                    paragraph.append(sentence)
        paragraphs.append(" ".join(paragraph))
        count += len(paragraphs[-1].split())
    published = dt.datetime.combine(event.day, dt.time(rng.randrange(6, 23), rng.randrange(60))) + dt.timedelta(
        days=rng.choice([0, 0, 0, 1, 1, 2])
    )
    return {
        "title": rng.choice(kind["titles"]).format(**slots),
        "text": "\n\n".join(paragraphs),
        "outlet": outlet,
        "published": published.isoformat(timespec="minutes") + "+00:00",
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{event.id}/{rng.randrange(10**6)}",
        "event": event.id,
    }


def generate(out_dir: Path, articles: int, events: int, seed: int = 0, seed_dir: Path | None = None, words: int = 500) -> list[Path]:
    """Write the archive as JSONL files of up to 1,000 articles; return their paths."""
    rng = random.Random(seed)
    # Distinct sentences only: write_article draws until it has enough different ones.
    background = list(dict.fromkeys(read_seed_sentences(seed_dir))) if seed_dir else None
    if seed_dir and not background:
        raise SystemExit(f"no sentences found under {seed_dir}")
    outlets = [f"{make_name(rng)} {rng.choice(OUTLET_WORDS)}" for _ in range(max(8, events // 4))]
    made = make_events(events, rng, dt.date(2022, 1, 1), 3 * 365)
    # Skewed coverage: a few big stories, many small ones, as in real news.
    weights = [1.0 / (1 + (i % 50)) ** 0.7 for i in range(len(made))]
    chosen = rng.choices(made, weights=weights, k=articles)
    for i, event in enumerate(made[: min(articles, len(made))]):
        chosen[i] = event  # every event gets at least one article
    chosen.sort(key=lambda e: e.day)  # an archive arrives roughly in time order
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for begin in range(0, articles, 1000):
        path = out_dir / f"archive-{begin // 1000:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for event in chosen[begin : begin + 1000]:
                out.write(json.dumps(write_article(event, rng.choice(outlets), rng, background, words), ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--seed-dir", type=Path, default=None, help="recombine background sentences from these texts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=500, help="approximate words per article")
    args = parser.parse_args(argv)
    paths = generate(args.out_dir, args.articles, args.events, args.seed, args.seed_dir, args.words)
    print(f"wrote {args.articles} articles about {args.events} events to {len(paths)} files in {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
