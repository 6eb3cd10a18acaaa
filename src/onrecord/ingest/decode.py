"""Bytes to text: binary detection and encoding detection (never garble)."""

from __future__ import annotations

import re
import unicodedata

from ..errors import IngestError

__all__ = ["decode_bytes", "looks_binary"]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# single-byte encodings tried when the data is not UTF-8, in order of prior likelihood for news in
# the languages onrecord reads (Western European and Russian); ties go to the earlier one
_LEGACY = ("cp1252", "cp1251", "koi8_r", "iso8859_15", "iso8859_5", "mac_cyrillic", "cp866", "latin_1")
# Latin letters that a cp1252 text may hold; other Latin Extended letters (ŕ, č, ă ...) suggest a wrong guess
_CP1252_EXTRA = set("ŒœŠšŽžŸƒ")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_MAX_HARD = 0.05  # more garbled letters than this per letter: refuse rather than store mojibake


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes (outside UTF-16) or many control bytes."""
    head = data[:8192]
    if any(head.startswith(b) for b, enc in _BOMS if enc == "utf-16"):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and ctrl / len(head) > 0.05


def _oddness(text: str) -> tuple[float, float]:
    """How implausible a decoded text looks, per letter: (hard, soft); both 0 for clean text.

    ``hard`` counts words mixing scripts, lower-to-upper case switches inside a word, symbols and
    control characters, and Latin letters outside cp1252's repertoire: real text has almost none.
    ``soft`` is high when nearly every Latin letter is accented (Cyrillic bytes read as cp1252 look
    like that), which short French or German texts can be too: it only ranks encodings.
    """
    hard = 0.0
    letters = latin = accented = 0
    for word in _WORD.findall(text):
        scripts = set()
        prev_lower = False
        for ch in word:
            letters += 1
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            scripts.add(script)
            if script == "LATIN":
                latin += 1
                if ord(ch) > 127:
                    accented += 1
                    if ord(ch) > 0xFF and ch not in _CP1252_EXTRA:
                        hard += 1
            if ch.isupper() and prev_lower:
                hard += 1
            prev_lower = ch.islower()
        if len(scripts) > 1:
            hard += 2
    for ch in text:
        cat = unicodedata.category(ch)
        if (cat in ("Cc", "Co", "Cs", "So", "Sk") and ch not in "\t\n\r\f") or ch == "\ufffd":
            hard += 1
    soft = accented / latin if latin >= 4 and accented / latin > 0.3 else 0.0
    n = max(letters, 1)
    return hard / n, soft


def _declared_in_markup(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding). Raises IngestError(binary|empty|encoding).

    Order: a byte-order mark; the declared charset (HTTP header, then an HTML ``<meta charset>``);
    UTF-8; then the legacy single-byte encoding whose result looks least garbled. Text that looks
    garbled under every encoding is refused (``encoding``) rather than stored as mojibake.
    """
    if not data.strip():
        raise IngestError("empty", "The input is empty.")
    if looks_binary(data):
        raise IngestError("binary", "The input looks like a binary file, not text.")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    candidates = [e for e in (declared, _declared_in_markup(data), "utf-8") if e]
    for enc in candidates:
        try:
            return data.decode(enc), enc.lower()
        except (UnicodeDecodeError, LookupError):
            continue
    sample = data[:50_000]
    scored: list[tuple[bool, float, int, float, str]] = []
    for rank, enc in enumerate(_LEGACY):
        try:
            hard, soft = _oddness(sample.decode(enc))
        except UnicodeDecodeError:
            continue
        scored.append((hard > _MAX_HARD, hard + soft, rank, hard, enc))
    if not scored:
        raise IngestError("encoding", "Cannot determine the text encoding.")
    _, _, _, hard, enc = min(scored)
    if hard > _MAX_HARD:
        raise IngestError("encoding", f"Text does not decode cleanly in any known encoding (best guess {enc}).")
    return data.decode(enc), enc
