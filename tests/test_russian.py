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


# --- claims on Russian statements and more statement forms (exact spans) ---

from onrecord.extract.russian import annotate_russian_statements  # noqa: E402
from onrecord.models import Span, Statement  # noqa: E402

PUB = "2022-01-12"  # a Wednesday


def _one(text, fragment, published=PUB):
    s = text.index(fragment)
    st = Statement("t", "indirect", Span.of(text, s, s + len(fragment)))
    return annotate_russian_statements(text, [st], published)[0]


@pytest.mark.parametrize("text, qtext, value, unit, counted, qualifier", [
    ("Погибли не менее 164 человек.", "164", 164, "", "death", "at_least"),
    ("Около 2 тысяч человек задержаны.", "2 тысяч", 2000, "", "detainee", "about"),
    ("В регион прибудут более 3000 военнослужащих.", "3000", 3000, "", "troop", "more_than"),
    ("Город атаковали двадцать тысяч боевиков.", "двадцать тысяч", 20000, "", "terrorist", ""),
    ("Эвакуированы 20 тыс. жителей.", "20 тыс.", 20000, "", "evacuee", ""),
    ("Операция займёт десять дней.", "десять дней", 10, "day", "", ""),
    ("Работы шли сутки.", "сутки", 1, "day", "", ""),
    ("Безработица составила 7,5%.", "7,5%", 7.5, "%", "", ""),
    ("Выделено 200 млн долларов.", "200 млн долларов", 2e8, "USD", "", ""),
    ("Найдены 164 погибших.", "164", 164, "", "death", ""),
])
def test_quantity_forms(text, qtext, value, unit, counted, qualifier):
    st = _one(text, text.rstrip("."))
    (q,) = st.quantities
    assert (text[q.start:q.end], q.value, q.unit, q.counted, q.qualifier) == (qtext, value, unit, counted, qualifier)


def test_dates_and_years_are_not_quantities():
    text = "Режим продлён до 19 января 2022 года."
    assert _one(text, text.rstrip(".")).quantities == ()


def test_vague_amount_is_a_range_and_an_approximation():
    st = _one("На границе десятки тысяч солдат.", "На границе десятки тысяч солдат")
    (q,) = st.quantities
    assert (q.text, q.value, q.low, q.high, q.counted) == ("десятки тысяч", None, 20000, 99999, "troop")
    assert [(h.kind, h.text) for h in st.hedges] == [("approximation", "десятки тысяч")]


@pytest.mark.parametrize("text, kind, htext", [
    ("По предварительным данным, погибли 12 человек.", "preliminary", "По предварительным данным"),
    ("Число жертв может измениться.", "preliminary", "может измениться"),
    ("Предположительно, пострадали 30 человек.", "preliminary", "Предположительно"),
    ("Основная задача выполнена.", "scope", "Основная задача"),
    ("Больницы пока справляются.", "temporal", "пока"),
    ("Если ситуация ухудшится, войска останутся.", "condition", "Если ситуация ухудшится"),
    ("Войска могут остаться.", "modal", "могут"),
])
def test_hedge_forms(text, kind, htext):
    st = _one(text, text.rstrip("."))
    assert (kind, htext) in [(h.kind, h.text) for h in st.hedges]


@pytest.mark.parametrize("text, modality, polarity", [
    ("Вывод войск начнётся в четверг.", "future", "positive"),
    ("Транспорт будет работать.", "future", "positive"),
    ("Мы не будем вводить комендантский час.", "future", "negative"),
    ("Угрозы для жителей нет.", "asserted", "negative"),
    ("Погибли не менее 164 человек.", "asserted", "positive"),
    ("Мы должны выплатить компенсации.", "necessary", "positive"),
])
def test_modality_and_polarity(text, modality, polarity):
    st = _one(text, text.rstrip("."))
    assert (st.modality, st.polarity) == (modality, polarity)


def test_denial_cue_makes_it_negative():
    text = "Осокин отрицает, что войска применяли оружие."
    (st,) = russian_facts(text, "t", PUB)[0]
    assert (st.content.text, st.cue.text, st.polarity) == ("войска применяли оружие", "отрицает", "negative")


@pytest.mark.parametrize("text, said_on", [
    ("«Мы готовы», — заявил во вторник Ветров.", "2022-01-11"),
    ("«Мы готовы», — заявил вчера Ветров.", "2022-01-11"),
    ("Ветров 10 января заявил, что войска готовы.", "2022-01-10"),
    ("«Мы готовы», — заявил Ветров.", None),
])
def test_said_on(text, said_on):
    (st,) = russian_facts(text, "t", PUB)[0]
    assert st.said_on == said_on


def test_trailing_attribution_and_kak_soobshil():
    text = ("По предварительным данным, погибли 12 человек, сообщили в пресс-службе больницы. "
            "Как сообщил Сомов, задержаны 57 человек.")
    a, b = russian_facts(text, "t", PUB)[0]
    assert (a.content.text, a.cue.text, a.speaker_mention.text) == (
        "По предварительным данным, погибли 12 человек", "сообщили", "пресс-службе больницы")
    assert (b.content.text, b.cue.text, b.speaker_mention.text) == ("задержаны 57 человек", "сообщил", "Сомов")


def test_colon_lead_in_quote_over_two_sentences():
    text = "Брагин сказал: «Наша главная цель — не допустить жертв. Войска будут патрулировать город»."
    (st,) = russian_facts(text, "t", PUB)[0]
    assert st.content.text == "Наша главная цель — не допустить жертв. Войска будут патрулировать город"
    assert (st.kind, st.cue.text, st.speaker_mention.text) == ("direct", "сказал", "Брагин")
    assert ("scope", "главная цель") in [(h.kind, h.text) for h in st.hedges]


def test_russian_article_end_to_end(tmp_path):
    """A Russian JSONL through onrecord.pipeline.ingest into a real SQLite store."""
    import json

    from onrecord.pipeline import ingest
    from onrecord.settings import resolve_settings
    from onrecord.store import open_store

    rows = [
        {"id": "ru-a", "lang": "ru", "date": "2022-01-12",
         "text": "«Миротворцы покинут республику в течение десяти дней», — заявил во вторник министр обороны "
                 "Сергей Шойгу. Шойгу сообщил, что в операции участвовали более 3000 военнослужащих."},
        {"id": "ru-b", "lang": "ru", "date": "2022-01-13",
         "text": "Сергей Шойгу заявил, что по предварительным данным погибли не менее 164 человек."},
    ]
    src = tmp_path / "ru.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    settings = resolve_settings({"db": url, "progress": False}, env={}, config_path=tmp_path / "absent.toml")
    with open_store(url) as store:
        report = ingest([str(src)], store, settings)
        assert (report.ingested, report.statements, dict(report.extract_errors)) == (2, 3, {})
        assert {a["language"] for a in store.articles()} == {"ru"}
        statements = store.statements()
        by_content = {s["content"]["text"]: s for s in statements}
        quote = by_content["Миротворцы покинут республику в течение десяти дней"]
        assert quote["speaker_mention"]["text"] == "министр обороны Сергей Шойгу"
        assert quote["said_on"] == "2022-01-11"
        assert [(q["value"], q["unit"], q["qualifier"]) for q in quote["quantities"]] == [(10.0, "day", "at_most")]
        toll = by_content["по предварительным данным погибли не менее 164 человек"]
        assert [(q["value"], q["counted"], q["qualifier"]) for q in toll["quantities"]] == [(164.0, "death", "at_least")]
        assert "preliminary" in [h["kind"] for h in toll["hedges"]]
        # "министр обороны Сергей Шойгу", "Шойгу" and "Сергей Шойгу" are one speaker across both articles
        assert {s["speaker"]["name"] for s in statements} == {"Сергей Шойгу"}
        assert len({s["speaker"]["id"] for s in statements}) == 1


def test_inflected_name_forms_link_to_one_speaker(tmp_path):
    """Nominative, genitive and bare-surname mentions of one person are one canonical speaker."""
    import json

    from onrecord.pipeline import ingest
    from onrecord.settings import resolve_settings
    from onrecord.store import open_store

    corpus = tmp_path / "ru.jsonl"
    rows = [
        {"id": "r1", "outlet": "Пример", "date": "2025-01-12", "lang": "ru",
         "text": "«Миротворцы выполнят свои задачи до полной стабилизации», — заявил министр обороны России Сергей Шойгу."},
        {"id": "r2", "outlet": "Пример", "date": "2025-01-13", "lang": "ru",
         "text": "По словам министра обороны Сергея Шойгу, контингент останется в стране. "
                 "Шойгу добавил, что вывод начнется позже."},
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    settings = resolve_settings({"db": str(tmp_path / "ru.db"), "progress": False}, env={})
    with open_store(settings.db) as store:
        report = ingest([str(corpus)], store, settings)
        assert report.statements == 3
        named = {(s["speaker"] or {}).get("name") for s in store.statements()}
    assert named == {"Сергей Шойгу"}
