"""Turn raw bytes into text, or say precisely why not."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class DecodeFailure:
    """Why some bytes are not text dragoman accepts."""

    reason: str
    detail: str


def decode_bytes(data: bytes, name: str) -> str | DecodeFailure:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; reject binaries.

    Returns the text, or a :class:`DecodeFailure` naming the file and byte offset.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                return DecodeFailure("undecodable bytes", f"{name}: invalid {encoding} at byte offset {e.start}")
    if b"\x00" in data[:8192]:
        return DecodeFailure("binary file", f"{name}: NUL bytes found; dragoman reads UTF-8 or UTF-16 (with BOM) text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex()
        return DecodeFailure(
            "undecodable bytes",
            f"{name}: byte 0x{bad} at offset {e.start} is not UTF-8; re-save the file as UTF-8",
        )


def looks_binary(text: str) -> bool:
    """A decoded text that is mostly control characters is a binary in disguise."""
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / len(sample) > 0.05
