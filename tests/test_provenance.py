"""Provenance relations stated in the text: translations, reprints, citations, wire datelines."""

from __future__ import annotations

import pytest

from onrecord.ingest.provenance import find_provenance
from onrecord.pipeline import ingest


def links(text: str) -> list[tuple[str, str]]:
    return [(p.relation, p.target) for p in find_provenance(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Dmitriy Roy\nTranslated from Haqqin.az\nAze.Media", [("translated_from", "Haqqin.az")]),
        ("Translated from the Russian by Anna Smith from Kommersant.", [("translated_from", "Kommersant")]),
        ("Translated by Anna Smith from Kommersant.", [("translated_from", "Kommersant")]),
        ("Translation from Eurasianet", [("translated_from", "Eurasianet")]),
        ("This article was originally published by The Moscow Times.", [("originally_published_by", "Moscow Times")]),
        ("It first appeared in Novaya Gazeta on Monday.", [("originally_published_by", "Novaya Gazeta")]),
        ("Reprinted with permission from Eurasianet.", [("reprint_of", "Eurasianet")]),
        ("Republished from The Conversation under a Creative Commons license.", [("reprint_of", "Conversation")]),
        ("Interfax reports, citing a source in the defence ministry.", [("according_to", "Interfax")]),
        ("TASS reported, citing the Kazakh interior ministry, that 20 people died.",
         [("according_to", "TASS"), ("citing", "Kazakh interior ministry")]),
        ("Troops will stay, according to the Tengrinews news agency.", [("according_to", "Tengrinews")]),
        ("Troops will stay, according to Xinhua News Agency.", [("according_to", "Xinhua")]),
        ("Troops will stay, according to Reuters.", [("according_to", "Reuters")]),
        ("His words are quoted by RIA Novosti.", [("quoted_by", "RIA Novosti")]),
        ("Her remarks were cited by the BBC.", [("quoted_by", "BBC")]),
        ("ALMATY, Jan 11 (Reuters) - Kazakhstan's president said on Tuesday.", [("wire_dateline", "Reuters")]),
        ("MOSCOW (AP) — The Kremlin said troops would stay.", [("wire_dateline", "AP")]),
        ("NUR-SULTAN, Kazakhstan (Kazinform) — The president spoke.", [("wire_dateline", "Kazinform")]),
        # Russian
        ("Статья впервые опубликована на сайте Azattyq.", [("originally_published_by", "Azattyq")]),
        ("Об этом сообщает ТАСС со ссылкой на пресс-службу Минобороны.", [("according_to", "ТАСС")]),
        ("Слова министра приводит РИА Новости.", [("quoted_by", "РИА Новости")]),
        ("По данным «Интерфакса», погибли 20 человек.", [("according_to", "Интерфакса")]),
    ],
)
def test_relations(text, expected):
    assert links(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The troops will leave, according to the minister.",
        "According to official figures, 164 people were killed.",
        "according to the Ministry of Defence, 20 people died.",  # a ministry is a source, not an outlet
        "Citing security concerns, the government closed the airport.",
        "The minister said, citing no evidence, that troops had left.",
        "He was translated from the stage to the hospital.",
        "Translated from Russian by Anna Smith.",  # a language, then the translator: no outlet
        "Translated from English.",
        "Перевод с казахского.",
        "The president spoke on Monday (local time) - and nobody listened.",
    ],
)
def test_not_provenance(text):
    assert links(text) == []


def test_evidence_spans_point_into_the_text():
    text = "ALMATY, Jan 11 (Reuters) - Talks went on.\nThe column ends here.\nTranslated from Haqqin.az\nAze.Media"
    for link in find_provenance(text):
        ev = link.evidence
        assert ev is not None and text[ev.start : ev.end] == ev.text
        assert link.target in ev.text
    assert [p.relation for p in find_provenance(text)] == ["wire_dateline", "translated_from"]  # in text order


def test_duplicates_collapse():
    assert links("Translated from Haqqin.az. Again: translated from Haqqin.az.") == [("translated_from", "Haqqin.az")]


def test_stored_with_the_article(store, settings, tmp_path):
    p = tmp_path / "wire.txt"
    p.write_text(
        "Kazakh troops return\n\nALMATY, Jan 11 (Reuters) - Kazakhstan's president said on Tuesday that the CSTO"
        " mission would end within ten days, according to the Kazinform news agency.\n"
        "His words are quoted by RIA Novosti.\n",
        "utf-8",
    )
    assert ingest([str(p)], store, settings, extract=False).ingested == 1
    (row,) = store.articles()
    art = store.article(row["id"])
    rels = [(x["relation"], x["target"], x["origin"]) for x in art["provenance"]]
    assert ("wire_dateline", "Reuters", "text") in rels
    assert ("according_to", "Kazinform", "text") in rels
    assert ("quoted_by", "RIA Novosti", "text") in rels
    assert len([r for r in rels if r[0] == "wire_dateline"]) == 1  # the dateline agency is not linked twice
    for x in art["provenance"]:
        assert art["text"][x["ev_start"] : x["ev_end"]] == x["ev_text"]
