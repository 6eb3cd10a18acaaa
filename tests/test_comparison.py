"""Comparison rules on hand-built statements: each flag type, and the near misses that must not flag."""

from __future__ import annotations

from dataclasses import replace
from itertools import count

from onrecord.analyze.blocking import CountedBlocker, MinHashBlocker, SpeakerBlocker, candidate_pairs
from onrecord.analyze.comparison import (
    claim_of,
    compare_pair,
    disagreement,
    hedge_change,
    number_drift,
    quantities_conflict,
    reversal,
    vanished,
)
from onrecord.analyze.chains import number_flags
from onrecord.analyze.copies import collapse_copies
from onrecord.analyze.flags import find_flags
from onrecord.analyze.propositions import content_keys, stances
from onrecord.analyze.vanishing import claim_word

_ids = count()


def q(value, counted="", text=None, qualifier="", unit="", low=None, high=None, start=0):
    text = text or f"{value:,}"
    return {"value": value, "counted": counted, "text": text, "qualifier": qualifier, "unit": unit,
            "low": low, "high": high, "start": start, "end": start + len(text)}


def st(text, speaker="Arman Zhaksylov", date="2031-01-07", quantities=(), hedges=(), polarity="", article=None,
       outlet="Valdoria Today", resolution=None):
    n = next(_ids)
    return claim_of({
        "resolution": resolution or {},
        "id": f"s{n}",
        "article_id": article or f"art-{n}",
        "article": {"id": article or f"art-{n}", "outlet": outlet, "published": date},
        "content": {"start": 0, "end": len(text), "text": text},
        "speaker": {"id": speaker.lower().replace(" ", "-"), "name": speaker} if speaker else None,
        "said_on": date,
        "quantities": list(quantities),
        "hedges": list(hedges),
        "polarity": polarity,
    })


# -- number drift -----------------------------------------------------------------------------
def test_death_toll_drift_names_values_and_dates():
    a = st("A total of 164 people were killed in the unrest", "Health Ministry", "2031-01-09",
           [q(164, "death", start=11)])
    b = st("The number of people killed has risen to 225", "Health Ministry", "2031-01-12",
           [q(225, "death", start=41)])
    flag = number_drift(a, b)
    assert flag is not None and flag.type == "number_drift"
    assert "164" in flag.explanation and "225" in flag.explanation and "2031-01-09" in flag.explanation
    assert [e.statement_id for e in flag.evidence] == [a.id, b.id]
    assert flag.evidence[0].span.text == a.text


def test_values_within_qualifier_tolerance_do_not_flag():
    a = st("Some 2,000 people have been detained", "Interior Ministry", "2031-01-08",
           [q(2000, "detainee", "2,000", "about")])
    b = st("As of this morning, 2,013 people have been detained", "Oskar Tell", "2031-01-08",
           [q(2013, "detainee")])
    assert number_drift(a, b) is None


def test_at_least_is_compatible_with_a_larger_value_but_not_with_a_smaller_one():
    assert not quantities_conflict(q(10, "day", qualifier="at_least"), q(14, "day"))
    assert quantities_conflict(q(10, "day", qualifier="at_least"), q(7, "day"))
    # opposite bounds meeting at one value are a drift: "no more than 10 days" vs "at least 10 days"
    assert quantities_conflict(q(10, "day", qualifier="at_most"), q(10, "day", qualifier="at_least"))
    assert not quantities_conflict(q(10, "day", qualifier="at_most"), q(10, "day", qualifier="up_to"))


def test_different_counted_things_do_not_flag():
    a = st("37 police officers had been injured", "Interior Ministry", "2031-01-04", [q(37, "injured")])
    b = st("14 people had been briefly detained", "Interior Ministry", "2031-01-06", [q(14, "detainee")])
    assert number_drift(a, b) is None


def test_different_places_do_not_flag():
    a = st("Twelve people died in the floods in Khorvel", "Rescue Service", "2031-03-01", [q(12, "death")])
    b = st("Thirty people died in the floods in Olvar", "Rescue Service", "2031-03-02", [q(30, "death")])
    assert number_drift(a, b) is None


def test_different_units_and_years_do_not_flag():
    a = st("Profits were 40 million", "CFO", "2030-02-01", [q(40e6, "profit", unit="USD")])
    b = st("Profits were 40 million", "CFO", "2030-02-02", [q(40e6, "profit", unit="EUR")])
    assert number_drift(a, b) is None
    c = st("In 2029 the company sold 1,000 cars", "CEO", "2030-02-01", [q(1000, "car")])
    d = st("In 2030 the company sold 1,400 cars", "CEO", "2031-02-01", [q(1400, "car")])
    assert number_drift(c, d) is None


def test_departures_are_not_compared_with_arrivals():
    a = st("About 2,500 personnel are on the ground and arrived by Wednesday", "Rurik Stavan", "2031-01-08",
           [q(2500, "troop", qualifier="about", start=6)])
    b = st("The first 600 soldiers had left", "Defence Ministry", "2031-01-13", [q(600, "troop", start=10)])
    assert number_drift(a, b) is None


def test_matched_subtotal_does_not_hide_the_drift_of_the_total():
    a = st("164 people were killed, including 19 members of the security forces", "Health Ministry",
           "2031-01-09", [q(164, "death"), q(19, "death", start=34)])
    b = st("238 people died, among them 19 law enforcement officers", "Health Ministry", "2031-01-15",
           [q(238, "death"), q(19, "death", start=27)])
    flag = number_drift(a, b)
    assert flag is not None and "164" in flag.explanation and "238" in flag.explanation


def test_one_flag_per_change_in_a_chain():
    days = ["2031-01-09", "2031-01-10", "2031-01-12", "2031-01-15"]
    values = [164, 164, 225, 238]
    claims = [st(f"{v} people were killed in the unrest", "Health Ministry", d, [q(v, "death")])
              for v, d in zip(values, days)]
    drifts = [f for f in number_flags(claims) if f.type == "number_drift"]
    assert sorted(f.topic for f in drifts) == ["death: 164 → 225", "death: 225 → 238"]


def test_part_of_a_total_and_a_specific_group_are_other_things():
    a = st("164 people were killed, including 19 members of the security forces", "Health Ministry",
           "2031-01-09", [q(164, "death"), q(19, "member", start=34)])
    b = st("19 officers had been killed since Sunday", "Ilse Dorn", "2031-01-08", [q(19, "death")])
    assert [f for f in number_flags([a, b]) if f.type in ("number_drift", "disagreement")] == []


def test_running_count_that_grows_is_no_drift():
    a = st("The first 600 soldiers had left", "Defence Ministry", "2031-01-13", [q(600, "troop", start=10)])
    b = st("1,900 soldiers had now left", "Defence Ministry", "2031-01-15", [q(1900, "troop")])
    assert number_flags([a, b]) == []


def test_same_day_figures_of_two_sources_disagree():
    a = st("Our engineers now put the figure at 3,800 litres.", "Dana Whitcomb", "2031-03-06",
           [q(3800, "litre", start=37)])
    b = st("at least 4,000 litres", "Jonas Perrin", "2031-03-06", [q(4000, "litre", qualifier="at_least", start=9)])
    flags = number_flags([a, b])
    assert [f.type for f in flags] == ["disagreement"] and "3,800" in flags[0].explanation


def test_denied_figure_is_a_disagreement():
    a = st("Twenty thousand militants attacked Mirsk.", "Arman Zhaksylov", "2031-01-07",
           [q(20000, "terrorist", "Twenty thousand")])
    b = st('he had seen "nothing like 20,000 people" on the streets', "Tomas Reiner", "2031-01-07",
           [q(20000, "person", start=26)])
    assert [f.type for f in number_flags([a, b])] == ["disagreement"]


def test_wire_copies_collapse_and_never_flag_each_other():
    text = "About 4,000 litres escaped, most of it into the river."
    copies = [st(text, "Jonas Perrin", d, [q(4000, "litre", qualifier="about", start=6)], article=f"wire-{i}")
              for i, d in enumerate(["2031-03-04", "2031-03-05", "2031-03-06"])]
    reps, groups = collapse_copies(copies)
    assert len(reps) == 1 and len(groups[reps[0].id]) == 3
    flags, stats = find_flags(copies)
    assert [f for f in flags if f.type != "vanished"] == [] and stats["compared"] == 1


# -- reversal ---------------------------------------------------------------------------------
def test_stay_then_withdraw_is_a_reversal():
    a = st("The contingent will stay as long as necessary.", date="2031-01-07")
    b = st("The withdrawal will begin in two days and will take no more than ten days.", date="2031-01-11")
    flag = reversal(a, b)
    assert flag is not None and flag.type == "reversal"
    assert "2031-01-07" in flag.explanation and "staying → leaving" in flag.explanation


def test_denying_what_was_stated_is_a_reversal():
    a = st("No foreign nationals are among the dead.", "Pavel Roshan", "2031-01-09")
    b = st("Three of the dead were citizens of other countries.", "Pavel Roshan", "2031-01-13")
    flag = reversal(a, b)
    assert flag is not None


def test_same_stance_repeated_is_not_a_reversal():
    a = st("The contingent will stay as long as necessary.", date="2031-01-07")
    b = st("Kostravan troops will remain as long as necessary.", date="2031-01-08")
    assert reversal(a, b) is None


def test_different_speakers_are_not_a_reversal():
    a = st("The contingent will stay as long as necessary.", "Arman Zhaksylov", "2031-01-07")
    b = st("The withdrawal will begin in two days.", "Vera Hollen", "2031-01-11")
    assert reversal(a, b) is None


def test_position_bounded_in_time_is_not_reversed_later():
    a = st("The airport will remain closed until the end of the week.", "Interior Ministry", "2031-01-08")
    b = st("The airport will reopen to civilian flights on Monday.", "Interior Ministry", "2031-01-10")
    assert reversal(a, b) is None


def test_stance_words_about_different_subjects_are_no_reversal():
    a = st("The curfew will remain in force in Mirsk.", "Ilse Dorn", "2031-01-10")
    b = st("The troops will begin leaving the country in two days.", "Ilse Dorn", "2031-01-12")
    assert reversal(a, b) is None


# -- disagreement -----------------------------------------------------------------------------
def test_allies_contradicting_each_other_the_same_day():
    a = st("The main mission has been completed.", "Arman Zhaksylov", "2031-01-11")
    b = st("The forces will carry out their tasks until the situation has been completely stabilised.",
           "Rurik Stavan", "2031-01-11")
    flag = disagreement(a, b)
    assert flag is not None and "Arman Zhaksylov" in flag.explanation and "Rurik Stavan" in flag.explanation


def test_disagreement_needs_the_same_time():
    a = st("The main mission has been completed.", "Arman Zhaksylov", "2031-01-11")
    b = st("The forces will carry out their tasks until the mission is complete.", "Rurik Stavan", "2031-02-20")
    assert disagreement(a, b) is None


def test_unrelated_statements_do_not_disagree():
    a = st("The airport will reopen on Monday.", "Ilse Dorn", "2031-01-10")
    b = st("Shops stayed closed in the south of the city.", "Mira Roshan", "2031-01-10")
    assert disagreement(a, b) is None


def test_risk_denied_and_not_ruled_out_is_a_disagreement():
    a = st('"A risk to human health cannot be ruled out at this stage."', "Jonas Perrin", "2031-03-04")
    b = st('"There is no risk to human health."', "Dana Whitcomb", "2031-03-04")
    assert disagreement(a, b) is not None


def test_shared_place_name_alone_is_no_disagreement():
    a = st("The situation in Mirsk has stabilised.", "Arman Zhaksylov", "2031-01-11")
    b = st("Mirsk airport will remain closed because of the risk of attacks.", "Anders Vell", "2031-01-11")
    assert disagreement(a, b) is None


# -- hedge ------------------------------------------------------------------------------------
def test_figure_becomes_approximate():
    a = st("Twenty thousand militants attacked Mirsk.", date="2031-01-07", quantities=[q(20000, "terrorist", start=0)])
    b = st("The figure of 20,000 was approximate.", date="2031-01-13", quantities=[q(20000, "figure", start=14)])
    flags = [f for f in number_flags([a, b]) if f.type == "hedge"]
    assert len(flags) == 1 and "acquired" in flags[0].explanation and "approximate" in flags[0].explanation
    assert {e.statement_id for e in flags[0].evidence} == {a.id, b.id}


def test_number_restated_with_about_is_no_hedge():
    a = st("20,000 militants attacked the city.", date="2031-01-07", quantities=[q(20000, "terrorist")])
    b = st("About 20,000 militants attacked the city.", date="2031-01-09",
           quantities=[q(20000, "terrorist", qualifier="about", start=6)],
           hedges=[{"kind": "approximation", "text": "About", "start": 0, "end": 5}])
    assert number_flags([a, b]) == []


def test_toll_that_becomes_preliminary_is_one_hedge_over_the_chain():
    a = st("A total of 164 people were killed in Valdoria.", "Health Ministry", "2031-01-09", [q(164, "death", start=11)])
    b = st("The toll has risen to 225.", "Health Ministry", "2031-01-12", [q(225, "death", start=22)])
    c = st("According to preliminary data, 238 people died. The figure may change.", "Health Ministry", "2031-01-15",
           [q(238, "death", start=31)])
    flags = number_flags([a, b, c])
    assert sorted(f.type for f in flags) == ["hedge", "number_drift", "number_drift"]
    hedge = next(f for f in flags if f.type == "hedge")
    assert hedge.evidence[0].statement_id == a.id and hedge.evidence[-1].statement_id == c.id


def test_claim_acquires_scope_qualifier():
    a = st("The main mission has been completed.", date="2031-01-11",
           hedges=[{"kind": "scope", "text": "main mission", "start": 4, "end": 16}])
    b = st("The primary mission has largely been completed.", date="2031-01-13",
           hedges=[{"kind": "scope", "text": "primary mission", "start": 4, "end": 19},
                   {"kind": "scope", "text": "largely", "start": 24, "end": 31}])
    flag = hedge_change(a, b)
    assert flag is not None and "largely" in flag.explanation and "main mission" not in flag.explanation.split("acquired")[1].split(" between")[0]


def test_same_qualifiers_are_not_a_hedge_flag():
    a = st("About 2,500 personnel are on the ground.", "Rurik Stavan", "2031-01-08", [q(2500, "troop", qualifier="about")])
    b = st("About 2,500 personnel are in the country.", "Rurik Stavan", "2031-01-09", [q(2500, "troop", qualifier="about")])
    assert hedge_change(a, b) is None


# -- vanished ---------------------------------------------------------------------------------
def test_repeated_claim_that_stops():
    said = [("2031-01-05", "Foreign-trained terrorist groups are behind these attacks on the capital."),
            ("2031-01-05", "The attacks were carried out by foreign-trained terrorists."),
            ("2031-01-06", "These were foreign-trained terrorists attacking the capital."),
            ("2031-01-07", "This was a planned operation prepared by foreign-trained terrorists."),
            ("2031-01-08", "We are talking about foreign-trained terrorists, not protesters.")]
    claims = [st(text, "Arman Zhaksylov" if i % 2 else "Oskar Tell", date) for i, (date, text) in enumerate(said)]
    later = [st("Those who planned the attacks on the capital from inside the state will be punished.", date=d)
             for d in ("2031-01-12", "2031-01-14")]
    flags = vanished(claims + later)
    assert flags and all(f.type == "vanished" for f in flags)
    assert {e.statement_id for e in flags[0].evidence} <= {c.id for c in claims}
    assert "2031-01-05" in flags[0].explanation and "2031-01-14" in flags[0].explanation


def test_recaps_are_no_new_utterances():
    """"Tell, who last week said C, ..." re-reports an earlier statement: without it the claim was
    made twice by one source, which is too few to have vanished."""
    said = [st("Foreign-trained terrorist groups are behind these attacks on the capital.", "Oskar Tell", "2031-01-05"),
            st("These were foreign-trained terrorists attacking the capital.", "Oskar Tell", "2031-01-06", article="b")]
    recap = st("foreign-trained terrorists had attacked the capital", "Oskar Tell", "2031-01-04", article="c",
               resolution={"recap": True})
    later = [st("Those who planned the attacks on the capital from inside the state will be punished.",
                "Oskar Tell", date=d) for d in ("2031-01-12", "2031-01-14")]
    assert recap.recap and not said[0].recap
    assert vanished(said + later) == []
    assert vanished(said + [recap] + later) == []
    assert vanished(said + [replace(recap, recap=False)] + later) != []


def test_a_modifier_is_not_what_is_counted():
    """"two army depots" counts depots: no drift against a troop figure."""
    a = st("about 2,500 personnel are on the ground", "Rurik Stavan", "2031-01-07",
           [q(2500, "personnel", text="2,500", qualifier="about", start=6)])
    b = st("police were searching for weapons stolen from two army depots", "Rurik Stavan", "2031-01-09",
           [q(2, "army depot", text="two", start=45)])
    assert number_flags([a, b]) == []


def test_claims_sharing_topic_words_are_no_hedge_change():
    """How much leaked, and what most likely caused the leak: two propositions, no hedge flag."""
    a = st("About 4,000 litres of an industrial solvent leaked from the chemicals plant on Monday",
           "Regional Agency", "2031-03-04")
    b = st("A corroded pipe joint at the chemicals plant was the most likely cause of the solvent leak",
           "Regional Agency", "2031-03-07")
    assert hedge_change(a, b) is None


_SPOKES = {"kind": "person", "org": "Norvale Energy", "roles": ["norvale energy spokesperson"]}
_COMPANY = {"kind": "organisation"}


def _sabotage_claims():
    """An energy company and its spokesperson blame sabotage in different words over three days."""
    return [
        st("The explosion at the pumping station was an act of sabotage.", "Mara Lind", "2031-05-02",
           resolution=_SPOKES, outlet="Coast Post"),
        st("that saboteurs had damaged the pipeline", "Norvale Energy", "2031-05-02",
           resolution=_COMPANY, outlet="Harbour News"),
        st("\"The pipeline was sabotaged, there is no doubt about it,\"", "Mara Lind", "2031-05-03",
           resolution=_SPOKES, outlet="Coast Post"),
        st("that the blast was caused by sabotage", "Norvale Energy", "2031-05-04",
           resolution=_COMPANY, outlet="Harbour News"),
    ]


def _pipeline_coverage(*dates):
    return [st("the cause of the pipeline explosion was still under investigation", "Norvale Energy", d,
               resolution=_COMPANY, outlet="Coast Post") for d in dates]


def test_claim_words_meet_across_word_forms():
    assert claim_word("vandal") == claim_word("vandalism") == claim_word("vandalis")
    assert claim_word("sabotag") == claim_word("saboteur")
    assert claim_word("terrorist") == claim_word("terrorism")


def test_claim_in_different_words_by_an_organisation_and_its_spokesperson_vanishes():
    claims = _sabotage_claims()
    flags = vanished(claims + _pipeline_coverage("2031-05-06", "2031-05-09"))
    assert [f.type for f in flags] == ["vanished"]
    assert {e.statement_id for e in flags[0].evidence} == {c.id for c in claims}
    assert "sabot" in flags[0].explanation.lower() and "2031-05-09" in flags[0].explanation


def test_claim_that_keeps_being_made_does_not_vanish():
    claims = _sabotage_claims() + _pipeline_coverage("2031-05-06", "2031-05-09")
    claims.append(st("the station had been hit by saboteurs", "Mara Lind", "2031-05-10", resolution=_SPOKES))
    assert vanished(claims) == []


def test_topic_no_longer_covered_is_not_a_vanished_claim():
    later = [st("Ticket prices for the summer festival will rise.", "Festival Board", d) for d in ("2031-05-08", "2031-05-12")]
    assert vanished(_sabotage_claims() + later) == []


def test_claim_reported_withdrawn_vanishes_at_once():
    claims = _sabotage_claims()[:2]
    withdrawn = st("the company had withdrawn its claim that sabotage caused the blast", "Police", "2031-05-03",
                   resolution=_COMPANY)
    flags = vanished(claims + [withdrawn])
    assert [f.type for f in flags] == ["vanished"] and "withdrawn" in flags[0].explanation
    assert flags[0].evidence[-1].statement_id == withdrawn.id
    assert vanished(claims) == []  # made twice on one day and nothing after: nothing to say yet


def test_wire_copies_of_one_claim_count_once():
    text = "that saboteurs had damaged the pipeline"
    copies = [st(text, "Norvale Energy", "2031-05-02", resolution=_COMPANY, outlet=o) for o in ("A", "B", "C")]
    copies.append(st(text, "Norvale Energy", "2031-05-03", resolution=_COMPANY, outlet="D"))
    assert vanished(copies + _pipeline_coverage("2031-05-06", "2031-05-09")) == []


def test_claim_said_once_does_not_vanish():
    claims = [
        st("Foreign-trained terrorist groups are behind these attacks.", date="2031-01-05"),
        st("Those who planned the riots from inside the state will be punished.", date="2031-01-16"),
    ]
    assert vanished(claims) == []


# -- driver -----------------------------------------------------------------------------------
def test_propositions_map_synonyms_and_negation():
    assert "task" in content_keys("The main mission") and "task" in content_keys("their tasks")
    assert ("presence", 1) in stances("troops will stay")
    assert ("presence", -1) in stances("troops will not stay")
    assert ("completion", 1) not in stances("until the situation is completely stabilised")


def test_reprints_collapse_and_flag_ids_are_stable():
    a = st("The contingent will stay as long as necessary.", date="2031-01-07", article="x1")
    b1 = st("The withdrawal will begin in two days.", date="2031-01-11", article="x2")
    b2 = st("The withdrawal will begin in two days.", date="2031-01-12", article="x3")
    flags, stats = find_flags([a, b1, b2])
    assert [f.type for f in flags] == ["reversal"] and stats["compared"] == 2
    assert flags[0].id == find_flags([b2, b1, a])[0][0].id


def test_blocking_never_pairs_unrelated_speakers_and_things():
    claims = [st(f"Statement number {i} about harvest {i}", f"Speaker {i}", quantities=[q(i + 1, f"thing{i}")])
              for i in range(50)]
    pairs = list(candidate_pairs(claims, [SpeakerBlocker(), CountedBlocker()]))
    assert pairs == []
    same = [st("The harvest of wheat grew strongly this year", f"S{i}") for i in range(3)]
    assert len(list(candidate_pairs(same, [MinHashBlocker()]))) == 3
    assert compare_pair(same[0], same[1]) == []
