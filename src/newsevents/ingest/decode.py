"""Bytes → str for every input: binary sniffing, UTF-8 (with or without BOM), declared charsets, charset detection.

The order is: refuse binary (NUL bytes or a known file signature, E102); a UTF BOM; the charset the caller was
told (HTTP header) or the page declares (``<meta charset>``); strict UTF-8; charset-normalizer (warning W102);
otherwise E103. A decoded text that is mostly control characters is refused as E103 too, since charset
detection always "finds" some single-byte encoding for random bytes.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from typing import Optional

from ..errors import Code, InputError, error_item

logger = logging.getLogger(__name__)

#: File signatures of formats that are never article text (checked at offset 0 unless noted).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!", "RAR"),
    (b"\xd0\xcf\x11\xe0", "OLE/MS Office"),
    (b"\x7fELF", "ELF executable"),
    (b"ID3", "MP3"),
    (b"OggS", "Ogg"),
    (b"RIFF", "RIFF (WAV/AVI/WebP)"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

#: How much of the start is sniffed for NUL bytes and declared charsets.
_SNIFF = 8192
#: Share of control/unassigned characters above which a decoded text is taken as garbage; real text in any
#: encoding has almost none (tabs and newlines are not counted), random bytes decoded by a guessed code page
#: have 10–40 %.
_MAX_CONTROL_SHARE = 0.05
_WESTERN_MAX_NON_ASCII = 0.3


def binary_kind(data: bytes) -> Optional[str]:
    """The kind of binary file ``data`` starts like, or None if it may be text.

    Text with a UTF-16/32 BOM is not binary even though it has NUL bytes.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if len(data) > 12 and data[4:8] == b"ftyp":
        return "MP4/MOV"
    if b"\x00" in data[:_SNIFF]:
        return "NUL bytes"
    return None


def declared_charset(data: bytes) -> Optional[str]:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if Python knows it."""
    match = _META_CHARSET.search(data[:_SNIFF])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _garbage(text: str) -> bool:
    sample = text[:_SNIFF]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    return bad / len(sample) > _MAX_CONTROL_SHARE


def _western(data: bytes) -> Optional[str]:
    """The text as Windows-1252 if that reads as Western European text, else None.

    charset-normalizer needs long texts: on a 50-character Latin-1 French sentence it answers mac_latin2
    ("cafť"). Windows-1252 (what browsers use for "latin-1") is right for Western European text, whose
    non-ASCII letters are a minority (under 30 % of letters even in French or German); text in Cyrillic or Greek
    code pages decoded as 1252 is almost all accented letters, and goes to charset detection instead.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text[:_SNIFF] if ch.isalpha()]
    if not letters or _garbage(text):
        return None
    non_ascii = sum(1 for ch in letters if ord(ch) > 127)
    return text if non_ascii / len(letters) < _WESTERN_MAX_NON_ASCII else None


def decode_bytes(data: bytes, charset: Optional[str] = None, html: bool = False) -> tuple[str, list[dict]]:
    """Decode an input's bytes to text.

    Args:
        data: The raw bytes.
        charset: An encoding the transport announced (e.g. the HTTP ``Content-Type`` charset); tried first.
        html: Also look for a ``<meta charset>`` declaration.

    Returns:
        The text (BOM removed) and warning rows (W102 when the encoding had to be guessed).

    Raises:
        InputError: E102 for binary data, E103 when no encoding gives sensible text.
    """
    kind = binary_kind(data)
    if kind:
        raise InputError(Code.E102, detail=kind)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), []
            except UnicodeDecodeError:
                break
    candidates = [c for c in (charset, declared_charset(data) if html else None) if c]
    for name in [*candidates, "utf-8"]:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _garbage(text):
            return text, []
    western = _western(data)
    if western is not None:
        return western, [error_item(Code.W102, "ingest", encoding="cp1252")]
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and not _garbage(text):
            logger.debug("decoded as %s by charset detection", best.encoding)
            return text, [error_item(Code.W102, "ingest", encoding=best.encoding)]
    raise InputError(Code.E103)


def looks_like_html(text: str) -> bool:
    """Whether a text (e.g. from stdin) is an HTML page rather than plain text: it starts with a doctype or tag."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<!--")) or bool(
        re.match(r"<(div|p|article|section|meta|title|main)\b", head))
