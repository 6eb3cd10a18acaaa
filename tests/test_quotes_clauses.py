"""Reported clauses the parser attached somewhere else than to their reporting verb (``extract/indirect.py``).

Invented sentences with the structure of news text, parsed by the real spaCy model; exact spans.
"""

from __future__ import annotations

import pytest
from test_quotes import expect, facts

CASES = {
    # "that" read as a relative pronoun on the noun of a time phrase
    "reported at the time that": (
        "The Herald reported at the time that the editor, Anna Kofman, had resigned over the story.",
        [(["that the editor, Anna Kofman, had resigned over the story"], "The Herald", "reported", "indirect")]),
    # a clause after a fronted time phrase read as an adverbial clause
    "said after the vote he would": (
        "Ortiz said after the vote he would not accept the offer if it came.",
        [(["he would not accept the offer if it came"], "Ortiz", "said", "indirect")]),
    # a clause after a quotation's attribution that opens inside a relative clause is not what was said
    "clause inside a relative clause after the attribution": (
        "“It’s over,” she said of the 2016 presidential election, in which she was sure Trump would triumph and "
        "more and more people across the country would at last see the truth.",
        [(["“It’s over,”"], "she", "said", "direct")]),
    # "according to" followed by a phrase the tagger broke with a verb: the phrase is the source, not a report
    "according to a phrase with a verb in it": (
        "As a coach, Ortiz repeatedly insulted players, according to show insiders.",
        [(["As a coach, Ortiz repeatedly insulted players"], "show insiders", "according to", "indirect")]),
    # evidence put to a court or jury: the clause is reported, by no one the text names
    "a court has heard": (
        "A care home manager took more than £186,000 from the bank accounts of elderly residents, a court has heard.",
        [(["A care home manager took more than £186,000 from the bank accounts of elderly residents"], None,
          "has heard", "indirect")]),
    "the jury heard that": (
        "The jury heard that one resident had £41,000 taken from her savings.",
        [(["that one resident had £41,000 taken from her savings"], None, "heard", "indirect")]),
    "hearing someone speak is no report": ("Hundreds waited to hear the senator speak about the highway.", []),
    # a gerund the parser made an open complement is the object of an object cue
    "denied hitting": ("Seitkali denied hitting the official.",
                       [(["hitting the official"], "Seitkali", "denied", "indirect")]),
    # fears and expectations of a thing, not only of a clause
    "fear an object": ("Some curators in France fear a wave of similar claims.",
                       [(["a wave of similar claims"], "Some curators", "fear", "indirect")]),
    "expected an object": ("Analysts had expected the hold.", [(["the hold"], "Analysts", "had expected", "indirect")]),
    # a verb with a quotation after it reports the quotation, not the sentence before it
    "quotation after a fronted clause": (
        "When the senator said it was great to be home, a man yelled “Stay there!”",
        [(["it was great to be home"], "the senator", "said", "indirect"),
         (["“Stay there!”"], "a man", "yelled", "direct")]),
    # an unlisted verb does not take such a clause
    "unlisted verb keeps its relative clause": (
        "The island is buying land for the day that its own shore vanishes beneath the waves.", []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_misattached_clause(nlp, name):
    text, quotes = CASES[name]
    assert facts(nlp, text) == expect(text, *quotes)
