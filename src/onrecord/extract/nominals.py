"""Nominal cues: positions reported through a noun (``her vow to ...``, ``his claim that ...``,
``Trump's support for ...``, ``he made the argument that ...``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .drafts import Draft
from .reporting import NOMINAL_CUES, LIGHT_VERBS
from .sources import governing_verb, source_span, subject_of

__all__ = ["nominal_drafts"]

_CONTENT_PREPS = frozenset({"for", "of", "on", "against", "to", "about"})
_NO_SOURCE = frozenset({"it", "this", "that", "there", "which", "what"})


def _content(noun: Token) -> tuple[int, int] | None:
    """The noun's complement: a ``that``/``to`` clause, or a prepositional object."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i:
            if c.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                return c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                return c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i > noun.i:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    return p.left_edge.idx, p.right_edge.idx + len(p.right_edge)
    return None


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
_OBJECT_PATH = frozenset({"dobj", "pobj", "prep"})
# verbs of reacting to someone else's position
_REACTIONS = frozenset({"criticize", "criticise", "attack", "reject", "dismiss", "oppose", "mock", "slam", "blast",
                        "question", "challenge", "denounce", "condemn", "ridicule", "decry", "rebuke", "praise",
                        "welcome", "applaud", "hail", "support", "endorse", "back", "ignore", "respond", "answer",
                        "counter", "rebut", "scoff", "deride", "lambaste", "assail", "fault", "blame", "cite",
                        "quote", "echo", "note", "hear", "read", "see", "discuss", "debate", "investigate"})


def _clause_subject(noun: Token) -> Token | None:
    """The named subject of the verb whose object the noun is (through prepositions)."""
    verb = governing_verb(noun, _OBJECT_PATH)
    if verb is None or verb.lemma_ in _REACTIONS:
        return None  # "Clinton mocked his proposal": the proposal is not Clinton's
    subj = subject_of(verb)
    return subj if subj is not None and subj.ent_type_ in ("PERSON", "ORG", "NORP") else None


def _owner(noun: Token, lang: str) -> Token | None:
    """Whose position it is: a possessor (``her``, ``Trump's``), or the subject of a light verb
    (``he made the argument``)."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in _NO_SOURCE:
            if c.lower_ in _POSSESSIVE_PRONOUNS:
                named = _clause_subject(noun)
                if named is not None:
                    return named  # "Trump has since revised his proposal": the name, not "his"
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ in LIGHT_VERBS.get(lang, ()):
        return subject_of(head)
    return None


def nominal_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """One draft per listed noun that has an owner and a complement."""
    lexicon = NOMINAL_CUES.get(lang, {})
    if not lexicon:
        return []
    drafts: list[Draft] = []
    for tok in doc:
        if tok.pos_ != "NOUN":
            continue
        weight = lexicon.get(tok.lemma_)
        if weight is None:
            continue
        content = _content(tok)
        if content is None:
            continue
        owner = _owner(tok, lang)
        if owner is None:
            continue
        source = source_span(owner)
        if source[0] >= content[0] and source[1] <= content[1]:
            continue
        drafts.append(Draft([content], (tok.idx, tok.idx + len(tok)), source, weight, f"noun:{tok.lemma_}", tok.i))
    return drafts
