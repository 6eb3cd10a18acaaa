"""Loading the spaCy pipeline with onrecord's components added, once per (language, model)."""

from __future__ import annotations

import threading

from ..errors import ModelError
from ..settings import Settings

__all__ = ["COMPONENTS", "load_pipeline", "clear_cache"]

# onrecord components, in pipeline order; each is added only when its factory is registered.
# spaCy forbids "." in factory names, so the versioned names use "_" (onrecord.quotes.v1 -> onrecord_quotes_v1).
COMPONENTS: tuple[str, ...] = ("onrecord_quotes_v1", "onrecord_claims_v1")

# set before the parser: paragraph starts are sentence starts
BREAKS = "onrecord_breaks_v1"

_CACHE: dict[tuple[str, str], object] = {}
_LOCK = threading.Lock()


def _add_components(nlp, language: str):
    from spacy.language import Language

    from . import factories  # noqa: F401 - registers the factories

    if BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(BREAKS, before="parser")
    for name in COMPONENTS:
        if Language.has_factory(name) and name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"language": language})
    return nlp


def load_pipeline(settings: Settings, language: str = "en"):
    """The spaCy ``Language`` for ``language`` with onrecord's components, cached per model.

    Tries ``settings.spacy_model_names(language)`` in order and never downloads.
    Raises :class:`~onrecord.errors.ModelError` (with an install hint) when none loads.
    """
    names = settings.spacy_model_names(language)
    if not names:
        if language == "ru":
            raise ModelError(
                "No spaCy pipeline for Russian: spaCy's Russian models are not configured (natasha is used "
                "instead, through onrecord.extract.russian.russian_facts, not through a spaCy pipeline).",
                hint="Install the ru extra (pip install 'onrecord[ru]') for the natasha path, or set "
                "spacy_models.ru in onrecord.toml to an installed spaCy Russian package (e.g. ru_core_news_sm).",
            )
        raise ModelError(f"No spaCy model configured for language {language!r}.",
                         hint=f"Set spacy_models.{language} in onrecord.toml to an installed spaCy package.")
    with _LOCK:
        for name in names:
            if (language, name) in _CACHE:
                return _CACHE[(language, name)]
        import spacy

        errors = []
        for name in names:
            try:
                nlp = spacy.load(name)
            except (OSError, ImportError) as exc:
                errors.append(f"{name}: {exc.__class__.__name__}")
                continue
            _CACHE[(language, name)] = _add_components(nlp, language)
            return _CACHE[(language, name)]
    raise ModelError(
        f"None of the spaCy models for {language!r} could be loaded ({'; '.join(errors)}).",
        hint=f"Install one of them, e.g. `pip install {names[-1].replace('_', '-')}` "
        "(onrecord never downloads models itself), or set ONRECORD_SPACY_MODEL.",
    )


def clear_cache() -> None:
    """Forget loaded pipelines (tests)."""
    with _LOCK:
        _CACHE.clear()
