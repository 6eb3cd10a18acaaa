"""Nominal cues: positions reported through a noun (``her vow to ...``, ``his claim that ...``,
``Trump's support for ...``, ``he made the argument that ...``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .drafts import Draft
from .reporting import COMPLEMENT_PREPS, LIGHT_VERBS, NOMINAL_CUES, REACTION_VERBS, RECEIVING_VERBS, SPEECH_NOUNS
from .sources import TIME_ENTS, cue_span, person_like, source_span, subject_of

__all__ = ["nominal_drafts"]

_CONTENT_PREPS = frozenset({"for", "of", "on", "against", "to", "about"})
_NO_SOURCE = frozenset({"it", "this", "that", "there", "which", "what"})


def _content(noun: Token, lang: str) -> tuple[int, int] | None:
    """The noun's complement: a ``that``/``to`` clause, or a prepositional object (for a speech
    noun not its addressee: ``comments to reporters``)."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i:
            if c.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                return c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                return c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i > noun.i and not (
                c.lower_ == "to" and noun.lemma_ in SPEECH_NOUNS.get(lang, ())):
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in TIME_ENTS:  # not "his remarks on Tuesday"
                    return p.left_edge.idx, p.right_edge.idx + len(p.right_edge)
    return None


def _actor(noun: Token, lang: str) -> tuple[Token, Token] | None:
    """The verb whose object the noun is (``escalated her attacks``, ``vouched for his plan``) and the
    verb's person-like subject."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in COMPLEMENT_PREPS.get(lang, ()):
        verb = head.head
    elif noun.dep_ == "dobj":
        verb = head
    else:
        return None  # "before Francis' remarks": an adjunct, not what the verb acts on
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in RECEIVING_VERBS.get(lang, ()):
        return None  # "won the endorsement of the union": the position is the giver's
    subj = subject_of(verb)
    return (verb, subj) if person_like(subj) else None


def _holder(noun: Token, lang: str) -> Token | None:
    """Who holds the position: a possessor (``her``, ``Trump's``), an agent (``claims by the
    agencies``), or the subject of a light verb (``the group made the argument``)."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in _NO_SOURCE:
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


def _reacts(verb: Token, actor: Token, holder: Token | None, lang: str) -> bool:
    """Whether the actor reacts to someone else's position (``Clinton bashed Trump's proposal``,
    ``the court rejected a request by the challengers``) rather than pursuing its own (``she
    escalated her attacks on``; a pronoun possessor is taken for the actor)."""
    if verb.lemma_ in REACTION_VERBS.get(lang, ()):
        return True
    return holder is not None and holder.pos_ != "PRON" and holder.i != actor.i


def nominal_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """One draft per listed noun that has an owner and a complement: the person acting on it
    (``she escalated her attacks on X``), else its holder. A person reacting to someone else's
    position states the reaction, with the whole noun phrase as content."""
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
        content = _content(tok, lang)
        if content is None:
            continue
        holder = _holder(tok, lang)
        acting = _actor(tok, lang)
        if acting is not None and _reacts(*acting, holder, lang):
            # the reaction is the statement: the actor's, about the whole noun phrase
            verb, actor = acting
            cue = cue_span(verb, tok.head if tok.dep_ == "pobj" else None)  # "balked at"
            drafts.append(Draft([(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))], cue,
                                source_span(actor), weight, f"noun:react:{tok.lemma_}", tok.i))
            continue
        owner = acting[1] if acting is not None else holder
        if owner is None:
            continue
        source = source_span(owner)
        if source[0] >= content[0] and source[1] <= content[1]:
            continue
        drafts.append(Draft([content], (tok.idx, tok.idx + len(tok)), source, weight, f"noun:{tok.lemma_}", tok.i))
    return drafts
