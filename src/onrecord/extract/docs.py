"""Making Docs that carry their article's publication date for the components to read."""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["parse_texts"]

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("language"):
    Doc.set_extension("language", default=None)


def parse_texts(
    nlp: Language, items: Iterable[tuple[str, str | None]], *, language: str = "en", batch_size: int = 32
) -> Iterator[Doc]:
    """Run the pipeline over (text, publication date) pairs, in order, with ``doc._.published`` set."""

    def docs() -> Iterator[Doc]:
        for text, published in items:
            doc = nlp.make_doc(text)
            doc._.published = published
            doc._.language = language
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)
