"""Quantities on the real English model: exact spans, values, units, counted things, qualifiers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.extract.counted import canonical_counted
from onrecord.extract.quantities import find_quantities

spacy = pytest.importorskip("spacy")



def one(nlp, text: str, fragment: str):
    doc = nlp(text)
    qs = find_quantities(doc, "en")
    start = text.index(fragment)
    hits = [q for q in qs if (q.start, q.end) == (start, start + len(fragment))]
    assert hits, f"no quantity spanning {fragment!r} in {[(q.text, q.start, q.end) for q in qs]}"
    return hits[0]


@pytest.mark.parametrize(
    "text, fragment, value, low, high, unit, counted, qualifier",
    [
        ("The infamous 20,000 terrorists evaporated.", "20,000", 20000, None, None, "", "terrorist", ""),
        ("It took twenty-four hours to bring them in.", "twenty-four hours", 1, None, None, "day", "", ""),
        ("It took ten days to withdraw them.", "ten days", 10, None, None, "day", "", ""),
        ("They vanished in just two or three days.", "two or three days", None, 2, 3, "day", "", ""),
        ("It makes up about 20% of the economy.", "20%", 20, None, None, "%", "economy", "about"),
        ("The bank will lend $200 million.", "$200 million", 2e8, None, None, "USD", "", ""),
        ("It will cost 2-3 billion dollars.", "2-3 billion dollars", None, 2e9, 3e9, "USD", "", ""),
        ("Inflation reached 14.2% in December.", "14.2%", 14.2, None, None, "%", "inflation", ""),
        ("A dozen police officers were injured.", "A dozen", 12, None, None, "", "injured police officer", ""),
        ("Hundreds of protesters gathered.", "Hundreds", None, 200, 999, "", "protester", ""),
        ("Officials said 20 000 troops arrived.", "20 000", 20000, None, None, "", "troop", ""),
        ("Officials said 20.000 soldiers arrived.", "20.000", 20000, None, None, "", "troop", ""),
        ("More than 20 thousand people were evacuated.", "20 thousand", 20000, None, None, "", "evacuee", "more_than"),
        ("The death toll rose to 225.", "225", 225, None, None, "", "death", ""),
        ("About 2,000 were detained.", "2,000", 2000, None, None, "", "detainee", "about"),
        ("The bodies of 103 people killed were found.", "103", 103, None, None, "", "death", ""),
        ("At least 164 people died.", "164", 164, None, None, "", "death", "at_least"),
        ("It will take no more than 10 days.", "10 days", 10, None, None, "day", "", "at_most"),
        ("They will leave within two days.", "two days", 2, None, None, "day", "", "at_most"),
        ("Nearly 1.5 million people were displaced.", "1.5 million", 1.5e6, None, None, "", "refugee", "nearly"),
        ("Up to 500 people could be affected.", "500", 500, None, None, "", "person", "up_to"),
        ("They will invest €1.5bn in new plants.", "€1.5bn", 1.5e9, None, None, "EUR", "plant", ""),
        ("The building should reopen within a year.", "a year", 365, None, None, "day", "", "at_most"),
        ("Fishing stays banned for at least a month.", "a month", 30, None, None, "day", "", "at_least"),
        ("Solvent levels had fallen by more than half.", "half", 50, None, None, "%", "solvent level", "more_than"),
        ("Repairs could cost 40 million valds.", "40 million valds", 4e7, None, None, "vald", "", ""),
        ("2,230 people had sought medical help.", "2,230", 2230, None, None, "", "treated person", ""),
        ("Criminal cases were opened against 1,110 people.", "1,110", 1110, None, None, "", "charged person", ""),
        ("The attackers who stormed the hall on Jan. 5 were identified and that 212 of them had been detained.", "212", 212,
         None, None, "", "detained attacker", ""),
    ],
)
def test_quantity(nlp, text, fragment, value, low, high, unit, counted, qualifier) -> None:
    q = one(nlp, text, fragment)
    assert (q.value, q.low, q.high, q.unit, q.counted, q.qualifier) == (value, low, high, unit, counted, qualifier)
    assert q.text == fragment


@pytest.mark.parametrize(
    "text",
    [
        "The riots began on January 11 at 10 a.m. in 2022.",
        "No one was arrested on the 2nd of May.",
        "COVID-19 and F-16 jets were mentioned in the 2022 budget.",
        "A 20-year-old man was detained.",
        "He appealed under a treaty between the two countries.",
        "A year ago, half of them left the city.",
        "Many people live in the region."
    ],
)
def test_not_quantities(nlp, text: str) -> None:
    assert find_quantities(nlp(text), "en") == []


def test_span_offsets_are_absolute(nlp) -> None:
    text = "Background sentence here. The ministry said 35 people were arrested."
    doc = nlp(text)
    span = doc.char_span(text.index("35"), len(text) - 1)
    (q,) = find_quantities(span, "en")
    assert text[q.start:q.end] == "35" == q.text
    assert q.counted == "detainee"


def test_from_to_is_two_numbers(nlp) -> None:
    qs = find_quantities(nlp("The number of dead has risen from 10 to 20."), "en")
    assert [(q.text, q.value) for q in qs] == [("10", 10), ("20", 20)]


@pytest.mark.parametrize(
    "phrases, group",
    [
        (["death toll", "people die", "body", "fatality", "dead", "kill"], "death"),
        (["detainee", "detained", "arrest"], "detainee"),
        (["terrorist", "militant"], "terrorist"),
    ],
)
def test_counted_synonyms_group(phrases: list[str], group: str) -> None:
    # "people die" / "kill" are grouped through the event verbs in the extractor; the lexicon
    # alone groups nouns and noun phrases
    nouns = [p for p in phrases if p not in ("people die", "kill")]
    assert {canonical_counted(p) for p in nouns} == {group}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(min_value=1000, max_value=10**9), sep=st.sampled_from([",", " "]))
def test_formatted_count_round_trips_through_the_model(nlp, n: int, sep: str) -> None:
    numeral = f"{n:,}".replace(",", sep)
    text = f"Officials said {numeral} people were evacuated."
    q = one(nlp, text, numeral)
    assert q.value == n and q.unit == "" and q.counted == "evacuee"


@pytest.mark.parametrize(
    "text,fragment,value,unit",
    [
        ("About 4,000 litres of solvent leaked into the river.", "4,000", 4000, "l"),
        ("The tank held 250 millilitres of the sample.", "250", 0.25, "l"),
        ("Some 12 cubic metres of water were pumped out.", "12", 12000, "l"),
        ("The water could rise by another 40 centimetres overnight.", "40", 40, "cm"),
        ("Fishing is banned on a ten-kilometre stretch of the river.", "ten", 10, "km"),
        ("They shipped 3,000 gallons of fuel.", "3,000", 3000, "gal"),
    ],
)
def test_measures(nlp, text, fragment, value, unit) -> None:
    qs = [q for q in find_quantities(nlp(text), "en") if fragment in q.text]
    assert [(q.value, q.unit) for q in qs] == [(value, unit)]


@pytest.mark.parametrize(
    "text, fragment, counted",
    [
        ("Less than 500 litres of the solvent had escaped.", "500 litres", "spilled solvent"),
        ("About two tonnes of dead fish had been collected.", "two tonnes", "dead fish"),
        ("His members had seen dead fish. \"We saw dozens of them,\" he said.", "dozens", "dead fish"),
        ("About 4,000 litres of solvent leaked. Later 3,800 litres escaped.", "3,800 litres", "spilled solvent"),
        ("164 people had been killed, including 19 members of the security forces.", "19", "dead police officer"),
        ("Three foreign nationals were among those killed.", "Three", "dead foreigner"),
        ("The first 600 soldiers had left.", "600", "withdrawn troop"),
        ("The fire destroyed 340 homes.", "340", "destroyed home"),
        ("The ministry said 150 vehicles, including 30 police cars, had been burned.", "30", "police car"),
        ("Dozens of people were still missing.", "Dozens", "missing"),
        ("About 2,500 troops arrived. The figure of 2,500 was later revised.", "2,500", "troop"),
    ],
)
def test_counted_from_the_parse(nlp, text, fragment, counted) -> None:
    qs = [q for q in find_quantities(nlp(text), "en") if q.text == fragment]
    assert qs and qs[-1].counted == counted


@pytest.mark.parametrize(
    "gold, group",
    [("police death", "dead police officer"), ("person charged", "charged person"), ("dead fish", "dead fish"),
     ("fish kill", "dead fish"), ("injured person", "injured"), ("withdrawn soldier", "withdrawn troop"),
     ("piece of equipment", "equipment"), ("foreign death", "dead foreigner"), ("police car", "police car")],
)
def test_gold_phrasings_compose_into_groups(gold: str, group: str) -> None:
    assert canonical_counted(gold) == group


def test_units_of_one_dimension_convert() -> None:
    from onrecord.extract.quantities import convertible, to_base, unit_dimension

    assert convertible("t", "kg") and convertible("l", "gal") and not convertible("l", "kg")
    assert to_base(2, "t") == to_base(2000, "kg") and unit_dimension("") == "" and unit_dimension("USD") == "USD"
