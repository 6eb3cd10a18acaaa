"""Modality and polarity of a statement's main claim, on the real English model (exact values)."""

from __future__ import annotations

import pytest

from onrecord.extract.claims import annotate_claims
from onrecord.extract.modality import claim_stance
from onrecord.models import Span, Statement

spacy = pytest.importorskip("spacy")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negative noun phrase negates the claim
        ("There will be no curfew in Mirsk.", ("future", "negative")),
        ("My client has nothing to hide.", ("asserted", "negative")),
        ("He had no information about such cases.", ("asserted", "negative")),
        ("There is no need to panic.", ("asserted", "negative")),
        ("Investigators had found no sign that the fence had been cut.", ("asserted", "negative")),
        ("He had seen nothing like 20,000 people on the streets.", ("asserted", "negative")),
        ("There is no doubt that he lied.", ("asserted", "positive")),  # an idiom that affirms
        # a contrastive "X, not Y" does not negate the predicate
        ("The attackers had been trained abroad, not in Valdoria.", ("asserted", "positive")),
        # the claim under an opinion verb, a likelihood, a comma splice
        ("We believe no payment card numbers were taken.", ("asserted", "negative")),
        ("The real number is likely to be higher.", ("possible", "positive")),
        ("The number of detainees may change, the figures are approximate.", ("possible", "positive")),
        # a misparsed gerund root gives way to the finite clause
        ("Troops guarding the airport perimeter would hand over to border guards over the weekend.",
         ("future", "positive")),
        # the impersonal "is expected to" is no prediction of the speaker's
        ("Ratification is expected to take two years.", ("asserted", "positive")),
        # several sentences: the first one is the main claim; a leading question is none
        ("There will be no curfew in Mirsk. The city is calm.", ("future", "negative")),
        ("The situation is under control. There is no need for anyone to panic.", ("asserted", "positive")),
        ("Who will pay them? Forty families live from fishing.", ("asserted", "positive")),
    ],
)
def test_claim_stance(nlp, text: str, expected: tuple[str, str]) -> None:
    doc = nlp(text)
    assert claim_stance(doc[:], None, "en") == expected


def _statement(text: str, content: str, cue: str, kind: str = "indirect") -> Statement:
    start = text.index(content)
    return Statement("a", kind, Span.of(text, start, start + len(content)),
                     cue=Span.of(text, text.index(cue), text.index(cue) + len(cue)))


@pytest.mark.parametrize(
    "text, content, cue, expected",
    [
        ("He said the troops would stay in the city.", "the troops would stay in the city", "said",
         ("future", "positive")),
        ("The ministry said the airport would not reopen on Monday.", "the airport would not reopen on Monday",
         "said", ("future", "negative")),
        ("She expected the building to reopen within a year.", "the building to reopen within a year", "expected",
         ("future", "positive")),
        # a content span that took in its own cue: the clause after the cue is the claim
        ("The mayor - who is not related to the minister - said the cost could reach 40 million.",
         "The mayor - who is not related to the minister - said the cost could reach 40 million", "said",
         ("possible", "positive")),
    ],
)
def test_reported_speech(nlp, text: str, content: str, cue: str, expected: tuple[str, str]) -> None:
    (out,) = annotate_claims(nlp(text), [_statement(text, content, cue)], None, "en")
    assert (out.modality, out.polarity) == expected


def test_discontinuous_quote_takes_its_first_piece(nlp) -> None:
    text = '"We are not asking for much," he said. "We are asking for a price we can pay."'
    first = Span.of(text, 1, text.index(',"'))
    second = Span.of(text, text.index('"We are asking') + 1, len(text) - 1)
    st = Statement("a", "direct", Span.of(text, 1, len(text) - 1), fragments=(first, second),
                   cue=Span.of(text, text.index("said"), text.index("said") + 4))
    (out,) = annotate_claims(nlp(text), [st], None, "en")
    assert (out.modality, out.polarity) == ("asserted", "negative")


def test_directive_content_is_necessary(nlp):
    """"advised residents not to fish" reports what must not be done; "told residents the water is
    safe to drink" stays an assertion (its infinitive is no directive)."""
    from onrecord.extract.modality import claim_stance

    text = "Perrin advised residents not to fish in the river."
    doc = nlp(text)
    s = text.index("residents")
    content = doc.char_span(s, len(text) - 1, alignment_mode="expand")
    assert claim_stance(content, doc[1:2], "en") == ("necessary", "negative")
    text = "The mayor told residents the tap water was safe to drink."
    doc = nlp(text)
    s = text.index("the tap")
    content = doc.char_span(s, len(text) - 1, alignment_mode="expand")
    assert claim_stance(content, doc[2:3], "en") == ("asserted", "positive")
