"""Annotate statements with what they assert: quantities, time (the statement date and the
time phrases inside it), hedges, modality, polarity and check-worthiness.

``annotate_claims`` is pure: it reads the parsed ``Doc`` and returns new ``Statement``
records (``dataclasses.replace``); the spaCy component ``onrecord.claims.v1`` only wraps it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Iterable

from ..models import Hedge, Statement, TimeExpression
from .dates import find_time_expressions, statement_date
from .hedges import find_hedges, resolve_overlaps
from .modality import checkworthiness, claim_stance
from .numbers import lexicon
from .quantities import find_quantities

__all__ = ["annotate_claims", "annotate_statement", "CLAIMS_EXTRACTOR"]

CLAIMS_EXTRACTOR = "onrecord.claims.v1"

# time expressions that bound a claim become "temporal" hedges ("within two days", "by
# Sunday"); a plain time point or period ("in two days", "from Friday", "for six months") does not
_BOUNDING = {"en": re.compile(r"(?:within|by|until|till|before|no\s+later\s+than|not\s+later\s+than)\s", re.I),
             "ru": re.compile(r"(?:в\s+течение|до|к|не\s+позднее)\s", re.I)}


def annotate_claims(doc: Any, statements: Iterable[Statement], published: str | None,
                    language: str = "en") -> list[Statement]:
    """Return the statements with ``quantities``, ``hedges``, ``times``, ``said_on``,
    ``modality``, ``polarity`` and ``checkworthy`` filled in. A statement whose span cannot be read
    is returned unchanged (never dropped)."""
    statements = list(statements)
    siblings: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for st in statements:  # "said that A and that B": B's date is not in the words around A
        if st.cue is not None:
            siblings.setdefault((st.cue.start, st.cue.end), []).append((st.content.start, st.content.end))
    cues = sorted({st.cue.start for st in statements if st.cue is not None})
    return [annotate_statement(doc, st, published, language,
                               siblings.get((st.cue.start, st.cue.end), ()) if st.cue is not None else (), cues)
            for st in statements]


def annotate_statement(doc: Any, st: Statement, published: str | None, language: str = "en",
                       siblings: Iterable[tuple[int, int]] = (), cues: Iterable[int] = ()) -> Statement:
    """One statement's claims; ``siblings`` are the contents of other statements with the same cue,
    ``cues`` the cue offsets of all the article's statements (a date phrase belongs to the nearest)."""
    span = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return st
    said_on = statement_date(doc, st, published, language, siblings, cues)
    pieces = st.fragments or (st.content,)
    quantities = tuple(_within(find_quantities(span, language), pieces))
    times = _within(find_time_expressions(span, said_on or published, language), pieces)
    hedges = tuple(resolve_overlaps(_within(find_hedges(span, language), pieces)
                                    + _temporal_hedges(times, language) + _vague_hedges(quantities, language)))
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand") if st.cue is not None else None
    # only a direct quote's pieces are sure to leave out the attribution between them
    modality, polarity = claim_stance(span, cue, language, st.fragments if st.kind == "direct" else None)
    return replace(
        st,
        said_on=said_on,
        quantities=quantities,
        hedges=hedges,
        times=tuple(times),
        modality=modality,
        polarity=polarity,
        checkworthy=checkworthiness(span, quantities=len(quantities), times=len(times), modality=modality,
                                    language=language),
    )


def _within(items: list[Any], pieces: tuple[Any, ...]) -> list[Any]:
    """The items inside one of the content's pieces: a discontinuous quote's attribution
    ("...," he said, according to a transcript, "...") is not part of what was said."""
    return [x for x in items if any(p.start <= x.start and x.end <= p.end for p in pieces)]


def _vague_hedges(quantities: tuple[Any, ...], language: str) -> list[Hedge]:
    """A vague amount ("dozens", "several thousand") is itself an approximation."""
    out = []
    for q in quantities:
        m = _vague_regex(language).search(q.text) if q.value is None else None
        if m:
            out.append(Hedge("approximation", q.start + m.start(), q.start + m.end(), m.group()))
    return out


@lru_cache(maxsize=None)
def _vague_regex(language: str) -> "re.Pattern[str]":
    lex = lexicon(language)
    words = sorted(set(lex.vague) | set(lex.few), key=len, reverse=True)
    scales = "|".join(re.escape(w) for w in sorted(lex.scales, key=len, reverse=True))
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<!\w)(?:{alts})(?:\s+(?:of\s+)?(?:{scales}))?(?!\w)", re.I)


def _temporal_hedges(times: list[TimeExpression], language: str) -> list[Hedge]:
    bounding = _BOUNDING.get((language or "en").split("-")[0].lower(), _BOUNDING["en"])
    return [Hedge("temporal", t.start, t.end, t.text) for t in times if bounding.match(t.text)]
