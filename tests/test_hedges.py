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
        ("Their primary mission has been completed.", [("scope", "primary")]),
        ("About 2,000 people have been detained so far.", [("approximation", "About"), ("temporal", "so far")]),
        ("According to preliminary data, 164 people died.", [("preliminary", "According to preliminary data")]),
        ("The figures are approximate and may change.", [("approximation", "approximate"), ("preliminary", "may change")]),
        ("It is believed that militants crossed the border.", [("attribution", "It is believed")]),
        ("The peacekeepers will stay until the situation is stabilised.",
         [("temporal", "until the situation is stabilised")]),
        ("If the talks fail, we might impose sanctions.", [("condition", "If the talks fail"), ("modal", "might")]),
        ("Prices may go up in May.", [("modal", "may")]),
        ("The police reportedly opened fire.", [("attribution", "reportedly")]),
        ("The leak is probably under control for now.", [("modal", "probably"), ("temporal", "for now")]),
        ("The contingent will stay as long as necessary.", [("condition", "as long as necessary")]),
        ("Troops would remain for as long as it was needed.", [("condition", "as long as it was needed")]),
        ("The ban would be lifted once new test results were available.",
         [("condition", "once new test results were available")]),
        ("About 4,000 litres escaped, most of it into the river.", [("approximation", "About"), ("scope", "most of it")]),
        ("Dozens of officers were wounded, some seriously.", [("scope", "some")]),
        ("The figure had referred only to the troops in the first wave.", [("scope", "only to the troops")]),
        ("Levels were still above the limits in places.", [("scope", "in places")]),
        ("Police had not yet found evidence of a break-in.", [("temporal", "not yet")]),
        ("A risk to health cannot be ruled out at this stage.",
         [("modal", "cannot be ruled out"), ("temporal", "at this stage")]),
        ("This is the most probable cause, but our report is not final.",
         [("modal", "most probable"), ("preliminary", "our report is not final")]),
        ("According to our preliminary assessment, the leak has been contained.",
         [("preliminary", "According to our preliminary assessment")]),
        ("It was the estimate of the security services at the time.",
         [("approximation", "estimate"), ("temporal", "at the time")]),
        ("The party has lost nearly 40 seats.", []),
        ("We believe no card numbers were taken.", [("attribution", "We believe")]),
        ("Power was restored, according to the utility Valdogrid.", []),
        ("The army left.", []),
    ],
)
def test_hedge_spans(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert hedges(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The withdrawal will begin in two days.", []),
        ("The curfew will be shortened from Friday.", []),
        ("Spending will double over the next five years.", []),
        ("The withdrawal would begin within two days.", [("temporal", "within two days")]),
        ("The last units would leave by Sunday.", [("temporal", "by Sunday")]),
        ("It will not comment until the investigation is complete.",
         [("temporal", "until the investigation is complete")]),
    ],
)
def test_only_bounds_are_temporal_hedges(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    doc = nlp(text)
    st = Statement("a", "indirect", Span(0, len(text) - 1, text[:-1]))
    (out,) = annotate_claims(doc, [st], "2025-01-11", "en")
    assert [(h.kind, h.text) for h in out.hedges] == expected


def test_hedges_of_a_discontinuous_quote_skip_its_attribution(nlp) -> None:
    text = '"We were not prepared," he said, according to a transcript. "Nobody may leave."'
    doc = nlp(text)
    first = Span.of(text, 1, text.index(',"'))
    second = Span.of(text, text.index('"Nobody') + 1, len(text) - 1)
    st = Statement("a", "direct", Span.of(text, 1, len(text) - 1), fragments=(first, second))
    (out,) = annotate_claims(doc, [st], None, "en")
    assert [(h.kind, h.text) for h in out.hedges] == [("modal", "may")]


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
