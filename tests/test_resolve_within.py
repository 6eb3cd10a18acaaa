"""Within-article resolution over plain records (no parser): entities and mention spans given by hand."""

from __future__ import annotations

import re

from onrecord.models import Article, ArticleResult, Entity, Span, Statement
from onrecord.resolve import resolve_article


def _result(text: str, statements: list[tuple[str, str | None]], persons: list[str] = (), orgs: list[str] = ()):
    """statements: (content substring, mention substring or None); entities found by exact text."""
    sts = []
    for content, mention in statements:
        c = text.index(content)
        m = None
        if mention is not None:
            # the mention nearest before-or-after the content
            spots = [x.start() for x in re.finditer(re.escape(mention), text)]
            at = min(spots, key=lambda s: abs(s - c))
            m = Span.of(text, at, at + len(mention))
        cue_at = text.find("said", c + len(content)) if mention else -1
        cue = Span.of(text, cue_at, cue_at + 4) if cue_at >= 0 else None
        sts.append(Statement("a1", "indirect", Span.of(text, c, c + len(content)), cue=cue, speaker_mention=m))
    ents = []
    for label, names in (("PERSON", persons), ("ORG", orgs)):
        for n in names:
            for x in re.finditer(re.escape(n), text):
                ents.append(Entity(Span.of(text, x.start(), x.end()), label))
    return ArticleResult(Article("a1", text, published="2024-01-01"), tuple(sts), tuple(ents))


def _names(res):
    return [s.speaker_name for s in sorted(res.statements, key=lambda s: s.content.start)]


def test_pronoun_after_two_people_prefers_agreeing_then_subject():
    text = "Tom Hale met Vera Lind in Oslo. She said the talks were useful. He said more talks were planned."
    res = resolve_article(_result(text, [("the talks were useful", "She"), ("more talks were planned", "He")],
                                  ["Tom Hale", "Vera Lind"]))
    assert _names(res) == ["Vera Lind", "Tom Hale"]
    r = res.statements[0].resolution
    assert r["rule"] == "pronoun" and r["antecedent"]["text"] == "Vera Lind" and 0 < r["confidence"] <= 1


def test_latter_and_former():
    text = "Omar Haddad criticised Peter Lund. The latter said it was unfair. The former said he stood by it."
    res = resolve_article(_result(text, [("it was unfair", "The latter"), ("he stood by it", "The former")],
                                  ["Omar Haddad", "Peter Lund"]))
    assert _names(res) == ["Peter Lund", "Omar Haddad"]
    assert [s.resolution["rule"] for s in res.statements] == ["latter", "former"]


def test_surname_and_title_resolve_to_named_person():
    text = ("Defence Minister Rurik Stavan said troops would leave. Stavan said it would take a week. "
            "The defence minister said no date was set.")
    res = resolve_article(_result(text, [("troops would leave", "Defence Minister Rurik Stavan"),
                                         ("it would take a week", "Stavan"), ("no date was set", "The defence minister")],
                                  ["Rurik Stavan"]))
    assert _names(res) == ["Rurik Stavan"] * 3
    assert [s.resolution["mention_type"] for s in res.statements] == ["name", "surname", "title"]
    assert "defence minister" in res.statements[0].resolution["roles"]


def test_shared_surname_uses_honorific_gender():
    text = "Anna Kovac said the deficit would fall. Marko Kovac said that was false. Ms Kovac said he was wrong."
    res = resolve_article(_result(text, [("the deficit would fall", "Anna Kovac"), ("that was false", "Marko Kovac"),
                                         ("he was wrong", "Ms Kovac")], ["Anna Kovac", "Marko Kovac"]))
    assert _names(res) == ["Anna Kovac", "Marko Kovac", "Anna Kovac"]


def test_floating_quote_continues_speaker():
    text = 'Tom Hale said the port would reopen. "Ships can dock again." Officials were unavailable.'
    res = resolve_article(_result(text, [("the port would reopen", "Tom Hale"), ('"Ships can dock again."', None)],
                                  ["Tom Hale"]))
    assert _names(res) == ["Tom Hale", "Tom Hale"]
    assert res.statements[1].resolution["rule"] == "floating"


def test_organisation_and_its_spokesman():
    text = "The Interior Ministry said 14 people were held. Its spokesman, Oskar Tell, said none were hurt."
    res = resolve_article(_result(text, [("14 people were held", "The Interior Ministry"), ("none were hurt", "Oskar Tell")],
                                  ["Oskar Tell"], ["Interior Ministry"]))
    assert _names(res) == ["Interior Ministry", "Oskar Tell"]
    assert res.statements[0].resolution["kind"] == "organisation"
    assert res.statements[1].resolution.get("org") == "Interior Ministry"


def test_unresolved_title_keeps_role_for_linking():
    text = "The Kazakh president said the emergency would end. Shops reopened."
    res = resolve_article(_result(text, [("the emergency would end", "The Kazakh president")]))
    r = res.statements[0].resolution
    assert res.statements[0].speaker_name is None and r["role"] == "kazakh president" and r["mention_type"] == "title"


def test_mentions_are_recorded_and_generic_sources_stay_unknown():
    text = "Witnesses said they heard shots. Tom Hale said he heard nothing."
    res = resolve_article(_result(text, [("they heard shots", "Witnesses"), ("he heard nothing", "Tom Hale")], ["Tom Hale"]))
    assert _names(res) == [None, "Tom Hale"]
    assert len(res.mentions) == 2 and res.mentions[1].kind == "name"


def _with_outlet(res, outlet):
    import dataclasses

    return dataclasses.replace(res, article=dataclasses.replace(res.article, outlet=outlet))


def test_outlets_companies_and_places_are_organisations_not_people():
    text = ("Fares will rise, the Northbay Courier reported. Brask Shipping Ltd said fuel costs had doubled. "
            "The company said two sailings would be added. Sudland said the border would stay open.")
    res = resolve_article(_with_outlet(_result(text, [("Fares will rise", "the Northbay Courier"),
                                                      ("fuel costs had doubled", "Brask Shipping Ltd"),
                                                      ("two sailings would be added", "The company"),
                                                      ("the border would stay open", "Sudland")],
                                               ["Northbay Courier", "Sudland"]), "Northbay Courier"))
    kinds = [s.resolution.get("kind") for s in sorted(res.statements, key=lambda s: s.content.start)]
    assert _names(res)[:3] == ["Northbay Courier", "Brask Shipping Ltd", "Brask Shipping Ltd"]
    assert kinds[:3] == ["organisation"] * 3


def test_name_between_two_parts_of_a_quote_is_found():
    import dataclasses

    text = '"We found the crack," harbour master Tor Ekdal told reporters. "It has been sealed." Boats waited.'
    res = _result(text, [('"We found the crack," harbour master Tor Ekdal told reporters. "It has been sealed."',
                          "harbour master Tor Ekdal")], ["Tor Ekdal"])
    st = res.statements[0]
    frags = (Span.of(text, 0, 21), Span.of(text, text.index('"It'), text.index("Boats") - 1))
    res = dataclasses.replace(res, statements=(dataclasses.replace(st, kind="direct", fragments=frags),))
    out = resolve_article(res)
    assert out.statements[0].speaker_name == "Tor Ekdal" and out.statements[0].resolution["mention_type"] == "name"


def test_qualified_title_picks_its_holder_and_junk_stays_unlinked():
    text = ("Norland President Ivo Marr met Sudland President Kaia Brisk. The Norland president said the crossing "
            "would stay open. Most said the talks were short.")
    res = resolve_article(_result(text, [("the crossing would stay open", "The Norland president"),
                                         ("the talks were short", "Most")], ["Ivo Marr", "Kaia Brisk", "Sudland"]))
    assert _names(res) == ["Ivo Marr", None]
    assert res.statements[1].resolution["rule"] == "generic" and res.statements[1].resolution["reason"]


def test_extraction_rule_and_recap_stay_on_record():
    import dataclasses

    text = "Vera Lind said the talks were useful."
    base = _result(text, [("the talks were useful", "Vera Lind")], ["Vera Lind"])
    st = dataclasses.replace(base.statements[0], resolution={"rule": "verb:c:say", "recap": True})
    (out,) = resolve_article(dataclasses.replace(base, statements=(st,))).statements
    assert out.resolution["rule"] == "name" and out.resolution["extraction"] == "verb:c:say"
    assert out.resolution["recap"] is True
