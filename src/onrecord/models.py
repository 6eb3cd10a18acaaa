"""Plain records passed between pipeline stages.

Every span is a pair of Python ``str`` offsets into the article text, end
exclusive. Records are frozen and slotted; stages build new ones instead of
mutating (``dataclasses.replace``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Span",
    "Candidate",
    "ProvenanceLink",
    "Article",
    "Skip",
    "Quantity",
    "Hedge",
    "TimeExpression",
    "Statement",
    "Mention",
    "Speaker",
    "Evidence",
    "Flag",
    "Entity",
    "ArticleResult",
    "content_id",
]


def content_id(*parts: object, size: int = 16) -> str:
    """A stable hex id from the given parts (content hash; re-runs give the same id)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part if part is not None else "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:size]


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``[start, end)`` of an article's text, with the covered text."""

    start: int
    end: int
    text: str = ""

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate value for an article field (author, date, outlet, ...).

    ``origin`` says where it came from (``meta:article:published_time``,
    ``jsonl:date_publish``, ``text:byline-line``, ...); ``chosen`` marks the one
    kept and ``rule`` says why.
    """

    field: str
    value: str
    origin: str
    chosen: bool = False
    rule: str = ""


@dataclass(frozen=True, slots=True)
class ProvenanceLink:
    """A relation between this article and another outlet/text.

    relation: ``translated_from`` | ``originally_published_by`` | ``citing`` |
    ``according_to`` | ``quoted_by`` | ``wire_dateline`` | ``reprint_of``.
    ``evidence`` is the span of the words that state it (``None`` when it came from metadata).
    """

    relation: str
    target: str
    evidence: Span | None = None
    origin: str = "text"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested: main text plus metadata and provenance."""

    id: str
    text: str
    title: str = ""
    authors: tuple[str, ...] = ()
    outlet: str = ""
    published: str | None = None  # ISO date or datetime
    language: str = "en"
    url: str = ""
    source_ref: str = ""  # where it was read from: path, URL, "file.jsonl:12", "x.warc.gz#rec"
    external_id: str = ""  # the input's own id (JSONL ``id``), if any
    candidates: tuple[Candidate, ...] = ()
    provenance: tuple[ProvenanceLink, ...] = ()
    fingerprint: tuple[int, ...] = ()  # MinHash signature for near-duplicate clustering


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that was not ingested, and why (``reason`` is a stable code)."""

    source_ref: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalised number inside a statement."""

    value: float | None
    start: int
    end: int
    text: str
    low: float | None = None
    high: float | None = None
    unit: str = ""  # "", "%", "USD", "day", "hour", ...
    counted: str = ""  # normalised thing counted ("terrorist", "death", ...)
    qualifier: str = ""  # "about", "at_least", "at_most", "more_than", "up_to", ...


@dataclass(frozen=True, slots=True)
class Hedge:
    """A qualifier that weakens, conditions or scopes a claim."""

    kind: str  # "approximation", "preliminary", "scope", "condition", "modal", "temporal", "attribution"
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time phrase inside what was said, resolved where the text allows.

    kind: ``point`` ("on Monday", "in two days"), ``deadline`` ("by January 19", "until
    Friday") or ``duration`` ("within ten days", "over the next five years").
    bound: the word that relates the claim to the time, normalised: ``on``, ``by``,
    ``until``, ``before``, ``from``, ``as of``, ``within``, ``in``, ``over``, ``for``, or ``""``.
    value: the ISO date the phrase names or ends at ("within ten days" said on 2025-01-07
    -> ``2025-01-17``), resolved against the statement date; ``None`` when it cannot be.
    """

    kind: str
    start: int
    end: int
    text: str
    value: str | None = None
    bound: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention resolved (or not) within an article."""

    span: Span
    kind: str  # "name" | "surname" | "pronoun" | "title" | "organisation" | "none"
    name: str = ""  # the full name it resolves to within the article
    rule: str = ""
    confidence: float = 0.0
    antecedent: Span | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """Something someone is reported to have said, with spans into the article text."""

    article_id: str
    kind: str  # "direct" | "indirect" | "mixed"
    content: Span
    fragments: tuple[Span, ...] = ()
    cue: Span | None = None
    speaker_mention: Span | None = None
    confidence: float = 0.5
    extractor: str = ""
    speaker_id: str | None = None
    speaker_name: str | None = None
    resolution: dict[str, Any] = field(default_factory=dict)
    said_on: str | None = None
    quantities: tuple[Quantity, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    modality: str = ""  # "asserted" | "future" | "possible" | "necessary" | ...
    polarity: str = ""  # "positive" | "negative"
    checkworthy: float | None = None
    times: tuple[TimeExpression, ...] = ()  # time phrases inside the content

    @property
    def id(self) -> str:
        return content_id(self.article_id, self.content.start, self.content.end, self.kind)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A canonical person or organisation."""

    id: str
    name: str
    kind: str = "person"  # "person" | "organisation"
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """One side of a flag: a statement with its place in the record."""

    statement_id: str
    article_id: str = ""
    span: Span | None = None
    said_on: str | None = None
    speaker: str | None = None
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    """A typed observation that two or more statements don't add up."""

    type: str  # number_drift | reversal | disagreement | hedge | vanished
    score: float
    explanation: str
    evidence: tuple[Evidence, ...]
    topic: str = ""
    detector: str = ""

    @property
    def id(self) -> str:
        return content_id(self.type, *sorted(e.statement_id for e in self.evidence))


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention found by the extractor (PERSON, ORG, GPE, NORP, ...)."""

    span: Span
    label: str
    sentence: int = -1  # index of the sentence holding it
    normal: str = ""  # base (nominative) form when the language inflects names: "Сергея Шойгу" -> "Сергей Шойгу"


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the per-article pipeline produced for one article."""

    article: Article
    statements: tuple[Statement, ...] = ()
    entities: tuple[Entity, ...] = ()
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    error: str | None = None
