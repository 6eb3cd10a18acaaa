"""Statements reported through nouns and weak cues: who holds the position, with exact spans.

Each case is a pattern seen in news text (PolNeAR train); the sentences are invented. The Docs
come from the real spaCy model (the ``nlp`` fixture).
"""

from __future__ import annotations

import pytest
from test_quotes import expect, facts


CASES = {
    # the person acting on a position states the reaction, about the whole noun phrase
    "a reaction to a named holder's proposal": (
        "The council members balked at the developer's proposal to build a hotel on the site.",
        [(["the developer's proposal to build a hotel on the site"], "The council members", "balked at",
          "indirect")]),
    "a reaction to a request made by someone": (
        "The court rejected a request by the tenants to delay the eviction.",
        [(["a request by the tenants to delay the eviction"], "The court", "rejected", "indirect")]),
    # a pronoun possessor is the actor pursuing its own position
    "the actor owns the attacks it escalates": (
        "On Monday, she escalated her attacks on the mayor's housing record.",
        [(["the mayor's housing record"], "she", "attacks", "indirect")]),
    # only a position the verb acts on is the actor's, not one in an adjunct
    "a possessor in an adjunct keeps its remarks": (
        "Before Mayor Berg's remarks about the budget, Senator Ada Kerr had already left.",
        [(["the budget"], "Mayor Berg's", "remarks", "indirect")]),
    # whoever wins an endorsement does not hold it
    "a received endorsement is no statement of the receiver": (
        "The senator won the endorsement of the teachers' union for her plan to cut class sizes.", []),
    "questions someone faces are not theirs": ("The senator faced questions about her travel expenses.", []),
    # a decision states an intention, a question a doubt
    "a decision to do something": (
        "The mayor's decision to close the depot was a surprise.",
        [(["to close the depot"], "The mayor's", "decision", "indirect")]),
    "questions someone raises": (
        "Senator Ada Kerr raised questions about the contract.",
        [(["the contract"], "Senator Ada Kerr", "questions", "indirect")]),
    # a time after the noun is when it was said, not what about
    "remarks on a day say nothing of the day": ("The senator's remarks on Tuesday drew loud applause.", []),
    "remarks on a day about a topic": (
        "The senator's remarks on Tuesday about the budget drew loud applause.",
        [(["the budget"], "The senator's", "remarks", "indirect")]),
    # comments are made to an addressee and about a topic
    "comments to someone are not about them": ("The mayor's comments to reporters surprised the council.", []),
    "comments to someone about a topic": (
        "The mayor's comments to reporters about the budget surprised the council.",
        [(["the budget"], "The mayor's", "comments", "indirect")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_nominal_holder(nlp, name):
    text, quotes = CASES[name]
    assert facts(nlp, text) == expect(text, *quotes)
