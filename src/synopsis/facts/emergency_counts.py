"""Counts of an unfolding emergency that outlets tell with different verbs.

The resources put to work on it: "300 firefighters and four aircraft were working on the fire
line", "six aircraft are fighting the fire", "six aircraft are now deployed" count one thing, the
crews and machines committed to the operation, whichever verb each outlet picked. And the people
driven from their homes: "forced 1,200 people to leave their homes" is the count others give as
"1,200 evacuated". Keyed by the verb alone, each outlet's figure would be a slot of its own and
never compared with the others; each is one running count, which grows as the operation does
(``compare.running_counts``).
"""

from __future__ import annotations

import re

# What happened to resources committed to an operation: one predicate class for all the verbs below.
DEPLOY = "deploy"

# Who and what is sent to an emergency and counted as it is committed: crews, aircraft, vehicles.
# People counted for other reasons (workers of a plant, residents, victims) are not in it: "300
# workers work at the plant" is no deployment.
RESPONDER_NOUNS = frozenset({
    "firefighter", "fireman", "crew", "team", "unit", "troop", "soldier", "rescuer", "responder",
    "paramedic", "medic", "police", "officer", "policeman", "personnel", "volunteer", "lifeguard",
    "aircraft", "plane", "airplane", "helicopter", "chopper", "bomber", "tanker", "drone", "jet",
    "engine", "truck", "vehicle", "ambulance", "boat", "ship", "vessel", "bulldozer",
})

# Verbs that say counted responders are at work on the operation. With a responder counted they are
# near-synonyms ("deployed", "fighting the fire", "working on the fire line", "battling the blaze",
# "sent to the scene"), the count of what the operation has; with anything else counted they keep
# their own meaning.
DEPLOYMENT_VERBS = frozenset({
    "deploy", "fight", "battle", "tackle", "combat", "work", "send", "dispatch", "mobilise", "mobilize",
    "commit", "station", "involve", "scramble", "search", "assign",
})

# People "forced" from their homes were evacuated or displaced: "forced 1,200 people to leave their
# homes", "the number of people forced from their homes". Forced to do anything else is no evacuation.
EVACUATE = "evacuate"
_FORCED_FROM_HOMES = re.compile(
    r"\bforc(?:e|es|ed|ing)\b[^.;]{0,60}?\b(?:to\s+(?:leave|flee|abandon|quit)|from|out\s+of)\s+"
    r"(?:their|his|her|its|the)\s+(?:homes?|houses?|villages?|towns?|neighbourhoods?|neighborhoods?)\b",
    re.I,
)


def is_deployment(lemma: str | None, noun: str | None) -> bool:
    """Whether a count with predicate ``lemma`` counting ``noun`` (a lemma; its head is its last
    word: "police officer") is of resources committed to an operation (``DEPLOY``)."""
    if not lemma or not noun:
        return False
    return lemma.lower() in DEPLOYMENT_VERBS and noun.split()[-1] in RESPONDER_NOUNS


def is_forced_from_homes(lemma: str | None, sentence: str) -> bool:
    """Whether a count whose predicate is ``lemma`` counts people forced from their homes (``EVACUATE``)."""
    return bool(lemma) and lemma.lower() == "force" and _FORCED_FROM_HOMES.search(sentence) is not None


__all__ = ["DEPLOY", "DEPLOYMENT_VERBS", "EVACUATE", "RESPONDER_NOUNS", "is_deployment", "is_forced_from_homes"]
