"""Statement extraction: the pure rule function ``Doc -> list[Statement]``.

It runs the quotation-mark scanner on the text, the reporting-verb rules on the
parse, attaches quoted passages to their cues, and drops duplicates. No second
parse: everything reads the ``Doc`` the pipeline already built.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Statement
from .breaks import dateline_end
from .direct import attach_quotes, nearby_speaker, speaker_after
from .drafts import Draft, finish
from .indirect import according_drafts, colon_drafts, hearsay_drafts, stance_drafts, verb_drafts
from .headlines import headline_drafts
from .nominals import nominal_drafts
from .quote_marks import QUOTE_CHARS, find_quoted
from .reporting import NOMINAL_CUES
from .sources import person_like, source_span, subject_of

__all__ = ["EXTRACTOR", "extract_statements"]

EXTRACTOR = "onrecord.quotes.v1"


def _new_only(extra: list[Draft], drafts: list[Draft]) -> list[Draft]:
    """Drafts of ``extra`` whose content overlaps none of ``drafts`` (the parse-based rules win)."""
    return [x for x in extra if not any(d.start < x.end and x.start < d.end for d in drafts)]


def _inside_quote(pos: int, quotes) -> bool:
    return any(q.closed and q.start < pos < q.end for q in quotes)


def _opens_quote(d: Draft, quotes, text: str) -> bool:
    """A speaker label right after an opening mark (a transcript's ``"PENCE: Well, ...``), also when
    the mark re-opens a quotation running on from the previous paragraph."""
    if d.rule != "colon" or d.source is None:
        return False
    s = d.source[0]
    if any(q.start <= s <= q.start + 2 for q in quotes):
        return True
    return s >= 1 and text[s - 1] in QUOTE_CHARS and (s == 1 or text[s - 2] == "\n")


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One draft per content (the most confident) and per cue token."""
    best: dict[tuple, Draft] = {}
    for d in drafts:
        key = tuple(sorted(d.fragments))
        if key not in best or d.confidence > best[key].confidence:
            best[key] = d
    return sorted(best.values(), key=lambda d: (d.start, d.end))


def _inside(inner: Draft, outer: Draft) -> bool:
    """Every fragment of ``inner`` lies inside one fragment of ``outer`` (and they differ)."""
    return inner is not outer and all(any(s <= a and b <= e for s, e in outer.fragments) for a, b in inner.fragments)


_SIDE_DEPS = frozenset({"conj", "advcl", "parataxis"})


def _side_statement(doc: Doc, inner: Draft, outer: Draft) -> tuple[int, int] | None:
    """The characters of ``inner`` (cue, own subject and content) when it stands beside the
    outer statement's content rather than being it: a coordinated or adverbial reporting
    clause (``said A, and B claimed C``, ``..., saying only that C``). None otherwise."""
    if inner.cue_token < 0 or not inner.cue or inner.cue_token == outer.cue_token:
        return None
    tok = doc[inner.cue_token]
    if tok.dep_ == "relcl" and tok.head.i < tok.i and outer.cue and outer.cue[1] <= tok.head.idx and \
            doc[tok.left_edge.i - 1].text == ",":
        # "attacked ... donations, which he said were tainted": a report in a non-restrictive
        # relative clause is the clause's own statement, not part of the outer content
        start = doc[tok.left_edge.i - 1].idx
        return (start, inner.end) if start > outer.start else None
    if tok.dep_ not in _SIDE_DEPS:
        return None
    if tok.head.i != outer.cue_token and not (
            (tok.dep_ == "conj" and any(c.dep_ == "mark" for c in tok.children))
            or (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and doc[tok.i - 1].text == ",")):
        # a clause hung on the content is part of what was said, unless it is a second
        # "and that ..." or a participle after a comma (", saying ..." goes with the main verb)
        return None
    start = min(inner.start, inner.cue[0], tok.left_edge.idx)
    if inner.source and outer.start < inner.source[0] < start:
        start = inner.source[0]  # its own subject goes with it; a shared one stays outside
    if start <= outer.start:
        return None
    return start, inner.end


def _cut(span: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = span
    if cut[1] <= s or cut[0] >= e:
        return [span]
    return [f for f in ((s, cut[0]), (cut[1], e)) if f[1] > f[0]]


def _reports_itself(doc: Doc, inner: Draft, outer: Draft) -> bool:
    """``X repeated that C, a claim police have not confirmed``: a clause before its cue that
    holds a whole report of its own (cue and subject, no quotation marks) is that report; not when
    the outer speaker follows it after a bare comma (``X told Y that C, the source added``)."""
    if outer.source and doc.text[outer.end:outer.source[0]].strip() == "," and not _names_a_claim(doc, outer.source):
        return False
    return (outer.cue is not None and inner.cue is not None and inner.source is not None and not inner.quotes
            and outer.end <= outer.cue[0] and outer.start == inner.source[0] and inner.cue[1] <= outer.end
            and inner.rule.startswith("verb:c:"))  # a clause report; "68 percent backed the charter, X said" stays X's


def _names_a_claim(doc: Doc, span: tuple[int, int]) -> bool:
    """The span holds a statement noun (``a claim police``: the parser ran the apposition into the subject)."""
    nouns = NOMINAL_CUES.get(doc.lang_, {})
    chars = doc.char_span(*span, alignment_mode="expand")
    return chars is not None and any(t.lemma_.lower() in nouns for t in chars)


# "X seemed to offer ...": the raising verb gives way to the reporting verb it carries
_RAISING = frozenset({"verb:x:seem", "verb:x:appear"})


def _unnest(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """PolNeAR-style news annotation almost never nests one statement's content inside
    another's: ``X said Y wants to win`` is one statement (measured on PolNeAR train, 128 of
    19,832 gold contents are nested). The outer one is kept, except that a reporting clause
    beside the outer content is cut out of it and kept, and a noun's own content wins over
    the verb that governs the noun (``did not repeat his statement that C``)."""
    drop = set()
    for i, inner in enumerate(drafts):
        for k, outer in enumerate(drafts):
            if not _inside(inner, outer):
                continue
            if inner.cue_token >= 0 and doc[inner.cue_token].head.i == outer.cue_token and (
                    inner.rule.startswith("noun:") or outer.rule in _RAISING):
                drop.add(k)  # "his statement that C", "Rubio seemed to offer a caveat": the inner cue reports
                continue
            if _reports_itself(doc, inner, outer) or (outer.cue is None and inner.rule == "colon"):
                drop.add(k)
                continue
            side = _side_statement(doc, inner, outer)
            if side is not None:
                cut = [g for f in outer.fragments for g in _cut(f, side)]
                if cut:
                    outer.fragments[:] = cut
                    continue
            drop.add(i)
            break
    return [d for i, d in enumerate(drafts) if i not in drop]


def _drop_datelines(text: str, drafts: list[Draft]) -> None:
    """A content that opens a paragraph does not include its wire dateline (``AMMAN, July 27 –``)."""
    for d in drafts:
        if not d.fragments:
            continue
        k = min(range(len(d.fragments)), key=lambda j: d.fragments[j][0])
        s, e = d.fragments[k]
        if s == 0 or text[s - 1] == "\n":
            cut = dateline_end(text, s, e)
            if cut is not None and cut < e:
                d.fragments[k] = (cut, e)


def _clip_to_paragraph(text: str, drafts: list[Draft]) -> list[Draft]:
    """A reported clause does not run past its cue's paragraph (the parser sometimes joins
    a quotation paragraph to the next sentence); quotation marks re-extend it later."""
    out = []
    for d in drafts:
        if d.cue is not None:
            lo = text.rfind("\n", 0, d.cue[0]) + 1
            hi = text.find("\n", d.cue[1])
            hi = len(text) if hi == -1 else hi
            d.fragments = [(max(s, lo), min(e, hi)) for s, e in d.fragments if s < hi and e > lo]
            if not d.fragments:
                continue
            if d.source and not (lo <= d.source[0] and d.source[1] <= hi):
                d.source = None
        out.append(d)
    return out


_LEAD_MARKS = (",", ":", "—", "–")


def _lead_in_speaker(doc: Doc, start: int) -> tuple[int, int] | None:
    """The person-like subject of the clause that leads into a quotation in its own sentence,
    set off by a comma, colon or dash: ``Councillor Ost shot back, “...”``."""
    tok = next((t for t in doc if t.idx >= start), None)
    if tok is None or tok.i == 0:
        return None
    i = tok.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct and doc[i].text in _LEAD_MARKS):
        i -= 1
    if i < 0 or doc.text[doc[i].idx + len(doc[i]):start].strip() not in _LEAD_MARKS:
        return None
    sent = doc[i].sent
    root = sent.root
    verbs = [root] if root.pos_ in ("VERB", "AUX") and root.i <= i else [
        t for t in doc[sent.start:i + 1] if t.pos_ == "VERB"][-1:]  # the parser may hang the lead-in on the quote
    for verb in verbs:
        subj = subject_of(verb)
        if person_like(subj) and subj.i < verb.i:
            return source_span(subj)
    return None


def _attribute_uncued(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A quotation with no cue of its own is credited to the subject of its lead-in clause; one that
    nothing introduces is not reported as anyone's statement. (Carrying the previous statement's
    speaker was right for 9% of such passages on PolNeAR train: a wrong name is worse than none.)"""
    out = []
    for d in drafts:
        if d.cue is None and d.source is None:
            d.source = _lead_in_speaker(doc, d.start)
            if d.source is None:
                continue
            d.rule += ":lead"
        out.append(d)
    return out


def _quote_then_cue(doc: Doc, drafts: list[Draft], quotes) -> None:
    """``“...,” Texas delegate Bill Eastland, wearing a hat, said``: when the parser hangs the
    speaker inside the quoted clause, the content ends at the closing mark and the speaker
    is the noun phrase right after it."""
    for d in drafts:
        if d.cue is None or d.cue_token < 0 or len(d.fragments) != 1:
            continue
        s, e = d.fragments[0]
        q = next((q for q in quotes if q.closed and q.start == s and q.end < e <= d.cue[0]), None)
        if q is None:
            continue
        d.fragments[0] = (s, q.end)
        if d.source is None or d.source[0] >= q.end:
            d.source = speaker_after(doc, q.end) or d.source


def _speakers_outside_quotes(doc: Doc, drafts: list[Draft], quotes) -> None:
    """The speaker is never inside the quotation: when the parse put the subject there
    (``“... Trump articulates it,” Viguerie notes``), look next to the cue instead."""
    for d in drafts:
        if d.source is None or d.cue_token < 0 or d.rule == "colon":
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
    drafts += hearsay_drafts(doc, language)
    drafts += stance_drafts(doc, language)
    drafts += nominal_drafts(doc, language)
    drafts += _new_only(headline_drafts(doc, language), drafts)
    # cues inside a closed quotation belong to the quoted speaker's words, not to the report
    drafts = [d for d in drafts if not (d.cue and _inside_quote(d.cue[0], quotes)) or _opens_quote(d, quotes, text)]
    drafts = _clip_to_paragraph(text, drafts)
    _drop_datelines(text, drafts)
    drafts += attach_quotes(doc, quotes, drafts, language)
    drafts = _unnest(doc, _dedupe(drafts))
    _quote_then_cue(doc, drafts, quotes)
    _speakers_outside_quotes(doc, drafts, quotes)
    drafts = _attribute_uncued(doc, drafts)
    out = []
    for d in drafts:
        st = finish(text, d, article_id, EXTRACTOR, quotes)
        if st is not None:
            out.append(st)
    return out
