"""Statement extraction: the pure rule function ``Doc -> list[Statement]``.

It runs the quotation-mark scanner on the text, the reporting-verb rules on the
parse, attaches quoted passages to their cues, and drops duplicates. No second
parse: everything reads the ``Doc`` the pipeline already built.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Statement
from .direct import attach_quotes, nearby_speaker
from .drafts import Draft, finish
from .indirect import according_drafts, colon_drafts, verb_drafts
from .headlines import headline_drafts
from .nominals import nominal_drafts
from .quote_marks import find_quoted

__all__ = ["EXTRACTOR", "extract_statements"]

EXTRACTOR = "onrecord.quotes.v1"


def _new_only(extra: list[Draft], drafts: list[Draft]) -> list[Draft]:
    """Drafts of ``extra`` whose content overlaps none of ``drafts`` (the parse-based rules win)."""
    return [x for x in extra if not any(d.start < x.end and x.start < d.end for d in drafts)]


def _inside_quote(pos: int, quotes) -> bool:
    return any(q.closed and q.start < pos < q.end for q in quotes)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One draft per content (the most confident) and per cue token."""
    best: dict[tuple, Draft] = {}
    for d in drafts:
        key = tuple(sorted(d.fragments))
        if key not in best or d.confidence > best[key].confidence:
            best[key] = d
    return sorted(best.values(), key=lambda d: (d.start, d.end))


_CARRY_CHARS = 600
_CARRY_FACTOR = 1.5


def _carry_speaker(drafts: list[Draft]) -> None:
    """A quotation with no cue of its own is credited to the speaker of the statement just before."""
    prev: Draft | None = None
    for d in drafts:
        if d.cue is None and d.source is None and prev is not None and d.start - prev.end < _CARRY_CHARS:
            d.source = prev.source
            d.confidence = min(0.6, d.confidence * _CARRY_FACTOR)
            d.rule += ":carried"
        elif d.source is not None:
            prev = d


def _speakers_outside_quotes(doc: Doc, drafts: list[Draft], quotes) -> None:
    """The speaker is never inside the quotation: when the parse put the subject there
    (``“... Trump articulates it,” Viguerie notes``), look next to the cue instead."""
    for d in drafts:
        if d.source is None or d.cue_token < 0:
            continue
        for q in quotes:
            if q.start < d.source[1] and d.source[0] < q.end and any(s <= q.start and q.end <= e for s, e in d.fragments):
                d.source = nearby_speaker(doc, doc[d.cue_token], q)
                break


def extract_statements(doc: Doc, language: str = "en", article_id: str = "") -> list[Statement]:
    """Every reported statement in ``doc`` (direct, indirect and mixed), in text order."""
    text = doc.text
    quotes = find_quoted(text)
    drafts = verb_drafts(doc, language)
    drafts += according_drafts(doc, language)
    drafts += colon_drafts(doc, language)
    drafts += nominal_drafts(doc, language)
    drafts += _new_only(headline_drafts(doc, language), drafts)
    # cues inside a closed quotation belong to the quoted speaker's words, not to the report
    drafts = [d for d in drafts if not (d.cue and _inside_quote(d.cue[0], quotes))]
    drafts += attach_quotes(doc, quotes, drafts, language)
    drafts = _dedupe(drafts)
    _speakers_outside_quotes(doc, drafts, quotes)
    _carry_speaker(drafts)
    out = []
    for d in drafts:
        st = finish(text, d, article_id, EXTRACTOR, quotes)
        if st is not None:
            out.append(st)
    return out
