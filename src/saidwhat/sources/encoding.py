"""Bytes to text: byte-order marks, declared charsets, and what to do with a bad byte.

Two policies, because the analyst can fix one kind of file and not the other:

- :func:`decode_text` for the analyst's own text files and exports: a UTF-8,
  UTF-16 or UTF-32 byte-order mark is honoured (and dropped), anything else must
  be UTF-8, and a bad byte is an error naming its offset (re-saving is possible).
- :func:`decode_page` for web pages and fetched text: the declared charset if
  Python knows it, else UTF-8; a stray byte (one Latin-1 "é" in a UTF-8 page)
  becomes U+FFFD with a warning, because nobody can re-save someone else's page.
"""

from __future__ import annotations

import codecs
import logging

from saidwhat.errors import SourceError

log = logging.getLogger(__name__)

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: How far into a file a NUL byte marks it as binary.
BINARY_SNIFF_BYTES = 8192
#: A page with more undecodable bytes than this share (and more than a handful) is
#: not "a stray byte": it is in another encoding, and replacing would lose the text.
MAX_REPLACED_SHARE = 0.01
MAX_REPLACED_STRAY = 8


def sniff_bom(data: bytes) -> tuple[str, bytes] | None:
    """(codec, body without the mark) when ``data`` starts with a byte-order mark."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, data[len(bom) :]
    return None


def check_not_binary(data: bytes, ref: str) -> None:
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise SourceError(
            "looks like a binary file, not text; give a .txt, .md, .html or .pdf file", source=ref
        )


def decode_utf8(data: bytes, ref: str) -> str:
    """Strict UTF-8 with a leading BOM dropped; the error names the byte offset."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 4].hex(" ")
        raise SourceError(
            f"invalid UTF-8 at byte {e.start} (bytes {bad}); re-save the file as UTF-8",
            source=ref,
        ) from None
    return text.removeprefix("\ufeff")


def decode_text(data: bytes, ref: str) -> str:
    """A text file the analyst holds: BOM-marked UTF-8/16/32, else strict UTF-8."""
    found = sniff_bom(data)
    if found is None:
        check_not_binary(data, ref)
        return decode_utf8(data, ref)
    codec, body = found
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as e:
        raise SourceError(
            f"invalid {codec.upper()} at byte {e.start + len(data) - len(body)} "
            "(the file starts with a byte-order mark); re-save it as UTF-8",
            source=ref,
        ) from None
    if "\x00" in text[:BINARY_SNIFF_BYTES]:
        raise SourceError("looks like a binary file, not text", source=ref)
    return text


def known_codec(name: str | None) -> str | None:
    """The Python codec for a declared charset, or None if Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def decode_page(data: bytes, ref: str, *declared: str | None) -> str:
    """A web page or fetched text: a BOM, else the first known ``declared`` charset, else UTF-8.

    Unknown charsets (``x-bogus-42``) are skipped with a warning. Bytes that do not
    decode become U+FFFD with a warning naming the first one; a body where more
    than 1% of the bytes fail is an error (it is in some other encoding).
    """
    found = sniff_bom(data)
    if found is not None:
        codec, data = found
    else:
        check_not_binary(data, ref)
        codec = None
        for name in declared:
            codec = known_codec(name)
            if codec:
                break
            if name:
                log.warning("%s: unknown charset %r; reading it as UTF-8", ref, name)
        codec = codec or "utf-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        first = e.start
    text = data.decode(codec, errors="replace")
    replaced = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if replaced > max(MAX_REPLACED_STRAY, MAX_REPLACED_SHARE * len(data)):
        raise SourceError(
            f"invalid {codec.upper()} at byte {first}: {replaced:,} of {len(data):,} bytes "
            "do not decode; the page is in another encoding and does not declare it",
            source=ref,
        )
    log.warning(
        "%s: %d byte%s that are not %s (first at byte %d, %s) replaced by \ufffd",
        ref,
        replaced,
        "s" * (replaced != 1),
        codec.upper(),
        first,
        data[first : first + 4].hex(" "),
    )
    return text
