"""Russian extraction on natasha: direct, indirect, 'по словам' and colon lead-ins, with exact spans."""

import pytest

pytest.importorskip("natasha")

from onrecord.extract.russian import RU_EXTRACTOR, russian_facts  # noqa: E402

TEXT = (
    "«Миротворцы выполнят свои задачи до полной стабилизации», — заявил министр обороны России Сергей Шойгу. "
    "Токаев сказал, что основная миссия выполнена. "
    "По словам президента, вывод займет не более десяти дней. "
    "Шойгу: контингент останется."
)


@pytest.fixture(scope="module")
def facts():
    return russian_facts(TEXT, "ru-1")


def _by_content(statements, fragment):
    return next(s for s in statements if s.content.text == fragment)


def test_direct_quote_with_dash_lead_out(facts):
    st = _by_content(facts[0], "Миротворцы выполнят свои задачи до полной стабилизации")
    assert st.kind == "direct"
    assert st.cue.text == "заявил"
    assert st.speaker_mention.text == "министр обороны России Сергей Шойгу"
    assert TEXT[st.content.start : st.content.end] == st.content.text
    assert st.extractor == RU_EXTRACTOR


def test_indirect_with_chto(facts):
    st = _by_content(facts[0], "основная миссия выполнена")
    assert (st.kind, st.cue.text, st.speaker_mention.text) == ("indirect", "сказал", "Токаев")


def test_po_slovam(facts):
    st = _by_content(facts[0], "вывод займет не более десяти дней")
    assert st.cue.text == "По словам"
    assert st.speaker_mention.text == "президента"


def test_colon_lead_in(facts):
    st = _by_content(facts[0], "контингент останется")
    assert st.speaker_mention.text == "Шойгу"


def test_entities_and_sentences(facts):
    _, entities, sentences = facts
    assert len(sentences) == 4
    assert ("Сергей Шойгу", "PERSON") in {(e.span.text, e.label) for e in entities}
    assert all(TEXT[s.start : s.end] == s.text for s in sentences)
