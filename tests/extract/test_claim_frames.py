"""Claim frames: whose act a claim reports (the agent and its entity), on hand-written sentences."""

from __future__ import annotations

import pytest

from synopsis.extract.claim_frames import describe_frame
from synopsis.extract.entities import find_entities


def _agent_entity(nlp, text):
    doc = nlp(text)
    entities = find_entities(doc)
    frame = describe_frame(doc[:], entities)
    assert frame is not None
    return None if frame.agent_entity is None else entities[frame.agent_entity].text


@pytest.mark.parametrize(
    "text,agent",
    [
        # A title and a nationality around the head name no second party: the head's own name decides.
        ("Turkish President Recep Tayyip Erdogan called for an immediate ceasefire.", "Recep Tayyip Erdogan"),
        ("French President Emmanuel Macron proposed a new round of talks in Geneva.", "Emmanuel Macron"),
        # A head that names no one acts for the one name around it.
        ("Russia's delegation proposed a new round of talks.", "Russia"),
    ],
)
def test_agent_is_the_heads_own_entity(nlp, text, agent):
    assert _agent_entity(nlp, text) == agent


def test_joint_agent_is_no_one_entity(nlp):
    # Two parties around a head that names neither: a joint act, no one's side.
    assert _agent_entity(nlp, "Russia-Ukraine negotiations resumed in Istanbul on Friday.") is None
