"""What the rest of onrecord takes from a parsed Doc: statements, entities and sentences."""

from __future__ import annotations

import dataclasses

from ..models import Entity, Span, Statement

__all__ = ["doc_facts", "ENTITY_LABELS"]

ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def doc_facts(doc, article_id: str) -> tuple[list[Statement], list[Entity], list[Span]]:
    """Statements (from ``doc._.statements``, or extracted now), named entities with their
    sentence index, and sentence spans of a Doc, all with ``article_id`` filled in."""
    from spacy.tokens import Doc

    statements = doc._.statements if Doc.has_extension("statements") else None
    if statements is None:
        from .quotes import extract_statements

        language = (doc._.language if Doc.has_extension("language") else None) or doc.lang_
        statements = extract_statements(doc, language, article_id)
    statements = [s if s.article_id == article_id else dataclasses.replace(s, article_id=article_id) for s in statements]
    text = doc.text
    sentences: list[Span] = []
    sent_of_token = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        sentences.append(Span.of(text, sent.start_char, sent.end_char))
        for i in range(sent.start, sent.end):
            sent_of_token[i] = k
    entities = [
        Entity(Span.of(text, ent.start_char, ent.end_char), ent.label_, sent_of_token[ent.start])
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    ]
    return statements, entities, sentences
