"""Modality, polarity and check-worthiness of what a statement asserts.

* modality: ``asserted`` (a report of fact), ``future`` ("will begin", "is going to"),
  ``possible`` ("may", "could"), ``necessary`` ("must", "has to", "should"), ``intention``
  ("plans to", "intends to", "promised to").
* polarity: ``negative`` when the main predicate is negated ("won't leave", "never",
  "no longer") or the reporting verb denies it ("denied that ..."); two negations cancel.
* check-worthiness (0-1): numbers, dated events and commitments score high; opinion and
  pleasantries low. A transparent additive score, not a trained model.

All read the existing parse of the content span; nothing is re-parsed.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["MODALITY_LEXICONS", "claim_stance", "modality_of", "polarity_of", "checkworthiness"]

MODALITY_LEXICONS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "future": frozenset({"will", "wo", "'ll", "shall", "would"}),  # "would": backshifted "will" in reported speech
        "possible": frozenset({"may", "might", "could", "can", "ca"}),
        "necessary": frozenset({"must", "should", "ought"}),
        "necessary_verbs": frozenset({"have", "need"}),  # "has to", "need to"
        "intention_verbs": frozenset({"plan", "intend", "aim", "want", "seek", "promise", "pledge", "vow",
                                      "commit", "hope", "prepare", "decide", "agree", "threaten"}),
        "expectation_verbs": frozenset({"expect", "anticipate", "predict", "forecast"}),
        # a directive's content is what must (not) be done: "advised residents not to fish"
        "directive_verbs": frozenset({"advise", "urge", "order", "instruct", "direct", "command", "warn", "tell",
                                      "ask", "call", "recommend", "encourage"}),
        "opinion_verbs": frozenset({"believe", "think", "suppose", "reckon", "assume"}),
        "possible_adjectives": frozenset({"likely", "possible", "probable"}),
        "negators": frozenset({"not", "n't", "never", "no", "nor", "neither", "nobody", "nothing", "none"}),
        "negative_pronouns": frozenset({"nobody", "nothing", "none", "noone", "neither"}),
        "negative_determiners": frozenset({"no", "neither"}),
        "idiomatic_no": frozenset({"doubt", "wonder", "question"}),  # "there is no doubt that ..." affirms
        "negative_verbs": frozenset({"deny", "reject", "refute", "dismiss", "refuse", "rule", "disprove",
                                     "contradict", "decline"}),
        "opinion": frozenset({"think", "believe", "feel", "hope", "great", "wonderful", "terrible", "proud",
                              "grateful", "thank", "honour", "honor", "pleased", "happy", "welcome",
                              "beautiful", "amazing", "shame", "disgrace", "best", "worst", "love"}),
    },
    "ru": {
        "future": frozenset({"будет", "будем", "будут", "буду", "будешь"}),
        "possible": frozenset({"может", "могут", "возможно", "мог", "могли"}),
        "necessary": frozenset({"должен", "должны", "должна", "нужно", "надо", "необходимо"}),
        "necessary_verbs": frozenset(),
        "intention_verbs": frozenset({"планировать", "намереваться", "собираться", "обещать"}),
        "expectation_verbs": frozenset({"ожидать", "прогнозировать"}),
        "directive_verbs": frozenset({"призвать", "призывать", "посоветовать", "советовать", "приказать",
                                      "приказывать", "поручить", "рекомендовать", "потребовать", "требовать"}),
        "opinion_verbs": frozenset({"считать", "думать", "полагать"}),
        "possible_adjectives": frozenset({"вероятно", "возможно"}),
        "negative_pronouns": frozenset({"никто", "ничто", "ничего", "никого"}),
        "negative_determiners": frozenset({"никакой", "никакие", "никаких", "нет"}),
        "idiomatic_no": frozenset({"сомнение"}),
        "negators": frozenset({"не", "нет", "никогда", "ни"}),
        "negative_verbs": frozenset({"отрицать", "опровергнуть", "отвергнуть"}),
        "opinion": frozenset({"думать", "считать", "спасибо", "благодарить", "рад"}),
    },
}


def _lex(language: str) -> dict[str, frozenset[str]]:
    return MODALITY_LEXICONS.get((language or "en").split("-")[0].lower(), MODALITY_LEXICONS["en"])


def _main_predicate(span: Any) -> Any:
    """The root verb of the first sentence in the span (the span's syntactic root otherwise)."""
    for tok in span:
        if tok.dep_ == "ROOT" or tok.head.i < span.start or tok.head.i >= span.end:
            if tok.pos_ in ("VERB", "AUX"):
                return tok
    return span.root


def _inside(tok: Any, span: Any) -> bool:
    return span.start <= tok.i < span.end


def _finite(pred: Any, span: Any, lex: dict[str, frozenset[str]], cue: frozenset[int] = frozenset()) -> Any:
    """The verb that carries the clause: a misparsed non-finite root ("troops guarding the
    perimeter would hand over"), an opinion verb ("we believe no data were taken") and a
    reporting cue that the content span took in ("X said the cost could reach ...") give way
    to their clausal complement."""
    for _ in range(3):
        comps = sorted((c for c in pred.children if c.dep_ == "ccomp" and _inside(c, span) and c.pos_ in ("VERB", "AUX")),
                       key=lambda c: (c.i < pred.i, c.i))  # the complement after the verb first
        bare = pred.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in pred.children)
        if comps and (bare or pred.lemma_ in lex["opinion_verbs"] or pred.i in cue):
            pred = comps[0]
        else:
            break
    return pred


def _clause_predicate(span: Any, lex: dict[str, frozenset[str]], cue: frozenset[int] = frozenset()) -> Any:
    """The predicate of the span's first clause: the main verb, or a comma-spliced clause before
    it ("The number may change, the figures are approximate")."""
    pred = _finite(_main_predicate(span), span, lex, cue)
    spliced = [c for c in pred.children if c.dep_ == "ccomp" and c.i < pred.i and _inside(c, span)
               and c.pos_ in ("VERB", "AUX") and any(t.text == "," for t in span.doc[c.right_edge.i + 1:pred.i])]
    return _finite(spliced[0], span, lex) if spliced else pred


def _clauses(span: Any, pieces: Any = None) -> list[Any]:
    """The sentences of the content, each cut to a piece of a discontinuous quote (so that the
    attribution between the pieces is no clause); questions are left out unless all are questions."""
    doc = span.doc
    ranges = [(p.start, p.end) for p in pieces] if pieces else [(span.start_char, span.end_char)]
    out = []
    for s, e in ranges:
        piece = doc.char_span(s, e, alignment_mode="expand")
        if piece is None or not len(piece):
            continue
        for sent in piece.sents:
            clause = doc[max(sent.start, piece.start):min(sent.end, piece.end)]
            if len(clause) and any(t.is_alpha for t in clause):
                out.append(clause)
    statements = [c for c in out if not _is_question(c)]
    return statements or out or [span]


def _is_question(clause: Any) -> bool:
    return clause[-1].text == "?"


def _modality(pred: Any, span: Any, lex: dict[str, frozenset[str]]) -> str:
    aux = [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    # "is going to", "plans to", "intends to": the predicate is the xcomp of a governing verb
    head = pred.head if pred.dep_ == "xcomp" and _inside(pred.head, span) else None
    clausal = any(c.dep_ in ("xcomp", "ccomp") for c in pred.children)
    if pred.lemma_ in lex["intention_verbs"] and any(c.dep_ == "xcomp" for c in pred.children):
        return "intention"
    if head is not None and head.lemma_ in lex["intention_verbs"]:
        return "intention"
    if words & lex["necessary"]:
        return "necessary"
    if pred.lemma_ in lex["necessary_verbs"] and any(c.dep_ == "xcomp" for c in pred.children):
        return "necessary"
    if words & lex["possible"] or any(c.dep_ == "acomp" and c.lower_ in lex["possible_adjectives"]
                                      for c in pred.children):
        return "possible"  # "may", "is likely to rise"
    if words & lex["future"]:
        return "future"
    if pred.lemma_ in lex["expectation_verbs"] and clausal and not any(c.dep_ == "auxpass" for c in pred.children):
        return "future"  # "she expected the building to reopen"; not the impersonal "is expected to"
    if pred.lemma_ == "go" and pred.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in pred.children):
        return "future"
    if head is not None and head.lemma_ == "go" and head.tag_ == "VBG":
        return "future"
    if pred.pos_ in ("VERB", "AUX"):
        return "asserted"
    # no verbal predicate: fall back to the first modal anywhere in the span
    for tok in span:
        lw = tok.lower_
        for kind in ("necessary", "possible", "future"):
            if lw in lex[kind]:
                return kind
    return "asserted"


def _negative(pred: Any, span: Any, lex: dict[str, frozenset[str]]) -> bool:
    negative = _negated(pred, lex)
    if pred.dep_ == "xcomp" and _inside(pred.head, span):
        negative ^= _negated(pred.head, lex)
    if pred.lemma_ in lex["negative_verbs"] and pred.pos_ == "VERB":
        negative = not negative
    return negative


def claim_stance(span: Any, cue: Any = None, language: str = "en", pieces: Any = None) -> tuple[str, str]:
    """``(modality, polarity)`` of the statement's main claim: its first clause that is not a
    question. ``pieces`` are the character spans of a discontinuous quote (the attribution
    between them is no clause). A reporting cue that denies ("denied that") or is negated ("did
    not say that") flips the polarity."""
    lex = _lex(language)
    clause = _clauses(span, pieces)[0]
    cue_tokens = frozenset(t.i for t in cue) if cue is not None else frozenset()
    pred = _clause_predicate(clause, lex, cue_tokens)
    modality, negative = _modality(pred, clause, lex), _negative(pred, clause, lex)
    if modality == "asserted" and cue is not None and any(t.lemma_ in lex["expectation_verbs"] for t in cue):
        modality = "future"  # "she expected [the building to reopen]"
    elif modality == "asserted" and cue is not None and any(t.lemma_ in lex["directive_verbs"] for t in cue) and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in pred.children):
        modality = "necessary"  # "advised residents [not to fish]"
    if cue is not None and len(cue) and any(t.lemma_ in lex["negative_verbs"] for t in cue):
        negative = not negative
    if cue is not None and len(cue) and any(_negated(t, lex) for t in cue if t.pos_ == "VERB"):
        negative = not negative  # "did not say that ..."
    return modality, "negative" if negative else "positive"


def modality_of(span: Any, language: str = "en", pieces: Any = None) -> str:
    """``asserted`` | ``future`` | ``possible`` | ``necessary`` | ``intention`` of the main claim."""
    return claim_stance(span, None, language, pieces)[0]


def polarity_of(span: Any, cue: Any = None, language: str = "en", pieces: Any = None) -> str:
    """``negative`` if the main claim's predicate (or the reporting cue) negates, else ``positive``."""
    return claim_stance(span, cue, language, pieces)[1]


def _negated(tok: Any, lex: dict[str, frozenset[str]]) -> bool:
    count = 0
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in lex["negators"] and c.dep_ in ("advmod", "det", "neg")):
            prev = c.doc[c.i - 1] if c.i > 0 else None
            if not (c.i > tok.i and prev is not None and prev.text == ","):  # "abroad, not in Valdoria"
                count += 1
        elif c.dep_ == "advmod" and c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children):
            count += 1  # "no longer"
        elif c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and _negative_phrase(c, lex):
            count += 1  # "Nobody will be punished", "There will be no curfew", "has nothing to hide"
    return count % 2 == 1


def _negative_phrase(tok: Any, lex: dict[str, frozenset[str]]) -> bool:
    if tok.lower_ in lex["negative_pronouns"]:
        return True
    return tok.lemma_.lower() not in lex["idiomatic_no"] and any(
        d.lower_ in lex["negative_determiners"] and d.dep_ == "det" for d in tok.children)


_OPINION_PHRASE = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel|hope|am\s+(?:sure|confident|proud|grateful|pleased)|are\s+(?:proud|grateful|pleased))\b"
    r"|\bthank(?:s|\s+you)?\b|\bcongratulat\w+|\bwelcome\b|\bhonou?r(?:ed)?\b",
    re.I,
)


_EVENT_TAGS = frozenset({"VBD", "VBN"})


def checkworthiness(span: Any, *, quantities: int, times: int, modality: str, language: str = "en") -> float:
    """A 0-1 score: does the statement assert something checkable?"""
    lex = _lex(language)
    score = 0.15
    if quantities:
        score += 0.4
    if times:
        score += 0.15
    ents = {e.label_ for e in span.ents} if hasattr(span, "ents") else set()
    if ents & {"GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT", "DATE", "LAW"}:
        score += 0.1
    if modality in ("future", "intention"):
        score += 0.2  # a commitment or prediction that can be checked later
    pred = _main_predicate(span)
    if pred.tag_ in _EVENT_TAGS and pred.lemma_ not in ("be", "have"):
        score += 0.15  # a reported event
    if _OPINION_PHRASE.search(span.text):
        score -= 0.25
    if any(t.lemma_.lower() in lex["opinion"] for t in span if t.pos_ in ("ADJ", "VERB", "INTJ")):
        score -= 0.15
    if modality == "possible":
        score -= 0.05
    return round(max(0.0, min(1.0, score)), 3)
