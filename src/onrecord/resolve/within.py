"""Within-article speaker resolution.

Each statement's ``speaker_mention`` ("he", "the latter", "Vasko", "the defence minister",
"the Interior Ministry", or nothing for a floating quote) is resolved to a named person
or organisation of the same article. The result goes into ``Statement.speaker_name`` and
``Statement.resolution``::

    {"rule": "pronoun", "mention_type": "pronoun", "kind": "person", "name": "Teodor Vasko",
     "confidence": 0.85, "antecedent": {"start": 10, "end": 22, "text": "Teodor Vasko"},
     "roles": ["interior minister"], "forms": ["Teodor Vasko", "Vasko"]}

Unresolved titles keep ``"role"`` so cross-article linking can find the holder on the
article's date. Pure function over records: no parse, no store.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from ..models import ArticleResult, Mention, Span, Statement
from .names import clean_name, first_names_compatible, looks_like_name, parse_person, strip_honorifics, surname_variant
from .orgs import OrgTyping, org_display, org_is_head, words_of
from .surface import dateline as _dateline
from .surface import places as _places
from .surface import proper_word as _proper_word
from .surface import sentence_index as _sentence_index
from .surface import sentences as _sentences
from .surface import with_honorific as _with_honorific
from .pronouns import agrees, guess_gender, pronoun_features
from .titles import appositions, is_org_phrase, is_role_phrase, org_key, role_head, role_key, roles_match

__all__ = ["resolve_within", "Cast"]

_PERSON_LABELS = frozenset({"PERSON", "PER"})
_ORG_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})
_ORG_SPEAKER_LABELS = frozenset({"ORG", "GPE", "FAC"})
_LATTER = frozenset({"the latter", "latter"})
_FORMER = frozenset({"the former", "former"})
_FLOAT_CHARS = 900
_GENERIC = frozenset({"officials", "official", "witnesses", "analysts", "experts", "residents", "people", "sources",
                      "observers", "critics", "protesters", "demonstrators", "police", "reports", "some", "others",
                      "many", "one", "who", "someone", "everyone", "i", "we", "you"})


@dataclass
class _Entity:
    idx: int
    kind: str  # "person" | "organisation"
    name: str
    given_key: str = ""
    surname_key: str = ""
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    former_roles: list[str] = field(default_factory=list)
    org: str = ""  # for spokespeople: the organisation they speak for
    key: str = ""  # org key
    gender_hint: str = ""  # learned from a confidently resolved pronoun

    def add_form(self, form: str) -> None:
        if form and form not in self.forms:
            self.forms.append(form)
        if self.kind == "person":
            p = parse_person(form)
            if p.has_given and len(form.split()) > len(self.name.split()):
                self.name = p.display
                self.given_key = p.given_key

    @property
    def gender(self) -> str:
        return guess_gender(self.forms, self.roles + self.former_roles) or self.gender_hint


@dataclass
class Cast:
    """The people and organisations of one article, and where each is mentioned."""

    entities: list[_Entity] = field(default_factory=list)
    timeline: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, entity idx), sorted
    orgs: OrgTyping | None = None
    places: set[str] = field(default_factory=set)

    def mention(self, start: int, end: int, ent: _Entity) -> None:
        item = (start, end, ent.idx)
        if item not in self.timeline:
            bisect.insort(self.timeline, item)

    def new(self, kind: str, name: str, **kw: Any) -> _Entity:
        ent = _Entity(len(self.entities), kind, name, **kw)
        self.entities.append(ent)
        return ent

    def person_for(self, display: str, at: int, raw: str = "") -> _Entity | None:
        """The person a name refers to: same surname key and compatible given name; a bare
        surname shared by two people goes to the one (of agreeing gender) mentioned last before ``at``."""
        p = parse_person(display)
        if not p.surname_key:
            return None
        same = [e for e in self.entities if e.kind == "person" and e.surname_key == p.surname_key]
        g = guess_gender([raw]) if raw and not p.has_given else ""
        if g and len(same) > 1:  # "Ms Kovac" when Anna and Marko Kovac are both in the story
            same = [e for e in same if e.gender in (g, "")] or same
        if p.has_given:
            same = [e for e in same if first_names_compatible(p.given_key, e.given_key)]
            exact = [e for e in same if e.given_key == p.given_key]
            same = exact or same
        if not same:  # a spelling variant ("Whitcomb" for "Whitcombe"): same or compatible first name, one person only
            fuzzy = [e for e in self.entities if e.kind == "person" and e.surname_key
                     and surname_variant(e.surname_key, p.surname_key)
                     and (e.given_key == p.given_key if p.has_given and len(p.given_key) > 1 and e.given_key
                          else first_names_compatible(p.given_key, e.given_key))]
            return fuzzy[0] if len({e.idx for e in fuzzy}) == 1 else None
        if len(same) == 1:
            return same[0]
        return self.latest(same, at) or same[0]

    def latest(self, ents: list[_Entity], at: int) -> _Entity | None:
        ids = {e.idx for e in ents}
        best = None
        for start, _end, idx in self.timeline:
            if start >= at:
                break
            if idx in ids:
                best = self.entities[idx]
        return best

    def org_for(self, text: str) -> _Entity | None:
        key = org_key(text)
        for e in self.entities:
            if e.kind == "organisation" and e.key == key:
                return e
        return None


def _sentence_subject(cast: Cast, st: Statement, sentences) -> tuple[_Entity, tuple[int, int]] | None:
    """The person named nearest before the cue in its sentence (fallback for a bad mention)."""
    at = st.cue.start if st.cue else st.content.start
    si = _sentence_index(sentences, at)
    best = None
    for start, end, idx in cast.timeline:
        if start >= at:
            break
        if _sentence_index(sentences, start) == si and cast.entities[idx].kind == "person":
            best = (cast.entities[idx], (start, end))
    return best


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _name_part(text: str, start: int) -> tuple[str, int, int] | None:
    """The trailing run of capitalised words in a mention ("Interior Minister Teodor Vasko" → "Teodor Vasko")."""
    words = list(re.finditer(r"[\w'’\-\.]+", text))
    run: list[re.Match] = []
    for m in reversed(words):
        w = m.group()
        if w[:1].isupper() and not is_role_phrase(w) and w.lower().strip(".") not in ("the", "its", "his", "her"):
            run.insert(0, m)
        else:
            break
    if not run:
        return None
    s, e = run[0].start(), run[-1].end()
    display = strip_honorifics(clean_name(text[s:e]))
    if not display or not looks_like_name(display):
        return None
    off = text[s:e].find(display.split()[0])
    return display, start + s + max(off, 0), start + e


def build_cast(result: ArticleResult) -> Cast:
    """People and organisations of the article with their roles, from entities, appositions and mentions."""
    text = result.article.text
    lang = result.article.language or "en"
    cast = Cast(orgs=OrgTyping(result), places=_places(result))
    # the quoted words themselves: a discontinuous quote's fragments, not the attribution between them
    quoted = [(f.start, f.end) for s in result.statements if s.kind == "direct" for f in (s.fragments or (s.content,))]
    apps = appositions(text, lang)
    spans: list[tuple[int, int, str]] = []
    org_ents: list[tuple[int, int, str]] = [(e.span.start, e.span.end, e.span.text) for e in result.entities
                                            if e.label in _ORG_LABELS and e.label != "NORP"]
    places = cast.places
    for ent in result.entities:
        if ent.label in _PERSON_LABELS:
            if cast.orgs.is_org(ent.span.text) or ent.span.text in places:  # "Mirsk Herald", "Kostrava" tagged PERSON
                org_ents.append((ent.span.start, ent.span.end, ent.span.text))
                continue
            if " " not in ent.span.text.strip() and _qualifies_role(text, ent.span.end, lang):
                continue  # "Sudland" in "Sudland President Kaia Brisk": a qualifier of the role, not a person
            spans.append((ent.span.start, ent.span.end, "person"))
    for a in apps:
        spans.append((a.name_start, a.name_end, "person"))
    entity_people = [(a, b) for a, b, _ in spans]
    for st in result.statements:
        m = st.speaker_mention
        if m is None or pronoun_features(m.text, lang):
            continue
        part = _name_part(m.text, m.start)
        if part and any(a < part[2] and part[1] < b for a, b in entity_people):
            continue  # the tagger's person span is more exact ("России Сергей Шойгу" holds "Сергей Шойгу")
        if part and part[0].lower() not in _GENERIC and not _dateline(part[0]):
            if cast.orgs.is_org(part[0]) or part[0] in places:
                org_ents.append((part[1], part[2], part[0]))
            else:
                spans.append((part[1], part[2], "person"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    normals = {(e.span.start, e.span.end): e.normal for e in result.entities if e.normal}  # inflected names
    taken: list[tuple[int, int]] = []
    pending: list[tuple[int, int, str]] = []
    for start, end, _kind in spans:
        if any(a <= start < b or a < end <= b for a, b in taken):
            continue
        display = strip_honorifics(clean_name(normals.get((start, end)) or text[start:end]))
        if (not display or not looks_like_name(display) or _dateline(display)
                or is_role_phrase(display, lang) and len(display.split()) == 1):
            continue
        taken.append((start, end))
        if len(display.split()) == 1:
            if _proper_word(text, display, start):
                pending.append((start, end, display))
            continue
        ent = cast.person_for(display, start)
        if ent is None:
            p = parse_person(display)
            ent = cast.new("person", p.display, given_key=p.given_key, surname_key=p.surname_key)
        ent.add_form(clean_name(text[start:end]))
        ent.add_form(display)
        if not _inside(start, end, quoted):
            cast.mention(start, end, ent)
    for start, end, display in pending:  # bare surnames: after all full names are known
        ent = cast.person_for(display, start, _with_honorific(text, start, end))
        if ent is None:
            p = parse_person(display)
            ent = cast.new("person", p.display, given_key="", surname_key=p.surname_key)
        ent.add_form(clean_name(text[start:end]))
        if not _inside(start, end, quoted):
            cast.mention(start, end, ent)
    # organisations
    for start, end, surface in sorted(set(org_ents)):
        name = org_display(surface)
        if not name:
            continue
        ent = cast.org_for(name) or cast.new("organisation", name, key=org_key(name))
        ent.add_form(name)
        if not _inside(start, end, quoted):
            cast.mention(start, end, ent)
    # roles from appositions
    for a in apps:
        ent = cast.person_for(a.name, a.name_start)
        if ent is None:
            continue
        role = a.role
        if role_head(role, lang) == "spokesperson" or role.endswith("spokesperson"):
            org = _org_before(cast, a.start, a.role_text)
            if org is not None:
                ent.org = org.name
                if role == "spokesperson":
                    role = f"{org.key} spokesperson"
        bucket = ent.roles if a.current else ent.former_roles
        if role not in bucket:
            bucket.append(role)
    return cast


def _qualifies_role(text: str, end: int, lang: str) -> bool:
    """The words right after ``end`` start a role ("... President", "... interior minister")."""
    nxt = re.match(r"\s+([\w-]+(?:\s+[\w-]+)?)", text[end:end + 40])
    return bool(nxt) and any(role_head(" ".join(nxt.group(1).split()[:k]), lang) == " ".join(nxt.group(1).split()[:k]).lower()
                             for k in (1, 2))


def _org_before(cast: Cast, at: int, role_text: str) -> _Entity | None:
    """The organisation a spokesperson speaks for: named in the role ("Interior Ministry spokesman")
    or, for "its spokesman", the last organisation mentioned before."""
    orgs = [e for e in cast.entities if e.kind == "organisation"]
    for e in orgs:
        if e.key and e.key in org_key(role_text):
            return e
    low = role_text.lower().split()
    if low and low[0] in ("its", "their"):
        return cast.latest(orgs, at)
    return None


def _antecedent(text: str, span: tuple[int, int] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "text": text[span[0]:span[1]]}


def _last_mention(cast: Cast, ent: _Entity, before: int) -> tuple[int, int] | None:
    best = None
    for start, end, idx in cast.timeline:
        if start >= before:
            break
        if idx == ent.idx:
            best = (start, end)
    return best


def _pronoun(cast: Cast, feats, at: int, sentences, text: str) -> tuple[_Entity, tuple[int, int], float] | None:
    """Nearest sentence (this one up to the pronoun, then earlier ones) with an agreeing
    entity; in it, the left-most one (the likely subject)."""
    here = _sentence_index(sentences, at)
    by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    for start, end, idx in cast.timeline:
        if start >= at:
            break
        ent = cast.entities[idx]
        if agrees(feats, ent.gender, ent.kind):
            by_sentence.setdefault(_sentence_index(sentences, start), []).append((start, end, idx))
    for si in range(here, max(-1, here - 4), -1):
        cands = by_sentence.get(si)
        if not cands:
            continue
        distinct = {c[2] for c in cands}
        start, end, idx = cands[0]
        conf = 0.85 if len(distinct) == 1 else 0.7
        return cast.entities[idx], (start, end), conf - 0.05 * (here - si)
    return None


def _resolution(rule: str, mtype: str, ent: _Entity | None, conf: float, ante: dict | None, **extra: Any) -> dict:
    res: dict[str, Any] = {"rule": rule, "mention_type": mtype, "confidence": round(conf, 3), "antecedent": ante}
    if ent is not None:
        res.update(kind=ent.kind, name=ent.name, forms=list(ent.forms[:8]))
        if ent.roles:
            res["roles"] = list(ent.roles)
        if ent.former_roles:
            res["former_roles"] = list(ent.former_roles)
        if ent.org:
            res["org"] = ent.org
    res.update({k: v for k, v in extra.items() if v is not None})
    return res


def _entity_in(cast: Cast, start: int, end: int) -> tuple[_Entity, tuple[int, int]] | None:
    """An entity mentioned inside [start, end) (person preferred, right-most)."""
    best = None
    for s, e, idx in cast.timeline:
        if s >= start and e <= end:
            ent = cast.entities[idx]
            if best is None or ent.kind == "person" or best[0].kind != "person":
                best = (ent, (s, e))
    return best


def _resolve_one(st: Statement, cast: Cast, sentences, text: str, lang: str, prev: dict | None) -> dict:
    m = st.speaker_mention
    if (m is None or not m.text.strip()) and st.cue is not None:
        got = _sentence_subject(cast, st, sentences)
        if got is not None:  # "..., his lawyer, Nina Faber, said": a source the extractor did not attach
            ent, span = got
            mtype = "name" if len(text[span[0]:span[1]].split()) > 1 else "surname"
            return _resolution("sentence-subject", mtype, ent, 0.6, _antecedent(text, span))
    if m is None or not m.text.strip():
        if prev and prev.get("name") and st.content.start - prev["_end"] < _FLOAT_CHARS:
            return {k: v for k, v in prev.items() if not k.startswith("_")} | {
                "rule": "floating", "confidence": round(min(0.75, prev.get("confidence", 0.5)), 3),
                "mention_type": prev.get("mention_type", "none"),
                "antecedent": prev.get("_mention"),
            }
        return {"rule": "none", "mention_type": "none", "confidence": 0.0, "antecedent": None}
    mtext = clean_name(m.text)
    low = mtext.lower()
    if _dateline(mtext):
        got = _sentence_subject(cast, st, sentences)
        if got is None:
            return {"rule": "dateline", "mention_type": "none", "confidence": 0.0, "antecedent": None}
        ent, span = got
        mtype = "name" if len(text[span[0]:span[1]].split()) > 1 else "surname"
        return _resolution("sentence-subject", mtype, ent, 0.6, _antecedent(text, span))
    feats = pronoun_features(low, lang)
    if feats:
        got = _pronoun(cast, feats, m.start, sentences, text)
        if got is None:
            return {"rule": "pronoun:unresolved", "mention_type": "pronoun", "confidence": 0.0, "antecedent": None}
        ent, span, conf = got
        cast.mention(m.start, m.end, ent)
        if ent.kind == "person" and not ent.gender and feats[0] in ("m", "f") and conf >= 0.8:
            ent.gender_hint = feats[0]
        return _resolution("pronoun", "pronoun", ent, conf, _antecedent(text, span))
    if low in _LATTER or low in _FORMER:
        people: list[int] = []
        for start, _end, idx in cast.timeline:
            if start >= m.start:
                break
            if cast.entities[idx].kind == "person":
                if idx in people:
                    people.remove(idx)
                people.append(idx)
        want = 1 if low in _LATTER else 2
        if len(people) < want:
            return {"rule": "latter:unresolved", "mention_type": "pronoun", "confidence": 0.0, "antecedent": None}
        ent = cast.entities[people[-want]]
        cast.mention(m.start, m.end, ent)
        rule = "latter" if want == 1 else "former"
        return _resolution(rule, "pronoun", ent, 0.8, _antecedent(text, _last_mention(cast, ent, m.start)))
    inside = _entity_in(cast, m.start, m.end)
    head = role_head(mtext, lang)
    if inside is not None and inside[0].kind == "person" and not head and is_org_phrase(text[m.start:inside[1][0]], lang):
        ent = inside[0]  # "the monitoring group NetWatch Borealis": an organisation tagged as a person
        ent.kind, ent.key = "organisation", org_key(ent.name)
        return _resolution("organisation", "organisation", ent, 0.8, None)
    if inside is not None and inside[0].kind == "person":
        ent, span = inside
        words = strip_honorifics(clean_name(text[span[0]:span[1]])).split()
        mtype = "name" if len(words) > 1 else "surname"
        conf = 0.95 if mtype == "name" else 0.85
        ante = None
        if mtype == "surname":
            ante = _antecedent(text, _first_full(cast, ent, text))
            same = [e for e in cast.entities if e.kind == "person" and e.surname_key == ent.surname_key]
            if len(same) > 1:
                conf = 0.6
        return _resolution("name" if mtype == "name" else "surname", mtype, ent, conf, ante)
    if head and not org_is_head(mtext, head, lang) and low.split()[0] in ("a", "an", "one") and is_org_phrase(
            mtext[: mtext.lower().rfind(head)], lang):
        # "a ministry spokesman": an unnamed voice of the organisation
        orgs = [e for e in cast.entities if e.kind == "organisation"]
        word = words_of(mtext[: mtext.lower().rfind(head)])
        org = cast.org_for(" ".join(word[1:])) or cast.latest([e for e in orgs if word and e.key.endswith(word[-1])], m.start)
        if org is None:
            name = " ".join(w for w in mtext[: mtext.lower().rfind(head)].split()[1:])
            org = cast.new("organisation", name, key=org_key(name))
            org.add_form(name)
        cast.mention(m.start, m.end, org)
        return _resolution("title:anonymous", "title", org, 0.7, _antecedent(text, _last_mention(cast, org, m.start)),
                           role=role_key(mtext, lang))
    if head and not org_is_head(mtext, head, lang):
        rk = role_key(mtext, lang)
        holders = [e for e in cast.entities if e.kind == "person"
                   and any(roles_match(rk, r) or roles_match(r, rk) for r in e.roles + e.former_roles)]
        # "the Valdorian president": a holder whose role carries the qualifier beats one with a bare "president"
        holders = [e for e in holders if any(roles_match(rk, r) for r in e.roles + e.former_roles)] or holders
        if "former" in low.split():
            holders = [e for e in holders if any(roles_match(rk, r) or roles_match(r, rk) for r in e.former_roles)] or holders
        if holders:
            ent = cast.latest(holders, m.start) or holders[0]
            conf = 0.8 if len(holders) == 1 else 0.65
            cast.mention(m.start, m.end, ent)
            return _resolution("title", "title", ent, conf, _antecedent(text, _last_mention(cast, ent, m.start)
                                                                         or _first_full(cast, ent, text)), role=rk)
        if rk.endswith("spokesperson"):
            org = _org_before(cast, m.start, mtext) or (cast.org_for(rk[: -len("spokesperson")]) if rk != "spokesperson" else None)
            if org is not None:
                return _resolution("title:organisation", "title", org, 0.6, _antecedent(text, _last_mention(cast, org, m.start)), role=rk)
        return {"rule": "title:unresolved", "mention_type": "title", "confidence": 0.0, "antecedent": None,
                "role": rk, "kind": "person"}
    org_phrase = cast.orgs.is_org(mtext) if cast.orgs else is_org_phrase(mtext, lang)
    if inside is None and org_phrase and low.split()[0] in ("a", "an", "some", "one"):
        return {"rule": "generic", "mention_type": "none", "confidence": 0.0, "antecedent": None,
                "reason": "an unnamed member of a group"}
    if inside is not None or org_phrase:
        if inside is not None and not (org_phrase and len(org_display(mtext)) > len(inside[0].name)):
            ent = inside[0]
        else:
            name = org_display(mtext)
            ent = cast.org_for(name)
            if ent is None and name[:1].islower():  # "the ministry": the last organisation with that head
                orgs = [e for e in cast.entities if e.kind == "organisation" and e.key.endswith(org_key(name).split()[-1])]
                ent = cast.latest(orgs, m.start)
            if ent is None and org_key(name) in _FIRM_WORDS:  # "the company": the last business mentioned
                ent = cast.latest([e for e in cast.entities if e.kind == "organisation" and _is_business(e, cast)],
                                  m.start)
            if ent is None:
                ent = cast.new("organisation", name, key=org_key(name))
                ent.add_form(name)
        cast.mention(m.start, m.end, ent)
        return _resolution("organisation", "organisation", ent, 0.9, None)
    if strip_honorifics(mtext) in cast.places:  # "Kostrava said": the state speaking, not a person
        ent = cast.org_for(mtext) or cast.new("organisation", strip_honorifics(mtext), key=org_key(mtext))
        cast.mention(m.start, m.end, ent)
        return _resolution("organisation", "organisation", ent, 0.6, None)
    if looks_like_name(mtext) and low not in _GENERIC and (
            len(strip_honorifics(mtext).split()) > 1 or _proper_word(text, strip_honorifics(mtext), m.end
                                                                    - len(strip_honorifics(mtext)))):
        display = strip_honorifics(mtext)
        p = parse_person(display)
        ent = cast.person_for(display, m.start) or cast.new("person", p.display, given_key=p.given_key,
                                                             surname_key=p.surname_key)
        ent.add_form(mtext)
        cast.mention(m.start, m.end, ent)
        mtype = "name" if len(display.split()) > 1 else "surname"
        return _resolution(mtype, mtype, ent, 0.8, None)
    return {"rule": "generic", "mention_type": "none", "confidence": 0.0, "antecedent": None,
            "reason": "no proper name, pronoun, role or organisation in the mention"}


_FIRM_WORDS = frozenset({"company", "firm", "group", "corporation", "business", "operator", "manufacturer"})
_BUSINESS_HEADS = frozenset({"company", "inc", "ltd", "llc", "plc", "corp", "corporation", "co", "gmbh", "group",
                             "holdings", "industries", "chemicals", "motors", "airlines", "airways", "bank",
                             "pharmaceuticals", "technologies", "systems", "partners", "capital", "firm"})


def _is_business(ent: _Entity, cast: Cast) -> bool:
    """A company by its name's last word ("Ostrel Chemicals", "Acme Ltd"), not a public body or the outlet."""
    words = ent.key.split()
    return len(words) > 1 and words[-1] in _BUSINESS_HEADS and not (cast.orgs and cast.orgs.is_outlet(ent.name))


def _first_full(cast: Cast, ent: _Entity, text: str) -> tuple[int, int] | None:
    for start, end, idx in cast.timeline:
        if idx == ent.idx and len(text[start:end].split()) > 1:
            return (start, end)
    return None


def resolve_within(result: ArticleResult) -> ArticleResult:
    """Resolve every statement's speaker mention to a named person or organisation of the article."""
    text = result.article.text
    lang = result.article.language or "en"
    cast = build_cast(result)
    sentences = _sentences(result)
    out: list[Statement] = []
    mentions: list[Mention] = []
    prev: dict | None = None
    for st in sorted(result.statements, key=lambda s: (s.content.start, s.content.end)):
        try:
            res = _resolve_one(st, cast, sentences, text, lang, prev)
        except Exception as exc:  # one odd mention must not lose the article
            res = {"rule": "error", "mention_type": "none", "confidence": 0.0, "antecedent": None,
                   "error": f"{exc.__class__.__name__}: {exc}"}
        name = res.get("name")
        res["extraction"] = st.resolution.get("rule")  # the extraction rule stays on record
        if st.resolution.get("recap"):
            res["recap"] = True
        out.append(dataclasses.replace(st, speaker_name=name or None, resolution=res))
        if st.speaker_mention is not None:
            ante = res.get("antecedent")
            mentions.append(Mention(st.speaker_mention, res.get("mention_type", "none"), name or "", res["rule"],
                                    float(res.get("confidence", 0.0)),
                                    Span(ante["start"], ante["end"], ante["text"]) if ante else None))
        if name:
            prev = dict(res)
            prev["_end"] = st.content.end
            m = st.speaker_mention
            prev["_mention"] = res.get("antecedent") if m is None else {"start": m.start, "end": m.end, "text": m.text}
        elif st.speaker_mention is not None:
            prev = None
    return dataclasses.replace(result, statements=tuple(out), mentions=tuple(mentions))
