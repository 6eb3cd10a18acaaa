"""Cross-article linking: one canonical speaker per real person or organisation.

Input is plain records — one :class:`SpeakerInput` per statement (the within-article
resolution), :class:`RoleFact` observations ("Interior Minister Teodor Vasko" on
2031-01-03), the user's speakers file and the user's corrections. Output is a
:class:`LinkResult`: canonical speakers with aliases and dated roles, and the speaker of
every statement.

Rules:

* Person names cluster by surname key; two full names join only when their given-name
  keys are compatible (same key, or an initial). Same surname with different first names
  stays apart. A bare surname joins the single full name it can belong to; when there are
  several, roles and gender decide, else it stays on its own. Spelling variants of a long
  surname ("Dana Whitcombe"/"Dana Whitcomb": one edit apart after keying) join when the
  first names are the same; with different first names they never do.
* A bare role ("the Kazakh president") goes to whoever held it on the article's date: the
  user file first, then the person seen with that role most recently on or before the
  date (or, failing that, soonest after), skipping anyone already called "former".
* User corrections (merge, split) run last, in order, so they survive re-analysis.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..models import content_id
from .names import alias_key, first_names_compatible, parse_person, strip_honorifics, surname_variant, variant_keys
from .pronouns import guess_gender
from .titles import org_key, roles_match
from .userfile import UserSpeakers

__all__ = ["SpeakerInput", "RoleFact", "Correction", "LinkedSpeaker", "LinkResult", "link", "speaker_id"]


@dataclass(frozen=True, slots=True)
class SpeakerInput:
    """What within-article resolution found for one statement."""

    statement_id: str
    article_id: str = ""
    date: str | None = None
    name: str | None = None
    kind: str = "person"
    mention_type: str = "none"
    role: str = ""  # bare role key of an unresolved title
    roles: tuple[str, ...] = ()  # current roles of the speaker seen in the same article
    forms: tuple[str, ...] = ()  # surface forms of the speaker in the article
    org: str = ""


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A person seen holding a role on a date ("Interior Minister Teodor Vasko", article of 2031-01-03)."""

    role: str
    name: str
    date: str | None = None
    article_id: str = ""
    evidence: str = ""
    current: bool = True
    source: str = "corpus"
    until: str | None = None  # last date held (user file)


@dataclass(frozen=True, slots=True)
class Correction:
    """A user correction: ``merge`` a b (b into a) or ``split`` a alias (alias out of a)."""

    action: str
    a: str
    b: str = ""
    seq: int = 0


@dataclass
class LinkedSpeaker:
    id: str
    name: str
    kind: str
    aliases: dict[str, str] = field(default_factory=dict)  # alias → source
    roles: list[RoleFact] = field(default_factory=list)
    org: str = ""
    statements: int = 0


@dataclass
class LinkResult:
    speakers: dict[str, LinkedSpeaker]
    assignments: dict[str, str | None]  # statement id → speaker id
    how: dict[str, str]  # statement id → "name" | "role@2031-01-05" | ...
    unapplied: list[Correction] = field(default_factory=list)


def speaker_id(kind: str, name: str) -> str:
    return content_id("speaker", kind, alias_key(name) or name.lower())


# -- union-find over name nodes ------------------------------------------------------------
class _Clusters:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, node: tuple[str, str]) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        self.add(node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def groups(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for node in list(self.parent):
            out[self.find(node)].append(node)
        return out


def _node(kind: str, name: str) -> tuple[str, str]:
    if kind == "organisation":
        return (kind, org_key(name))
    return (kind, alias_key(name))


def _display(kind: str, name: str) -> str:
    return name.strip() if kind == "organisation" else strip_honorifics(name)


def link(
    inputs: Iterable[SpeakerInput],
    role_facts: Iterable[RoleFact] = (),
    user: UserSpeakers | None = None,
    corrections: Iterable[Correction] = (),
) -> LinkResult:
    """Cluster speakers across articles and assign one canonical speaker to every statement."""
    inputs = list(inputs)
    facts = list(role_facts)
    user = user or UserSpeakers()
    uf = _Clusters()
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    node_roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    node_gender_forms: dict[tuple[str, str], list[str]] = defaultdict(list)

    def see(kind: str, name: str, weight: int = 1, article: str = "") -> tuple[str, str] | None:
        disp = _display(kind, name)
        node = _node(kind, disp)
        if article and kind == "person" and not parse_person(disp).has_given:
            node = (kind, f"{node[1]}@{article}")  # a bare surname: read with its own article's context
        if not node[1]:
            return None
        uf.add(node)
        forms[node][disp] += weight
        return node

    # user canonical names and aliases first: they take precedence
    user_node: dict[tuple[str, str], str] = {}
    for sp in user.speakers:
        root = see(sp.kind, sp.name, 0)
        if root is None:
            continue
        user_node[root] = sp.name
        for a in sp.aliases:
            n = see(sp.kind, a, 0)
            if n is not None:
                uf.union(root, n)
    input_node: dict[str, tuple[str, str] | None] = {}
    for inp in inputs:
        if not inp.name:
            input_node[inp.statement_id] = None
            continue
        kind = inp.kind if inp.kind in ("person", "organisation") else "person"
        node = see(kind, inp.name, article=inp.article_id)
        input_node[inp.statement_id] = node
        if node is None:
            continue
        for f in inp.forms:
            if kind == "person":
                node_gender_forms[node].append(f)
            fd = _display(kind, f)
            if kind == "person" and len(fd.split()) >= len(_display(kind, inp.name).split()):
                n2 = see(kind, fd)
                if n2 is not None and _same_person(fd, _display(kind, inp.name)):
                    uf.union(node, n2)
        node_roles[node].update(inp.roles)
    fact_node: list[tuple[RoleFact, tuple[str, str] | None]] = []
    for fact in facts:
        node = see("person", fact.name, 0)
        fact_node.append((fact, node))
        if node is not None and fact.current:
            node_roles[node].add(fact.role)

    _cluster_people(uf, forms, node_roles, node_gender_forms, set(user_node))
    _cluster_orgs(uf, forms)

    # canonical speakers
    speakers: dict[tuple[str, str], LinkedSpeaker] = {}
    for root, nodes in uf.groups().items():
        kind = root[0]
        canonical = next((user_node[n] for n in nodes if n in user_node), None)
        counts: Counter = Counter()
        for n in nodes:
            counts.update(forms[n])
        if canonical is None:
            canonical = _pick_name(kind, counts)
        if not canonical:
            continue
        sp = LinkedSpeaker(speaker_id(kind, canonical), canonical, kind)
        for f in counts:
            sp.aliases.setdefault(f, "corpus")
        for usp in user.speakers:
            if canonical == usp.name:
                for a in usp.aliases:
                    sp.aliases[a] = "user"
                sp.aliases[usp.name] = "user"
                for r in usp.roles:
                    sp.roles.append(RoleFact(r.role, usp.name, r.start, "", r.source, True, "user", r.end))
        speakers[root] = sp

    for fact, node in fact_node:
        if node is not None and uf.find(node) in speakers:
            speakers[uf.find(node)].roles.append(fact)
    for inp in inputs:
        node = input_node.get(inp.statement_id)
        if node is None or uf.find(node) not in speakers:
            continue
        sp = speakers[uf.find(node)]
        for r in inp.roles:
            sp.roles.append(RoleFact(r, sp.name, inp.date, inp.article_id, "", True, "corpus"))
        if inp.org and not sp.org:
            sp.org = inp.org

    assignments: dict[str, str | None] = {}
    how: dict[str, str] = {}
    by_id = {sp.id: sp for sp in speakers.values()}
    if len(by_id) != len(speakers):  # two clusters with the same canonical name: keep them apart by suffix
        by_id = {}
        for root, sp in speakers.items():
            if sp.id in by_id:
                sp.id = content_id("speaker", sp.kind, sp.name, root[1])
            by_id[sp.id] = sp
    for inp in inputs:
        node = input_node.get(inp.statement_id)
        if node is not None and uf.find(node) in speakers:
            assignments[inp.statement_id] = speakers[uf.find(node)].id
            how[inp.statement_id] = "name"
        elif inp.role:
            holder = _holder(inp.role, inp.date, by_id.values(), inp.article_id)
            assignments[inp.statement_id] = holder.id if holder else None
            how[inp.statement_id] = f"role@{(inp.date or '')[:10]}" if holder else "role:unresolved"
        else:
            assignments[inp.statement_id] = None
            how[inp.statement_id] = "none"

    unapplied = _apply_corrections(list(corrections), by_id, assignments, how, inputs)
    counts = Counter(v for v in assignments.values() if v)
    for sp in by_id.values():
        sp.statements = counts.get(sp.id, 0)
    return LinkResult(by_id, assignments, how, unapplied)


def _same_person(a: str, b: str) -> bool:
    pa, pb = parse_person(a), parse_person(b)
    return pa.surname_key == pb.surname_key and first_names_compatible(pa.given_key, pb.given_key)


def _cluster_people(uf, forms, node_roles, gender_forms, user_nodes: set) -> None:
    people = [n for n in uf.parent if n[0] == "person"]
    by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
    parsed = {}
    for n in people:
        disp = forms[n].most_common(1)[0][0] if forms[n] else n[1]
        parsed[n] = parse_person(disp)
        by_surname[parsed[n].surname_key].append(n)
    variants = _variant_groups(by_surname)
    for sk, nodes in by_surname.items():
        full = [n for n in nodes if parsed[n].has_given and len(parsed[n].given_key) > 1]
        for other in variants.get(sk, ()):  # "Dana Whitcomb" joins "Dana Whitcombe": same first name only
            for a in full:
                for b in by_surname[other]:
                    if parsed[b].has_given and parsed[b].given_key == parsed[a].given_key:
                        uf.union(a, b)
        for i, a in enumerate(full):
            for b in full[i + 1:]:
                if parsed[a].given_key == parsed[b].given_key:
                    uf.union(a, b)
        # initials: join only when exactly one full cluster fits
        for n in nodes:
            p = parsed[n]
            if p.has_given and len(p.given_key) == 1:
                fits = {uf.find(f) for f in full if first_names_compatible(p.given_key, parsed[f].given_key)}
                if len(fits) == 1:
                    uf.union(fits.pop(), n)
        bare = [n for n in nodes if not parsed[n].has_given]
        roots = sorted({uf.find(f) for f in full})
        if not roots:  # "Whitcomb" with no full name of its own spelling: a variant's single person, if unique
            roots = sorted({uf.find(f) for other in variants.get(sk, ()) for f in by_surname[other]
                            if parsed[f].has_given and len(parsed[f].given_key) > 1})
            roots = roots if len(roots) == 1 else []
        unsure: list = []
        for n in bare:
            if len(roots) == 1:
                uf.union(roots[0], n)
                continue
            pick = _disambiguate(n, roots, uf, node_roles, gender_forms) if roots else None
            if pick is not None:
                uf.union(pick, n)
            else:
                unsure.append(n)
        for n in unsure[1:]:  # the same unplaceable surname across articles: one speaker
            uf.union(unsure[0], n)


def _variant_groups(by_surname: dict[str, list]) -> dict[str, set[str]]:
    """Surname keys that are spelling variants of each other, found through shared deletion keys."""
    block: dict[str, set[str]] = defaultdict(set)
    for sk in by_surname:
        for v in variant_keys(sk):
            block[v].add(sk)
    out: dict[str, set[str]] = defaultdict(set)
    for keys in block.values():
        if len(keys) > 1:
            for a in keys:
                out[a].update(b for b in keys if b != a and surname_variant(a, b))
    return out


def _disambiguate(n, roots, uf, node_roles, gender_forms):
    """A bare surname shared by several people: the one whose roles or gender fit, if unique."""
    members: dict = defaultdict(list)
    for node in list(uf.parent):
        members[uf.find(node)].append(node)
    mine = node_roles.get(n, set())
    if mine:
        fit = [r for r in roots if any(roles_match(a, b) or roles_match(b, a)
                                       for a in mine for m in members[r] for b in node_roles.get(m, ()))]
        if len(fit) == 1:
            return fit[0]
    g = guess_gender(gender_forms.get(n, []))
    if g:
        fit = [r for r in roots if guess_gender([f for m in members[r] for f in gender_forms.get(m, [])] or
                                                [m[1] for m in members[r]]) == g]
        if len(fit) == 1:
            return fit[0]
    return None


def _cluster_orgs(uf, forms) -> None:
    """"Interior Ministry" joins "Valdorian Interior Ministry" when that is the only qualified one."""
    orgs = sorted((n for n in uf.parent if n[0] == "organisation"), key=lambda n: -len(n[1].split()))
    by_rest: dict[str, list] = defaultdict(list)  # "Kostrava's defence ministry" is the "Kostravan Defence Ministry"
    for n in orgs:
        first, _, rest = n[1].partition(" ")
        if rest:
            by_rest[rest].append((first, n))
    for group in by_rest.values():
        for a, na in group:
            for b, nb in group:
                if a != b and b in (a + "n", a + "an", a + "ian", a[:-1] + "ian", a + "ns"):
                    uf.union(nb, na)
    for n in orgs:
        longer = {uf.find(o) for o in orgs if o != n and o[1].endswith(" " + n[1])}
        if len(longer) == 1:
            uf.union(longer.pop(), n)


def _pick_name(kind: str, counts: Counter) -> str:
    if not counts:
        return ""
    if kind == "person":
        return max(counts, key=lambda f: (len(f.split()) > 1, counts[f], len(f), f))
    return max(counts, key=lambda f: (counts[f], -len(f), f))


def _holder(role: str, date: str | None, speakers: Iterable[LinkedSpeaker], article_id: str = "") -> LinkedSpeaker | None:
    """Who held ``role`` on ``date``: the user file first, then the latest corpus evidence on or before the date."""
    speakers = list(speakers)
    d = (date or "")[:10]
    user_fit = [sp for sp in speakers for r in sp.roles
                if r.source == "user" and roles_match(role, r.role)
                and (not r.date or not d or r.date[:10] <= d) and (not r.until or not d or d <= r.until[:10])]
    if len({sp.id for sp in user_fit}) == 1:
        return user_fit[0]
    best: tuple | None = None
    ambiguous = False
    for sp in speakers:
        obs = [r for r in sp.roles if r.source != "user" and roles_match(role, r.role)]
        if not obs:
            continue
        former = [r.date for r in sp.roles if not r.current and r.date and roles_match(role, r.role)]
        if d and former and min(former)[:10] <= d:
            continue
        current = [r for r in obs if r.current]
        if not current:
            continue
        before = [r.date[:10] for r in current if r.date and (not d or r.date[:10] <= d)]
        after = [r.date[:10] for r in current if r.date and d and r.date[:10] > d]
        same_article = any(r.article_id == article_id and article_id for r in current)
        if before:
            score = (2 if same_article else 1, max(before))
        elif after:
            score = (0, _neg(min(after)))
        else:
            score = (0, "")
        if best is None or score > best[0]:
            best, ambiguous = (score, sp), False
        elif score == best[0] and sp.id != best[1].id:
            ambiguous = True
    if best is None or ambiguous:
        return None
    return best[1]


def _neg(date: str) -> str:
    """Order dates so that the earliest sorts highest."""
    return "".join(chr(0x7E - ord(c) + 0x20) if c.isdigit() else c for c in date)


def _find(key: str, speakers: dict[str, LinkedSpeaker]) -> LinkedSpeaker | None:
    if key in speakers:
        return speakers[key]
    named = [sp for sp in speakers.values() if _surface(sp.name) == _surface(key)]
    if len(named) == 1:
        return named[0]
    k = alias_key(key)
    for sp in speakers.values():
        if alias_key(sp.name) == k:
            return sp
    exact = [sp for sp in speakers.values() if any(_surface(a) == _surface(key) for a in sp.aliases)]
    if len(exact) == 1:
        return exact[0]
    hits = [sp for sp in speakers.values() if any(alias_key(a) == k for a in sp.aliases)]
    return hits[0] if len(hits) == 1 else None


def _surface(name: str) -> str:
    return " ".join(strip_honorifics(name).replace("’", "'").casefold().split())


def _apply_corrections(corrections, speakers, assignments, how, inputs) -> list[Correction]:
    unapplied = []
    primary = {inp.statement_id: _surface(inp.name or "") for inp in inputs}
    for c in sorted(corrections, key=lambda c: c.seq):
        if c.action == "merge":
            a, b = _find(c.a, speakers), _find(c.b, speakers)
            if a is None or b is None or a.id == b.id:
                unapplied.append(c)
                continue
            for sid, spid in assignments.items():
                if spid == b.id:
                    assignments[sid] = a.id
                    how[sid] = "correction:merge"
            for alias, src in b.aliases.items():
                a.aliases.setdefault(alias, src)
            a.aliases[b.name] = "correction"
            a.roles.extend(b.roles)
            del speakers[b.id]
        elif c.action == "split":
            a = _find(c.a, speakers)
            k = _surface(c.b)
            if a is None or not k:
                unapplied.append(c)
                continue
            # exact spelling, not the transliteration key: "Arman Jaksylov" can be split from "Arman Zhaksylov"
            new = LinkedSpeaker(content_id("speaker", a.kind, "split", k), strip_honorifics(c.b), a.kind)
            new = speakers.setdefault(new.id, new)
            for alias in [al for al in a.aliases if _surface(al) == k]:
                del a.aliases[alias]
                new.aliases[alias] = "correction"
            new.aliases.setdefault(strip_honorifics(c.b), "correction")
            for sid, spid in assignments.items():
                if spid == a.id and primary.get(sid) == k:
                    assignments[sid] = new.id
                    how[sid] = "correction:split"
        else:
            unapplied.append(c)
    return unapplied

