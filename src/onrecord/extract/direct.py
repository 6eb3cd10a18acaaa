"""Direct quotes: attach each quoted passage to its cue and speaker.

A passage already inside the content of a reporting verb (``said that the plan
was “a disaster”``) belongs to that statement (it becomes *mixed*). Otherwise
the rules look for the cue right after the passage (``“...,” he said``), right
before it (``He said: “...”``, ``said on Tuesday that “...”``), then treat it
as the continuation of the statement just before it (``“A,” he said. “B.”`` is
one statement with two fragments). What is left stands alone without a cue.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .drafts import Draft
from .quote_marks import QUOTE_CHARS, Quoted
from .reporting import NAMING_WORDS, cues_for
from .sources import TIME_ENTS, cue_span, person_like, source_span, subject_of

__all__ = ["attach_quotes", "nearby_speaker", "speaker_after"]

_VERBAL = frozenset({"VERB", "AUX"})
_MAX_GAP_TOKENS = 12
_UNKNOWN_VERB_WEIGHT = 0.55
_ALONE_MIN_WORDS = 6
_GENERIC_GAP = 4  # an unlisted verb counts as a cue only right after the quote: “...,” he gushed
_ALONE_CONFIDENCE = 0.3


def _token_at(doc: Doc, char: int, starts: list[int]) -> int:
    """Index of the token holding character ``char`` (binary search over token starts)."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _is_cue(tok: Token, lexicon, generic: bool = True, after: bool = False) -> float:
    """The weight of ``tok`` as the cue of a quotation; ``after``: the quotation precedes it
    (``“...,” Gorka urged``), so any listed verb counts and its clause may be the quotation."""
    if tok.pos_ not in _VERBAL:
        return 0.0
    cue = lexicon.get(tok.lemma_)
    if cue is not None and ("c" in cue.frames or after):
        return cue.weight
    if generic and tok.pos_ == "VERB" and tok.is_lower and any(c.dep_ == "nsubj" for c in tok.children) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and (c.i > tok.i or not after) for c in tok.children
    ):
        return _UNKNOWN_VERB_WEIGHT
    return 0.0


def _cue_after(doc: Doc, q: Quoted, starts: list[int], lexicon, text: str) -> Token | None:
    """``“...,” he said`` / ``“...,” said Tokayev``: a cue verb right after the passage.

    A passage closing a sentence it did not open (``branded X an "outlaw nation."``) ends
    there: the next sentence's verb is not its cue."""
    if text[q.start:q.end].rstrip(QUOTE_CHARS).endswith("."):
        first = doc[_token_at(doc, q.start, starts)]
        if not first.is_sent_start and any(t.is_alpha for t in doc[first.sent.start:first.i]):
            return None
    i = _token_at(doc, q.end, starts)
    if i < len(doc) and doc[i].idx < q.end:
        i += 1
    for j in range(i, min(len(doc), i + _MAX_GAP_TOKENS)):
        tok = doc[j]
        if tok.is_quote or "\n" in tok.text or tok.text in (".", "!", "?", ";"):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in tok.children):
            continue  # “...,” which votes in June / who proceeded to ...: a clause on a noun, not a cue
        if _is_cue(tok, lexicon, generic=j - i <= _GENERIC_GAP, after=True) or _inverted(tok, j - i) \
                or _named_before(tok, i) or _cue_as_noun(tok, lexicon):
            return None if _own_report(doc, q, tok, i) else tok
    return None


def _own_report(doc: Doc, q: Quoted, tok: Token, first: int) -> bool:
    """``“... at stake.” Kasich said he would have fired him``: after a passage that closes its
    sentence, a new sentence whose verb reports a clause of its own, or hangs below the sentence's
    own verb (``It is unclear whether Jones knows``), is no cue of the passage."""
    inner = doc.text[q.start:q.end].rstrip(QUOTE_CHARS).rstrip()
    if not inner.endswith((".", "!", "?")) or not doc[first].is_title:
        return False
    root = tok.sent.root
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) or (
        root.pos_ in _VERBAL and first <= root.i < tok.i)


def _cue_as_noun(tok: Token, lexicon) -> bool:
    """A cue verb the tagger took for the head noun of the sentence: ``“...,” the editorial read.``"""
    cue = lexicon.get(tok.lemma_)
    return (cue is not None and "c" in cue.frames and tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.is_lower
            and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_punct and tok.i > 0 and tok.doc[tok.i - 1].pos_ in _SPEAKER_GLUE)


def _named_before(tok: Token, first: int) -> bool:
    """``“...,” Trump barked``: a past-tense verb right after a name that follows the closing mark,
    also when the parser lost the name as its subject (a ``compound`` of the verb)."""
    words = tok.doc[first:tok.i]
    return (tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN") and tok.is_lower and 0 < len(words) <= _GENERIC_GAP
            and all(t.pos_ in ("PROPN", "DET") for t in words) and words[-1].pos_ == "PROPN"
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children))


def _inverted(tok: Token, gap: int) -> bool:
    """A finite verb right after the closing mark is an inverted cue whatever it is, its
    "object" the speaker: ``“...,” exhorted Clinton's introducer``."""
    return gap == 0 and tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ") and tok.is_lower and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children)


def _distant_cue(doc: Doc, q: Quoted, starts: list[int], lexicon) -> tuple[Token, tuple[int, int] | None] | None:
    """``“...,” Trump, the frontrunner in South Carolina by a wide margin, said``: a name right
    after the passage whose cue comes past the usual gap, with only descriptions between
    (participles, relative clauses). The cue and, when the parse lost it, the speaker."""
    if not doc.text[q.start:q.end].rstrip(QUOTE_CHARS).rstrip().endswith(","):
        return None  # “...,” Trump, ..., said - a quotation ending its sentence has no cue after it
    i = _token_at(doc, q.end, starts)
    if i < len(doc) and doc[i].idx < q.end:
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("PROPN", "PRON", "NOUN", "DET") or doc[i].tag_ in ("WDT", "WP"):
        return None
    words = [t for t in doc[_token_at(doc, q.start, starts):i] if t.is_alpha]
    if len(words) < 4 or (not any(t.pos_ in _VERBAL for t in words) and sum(t.is_title for t in words) * 2 >= len(words)):
        return None  # a title, not a clause: “New Day,” Sen. X told
    for tok in doc[i:doc[i].sent.end]:
        if tok.is_quote or tok.text in (".", "!", "?", ";") or "\n" in tok.text:
            return None
        if tok.i > i and _is_cue(tok, lexicon, after=True):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.left_edge.i == i for c in subjects):
                return tok, None
            if all(c.i < i for c in subjects) and _is_cue(tok, lexicon, generic=False, after=True):
                speaker = speaker_after(doc, q.end)
                return (tok, speaker) if speaker else None
        if tok.pos_ in _VERBAL and tok.tag_ in ("VBD", "VBZ", "VBP") and tok.dep_ not in ("relcl", "acl"):
            return None  # another clause of its own: “...,” Smith wrote, and Jones said
    return None


def _cue_before(doc: Doc, q: Quoted, starts: list[int], lexicon, text: str) -> Token | None:
    """``He said: “...”`` / ``said on Tuesday that “...``: a cue verb right before the passage."""
    i = _token_at(doc, q.start, starts) - 1
    for j in range(i, max(-1, i - _MAX_GAP_TOKENS), -1):
        tok = doc[j]
        if tok.is_quote or tok.text in (".", "!", "?", ";") or ("\n" in tok.text and j < i):
            return None
        if _is_cue(tok, lexicon, generic=False):
            return tok
    return None


def _covering(drafts: list[Draft], q: Quoted) -> Draft | None:
    """The draft whose content overlaps most of the passage (the narrowest one on ties)."""
    best, best_key = None, None
    length = q.end - q.start
    for d in drafts:
        inter = 0
        for s, e in d.fragments:
            inter += max(0, min(e, q.end) - max(s, q.start))
        if inter * 2 > length:
            key = (inter, -(d.end - d.start))
            if best_key is None or key > best_key:
                best, best_key = d, key
    return best


def _by_cue(drafts: list[Draft], tok: Token) -> Draft | None:
    for d in drafts:
        if d.cue_token == tok.i:
            return d
    return None


def _extend(d: Draft, q: Quoted) -> None:
    """Make the draft's fragments cover the whole passage."""
    for k, (s, e) in enumerate(d.fragments):
        if min(e, q.end) > max(s, q.start):
            d.fragments[k] = (min(s, q.start), max(e, q.end))
            break
    else:
        d.fragments.append((q.start, q.end))
    d.quotes.append(q)


def _new(doc: Doc, tok: Token, q: Quoted, weight: float, rule: str) -> Draft:
    subj = subject_of(tok)
    source = source_span(subj) if subj is not None else None
    if source is not None and source[0] <= tok.idx < source[1]:
        source = None  # the parser made the cue its own subject
    if source is None or (source[0] < q.end and q.start < source[1]):
        source = _participle_speaker(tok) or nearby_speaker(doc, tok, q)
    conf = weight * (1.0 if source else 0.85) * (1.0 if q.closed else 0.8)
    return Draft([(q.start, q.end)], cue_span(tok), source, conf, rule, tok.i, [q])


def _participle_speaker(tok: Token) -> tuple[int, int] | None:
    """``Mara shared the news, writing “...”``: a participle after a comma speaks for the
    subject of its sentence's main verb."""
    doc = tok.doc
    if tok.tag_ != "VBG" or tok.i == 0 or doc[tok.i - 1].text != ",":
        return None
    root = tok.sent.root
    subj = subject_of(root) if root.pos_ in _VERBAL and root.i < tok.i else None
    return source_span(subj) if subj is not None and subj.i < root.i else None


_SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})
_SPEAKER_GLUE = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART"})


def nearby_speaker(doc: Doc, cue: Token, q: Quoted) -> tuple[int, int] | None:
    """When the parse gives no usable subject: the noun phrase between the quotation and
    the cue (``“...,” Bozell answers``) or right after the cue (``“...,” said Tokayev``)."""
    if cue.idx >= q.end:
        between = [t for t in doc[cue.i - 6 if cue.i >= 6 else 0:cue.i] if t.idx >= q.end]
        words = [t for t in between if t.pos_ in _SPEAKER_GLUE and not t.is_punct]
        if words and (any(t.pos_ in _SPEAKER_POS for t in words) or cue.pos_ == "NOUN"):
            first = words[0]  # a cue taken for a noun took its speaker for a modifier: the editorial read
            last = max((t for t in words if t.pos_ in _SPEAKER_POS or cue.pos_ == "NOUN"), key=lambda t: t.i)
            if not any(t.is_punct for t in doc[first.i:last.i]) or last.i - first.i < 4:
                return first.idx, last.idx + len(last)
    after = []
    for t in doc[cue.i + 1:cue.i + 8]:
        if not after and t.ent_type_ in TIME_ENTS:
            continue  # "said Thursday morning on Fox": a time, not the speaker
        if t.is_punct or t.is_quote or not (t.pos_ in _SPEAKER_GLUE or _name_like(t)):
            break
        after.append(t)
    names = [t for t in after if t.pos_ in _SPEAKER_POS or _name_like(t)]
    if names:
        return after[0].idx, names[-1].idx + len(names[-1])
    return None


def _name_like(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for something else (``said Skelly``)."""
    return tok.is_alpha and tok.is_title and not tok.is_sent_start and tok.pos_ in ("ADV", "ADJ", "VERB")


def speaker_after(doc: Doc, char: int) -> tuple[int, int] | None:
    """The noun phrase starting right after ``char`` (a closing quotation mark), up to a comma."""
    after = doc.char_span(char, len(doc.text), alignment_mode="contract")
    words = []
    for t in after[:8] if after is not None else ():
        if t.is_punct or t.is_space or t.pos_ not in _SPEAKER_GLUE:
            break
        words.append(t)
    names = [t for t in words if t.pos_ in _SPEAKER_POS]
    return (words[0].idx, names[-1].idx + len(names[-1])) if names else None


def attach_quotes(doc: Doc, quotes: list[Quoted], drafts: list[Draft], lang: str = "en") -> list[Draft]:
    """Attach quoted passages to ``drafts`` (mutated) and return the drafts for the rest."""
    text = doc.text
    lexicon = cues_for(lang)
    starts = [t.idx for t in doc]
    if not starts:
        return []
    new: list[Draft] = []
    last: Draft | None = None
    for q in quotes:
        d = _signed(doc, q, starts) if q.closed else None
        if d is not None:
            new.append(d)
            last = d
            continue
        d = _covering(drafts, q) or _covering(new, q)
        if d is not None:
            if d.source is not None and q.start <= d.source[0] < q.end:
                d.quotes.append(q)  # a transcript's "PENCE: ...": the label stays out of the content
            else:
                _extend(d, q)
            last = d
            continue
        if not q.closed:
            continue  # a stray opening mark: only a reporting verb's clause may claim it
        if _named(doc, q, starts, lang):
            continue  # known as the “Neptune desert”, titled "PayDay Dump": a name, nobody's words
        tok = (_cue_after(doc, q, starts, lexicon, text) if _clausal(text, q) else None) or _cue_before(
            doc, q, starts, lexicon, text
        )
        far = _distant_cue(doc, q, starts, lexicon) if tok is None else None
        if far is not None:
            tok = far[0]
        if tok is not None:
            d = _by_cue(drafts, tok) or _by_cue(new, tok)
            if d is not None:
                _extend(d, q)
            else:
                weight = _is_cue(tok, lexicon, after=tok.idx >= q.end) or _UNKNOWN_VERB_WEIGHT  # an inverted or lost-subject cue
                d = _new(doc, tok, q, weight, "quote:cue")
                d.source = (far and far[1]) or d.source
                new.append(d)
            last = d
            continue
        d = _colon_lead(doc, q, starts, lexicon, {x.cue_token for x in (*drafts, *new)})
        if d is not None:
            new.append(d)
            last = d
            continue
        d = _in_sentence(doc, q, starts, drafts, new)
        if d is not None:
            last_fragment = max(d.fragments, key=lambda f: f[1])
            d.fragments[d.fragments.index(last_fragment)] = (last_fragment[0], q.end)
            d.quotes.append(q)
            continue
        d = _bare_cue_before(doc, q, starts, lexicon, {x.cue_token for x in (*drafts, *new)})
        if d is not None:
            new.append(d)
            last = d
            continue
        prev = _preceding(doc, drafts, new, q)
        if prev is not None and _continues(doc, starts, prev, q):
            _extend(prev, q)
            last = prev
            continue
        d = _host_clause(doc, q, starts)
        if d is not None:
            new.append(d)
            last = d
            continue
        if len(text[q.start:q.end].split()) >= _ALONE_MIN_WORDS:
            d = Draft([(q.start, q.end)], None, None, _ALONE_CONFIDENCE * (1.0 if q.closed else 0.7), "quote:alone", -1, [q])
            new.append(d)
            last = d
    return _lead_ins(text, drafts, new)


_HOST_CONFIDENCE = 0.4


def _host_clause(doc: Doc, q: Quoted, starts: list[int]) -> Draft | None:
    """A passage inside a sentence whose verb is no listed cue but whose subject can speak:
    ``Williamson assails in scoffing prose “...”`` - the sentence's verb and subject."""
    tok = doc[_token_at(doc, q.start, starts)]
    sent = tok.sent
    root = sent.root
    if tok.i == sent.start or root.pos_ != "VERB" or not (sent.start_char <= root.idx < q.start) \
            or "\n" in doc.text[root.idx:q.start]:
        return None  # a sentence the parser ran over a line break hosts nothing on the next line
    if _titled(doc, q, starts):
        return None  # “Sunday Night Baseball”, “Person of the Year”: a name in quotation marks, not words
    subj = subject_of(root)
    if subj is None or subj.idx >= q.start or not (person_like(subj) or (
            subj.pos_ in ("NOUN", "PROPN") and len(doc.text[q.start:q.end].split()) >= _ALONE_MIN_WORDS)):
        return None  # an ad, a letter, a report may speak a sentence, not a scare-quoted word
    return Draft([(q.start, q.end)], cue_span(root), source_span(subj), _HOST_CONFIDENCE, "quote:host", root.i, [q])


_TITLE_GLUE = frozenset({"ADP", "DET", "CCONJ", "PART"})  # of, the, and, to: lower case in a title


def _named(doc: Doc, q: Quoted, starts: list[int], lang: str) -> bool:
    """A passage that a naming word introduces (``titled "PayDay Dump"``, ``known to fans as “El Toro”``,
    ``billed as the ‘battle of the budgets’``) or a title set off as an apposition (``album, "Low Orbit,"``)."""
    naming, before_as = NAMING_WORDS.get(lang, (frozenset(), frozenset()))
    i = _token_at(doc, q.start, starts) - 1
    while i >= 0 and (doc[i].pos_ == "DET" or doc[i].is_space):
        i -= 1
    if i < 0:
        return False
    prev = doc[i]
    if prev.lower_ in naming:
        return True
    if prev.lower_ == "as" and any(t.lower_ in before_as for t in doc[max(i - 4, 0):i]):
        return True
    inner = doc.text[q.start + 1:q.end - 1].strip()
    return prev.text == "," and i > 0 and doc[i - 1].pos_ == "NOUN" and _titled(doc, q, starts) and (
        inner.endswith(",") or doc.text[q.end:q.end + 1] == ",")


def _titled(doc: Doc, q: Quoted, starts: list[int]) -> bool:
    """A passage written like a title: every word but short function words capitalised."""
    inside = doc[_token_at(doc, q.start, starts):_token_at(doc, max(q.start, q.end - 1), starts) + 1]
    words = [t for t in inside if t.is_alpha]
    return bool(words) and all(t.is_title or t.is_upper or (t.is_lower and t.pos_ in _TITLE_GLUE) for t in words) \
        and any(t.is_title for t in words)


def _in_sentence(doc: Doc, q: Quoted, starts: list[int], drafts: list[Draft], new: list[Draft]) -> Draft | None:
    """A statement whose cue is in the passage's sentence and whose content stops short of it:
    ``Cruz called Trump a "liar," a "bully" and a "narcissist ..."`` (the content runs on to the quote)."""
    sent = doc[_token_at(doc, q.start, starts)].sent
    best = None
    for d in (*drafts, *new):
        if d.cue_token >= 0 and sent.start <= d.cue_token < sent.end and sent.start_char <= d.end <= q.start \
                and d.cue[1] <= q.start and (best is None or d.end > best.end):
            best = d
    return best


_LEAD_GAP = 80


def _lead_ins(text: str, drafts: list[Draft], new: list[Draft]) -> list[Draft]:
    """An uncued passage right before a cued one in the same paragraph is its first fragment:
    ``“A.” “B,” Warren said.`` is one statement."""
    out = []
    for d in new:
        if d.rule == "quote:alone":
            nxt = min((x for x in (*drafts, *new) if x is not d and x.start >= d.end and x.cue and x.quotes),
                      key=lambda x: x.start, default=None)
            gap = text[d.end:nxt.start] if nxt is not None else "\n"
            if "\n" not in gap and len(gap) <= _LEAD_GAP and nxt.quotes[0].start == nxt.start and nxt.cue[0] >= nxt.quotes[0].end:
                nxt.fragments.insert(0, d.fragments[0])
                nxt.quotes[:0] = d.quotes
                continue
        out.append(d)
    return out


_CLAUSE_END = frozenset(",.?!…—–-:;")
# “...” ― Sonya Herridge / “...” — Paul Ryan (@SpeakerRyan) July 5, 2016: a signature ending the line
_SIGNATURE = re.compile(r"[^\S\n]*[―—–-][^\S\n]*((?:[A-Z][\w.'’-]*\.?[^\S\n]+){0,4}[A-Z][\w'’-]+)[^\n]{0,60}$", re.M)


# a quotation paragraph signed on the next line: "...."⏎⏎- Bernie Sanders. / -Michelle Marks, Philadelphia.
_SIGNATURE_LINE = re.compile(r"[^\S\n]*\n\s*[―—–-][^\S\n]*((?:[A-Z][\w.'’-]*\.?[^\S\n]+){0,4}[A-Z][\w'’-]+)(?:\.|,[^\n]{0,80})?[^\S\n]*$", re.M)


def _signed(doc: Doc, q: Quoted, starts: list[int]) -> Draft | None:
    """A quotation signed with a dash and a name at the end of its line (testimonials, tweets),
    or, when it fills its paragraph, on a line of its own right after it."""
    m = _SIGNATURE.match(doc.text, q.end)
    if m is None and (q.start == 0 or doc.text[q.start - 1] == "\n"):
        m = _SIGNATURE_LINE.match(doc.text, q.end)
        if m is not None and doc[_token_at(doc, m.start(1), starts)].pos_ != "PROPN":
            m = None
    if m is None:
        return None
    dash = m.group(0).lstrip()[0]
    at = doc.text.index(dash, q.end)
    name = m.span(1)
    return Draft([(q.start, q.end)], (at, at + 1), name, 0.7, "quote:signature", _token_at(doc, at, starts), [q])



def _clausal(text: str, q: Quoted) -> bool:
    """A quoted clause ends in punctuation (``“...,” he said``); a quoted title or name does not."""
    inner = text[q.start:q.end].rstrip(QUOTE_CHARS).rstrip()  # “... advice, ” he said
    inner_end = inner[-1:] if len(inner) > 1 else ""
    after = text[q.end:q.end + 2].lstrip(" ")[:1]
    return inner_end in _CLAUSE_END or after in (",", "—", "–")


def _colon_lead(doc: Doc, q: Quoted, starts: list[int], lexicon, cues: set[int]) -> Draft | None:
    """A quotation introduced by a colon, possibly across a paragraph break:
    ``Frank quotes Alfred Kahn:⏎“...”`` or ``Jeffrey M. Jones: “...”``."""
    text = doc.text
    k = q.start
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or text[k - 1] != ":":
        return None
    colon = doc[_token_at(doc, k - 1, starts)]
    sent = colon.sent
    best = None
    for tok in doc[sent.start:colon.i]:
        if tok.pos_ in _VERBAL and tok.lemma_ in lexicon:
            best = tok
    if best is not None:
        d = _new(doc, best, q, lexicon[best.lemma_].weight, "quote:colon-cue")
        for child in best.rights:  # "quotes former adviser Alfred Kahn:" - the quoted person speaks
            if best.lemma_ == "quote" and child.dep_ == "dobj":
                d.source = source_span(child)
        return d
    lead = [t for t in doc[max(sent.start, colon.i - 6):colon.i]]
    names = [t for t in lead if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
    if not names or any(t.pos_ in _VERBAL for t in lead[lead.index(names[0]):]):
        return _colon_clause(doc, q, colon, cues)
    first = names[0]
    while first.i > sent.start and doc[first.i - 1].pos_ == "PROPN":
        first = doc[first.i - 1]
    source = (first.idx, names[-1].idx + len(names[-1]))
    conf = 0.6 if q.closed else 0.45
    return Draft([(q.start, q.end)], (colon.idx, colon.idx + 1), source, conf, "quote:colon-name", colon.i, [q])


_COLON_CLAUSE_CONFIDENCE = 0.45
_LEAD_MIN_WORDS = 3  # a quotation a lead-in sentence hands its speaker to has a clause, not a word


def _colon_clause(doc: Doc, q: Quoted, colon: Token, cues: set[int]) -> Draft | None:
    """A clause with an unlisted verb before the colon: its subject is the source
    (``Hoff's letter makes a libertarian-style case: “...”``, ``Hannity interjected: “...”``),
    unless the clause already reports something (``she is sure that ...: “...”``)."""
    if len(doc.text[q.start:q.end].split()) < _LEAD_MIN_WORDS:
        return None  # "Her answer was blunt: “No.”" is no report
    sent = colon.sent
    if any(sent.start <= c < colon.i for c in cues):
        return None
    # the top verb of the lead, also when the parser made the quotation's verb the root
    root = sent.root
    if not (root.pos_ in _VERBAL and root.i < colon.i):  # the parser made the quotation's verb the root
        tops = [t for t in doc[sent.start:colon.i] if t.pos_ in _VERBAL and not sent.start <= t.head.i < colon.i]
        if not tops:
            return None
        root = tops[-1]
    subj = subject_of(root)
    if subj is None or subj.i >= colon.i or subj.pos_ not in _SPEAKER_POS or subj.lower_ in ("it", "this", "that"):
        return None
    return Draft([(q.start, q.end)], cue_span(root), source_span(subj), _COLON_CLAUSE_CONFIDENCE, "quote:colon-clause", root.i, [q])


def _bare_cue_before(doc: Doc, q: Quoted, starts: list[int], lexicon, cues: set[int]) -> Draft | None:
    """A quotation opening a sentence right after one whose main verb reports nothing of its own:
    ``Dianne Bystrom agreed. “...”``, ``Sam Lau said in a statement.⏎⏎“...”``."""
    if len(doc.text[q.start:q.end].split()) < _LEAD_MIN_WORDS:
        return None
    first = _token_at(doc, q.start, starts)
    k = first - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text != "." or doc.text.count("\n", doc[k].idx, q.start) > 2:
        return None  # the next paragraph at most
    root = doc[k].sent.root
    cue = lexicon.get(root.lemma_)
    if root.pos_ != "VERB" or cue is None or "c" not in cue.frames or root.i in cues or any(
            c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj") for c in root.children):
        return None
    subj = subject_of(root)
    if subj is None or subj.pos_ not in _SPEAKER_POS or subj.i > root.i:
        return None
    return Draft([(q.start, q.end)], cue_span(root), source_span(subj), cue.weight * 0.7, "quote:cue-before-sentence", root.i, [q])


def _preceding(doc: Doc, drafts: list[Draft], new: list[Draft], q: Quoted) -> Draft | None:
    """The statement that ends last before the passage starts; a quotation's own statement
    rather than a side report in its cue's sentence (``"A," she said, referring to X. "B."``)."""
    before = [d for d in (*drafts, *new) if d.end <= q.start]
    if not before:
        return None
    best = max(before, key=lambda d: d.end)
    if not best.quotes and best.cue_token >= 0:
        sent = doc[best.cue_token].sent
        quoted = [d for d in before if d.quotes and sent.start <= d.cue_token < sent.end]
        if quoted:
            return max(quoted, key=lambda d: d.end)
    return best


_CONTINUE_CHARS = 300
_SHORT_GAP = 120


def _continues(doc: Doc, starts: list[int], prev: Draft, q: Quoted) -> bool:
    """True when ``q`` follows ``prev`` with only its cue sentence between: in the same
    paragraph, or opening the next paragraph right after a paragraph that ends the statement."""
    text = doc.text
    gap = text[prev.end:q.start]
    if prev.rule == "quote:signature" or len(gap) > _CONTINUE_CHARS:  # a signature closes its statement
        return False
    if "\n" in gap:
        before, _, after = gap.rpartition("\n")
        if after.strip() or gap.count("\n") > 2 or not prev.quotes:
            return False
        gap = before
    if prev.cue and not (prev.end <= prev.cue[0] < q.start) and len(gap.split()) > 1:
        return False
    if len(gap) > _SHORT_GAP:  # a longer gap may hold the cue's own sentence, not another one
        first, last = _token_at(doc, prev.end, starts) + 1, _token_at(doc, q.start, starts)
        if sum(1 for t in doc[first:last] if t.is_sent_start and not t.is_space) > 1:
            return False
    return True
