"""spaCy pipeline components: thin, versioned wrappers around the pure extraction rules."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


# --- onrecord.breaks.v1 (paragraph starts are sentence starts) -------------------------
@Language.component("onrecord_breaks_v1", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Marks every paragraph start as a sentence start; add it before the parser."""
    from .breaks import mark_paragraph_starts

    return mark_paragraph_starts(doc)
# --- end onrecord.breaks.v1 ------------------------------------------------------------


# --- onrecord.claims.v1 (claims, numbers, dates, hedges) -------------------------------
class ClaimsComponent:
    """Replaces ``doc._.statements`` with statements annotated by
    :func:`onrecord.extract.claims.annotate_claims`; reads ``doc._.published``."""

    def __init__(self, nlp: Language, name: str, language: str) -> None:
        self.name = name
        self.language = language or nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        from .claims import annotate_claims

        statements = doc._.statements
        if statements:
            language = (doc._.language if Doc.has_extension("language") else None) or self.language
            doc._.statements = annotate_claims(doc, statements, doc._.published, language)
        return doc


@Language.factory(
    "onrecord_claims_v1",
    default_config={"language": ""},
    requires=["doc._.statements", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.statements"],
)
def make_claims(nlp: Language, name: str, language: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, language)
# --- end onrecord.claims.v1 ----------------------------------------------------------


# --- onrecord.quotes.v1 (direct, indirect and mixed statements) ------------------------
class QuotesComponent:
    """Sets ``doc._.statements`` to :func:`onrecord.extract.quotes.extract_statements` of the doc.

    The article id is not known inside a pipeline; statements carry ``doc._.article_id``
    when that extension is set, else ``""`` (``doc_facts`` fills it in).
    """

    def __init__(self, nlp: Language, name: str, language: str) -> None:
        self.name = name
        self.language = language or nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        from .quotes import extract_statements

        language = (doc._.language if Doc.has_extension("language") else None) or self.language
        article_id = (doc._.article_id if Doc.has_extension("article_id") else None) or ""
        doc._.statements = extract_statements(doc, language, article_id)
        return doc


@Language.factory(
    "onrecord_quotes_v1",
    default_config={"language": ""},
    requires=["token.dep", "token.head", "token.lemma", "token.pos", "token.is_sent_start"],
    assigns=["doc._.statements"],
)
def make_quotes(nlp: Language, name: str, language: str) -> QuotesComponent:
    return QuotesComponent(nlp, name, language)
# --- end onrecord.quotes.v1 ------------------------------------------------------------
