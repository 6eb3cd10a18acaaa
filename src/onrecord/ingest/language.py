"""Language identification restricted to the configured languages."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["detect_language"]

_SCRIPT_HINTS = {"ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"}


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for code in languages:
        try:
            langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except AttributeError:
            continue
    if len(langs) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*langs).with_minimum_relative_distance(0.1).build()


def detect_language(text: str, languages: tuple[str, ...], default: str = "en") -> tuple[str, float]:
    """(ISO 639-1 code, confidence) among ``languages``; ``default`` when unsure."""
    sample = text[:3000]
    if not sample.strip():
        return default, 0.0
    letters = [c for c in sample.lower() if c.isalpha()]
    if letters and "ru" in languages:
        cyr = sum(1 for c in letters if c in _SCRIPT_HINTS["ru"]) / len(letters)
        if cyr > 0.6:
            return "ru", round(cyr, 3)
    det = _detector(tuple(languages))
    if det is None:
        return (languages[0] if languages else default), 0.5
    values = det.compute_language_confidence_values(sample)
    if not values:
        return default, 0.0
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return (code if best.value >= 0.5 else default), round(best.value, 3)
