"""Indirect (reported) speech read off the dependency parse.

Covers reporting verbs with a clause (``said (that) ...``, ``told Y that ...``,
``..., said Tokayev``), infinitives of intention (``wants to ...``, ``urged X
to ...``), object positions (``called for ...``, ``criticized ...``),
``according to X`` and colon lead-ins (``Shoygu: ...``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .breaks import dateline_end
from .drafts import Draft
from .reporting import (ACCORDING_TO, LABEL_WORDS, NOMINAL_CUES, OBJECT_PREPS, SOURCE_NOUNS, Cue, cues_for,
                        hearing_body)
from .sources import TIME_ENTS, cue_span, person_like, source_span, subject_of

__all__ = ["verb_drafts", "according_drafts", "colon_drafts", "hearsay_drafts", "stance_drafts"]

_VERBAL = frozenset({"VERB", "AUX"})
_CLAUSE_DEPS = frozenset({"ccomp"})
_AS_VERBS = frozenset({"see", "view", "regard", "consider", "describe", "portray", "cast", "paint", "characterize",
                       "depict", "treat", "frame", "present", "label", "brand", "tout", "praise", "dismiss"})
_FALLBACK_PREPS = frozenset({"about", "of", "on", "against", "at"})
# speech and attitude verbs whose prepositional object is what they are about: "warned of ..."
_PREP_CUES = frozenset({"warn", "worry", "boast", "complain", "agree", "tweet", "joke", "lament", "speculate",
                        "hint", "caution", "fear", "testify", "muse", "scoff", "disagree", "quip", "think", "brag"})
# a clause verb's own preposition for what it is about: "argued against ...", "responded to ..."
_OWN_PREPS = {"argue": frozenset({"for", "against"}), "respond": frozenset({"to"}), "insist": frozenset({"on"}),
              "agree": frozenset({"with"}), "disagree": frozenset({"with"}), "wonder": frozenset({"about"})}
_FRAME_FACTOR = {"o2": 0.6, "c": 1.0, "x": 0.9, "o": 0.8, "a": 0.9, "c2": 0.8, "o3": 0.5}
# speech verbs whose bare object is rarely what was said ("said it", "told reporters")
_NO_OBJECT_CUES = frozenset({"say", "tell", "add", "ask", "write", "continue", "read", "put", "post",
                             "see", "find", "think", "maintain", "answer", "consider"})
_NO_SOURCE_FACTOR = 0.85
_INF_DEPS = frozenset({"xcomp"})
_SEEMING = frozenset({"seem", "appear"})  # raising verbs: "X seemed irritated", "appears weak"
_OBJ_DEPS = frozenset({"dobj"})
_ENTITY_SOURCES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_EVIDENCE_NOUNS = frozenset({"poll", "survey", "study", "report", "data", "figure", "analysis", "research",
                             "document", "record", "email", "memo", "letter", "statement", "video"})
# verbs that take clauses without reporting anything
_NOT_GENERIC = frozenset({"have", "make", "be", "go", "get", "let", "allow", "help", "cut", "join", "take",
                          "mean", "need", "use", "keep", "leave", "put", "give", "do", "come", "become", "turn",
                          "ensure", "prove", "happen", "unsubscribe", "generate", "pick", "stop", "start", "begin",
                          "remember", "forget", "notice", "hear", "watch", "look", "wait", "try", "like", "love"})
_LIKENING = frozenset({"liken", "compare", "contrast", "equate", "associate"})  # "likened X to Y"
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})
_WRITER_MARKS = frozenset({"although", "though", "whereas", "while"})
_GENERIC = Cue(0.45, "c")
_HEARING_CUE = Cue(0.4, "c")  # evidence put to a court or jury: content without a speaker


def _edges(tok: Token) -> tuple[int, int]:
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right)


def _clause_edges(clause: Token, lang: str) -> tuple[int, int]:
    """A clause's span, stopping before a coordinated reporting verb the parser hung on it
    ("said the deal was fair and added that ...")."""
    s, e = _edges(clause)
    lexicon = cues_for(lang)
    doc = clause.doc
    if clause.dep_ == "advcl":  # "said after the vote he would ...": the phrase before the subject is the report's
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        s = subj.left_edge.idx if subj is not None else s
    for c in clause.rights:
        if c.dep_ == "advcl" and doc[c.left_edge.i - 1].text == "," and any(
                m.dep_ == "mark" and m.lower_ in _WRITER_MARKS for m in c.children):
            prev = doc[c.left_edge.i - 2]  # ", although he refused ...": the writer's aside, not the claim
            return s, prev.idx + len(prev)
    for c in clause.rights:
        deps = {g.dep_ for g in c.children}
        if c.dep_ == "conj" and c.pos_ == "VERB" and not deps & {"nsubj", "nsubjpass"} and c.lemma_ not in lexicon \
                and c.lemma_ not in _NOT_GENERIC and any(g.dep_ == "ccomp" and _has_that(g) for g in c.children):
            return s, _end_before(doc, c.left_edge.i, clause.i)  # "conceded that A but implied that B"
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_ in lexicon and not deps & {"nsubj", "nsubjpass"} and (
                deps & {"ccomp", "xcomp"} or "dobj" not in deps  # "had not yet found evidence" is content
                or (lexicon[c.lemma_].weight >= 0.6 and "aux" not in deps and c.tag_ == clause.head.tag_)):
            # "said its offer was fair and accused the union of ...": a speech act in the reporting verb's tense
            return s, _end_before(doc, c.left_edge.i, clause.i)
    last = clause.right_edge
    if last.dep_ == "cc" and last.i > clause.i:  # "that A pushed B but | implied that C": the "but" joins the cue's conjunct
        return s, _end_before(doc, last.i + 1, clause.i)
    return s, e


def _has_that(clause: Token) -> bool:
    """Whether the conjunction "that" introduces ``clause``."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _without(span: tuple[int, int], cut: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = span
    cs, ce = cut
    if ce <= s or cs >= e:
        return [span]
    out = []
    if cs > s:
        out.append((s, cs))
    if ce < e:
        out.append((ce, e))
    return out


def _content_of(verb: Token, cue: Cue, lang: str) -> tuple[list[tuple[int, int]], str, Token | None]:
    """Content fragments for a cue verb, the frame that gave them, and a preposition to add to the cue.

    Frames are tried in order: the cue's own frames (clause, infinitive, object), then an
    ``as``-clause (``as the Post reported, ...``) and weaker fallbacks (a clause or an
    object the lexicon does not list for this verb).
    """
    children = list(verb.children)
    if verb.lemma_ in _AS_VERBS:  # "sees Clinton as the stronger candidate"
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        as_ = next((c for c in children if (c.dep_ == "prep" and c.lower_ == "as") or (
            c.dep_ == "advcl" and c.left_edge.lower_ == "as")), None)  # "sees X as captured by ...", "as most unfair"
        if obj is not None and as_ is not None and obj.i < as_.i:
            return [(obj.left_edge.idx, as_.right_edge.idx + len(as_.right_edge))], "o", None
    clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS] or _misattached_clauses(verb, children)
    aside = _asked_aside(verb)
    if aside is not None:  # "Lin, asked whether ..., said C": the question is no part of what was said
        clauses = [c for c in clauses if c.i != aside.i]
    if len(clauses) > 1:  # "Fireworks broke out: Republicans said they ...": the lead before a colon is not content
        clauses = [c for c in clauses if not (c.i < verb.i and c.right_edge.i + 1 < verb.i
                                              and verb.doc[c.right_edge.i + 1].text in (":", ";"))] or clauses
    if len(clauses) > 1 and any(c.i < verb.i and _quoted_before(verb, c) for c in clauses):
        # "“It's finished,” she said of the election, in which she was sure T would win": a clause after the
        # quotation's attribution that opens inside another clause is not what was said
        clauses = [c for c in clauses if c.i < verb.i or not _opens_inside(verb, c)]
    if len(clauses) > 1 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        # "Kasich offered him a job, then says he will ...": a clause right before the verb that holds
        # the verb's only subject is a coordinated predicate, not content
        clauses = [c for c in clauses if not (c.i < verb.i and _joined_on(c, verb) and any(
            s.dep_ == "nsubj" and person_like(s) and s.lower_ not in ("who", "that") for s in c.children))] or clauses
    if "c" in cue.frames and clauses:
        return [_clause_edges(c, lang) for c in clauses], "c", None
    if "c" in cue.frames:
        for c in children:  # "have not said when they would vote", "explained how it works"
            if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ in _WH_WORDS:
                return [_edges(c)], "c", None
        pro = _pro_form(verb, children)
        if pro is not None:
            return [pro], "c", None  # "said yes", "said as much", "said the same thing"
    if "x" in cue.frames:
        for c in children:
            if c.dep_ in _INF_DEPS and c.pos_ in _VERBAL:
                s, e = _edges(c)
                e = _before_finite_conj(c, e)
                for o in children:
                    if o.dep_ == "dobj" and o.i < c.i:
                        s = min(s, o.left_edge.idx)
                return [(s, e)], "x", None
    if verb.lemma_ in _SEEMING:
        comp = next((c for c in children if c.i > verb.i and (c.dep_ in ("acomp", "attr", "oprd") or (
            c.dep_ == "prep" and c.lower_ == "like"))), None)
        subj = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if comp is not None and person_like(subj):  # "Clinton seemed irritated": the writer's hedged reading
            return [(subj.left_edge.idx, _edges(comp)[1])], "x", None
    preps = OBJECT_PREPS.get(lang, frozenset())
    if "o" in cue.frames:
        obj = _object(verb, children)
        if obj:
            return [obj], "o", None
        gerund = next((c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None)
        if gerund is not None:  # "denied hitting the official", "admitted taking the money"
            return [_edges(gerund)], "o", None
        for c in children:  # "called for her messages to be made public"
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in preps), None)
            if c.dep_ == "advcl" and c.i > verb.i and mark is not None and mark.i < c.i:
                return [(verb.doc[mark.i + 1].idx, _edges(c)[1])], "o", mark
        prep = _prep_object(children, preps)
        if prep:
            return [prep[0]], "o", prep[1]
    if verb.lemma_ == "continue":
        return [], "", None  # "continued" reports only a quotation it follows, never a host clause
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children) and (
            verb.i < verb.head.i or not _has_own_content(verb)):
        head = verb.head
        return _without(_edges(head), _edges(verb)), "a", None
    comma = _trailing(verb)
    if comma is not None and "c" in cue.frames and not any(
            c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "dobj" and not _addressee(c)) for c in children):
        head = verb.head
        return [(head.left_edge.idx, comma.idx)], "a", None  # "A, she said." hung on A's verb
    if verb.dep_ in ("parataxis", "relcl") and "c" in cue.frames and verb.head.pos_ in _VERBAL and not any(
            c.dep_ in ("dobj", "xcomp", "prep") and not _adjunct(c) and not _addressee(c) for c in children):
        # "This campaign, he says, is different": the parenthetical cue reports its host clause
        return _without(_edges(verb.head), _edges(verb)), "a", None
    if clauses and cue.frames:  # a cue listed for objects only ("see": only "sees X as Y") takes no clause
        return [_clause_edges(c, lang) for c in clauses], "c2", None
    preps = _OWN_PREPS.get(verb.lemma_, frozenset()) | (_FALLBACK_PREPS if verb.lemma_ in _PREP_CUES else frozenset())
    prep = _prep_object(children, preps)
    if prep:
        return [prep[0]], "o2", prep[1]  # "complained about ...", "hinted at ..."
    if "c" in cue.frames and verb.lemma_ not in _NO_OBJECT_CUES:
        obj = _object(verb, children)
        if obj:
            return [obj], "o3", None
    return [], "", None


def _joined_on(clause: Token, verb: Token) -> bool:
    """Only a comma, a conjunction or an adverb (``, then``, ``and``) stands between ``clause`` and ``verb``."""
    gap = clause.doc[clause.right_edge.i + 1:verb.i]
    return len(gap) > 0 and all(t.text == "," or t.dep_ in ("cc", "advmod") for t in gap)


_AS_PREPS = frozenset({"in", "by", "at"})  # "as X noted in The Intercept", "as first reported by X"


def _has_own_content(verb: Token) -> bool:
    """A verb with an object, clause or prepositional object of its own after it: ``as he introduced
    his wife``, ``as they saw for the first time ...`` tell when, not whose words the host clause is
    (a subjectless ``as might be expected from X`` never does)."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    for c in verb.rights:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and c.lower_ not in ("it", "so") and not _addressee(c):
            return True
        if c.dep_ == "prep" and c.lower_ not in _AS_PREPS and not _adjunct(c):
            return True
    return False


def _end_before(doc: Doc, i: int, floor: int) -> int:
    """The character end of what precedes token ``i``, leaving out the conjunctions and
    punctuation that join it on (never going back past token ``floor``)."""
    while i > floor and (doc[i - 1].dep_ == "cc" or doc[i - 1].is_punct):
        i -= 1
    return doc[i - 1].idx + len(doc[i - 1])


_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _before_finite_conj(verb: Token, end: int) -> int:
    """``vowed to keep abortion legal and celebrated the ruling``: a finite verb coordinated
    under a non-finite one goes with the cue's own clause, so the content stops before it."""
    if verb.tag_ in _FINITE:
        return end
    for c in verb.children:
        finite = c.tag_ in _FINITE or any(a.dep_ == "aux" and a.tag_ in _FINITE for a in c.children)
        if c.dep_ == "conj" and c.pos_ in _VERBAL and finite and c.i > verb.i:
            return min(end, _end_before(verb.doc, c.left_edge.i, verb.i + 1))
    return end


def _trailing(verb: Token) -> Token | None:
    """``..., she said.`` parsed as an adverbial clause of the reported verb: the comma before its
    subject, when the subject comes right before it, after its host, and the sentence ends there."""
    doc = verb.doc
    if verb.dep_ not in ("advcl", "conj") or verb.i < verb.head.i or verb.head.pos_ not in _VERBAL:
        return None
    subj = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i, default=None)
    if subj is None or not person_like(subj):
        return None
    first = subj.left_edge.i
    if first == 0 or doc[first - 1].text != "," or doc[first - 1].i <= verb.head.left_edge.i:
        return None
    return doc[first - 1] if _ends_sentence(verb) else None


def _ends_sentence(verb: Token) -> bool:
    """Only adverbs or a time stand between ``verb`` and the end of its sentence."""
    doc = verb.doc
    nxt = verb.i + 1
    objects = {c.left_edge.i: c.right_edge.i for c in verb.rights if _addressee(c)}
    while nxt < len(doc):
        tok = doc[nxt]
        if nxt in objects:  # "..., Carter told a Senate panel Wednesday."
            nxt = objects[nxt] + 1
        elif tok.dep_ in ("advmod", "npadvmod") or tok.ent_type_ in TIME_ENTS:
            nxt += 1
        else:
            break
    return nxt >= len(doc) or (doc[nxt].is_punct and doc[nxt].text in ".;!?")


def _addressee(tok: Token) -> bool:
    """The object of an addressing verb, the one spoken to: ``told reporters``, ``told The Post``."""
    return tok.dep_ in ("dobj", "dative") and tok.head.lemma_ in _ADDRESSING and tok.i > tok.head.i


def _coordinated_start(verb: Token, start: int) -> int:
    """``A, but B, the source added.`` parsed with the trailing verb as a conjunct of A's verb and
    only B as its clause: a sentence-final attribution after a comma reports the whole sentence."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "conj" or head.i > verb.i or head.pos_ not in _VERBAL or not _ends_sentence(verb):
        return start
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.left_edge.i == 0 or doc[subj.left_edge.i - 1].text != ",":
        return start
    if not any(c.dep_ in _CLAUSE_DEPS and c.i < subj.i for c in verb.children):
        return start
    return min(start, head.left_edge.idx)


# verbs whose bare object is the person spoken to ("asked Mrs. Clinton")
_ADDRESSING = frozenset({"ask", "tell", "urge", "remind", "inform", "assure", "warn", "thank", "question", "press",
                         "interview", "contact", "email", "call"})
_WH_WORDS = frozenset({"why", "how", "whether", "what"})  # not "when", "if": "said when asked", "said if elected"
_PRO_ANSWERS = frozenset({"yes", "no", "so"})
_PRO_OBJECTS = frozenset({"same", "little", "nothing", "otherwise"})


def _asked_aside(verb: Token) -> Token | None:
    """``Lin Haoran, asked whether ..., said C`` parsed with "asked" as a clause of "said" and
    the speaker as its subject: that "asked", when a comma closes it right before the verb."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i < verb.i and c.lemma_ in ("ask", "question", "press") and c.tag_ in ("VBD", "VBN") \
                and doc[c.right_edge.i + 1].text == "," and doc[c.i - 1].text == ",":
            return c
    return None


def _pro_form(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    """A word that stands for what was said: ``said yes``, ``said so``, ``said as much``, ``said the same``."""
    for c in children:
        if c.i <= verb.i:
            continue
        if c.lower_ in _PRO_ANSWERS and c.dep_ in ("intj", "advmod", "dobj", "dep"):
            return c.idx, c.idx + len(c)
        if c.lower_ == "much" and c.i > 0 and verb.doc[c.i - 1].lower_ == "as":
            return verb.doc[c.i - 1].idx, c.idx + len(c)
        if c.dep_ == "dobj" and (c.lemma_ in _PRO_OBJECTS or any(a.lemma_ == "same" for a in c.children)):
            return _edges(c)
    return None


def _quoted_before(verb: Token, clause: Token) -> bool:
    """Whether ``clause`` is a quotation closed right before the verb's attribution (“...,” she said)."""
    doc = verb.doc
    return any(t.is_quote for t in doc[clause.right_edge.i + 1:clause.right_edge.i + 3] if t.i < verb.i) or (
        doc[clause.right_edge.i].is_quote)


def _opens_inside(verb: Token, clause: Token) -> bool:
    """Whether ``clause`` starts right after a word of some other clause than ``verb``'s own."""
    prev = verb.doc[clause.left_edge.i - 1]
    return prev.is_alpha and prev.i != verb.i and prev.head.i != verb.i


def _misattached_clauses(verb: Token, children: list[Token]) -> list[Token]:
    """``said in a statement that C``, ``told councillors that C``: the parser hangs the that-clause
    on the noun between the verb and its clause."""
    out = []
    nouns = NOMINAL_CUES.get(verb.doc.lang_, {})
    objects = [o for p in children if p.dep_ == "prep" and p.i > verb.i for o in p.children if o.dep_ == "pobj"]
    media = [o for o in objects if o.head.lower_ == "in"]
    while media:  # "said in one of a series of messages that C" (not "asked for support for its claim that C")
        deeper = [o for p in media.pop().children if p.dep_ == "prep" for o in p.children
                  if o.dep_ == "pobj" and o.lemma_.lower() not in nouns]
        objects += deeper
        media += deeper
    objects += [o for o in children if o.dep_ in ("dobj", "dative") and o.i > verb.i  # "told councillors that C"
                and o.lemma_.lower() not in nouns]  # "repeated his statement that C" is the statement's
    cue = cues_for(verb.doc.lang_).get(verb.lemma_)
    says = cue is not None and "c" in cue.frames  # only a listed clause cue takes a clause the parser misread
    for obj in objects:
        for c in obj.rights:
            if c.dep_ in ("acl", "relcl", "ccomp") and _that_led(c, says):
                out.append(c)
    for c in children:  # "said after the convention he would not accept": a clause taken for an adverbial one
        if says and c.dep_ == "advcl" and c.i > verb.i and c.left_edge.dep_ == "prep" and c.left_edge.head.i == c.i and not any(
                m.dep_ == "mark" for m in c.children) and any(m.dep_ == "nsubj" for m in c.children):
            out.append(c)
    return out


def _that_led(clause: Token, misread: bool) -> bool:
    """Whether a clause opens with the conjunction "that"; with ``misread``, also when the parser took it
    for a relative pronoun with no role in the clause ("reported at the time that the editor conveyed ...")."""
    that = clause.left_edge
    if _has_that(clause):
        return True
    return misread and that.lower_ == "that" and that.head.i == clause.i and that.dep_ in ("advmod", "mark") and any(
        m.dep_ == "nsubj" and m.i != that.i for m in clause.children)


def _object(verb: Token, children: list[Token]) -> tuple[int, int] | None:
    for c in children:
        if c.dep_ in _OBJ_DEPS and c.ent_type_ not in TIME_ENTS:  # "said Sunday evening" is no object
            s, e = _edges(c)
            bare = e
            for o in children:  # "called the plan a disaster", "accused Trump of lying"
                if (o.dep_ in ("oprd", "xcomp", "ccomp") or (o.dep_ == "prep" and (o.lower_ in ("of", "for") or (
                        o.lower_ in ("to", "with") and verb.lemma_ in _LIKENING)))) and o.i > c.i:
                    e = max(e, _edges(o)[1])
            if e == bare and verb.lemma_ in _ADDRESSING and person_like(c):
                return None  # "asked Mrs. Clinton": the person spoken to is no content
            return s, e
    oprd = [c for c in children if c.dep_ == "oprd" and c.i > verb.i]
    if len(oprd) > 1:  # "called Trump a liar" parsed as two predicatives
        return oprd[0].left_edge.idx, _edges(oprd[-1])[1]
    if oprd and (verb.dep_ != "acl" or verb.head.dep_ == "ROOT") and (
            oprd[0].pos_ != "PROPN" or any(c.dep_ == "prt" for c in children)):  # not "a PAC called Our Principles"
        # "called out Trump", "called Florida's standards strong": the parser's predicative is the object;
        # as a participle only when its noun has no verb of its own ("Beruff, an ally, called ...")
        return _edges(oprd[0])
    return None


def _prep_object(children: list[Token], preps: frozenset[str]) -> tuple[tuple[int, int], Token] | None:
    for c in children:
        if c.dep_ in ("prep", "prt") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in TIME_ENTS:
                    return _edges(p), c
    return None


_SPEAKER_WORDS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART"})


def _fronted(verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``A ..., President Vera Hollen said on Sunday.`` when the parser found neither the clause nor
    the subject: the speaker is the noun phrase between the last comma and the verb, the content
    everything before that comma (after a wire dateline). Only for a verb that ends its sentence."""
    doc = verb.doc
    sent = verb.sent
    if any(t.is_quote for t in doc[verb.i + 1:min(verb.i + 4, sent.end)]):
        return None  # '..., a man yelled "Stay there!"': the quotation after the verb is what was said
    inverted = _inverted_source(verb)
    if inverted is not None:
        start = sent.start_char
        start = dateline_end(doc.text, start, doc[verb.i - 1].idx) or start
        if len(doc.text[start:doc[verb.i - 1].idx].split()) >= 4:
            return (start, doc[verb.i - 1].idx), source_span(inverted)
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "prep" and not _adjunct(c))
           for c in verb.children if c.i > verb.i):
        return None
    i = verb.i - 1
    while i > sent.start and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    j = i
    while j > sent.start and doc[j].pos_ in _SPEAKER_WORDS and not doc[j].is_punct:
        j -= 1
    if j == i or doc[j].text != "," or not any(t.pos_ in ("PROPN", "NOUN") for t in doc[j + 1:i + 1]):
        return None
    start = sent.start_char
    start = dateline_end(doc.text, start, doc[j].idx) or start
    if len(doc.text[start:doc[j].idx].split()) < 4:
        return None
    return (start, doc[j].idx), (doc[j + 1].idx, doc[i].idx + len(doc[i]))


def _inverted_source(verb: Token) -> Token | None:
    """``A ..., said Geert Wilders, founder of ...`` when the parser made the report's own noun a
    subject too: the named subject right after a verb that follows a comma."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    return after[0] if after and person_like(after[0]) else None


def _before_attribution(doc: Doc, end: int, source_start: int) -> int:
    """The end of a fronted content: ``A, B and C, the ministry said`` reports all of it, not just
    the clause the parser marked (it hangs the rest of a list on the verb)."""
    gap = doc.text[end:source_start]
    if any(ch in gap for ch in ".;!?\n\"“”") or len(gap) > 200:
        return end
    return end + len(gap.rstrip(" ,—–-"))


def _adjunct(tok: Token) -> bool:
    """A prepositional phrase that only frames the report: a time ("on Sunday") or one set off by
    a comma (", without giving details")."""
    if tok.dep_ != "prep":
        return False
    obj = next((p for p in tok.children if p.dep_ == "pobj"), None)
    return (obj is not None and obj.ent_type_ in TIME_ENTS) or (tok.i > 0 and tok.doc[tok.i - 1].text == ",")


def verb_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """One draft per reporting verb that has a content argument."""
    lexicon = cues_for(lang)
    drafts: list[Draft] = []
    according = {i + 2 for i in _according_starts(doc, lang)}
    for tok in doc:
        if tok.pos_ not in _VERBAL or tok.i in according:  # "according to show insiders": part of the source
            continue
        cue = lexicon.get(tok.lemma_) or (_HEARING_CUE if hearing_body(tok) else None)  # "the court heard that"
        generic = False
        if cue is None:
            if tok.pos_ != "VERB" or not tok.is_lower or tok.lemma_ in _NOT_GENERIC:
                continue
            subj = subject_of(tok)
            if not person_like(subj):
                continue
            cue, generic = _GENERIC, True
        if tok.dep_ == "ccomp" and tok.head.i != tok.i and _asked_aside(tok.head) == tok:
            continue  # the question put to the speaker is not the speaker's statement
        fragments, frame, prep = _content_of(tok, cue, lang)
        if not fragments and not generic and "c" in cue.frames:
            fronted = _fronted(tok)
            if fronted is not None:
                content, source = fronted
                drafts.append(Draft([content], cue_span(tok), source, cue.weight * _FRAME_FACTOR["a"],
                                    f"verb:f:{tok.lemma_}", tok.i))
                continue
        if not fragments or (generic and (frame != "c" or fragments[0][0] < tok.idx)):
            continue  # an unlisted verb counts only with a clause after it: "X quipped that ..." 
        cue_chars = cue_span(tok, prep)
        subj = subject_of(tok)
        aside = _asked_aside(tok)
        if aside is not None and (subj is None or subj.i > aside.i):
            subj = next((c for c in aside.children if c.dep_ in ("nsubj", "nsubjpass")), subj)
        if frame == "o3" and not (subj is not None and (subj.ent_type_ in _ENTITY_SOURCES or subj.lower_ in _PERSONAL
                                                         or subj.lemma_ in _EVIDENCE_NOUNS)):
            continue  # a bare object is a statement only for someone who can state it: "a poll showed a tie"

        source = source_span(subj) if subj is not None else None
        if frame == "c" and source and len(fragments) == 1 and fragments[0][1] < source[0] < tok.idx:
            end = _before_attribution(doc, fragments[0][1], source[0])
            fragments = [(_coordinated_start(tok, fragments[0][0]), end)]
        frags = []
        for f in fragments:
            for g in _without(f, cue_chars):
                frags.extend(_without(g, source) if source else [g])
        frags = [f for f in frags if f[1] > f[0]]
        if not frags:
            continue
        conf = cue.weight * _FRAME_FACTOR[frame] * (1.0 if source else _NO_SOURCE_FACTOR)
        rule = f"verb:generic:{frame}" if generic else f"verb:{frame}:{tok.lemma_}"
        recap = tok.dep_ == "relcl" and subj is not None and subj.lower_ in ("who", "whom")
        for part in _that_clauses(tok, frags) if frame == "c" else [frags]:
            drafts.append(Draft(part, cue_chars, source, conf, rule, tok.i, recap=recap))
    return drafts


def _that_clauses(verb: Token, frags: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """``said that A and that B``: one statement per that-clause (each is its own claim)."""
    doc = verb.doc
    cuts = []
    children = list(verb.children)
    for clause in [c for c in children if c.dep_ == "ccomp"] or _misattached_clauses(verb, children):
        for conj in clause.subtree:
            if conj.dep_ == "conj" and conj.pos_ in _VERBAL and conj.head.i >= clause.i and _has_that(conj):
                cuts.append((_end_before(doc, conj.left_edge.i, clause.i), conj.left_edge.idx))
    if not cuts:
        return [frags]
    parts: list[list[tuple[int, int]]] = [[]]
    for s, e in frags:
        for end, start in sorted(cuts):
            if s < end and start < e:
                parts[-1].append((s, end))
                parts.append([])
                s = start
        parts[-1].append((s, e))
    return [p for p in parts if p]


def _according_starts(doc: Doc, lang: str) -> list[int]:
    """Indices of the first words of ``according to`` (and its equivalents in ``lang``)."""
    pairs = ACCORDING_TO.get(lang, ())
    firsts = {first for first, _ in pairs}
    return [t.i for t in doc[:-1] if t.lower_ in firsts and (t.lower_, doc[t.i + 1].lower_) in pairs]


def according_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """``according to X``: content is the clause the phrase hangs on, minus the phrase."""
    lexicon = cues_for(lang)
    drafts: list[Draft] = []
    n = len(doc)
    for i in _according_starts(doc, lang):
        tok, to = doc[i], doc[i + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        loose = _loose_phrase(doc, to.i + 1) if obj is None else None
        phrase_end = max(tok.right_edge.i, to.right_edge.i, obj.right_edge.i if obj is not None else to.i,
                         loose[1] if loose else to.i)
        phrase = (tok.idx, doc[phrase_end].idx + len(doc[phrase_end]))
        sent = tok.sent
        head = tok.head  # Token objects are new on each access: a root's head is itself by index only
        s, e = _edges(head) if head.pos_ in _VERBAL and head.i != tok.i else (sent.start_char, sent.end_char)
        nxt = phrase_end + 1
        if s < tok.idx and nxt + 1 < n and doc[nxt].text == "," and doc[nxt + 1].dep_ == "cc":
            e = min(e, phrase[1])  # "A fell, according to X, and B rose": only A is X's
        elif tok.i > sent.start and doc[tok.i - 1].text == "," and (nxt >= sent.end or doc[nxt].text in ".;!?"):
            s = min(s, _clause_start(head, lexicon))  # "A helped B write C, according to X.": the whole clause is X's
        frags = _without((s, e), phrase)
        if not frags:
            continue
        source = source_span(_author(obj)) if obj is not None else None
        if loose:  # "according to show insiders": a noun phrase the tagger broke with a verb
            source = (doc[loose[0]].idx, doc[loose[1]].idx + len(doc[loose[1]]))
        drafts.append(Draft(frags, (tok.idx, to.idx + len(to)), source, 0.85, "according", tok.i))
    return drafts


def _loose_phrase(doc: Doc, start: int) -> tuple[int, int] | None:
    """First and last token of the words from ``start`` up to the next punctuation, when they end in a
    noun (a phrase the parser did not make the preposition's object)."""
    end = start
    while end < len(doc) and end - start < 6 and not doc[end].is_punct and not doc[end].is_space:
        end += 1
    last = end - 1
    if last < start or doc[last].pos_ not in ("NOUN", "PROPN") or doc[last].ent_type_ in TIME_ENTS:
        return None
    return start, last


def _clause_start(verb: Token, lexicon: dict) -> int:
    """Where the clause that ``verb`` completes starts (``helped B write C``), not reaching into a
    report of its own (``X said A ..., according to Y`` keeps X's statement)."""
    while verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i and verb.head.lemma_ not in lexicon:
        verb = verb.head
    return verb.left_edge.idx


def _author(obj: Token) -> Token:
    """``according to a tally by the Associated Press``: the named author of a document noun."""
    if obj.ent_type_ in _ENTITY_SOURCES:
        return obj
    for prep in obj.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "from", "of"):
            named = next((p for p in prep.children if p.dep_ == "pobj" and p.ent_type_ in _ENTITY_SOURCES), None)
            if named is not None:
                return named
        if prep.dep_ == "acl" and prep.tag_ == "VBN":  # "a court document filed by X", "audio obtained by X"
            for agent in prep.children:
                if agent.dep_ == "agent":
                    named = next((p for p in agent.children if p.dep_ == "pobj" and p.ent_type_ in _ENTITY_SOURCES), None)
                    if named is not None:
                        return named
    return obj


def colon_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """Colon lead-ins: ``Shoygu: the troops will stay`` (a name, a colon, the content)."""
    nouns = SOURCE_NOUNS.get(lang, frozenset())
    labels = LABEL_WORDS.get(lang, frozenset())
    drafts: list[Draft] = []
    for sent in doc.sents:
        limit = min(sent.end, sent.start + 7)
        for i in range(sent.start + 1, limit):
            tok = doc[i]
            if tok.text != ":":
                continue
            lead = doc[sent.start:i]
            if any(t.pos_ in _VERBAL for t in lead) or i + 2 >= sent.end:
                break
            if any(t.lower_ in labels for t in lead):
                break  # an interview's "Q:", a kicker's "The Latest:" or "Breaking:" names no one
            named = any(t.ent_type_ in _ENTITY_SOURCES or t.pos_ == "PROPN" for t in lead) or any(
                t.lower_ in nouns for t in lead
            ) or (len(lead) == 1 and lead[0].is_title)
            if not named or len(lead) > 5 or not all(t.pos_ in ("PROPN", "NOUN", "PUNCT", "DET", "ADJ", "CCONJ") for t in lead):
                break
            start = lead[0]
            while start.is_punct and start.i < i - 1:
                start = doc[start.i + 1]
            source = (start.idx, lead[-1].idx + len(lead[-1]))
            end = sent.end_char
            if all(t.is_upper or t.is_punct for t in lead):  # a transcript's "WALLACE:" speaks to the paragraph end
                end = len(doc.text)
            cut = doc.text.find("\n", doc[i + 1].idx, end)
            content = (doc[i + 1].idx, cut if cut != -1 else end)
            said = doc.char_span(*content, alignment_mode="expand")
            if said is not None and not any(t.pos_ in _VERBAL for t in said):
                break  # "Clinton: 1,769", "Twitter: @Milbank", "Iowa: Tim Albrecht, ...": a list, not a statement
            drafts.append(Draft([content], (tok.idx, tok.idx + 1), source, 0.6, "colon", tok.i))
            break
    return drafts


_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
# "In a Quinnipiac poll, 50 percent chose ...", "In a statement, the group ...": the noun frames the clause
_FRAME_NOUNS = frozenset({"poll", "survey", "statement", "interview", "letter", "op-ed", "speech", "tweet", "post",
                          "memo", "email", "report", "study", "analysis", "filing", "lawsuit", "column", "editorial",
                          "essay", "ad", "video", "release", "remarks", "testimony", "appearance", "address"})


def hearsay_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """``X reportedly did Y`` (a hearsay adverb) and ``In a poll/statement, ...`` (a framing phrase):
    the clause is attributed content; a framing phrase's noun is its source."""
    if lang != "en":
        return []
    lexicon = cues_for(lang)
    drafts: list[Draft] = []
    for tok in doc:
        low = tok.lower_
        head = tok.head
        if low in _HEARSAY_ADVERBS and tok.dep_ == "advmod" and head.pos_ in _VERBAL and head.lemma_ not in lexicon:
            s, e = _edges(head)
            frags = [f for f in _without((s, e), (tok.idx, tok.idx + len(tok))) if f[1] > f[0]]
            if frags:
                drafts.append(Draft(frags, (tok.idx, tok.idx + len(tok)), None, 0.5, "hearsay", tok.i))
        elif low == "in" and tok.dep_ == "prep" and head.pos_ in _VERBAL and tok.i < head.i and head.lemma_ not in lexicon:
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is None or obj.lemma_.lower() not in _FRAME_NOUNS or not any(
                    doc[i].text == "," for i in range(tok.right_edge.i + 1, head.i)):
                continue
            phrase = (tok.idx, tok.right_edge.idx + len(tok.right_edge))
            frags = [f for f in _without(_edges(head), phrase) if f[1] > f[0]]
            s0 = frags[0][0] if frags else 0
            while frags and doc.text[s0] in ", ":
                s0 += 1
            if obj.lemma_.lower() in _EVIDENCE_NOUNS or obj.lemma_.lower() == "survey":
                source = source_span(obj)  # "In a Des Moines Register poll, ..."
            else:  # "In an interview, Trump doubled down on ...": the speaker is the clause's subject
                subj = subject_of(head)
                if not person_like(subj):
                    continue
                source = source_span(subj)
            if frags:
                frags[0] = (s0, frags[0][1])
                frags = [g for f in frags for g in _without(f, source) if g[1] > g[0]]
                drafts.append(Draft(frags, (tok.idx, tok.idx + len(tok)), source, 0.5, "frame", tok.i))
    return drafts


# adjectives that state a position when predicated of someone: "is optimistic that ...", "are tired of ..."
_STANCE_ADJECTIVES = frozenset({
    "optimistic", "pessimistic", "confident", "sure", "certain", "convinced", "skeptical", "sceptical", "wary",
    "worried", "concerned", "unhappy", "happy", "upset", "angry", "frustrated", "disappointed", "pleased", "proud",
    "tired", "critical", "supportive", "eager", "determined", "hopeful", "adamant", "afraid", "fearful", "aware",
    "appreciative", "upbeat", "furious", "glad", "nervous", "uncertain", "unsure", "reluctant", "willing", "keen",
    "committed", "dismissive", "enthusiastic", "doubtful", "suspicious", "resistant", "comfortable", "uncomfortable",
    "satisfied", "dissatisfied", "outraged", "incensed", "grateful", "sympathetic", "hostile", "receptive", "opposed",
})
_STANCE_PREPS = frozenset({"about", "of", "with", "on", "that", "toward", "towards", "in", "to", "at", "over"})


def stance_drafts(doc: Doc, lang: str = "en") -> list[Draft]:
    """``X is optimistic that C`` / ``X was critical of C`` / ``X is eager to C``: a stance adjective
    predicated of a person-like subject, with a clause, infinitive or prepositional object."""
    if lang != "en":
        return []
    drafts: list[Draft] = []
    for tok in doc:
        if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lower_ not in _STANCE_ADJECTIVES:
            continue
        head = tok.head
        subj = subject_of(head)
        if not person_like(subj):
            continue
        content, prep = None, None
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i:
                content = _edges(c)
                break
            if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS and c.i > tok.i:
                obj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content, prep = _edges(obj), c
                    break
        if content is None:
            continue
        cue = cue_span(head)
        end = prep if prep is not None else tok
        cue = (min(cue[0], tok.idx), end.idx + len(end))
        source = source_span(subj)
        frags = [f for f in _without(content, source) if f[1] > f[0]]
        if frags:
            drafts.append(Draft(frags, cue, source, 0.5, "stance", tok.i))
    return drafts
