"""Bytes to text: binary detection and encoding detection (never garble)."""

from __future__ import annotations

from ..errors import IngestError

__all__ = ["decode_bytes", "looks_binary"]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes (outside UTF-16) or many control bytes."""
    head = data[:8192]
    if any(head.startswith(b) for b, enc in _BOMS if enc == "utf-16"):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and ctrl / len(head) > 0.05


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding). Raises IngestError(binary|empty|encoding)."""
    if not data.strip():
        raise IngestError("empty", "The input is empty.")
    if looks_binary(data):
        raise IngestError("binary", "The input looks like a binary file, not text.")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(enc), enc.lower()
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError("encoding", "Cannot determine the text encoding.")
    # charset_normalizer guesses; refuse guesses that produce many replacement/garbage chars
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise IngestError("encoding", f"Text does not decode cleanly (best guess {best.encoding}).")
    return text, best.encoding
