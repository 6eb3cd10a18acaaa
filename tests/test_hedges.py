"""Hedges, modality and polarity on the real English model (exact spans)."""

from __future__ import annotations

import pytest

from onrecord.extract.claims import annotate_claims
from onrecord.extract.hedges import find_hedges
from onrecord.extract.modality import modality_of, polarity_of
from onrecord.models import Span, Statement

spacy = pytest.importorskip("spacy")



def hedges(nlp, text: str) -> list[tuple[str, str]]:
    return [(h.kind, h.text) for h in find_hedges(nlp(text), "en")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Their primary mission has been completed.", [("scope", "primary mission")]),
        ("About 2,000 people have been detained so far.", [("approximation", "About"), ("scope", "so far")]),
        ("According to preliminary data, 164 people died.", [("preliminary", "According to preliminary data")]),
        ("The figures are approximate and may change.", [("approximation", "approximate"), ("preliminary", "may change")]),
        ("It is believed that militants crossed the border.", [("attribution", "It is believed")]),
        ("The peacekeepers will stay until the situation is stabilised.",
         [("condition", "until the situation is stabilised")]),
        ("If the talks fail, we might impose sanctions.", [("condition", "If the talks fail"), ("modal", "might")]),
        ("Prices may go up in May.", [("modal", "may")]),
        ("The police reportedly opened fire.", [("attribution", "reportedly")]),
        ("The leak is probably under control for now.", [("modal", "probably"), ("scope", "for now")]),
        ("The army left.", []),
    ],
)
def test_hedge_spans(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert hedges(nlp, text) == expected


def test_temporal_hedges_come_from_time_expressions(nlp) -> None:
    text = '"All the peacekeepers will be withdrawn by January 19 and the rest within two days," he said.'
    doc = nlp(text)
    content = text[1:text.index('," he')]
    st = Statement("a", "direct", Span(1, 1 + len(content), content), cue=Span.of(text, text.index("said"), text.index("said") + 4))
    (out,) = annotate_claims(doc, [st], "2022-01-15", "en")
    assert [(h.kind, h.text) for h in out.hedges] == [("temporal", "by January 19"), ("temporal", "within two days")]
    assert all(text[h.start:h.end] == h.text for h in out.hedges)


@pytest.mark.parametrize(
    "text, modality, polarity",
    [
        ("Troops won't leave until the situation is stabilised.", "future", "negative"),
        ("The withdrawal will begin on Thursday.", "future", "positive"),
        ("He is going to carry out a drastic reform.", "future", "positive"),
        ("We plan to reopen the airport.", "intention", "positive"),
        ("We must restore order.", "necessary", "positive"),
        ("The bridge could collapse.", "possible", "positive"),
        ("We never ordered anyone to shoot.", "asserted", "negative"),
        ("The government is no longer negotiating.", "asserted", "negative"),
        ("Nobody will be punished.", "future", "negative"),
        ("Order has been restored.", "asserted", "positive"),
    ],
)
def test_modality_and_polarity(nlp, text: str, modality: str, polarity: str) -> None:
    doc = nlp(text)
    span = doc[:]
    assert (modality_of(span, "en"), polarity_of(span, None, "en")) == (modality, polarity)


def test_denial_cue_flips_polarity(nlp) -> None:
    text = "The president denied that foreign troops were involved."
    doc = nlp(text)
    start = text.index("foreign")
    st = Statement("a", "indirect", Span.of(text, start, len(text) - 1), cue=Span.of(text, text.index("denied"), text.index("denied") + 6))
    (out,) = annotate_claims(doc, [st], None, "en")
    assert out.polarity == "negative"


def test_checkworthiness_orders_facts_above_pleasantries(nlp) -> None:
    def score(text: str) -> float:
        doc = nlp(text)
        (out,) = annotate_claims(doc, [Statement("a", "direct", Span.of(text, 0, len(text)))], None, "en")
        return out.checkworthy

    fact = score("About 2,000 people were detained in Almaty on Tuesday.")
    promise = score("The troops will leave within ten days.")
    pleasantry = score("We are grateful to our partners, it was a wonderful meeting.")
    assert fact > pleasantry and promise > pleasantry
    assert 0.0 <= pleasantry <= 0.3 and fact >= 0.6
