"""The per-article pipeline (extract → resolve within the article) and the ingest job over a store."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .analyze.corpus import analyse_corpus
from .errors import ModelError
from .ingest import cluster_fingerprints, read_sources
from .models import Article, ArticleResult, Skip
from .settings import Settings

__all__ = ["IngestReport", "process_articles", "ingest", "recluster"]

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    """What an ingest run did: counts, skip reasons, and the error ratio that decides the exit code."""

    seen: int = 0
    ingested: int = 0
    duplicates: int = 0
    statements: int = 0
    skipped: Counter = field(default_factory=Counter)
    extract_errors: Counter = field(default_factory=Counter)
    clusters: int = 0
    corpus: dict = field(default_factory=dict)

    @property
    def error_ratio(self) -> float:
        return sum(self.skipped.values()) / self.seen if self.seen else 0.0

    def as_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["skipped"] = dict(self.skipped)
        d["extract_errors"] = dict(self.extract_errors)
        d["error_ratio"] = round(self.error_ratio, 4)
        return d


def _extract_batch(articles: list[Article], settings: Settings) -> Iterator[ArticleResult]:
    """Run extraction over one batch, grouped by language; a failure stays with its article."""
    from .extract import doc_facts, load_pipeline
    from .extract.docs import parse_texts

    by_lang: dict[str, list[Article]] = {}
    for art in articles:
        by_lang.setdefault(art.language, []).append(art)
    for lang, group in by_lang.items():
        if lang == "ru":
            yield from _extract_russian(group)
            continue
        try:
            nlp = load_pipeline(settings, lang)
        except ModelError as exc:
            for art in group:
                yield ArticleResult(art, error=f"no_pipeline:{lang}: {exc}")
            continue
        except Exception as exc:  # a broken pipeline must not lose the articles: store them without statements
            for art in group:
                yield ArticleResult(art, error=f"no_pipeline:{lang}: {exc.__class__.__name__}: {exc}")
            continue
        docs = parse_texts(nlp, ((a.text, a.published) for a in group), language=lang, batch_size=settings.batch_size)
        for art in group:
            try:
                doc = next(docs)
            except StopIteration:  # pragma: no cover - pipe yields one doc per text
                yield ArticleResult(art, error="extract_error: pipeline returned fewer docs")
                continue
            except Exception as exc:  # one bad article must not stop the batch
                yield ArticleResult(art, error=f"extract_error: {exc.__class__.__name__}: {exc}")
                docs = parse_texts(nlp, ((a.text, a.published) for a in group[group.index(art) + 1 :]),
                                   language=lang, batch_size=settings.batch_size)
                continue
            try:
                yield _result(art, *doc_facts(doc, art.id))
            except Exception as exc:
                yield ArticleResult(art, error=f"extract_error: {exc.__class__.__name__}: {exc}")


def _result(art: Article, statements, entities, sentences) -> ArticleResult:
    """An article's result; statements without a date of their own take the publication date."""
    statements = [s if s.said_on else dataclasses.replace(s, said_on=art.published) for s in statements]
    return ArticleResult(art, tuple(statements), tuple(entities), tuple(sentences))


def _extract_russian(group: list[Article]) -> Iterator[ArticleResult]:
    from .extract.russian import russian_facts

    for art in group:
        try:
            yield _result(art, *russian_facts(art.text, art.id, art.published))
        except ModelError as exc:
            yield ArticleResult(art, error=f"no_pipeline:ru: {exc}")
        except Exception as exc:
            yield ArticleResult(art, error=f"extract_error: {exc.__class__.__name__}: {exc}")


def process_articles(articles: Iterable[Article], settings: Settings, *, extract: bool = True) -> Iterator[ArticleResult]:
    """The pure per-article pipeline: extract statements, then resolve speakers within each article."""
    from .resolve import resolve_article

    batch: list[Article] = []

    def flush() -> Iterator[ArticleResult]:
        results = _extract_batch(batch, settings) if extract else (ArticleResult(a) for a in batch)
        for res in results:
            yield resolve_article(res) if res.statements else res

    for art in articles:
        batch.append(art)
        if len(batch) >= settings.batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def recluster(store, settings: Settings) -> int:
    """Recompute near-duplicate clusters over the whole store; returns the number of clustered articles."""
    assignments = cluster_fingerprints(((a, f) for a, f, _ in store.fingerprints()), settings.dup_threshold)
    store.set_clusters(assignments)
    return len(assignments)


def ingest(
    sources: list[str],
    store,
    settings: Settings,
    *,
    extract: bool = True,
    progress: Progress | None = None,
    transport=None,
) -> IngestReport:
    """Read every source into the store. Already-stored articles are counted as duplicates, never re-added."""
    report = IngestReport()

    def new_articles() -> Iterator[Article]:
        pending: list[Article] = []

        def drain() -> Iterator[Article]:
            existing = store.existing_ids(a.id for a in pending)
            for a in pending:
                if a.id in existing:
                    report.duplicates += 1
                else:
                    existing.add(a.id)  # the same text twice in one run
                    yield a

        for item in read_sources(sources, settings, transport=transport):
            report.seen += 1
            if progress:
                progress(1)
            if isinstance(item, Skip):
                report.skipped[item.reason] += 1
                store.add_skip(item)
                continue
            pending.append(item)
            if len(pending) >= settings.batch_size:
                yield from drain()
                pending = []
        yield from drain()

    def tracked(results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
        for res in results:
            if res.error:
                report.extract_errors[res.error.split(":", 1)[0]] += 1
            yield res

    counts = store.add_results(tracked(process_articles(new_articles(), settings, extract=extract)))
    report.ingested = counts["articles"]
    report.duplicates += counts["duplicates"]
    report.statements = counts["statements"]
    if counts.get("store_errors"):
        report.skipped["store_error"] += counts["store_errors"]
    report.clusters = recluster(store, settings)
    report.corpus = analyse_corpus(store, settings)
    return report
