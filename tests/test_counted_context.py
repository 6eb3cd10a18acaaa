"""Counted things that need the verb or nearby context, on the real English model (exact groups)."""

from __future__ import annotations

import pytest

from onrecord.extract.counted import canonical_counted
from onrecord.extract.quantities import find_quantities

spacy = pytest.importorskip("spacy")


@pytest.mark.parametrize(
    "text, fragment, counted",
    [
        # a state place: custody, hospital
        ("Police said 4,327 people had been detained, of whom 1,110 remain in custody.", "1,110", "detainee"),
        ("The minister said 687 were still in hospital.", "687", "hospitalised person"),
        # "among them": the state of the set they are part of
        ("According to preliminary data, 238 people died, among them 19 law enforcement officers.", "19",
         "dead police officer"),
        ("Bodies were found in several districts. Among them are 19 police officers.", "19", "dead police officer"),
        ("Three foreign nationals were among those killed.", "Three", "dead foreigner"),
        # a partitive subject said to be something: that thing in the partitive's state
        ("Three of the dead were citizens of other countries.", "Three", "dead foreigner"),
        # the dead not yet identified
        ("The ministry was still working to identify 31 of the dead.", "31", "unidentified death"),
        # a figure said to refer to something
        ("He said the earlier figure of 2,500 had referred only to the troops in the first wave.", "2,500", "troop"),
        # a generic noun made precise by what it is part of, or what runs on it
        ("Fishing is banned on a ten-kilometre stretch of the river.", "ten", "river stretch"),
        ("The mayor said trams were running again on two lines in the city centre.", "two", "tram line"),
        ("The cost of repairing the city hall could reach 40 million valds.", "40 million", "repair cost"),
    ],
)
def test_counted_from_context(nlp, text: str, fragment: str, counted: str) -> None:
    (q,) = [q for q in find_quantities(nlp(text), "en") if fragment in q.text]
    assert q.counted == counted


@pytest.mark.parametrize(
    "phrase, group",
    [
        ("person in custody", "detainee"),
        ("unidentified death", "unidentified death"),
        ("police death", "dead police officer"),
        ("foreign death", "dead foreigner"),
        ("recovered body", "death"),  # a state that is no subgroup of the dead leaves the group alone
    ],
)
def test_canonical_counted(phrase: str, group: str) -> None:
    assert canonical_counted(phrase) == group
