"""Russian statement extraction on natasha (which ships its models; no spaCy Russian model is on PyPI).

Pure rules over natasha's segmentation, morphology, syntax and NER:
direct quotes in «ёлочках» / „лапках“ / "straight" marks attributed by a dash
lead-out (``«...», — заявил X``) or a colon lead-in (``X заявил: «...»``),
indirect speech (``X сообщил, что ...``), reported speech with the attribution after it
(``Погибли 164 человека, сообщил X.``, ``..., — сообщили в министерстве.``), ``по словам X, ...``
and ``по данным X`` cues, and bare colon lead-ins (``Шойгу: ...``).

Each statement then carries quantities, hedges, ``said_on``, modality and polarity from
:mod:`.russian_claims` (``published`` resolves "во вторник", "вчера").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..errors import ModelError
from ..models import Entity, Span, Statement
from .russian_claims import annotate_russian

__all__ = ["RU_EXTRACTOR", "russian_facts", "annotate_russian_statements", "SPEECH_LEMMAS_RU"]

RU_EXTRACTOR = "onrecord.quotes.ru.v2"  # v2: attribution after the content; claims annotated

SPEECH_LEMMAS_RU = frozenset(
    """заявить заявлять сказать говорить сообщить сообщать отметить отмечать подчеркнуть подчёркивать
    подчеркивать добавить добавлять пояснить пояснять заметить замечать указать указывать признать признавать
    уточнить уточнять напомнить напоминать объявить объявлять предупредить предупреждать считать полагать
    настаивать отрицать утверждать написать писать рассказать рассказывать констатировать пообещать обещать
    заверить заверять опровергнуть опровергать сообщить подтвердить подтверждать ответить отвечать
    призвать призывать выразить процитировать цитировать передать""".split()
)

_QUOTE_RE = re.compile(r"«[^«»]{3,}?»|„[^„“”]{3,}?[“”]|\"[^\"\n]{3,}?\"")
_PO_SLOVAM = re.compile(r"\b[Пп]о (?:словам|мнению|данным|информации|оценке|оценкам)\s+", re.U)
_COLON_LEAD = re.compile(r"^(?P<src>[А-ЯЁ][\w\-]+(?:\s+[А-ЯЁ][\w\-]+){0,2}):\s+(?P<content>\S.+)$", re.U)


@lru_cache(maxsize=1)
def _models() -> dict[str, Any]:
    try:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    except ImportError as exc:  # pragma: no cover - natasha is a declared dependency of the ru extra
        raise ModelError(
            "Russian extraction needs natasha.", hint="Install it with: pip install 'onrecord[ru]'"
        ) from exc
    emb = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "morph": NewsMorphTagger(emb),
        "syntax": NewsSyntaxParser(emb),
        "ner": NewsNERTagger(emb),
        "vocab": MorphVocab(),
    }


def _parse(text: str):
    from natasha import Doc

    m = _models()
    doc = Doc(text)
    doc.segment(m["segmenter"])
    doc.tag_morph(m["morph"])
    doc.parse_syntax(m["syntax"])
    doc.tag_ner(m["ner"])
    for tok in doc.tokens:
        tok.lemmatize(m["vocab"])
    return doc


def _subtree_span(tokens: list, root) -> tuple[int, int]:
    children: dict[str, list] = {}
    for t in tokens:
        children.setdefault(t.head_id, []).append(t)
    todo, start, stop = [root], root.start, root.stop
    while todo:
        t = todo.pop()
        if t.pos != "PUNCT":
            start, stop = min(start, t.start), max(stop, t.stop)
        todo.extend(c for c in children.get(t.id, []) if c.rel not in ("punct", "parataxis", "ccomp", "conj"))
    return start, stop


def _speaker_of(tokens: list, verb) -> Any | None:
    for t in tokens:
        if t.head_id == verb.id and t.rel in ("nsubj", "nsubj:pass"):
            return t
    return None


def russian_facts(text: str, article_id: str = "", published: str | None = None,
                  ) -> tuple[list[Statement], list[Entity], list[Span]]:
    """(statements, named entities, sentence spans) of a Russian text; offsets are str offsets into ``text``.
    Statements are annotated with claims; ``published`` (ISO date) resolves relative dates."""
    doc = _parse(text)
    sentences = [Span.of(text, s.start, s.stop) for s in doc.sents]
    entities: list[Entity] = []
    for sp in doc.spans:
        label = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}.get(sp.type, sp.type)
        idx = next((i for i, s in enumerate(sentences) if s.start <= sp.start < s.end), -1)
        sp.normalize(_models()["vocab"])
        entities.append(Entity(Span.of(text, sp.start, sp.stop), label, idx, sp.normal or ""))
    out: list[Statement] = []
    covered: list[tuple[int, int]] = []

    def add(kind: str, cs: int, ce: int, cue: tuple[int, int] | None, src: tuple[int, int] | None, conf: float) -> None:
        while ce > cs and text[ce - 1] in " ,.;:":
            ce -= 1
        while cs < ce and text[cs].isspace():
            cs += 1
        if ce - cs < 3 or any(cs < b and a < ce for a, b in covered):
            return
        covered.append((cs, ce))
        out.append(
            Statement(
                article_id=article_id,
                kind=kind,
                content=Span.of(text, cs, ce),
                fragments=(Span.of(text, cs, ce),),
                cue=Span.of(text, *cue) if cue else None,
                speaker_mention=Span.of(text, *src) if src else None,
                confidence=conf,
                extractor=RU_EXTRACTOR,
            )
        )

    sents = list(doc.sents)
    speech = {id(sent): [t for t in sent.tokens if t.pos == "VERB" and (t.lemma or "") in SPEECH_LEMMAS_RU]
              for sent in sents}
    # direct quotes (a quote may run over several sentences) attributed by the nearest speech verb
    # outside it in the sentences it touches: a dash lead-out or a colon lead-in
    for m in _QUOTE_RE.finditer(text):
        qs, qe = m.start() + 1, m.end() - 1
        near = [sent for sent in sents if sent.start <= qe and qs - 1 <= sent.stop]
        cands = [(sent, v) for sent in near for v in speech[id(sent)] if not (qs <= v.start < qe)]
        sent, verb = min(cands, key=lambda c: min(abs(c[1].start - qe), abs(c[1].start - qs)), default=(None, None))
        subj = _speaker_of(sent.tokens, verb) if verb else None
        src = _subtree_span(sent.tokens, subj) if subj else None
        add("direct", qs, qe, (verb.start, verb.stop) if verb else None, src, 0.9 if verb else 0.5)
    for sent in sents:
        toks = sent.tokens
        verbs = speech[id(sent)]
        # indirect speech: verb + ", что ..." / ", чтобы ..."; or the attribution after the content:
        # "Погибли 164 человека, сообщил X." / "..., — сообщили в министерстве."
        for verb in verbs:
            if any(a <= verb.start < b for a, b in covered):
                continue
            after = [t for t in toks if t.start > verb.stop]
            conj = next((t for t in after[:4] if t.text.lower() in ("что", "чтобы")), None)
            subj = _speaker_of(toks, verb)
            if conj is not None:
                src = _subtree_span(toks, subj) if subj else None
                add("indirect", conj.stop + 1, sent.stop, (verb.start, verb.stop), src, 0.8 if subj else 0.55)
                continue
            before = [t for t in toks if t.stop <= verb.start]
            if len(before) == 1 and before[0].text.lower() == "как":  # "Как сообщил X, ..."
                comma = next((t for t in after if t.text == ","), None)
                if comma is not None:
                    src = _subtree_span(toks, subj) if subj else None
                    add("indirect", comma.stop, sent.stop, (verb.start, verb.stop), src, 0.75 if subj else 0.5)
                continue
            while before and before[-1].text in ("—", "–", "-"):
                before.pop()
            if len(before) < 3 or before[-1].text != ",":
                continue
            tail = [t for t in after if t.pos != "PUNCT"]
            if subj is not None and subj.start > verb.start:
                src = _subtree_span(toks, subj)
            elif tail and tail[0].text.lower() in ("в", "во") and len(tail) > 1:
                src = (tail[1].start, tail[-1].stop)  # "сообщили в пресс-службе министерства"
            else:
                src = None
            add("indirect", sent.start, before[-1].start, (verb.start, verb.stop), src, 0.75 if src else 0.5)
        # по словам X, ... / по данным X, ...
        pm = _PO_SLOVAM.search(sent.text)
        if pm:
            rest = sent.text[pm.end():]
            comma = rest.find(",")
            if 0 < comma < 80:
                src_s = sent.start + pm.end()
                add("indirect", src_s + comma + 1, sent.stop, (sent.start + pm.start(), src_s - 1), (src_s, src_s + comma), 0.75)
        lead = _COLON_LEAD.match(sent.text)
        if lead and not verbs and not _QUOTE_RE.search(sent.text):
            add("indirect", sent.start + lead.start("content"), sent.stop, None, (sent.start, sent.start + lead.end("src")), 0.6)
    out.sort(key=lambda s: s.content.start)
    tokens = [t for sent in sents for t in sent.tokens]
    out = annotate_russian(text, tokens, out, published, [(s.start, s.end) for s in sentences])
    return out, entities, sentences


def annotate_russian_statements(text: str, statements: list[Statement], published: str | None = None) -> list[Statement]:
    """Claims for statements found elsewhere (gold spans, another extractor) over one natasha parse of ``text``."""
    doc = _parse(text)
    sents = list(doc.sents)
    tokens = [t for sent in sents for t in sent.tokens]
    return annotate_russian(text, tokens, statements, published, [(s.start, s.stop) for s in sents])
