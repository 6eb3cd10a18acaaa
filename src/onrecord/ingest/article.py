"""From a raw document to an :class:`~onrecord.models.Article`: text, chosen metadata, provenance, identity."""

from __future__ import annotations

from urllib.parse import urlparse

from ..errors import IngestError
from ..models import Article, ProvenanceLink
from ..settings import Settings
from .html import extract_html
from .identity import article_id, fingerprint
from .language import detect_language
from .metadata import choose, text_candidates
from .provenance import find_provenance
from .raw import RawDoc

__all__ = ["build_article"]


def build_article(raw: RawDoc, settings: Settings) -> Article:
    """Build the article; raises IngestError (no_text, too_large, timeout, ...) for inputs that can't be one."""
    if raw.text is None and raw.html is not None:
        extract_html(raw, timeout=settings.html_timeout)
    text = (raw.text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("empty", "The article has no text.")
    if len(text) > settings.max_chars:
        raise IngestError("too_large", f"Text of {len(text)} characters is over the cap (max_chars={settings.max_chars}).")
    if "\x00" in text:
        text = text.replace("\x00", "")
    raw.text = text
    text_candidates(raw)
    lang, conf = detect_language(text, settings.languages, settings.default_language)
    raw.add("language", lang, f"detect:lingua({conf})")
    chosen, candidates = choose(raw)
    url = str(chosen.get("url") or raw.url or "")
    outlet = str(chosen.get("outlet") or "")
    language = str(chosen.get("language") or lang).lower()[:2]
    provenance = find_provenance(text)
    stated = {(p.relation, p.target.lower()) for p in provenance}
    if outlet and ("wire_dateline", outlet.lower()) not in stated and any(
        c.origin == "text:dateline-agency" and c.chosen for c in candidates
    ):
        provenance.append(ProvenanceLink("wire_dateline", outlet, None, "metadata"))
    host = urlparse(url).hostname or ""
    return Article(
        id=article_id(text, url=url, outlet=outlet),
        text=text,
        title=str(chosen.get("title") or ""),
        authors=tuple(chosen.get("authors", ())),
        outlet=outlet or host,
        published=chosen.get("published"),  # type: ignore[arg-type]
        language=language,
        url=url,
        source_ref=raw.source_ref,
        external_id=raw.external_id,
        candidates=tuple(candidates),
        provenance=tuple(provenance),
        fingerprint=fingerprint(text),
    )
