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

__all__ = ["MODALITY_LEXICONS", "modality_of", "polarity_of", "checkworthiness"]

MODALITY_LEXICONS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "future": frozenset({"will", "wo", "'ll", "shall", "would"}),  # "would": backshifted "will" in reported speech
        "possible": frozenset({"may", "might", "could", "can", "ca"}),
        "necessary": frozenset({"must", "should", "ought"}),
        "necessary_verbs": frozenset({"have", "need"}),  # "has to", "need to"
        "intention_verbs": frozenset({"plan", "intend", "aim", "want", "seek", "promise", "pledge", "vow",
                                      "commit", "hope", "expect", "prepare", "decide", "agree", "threaten"}),
        "negators": frozenset({"not", "n't", "never", "no", "nor", "neither", "nobody", "nothing", "none"}),
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


def modality_of(span: Any, language: str = "en") -> str:
    """``asserted`` | ``future`` | ``possible`` | ``necessary`` | ``intention``."""
    lex = _lex(language)
    pred = _main_predicate(span)
    aux = [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    # "is going to", "plans to", "intends to": the predicate is the xcomp of a governing verb
    head = pred.head if pred.dep_ == "xcomp" and span.start <= pred.head.i < span.end else None
    if pred.lemma_ in lex["intention_verbs"] and any(c.dep_ == "xcomp" for c in pred.children):
        return "intention"
    if head is not None and head.lemma_ in lex["intention_verbs"]:
        return "intention"
    if words & lex["necessary"]:
        return "necessary"
    if pred.lemma_ in lex["necessary_verbs"] and any(c.dep_ == "xcomp" for c in pred.children):
        return "necessary"
    if words & lex["possible"]:
        return "possible"
    if words & lex["future"]:
        return "future"
    if pred.lemma_ == "go" and pred.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in pred.children):
        return "future"
    if (head is not None and head.lemma_ == "go" and head.tag_ == "VBG"):
        return "future"
    if pred.pos_ in ("VERB", "AUX"):
        return "asserted"
    # no verbal predicate: fall back to the first modal anywhere in the span
    for tok in span:
        lw = tok.lower_
        if tok.tag_ == "MD" or lw in lex["future"] or lw in lex["possible"] or lw in lex["necessary"]:
            if lw in lex["necessary"]:
                return "necessary"
            if lw in lex["possible"]:
                return "possible"
            if lw in lex["future"]:
                return "future"
    return "asserted"


def polarity_of(span: Any, cue: Any = None, language: str = "en") -> str:
    """``negative`` if the main predicate (or the reporting cue) negates, else ``positive``."""
    lex = _lex(language)
    pred = _main_predicate(span)
    negative = _negated(pred, lex)
    if pred.dep_ == "xcomp" and span.start <= pred.head.i < span.end:
        negative ^= _negated(pred.head, lex)
    if pred.lemma_ in lex["negative_verbs"] and pred.pos_ == "VERB":
        negative = not negative
    if cue is not None and len(cue) and any(t.lemma_ in lex["negative_verbs"] for t in cue):
        negative = not negative
    if cue is not None and len(cue) and any(_negated(t, lex) for t in cue if t.pos_ == "VERB"):
        negative = not negative  # "did not say that ..."
    return "negative" if negative else "positive"


def _negated(tok: Any, lex: dict[str, frozenset[str]]) -> bool:
    count = 0
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in lex["negators"] and c.dep_ in ("advmod", "det", "neg")):
            count += 1
        elif c.dep_ == "advmod" and c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children):
            count += 1  # "no longer"
    # "No troops will leave", "Nobody will be punished": a negative subject
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NEGATIVE_SUBJECTS or any(
                d.lower_ in ("no", "нет") and d.dep_ == "det" for d in c.children)):
            count += 1
    return count % 2 == 1


_OPINION_PHRASE = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel|hope|am\s+(?:sure|confident|proud|grateful|pleased)|are\s+(?:proud|grateful|pleased))\b"
    r"|\bthank(?:s|\s+you)?\b|\bcongratulat\w+|\bwelcome\b|\bhonou?r(?:ed)?\b",
    re.I,
)


_NEGATIVE_SUBJECTS = frozenset({"nobody", "nothing", "none", "noone", "никто", "ничто"})
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
