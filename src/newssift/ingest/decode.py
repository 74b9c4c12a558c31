"""Bytes to text: size cap, empty and binary inputs, encoding and language.

UTF-8 is tried first because it is by far the most common and a strict
decode almost never succeeds on other encodings; otherwise charset-normalizer
guesses.  Language is detected with py3langid on a prefix of the text.
"""
from __future__ import annotations

import codecs
import gzip
import io
import re

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
)

__all__ = [
    "check_size",
    "declared_html_charset",
    "decode_bytes",
    "detect_language",
    "gunzip",
    "gunzip_partial",
    "looks_binary",
    "looks_like_html",
]

#: Bytes examined for binary content; a NUL byte in the first 8 KiB is the
#: rule `file`/git use, and 8 KiB covers any file header.
SNIFF_BYTES = 8192
#: Share of control characters (other than tab/CR/LF/FF) above which the
#: input is not text.  Real text has none; 5 % tolerates a stray byte or two.
CONTROL_MAX_SHARE = 0.05
#: Characters fed to the language identifier (py3langid's cost is linear in
#: them): on the 398 extracted evaluation pages in 30+ languages, 300
#: characters give the same language as 600 on every page, 200 on all but
#: one (docs/extraction.md); the tests' one-sentence samples of ~100
#: characters already come out right.
LANG_PREFIX_CHARS = 300
#: Below this many letters the language guess is noise; leave it unset.
LANG_MIN_LETTERS = 20
#: The English fast path: the language identifier's prefix, of at least
#: ENGLISH_FAST_MIN_WORDS words of which at least ENGLISH_FAST_SHARE are
#: English function words (lexicon.ENGLISH_MARKERS), is English without
#: py3langid. Swept by scripts/sweep_language.py on 1,657 real-data
#: development texts (docs/extraction.md, "Language"): 0.12 lets 67 % of the
#: English texts through and no other; the highest share of a non-English
#: text is 0.065. A longer window let mixed pages through.
ENGLISH_FAST_MIN_WORDS = 30
ENGLISH_FAST_SHARE = 0.12
#: UTF-16 without a byte-order mark: at least this share of NULs at the
#: high-byte positions and at most UTF16_OTHER_NUL_SHARE at the others, over
#: at least UTF16_MIN_CHARS characters.  English or French UTF-16 has ~95 %
#: NULs at high bytes; 0.5 still accepts text with half of it in other
#: scripts, and rejects binary data whose NULs fall on one side by its period.
UTF16_NUL_SHARE = 0.5
UTF16_OTHER_NUL_SHARE = 0.02
UTF16_MIN_CHARS = 16
#: Text that fails as UTF-8 but holds at least this many valid UTF-8
#: multi-byte sequences is read as UTF-8 with Windows-1252 bytes mixed in.
#: Two sequences rule out the chance pair in genuine cp1252 text ("ß" followed
#: by a curly quote is one valid sequence).
MIXED_MIN_UTF8 = 2
#: ... and its other non-ASCII bytes come alone or in pairs ("Ã©"-like runs
#: of three or more are not typed text but another encoding or binary).
MIXED_MAX_RUN = 2
#: charset-normalizer's "chaos" above which the best guess is not trusted.
#: 0.2 is the library's own default threshold for a usable match.
MAX_CHAOS = 0.2
#: Bytes handed to charset-normalizer: 256 KiB is far more than it needs to
#: tell encodings apart and bounds its cost on large files.
CHARSET_SAMPLE_BYTES = 256 * 1024

_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
]
_CTRL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_LATIN1_LABELS = {k: "cp1252" for k in ("latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii")}
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
# Windows code pages that charset-normalizer may pick for Western text; cp1252
# is a superset of latin-1's printable range, so it decodes both right.
_WESTERN = {"latin_1", "iso8859_1", "iso8859_15", "cp1252", "windows_1252", "cp1250", "mac_roman", "cp850", "cp437"}


def check_size(data_len: int, source: str, limit: int) -> None:
    """Raise InputTooLargeError if ``data_len`` exceeds ``limit`` bytes."""
    if data_len > limit:
        raise InputTooLargeError(source, f"file is {data_len:,} bytes, over the {limit:,}-byte limit (--max-bytes)")


def gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompress gzip data, refusing output over ``limit`` bytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise BinaryInputError(source, f"not valid gzip data ({exc})") from exc
    check_size(len(out), source, limit)
    return out


def gunzip_partial(data: bytes, source: str, limit: int) -> tuple[bytes, bool]:
    """Decompress gzip data member by member; (what decompressed, True when the data was cut short or damaged).

    Keeps everything before the break, so a WARC archive cut short mid-download
    still gives its complete records (``gunzip`` gives all or nothing).
    Output over ``limit`` bytes is refused; data that is not gzip at all is
    a BinaryInputError.
    """
    import zlib

    out = bytearray()
    rest = data
    # Zeros after the last member are padding some writers add, not a member.
    while rest and rest.strip(b"\0"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        buf = rest
        try:
            while True:
                out += d.decompress(buf, limit + 1 - len(out))
                check_size(len(out), source, limit)
                buf = d.unconsumed_tail
                if d.eof or not buf:
                    break
        except zlib.error as exc:
            if not out:
                raise BinaryInputError(source, "not valid gzip data (damaged, or not gzip at all)") from exc
            return bytes(out), True
        if not d.eof:  # the input ended inside this member
            return bytes(out), True
        rest = d.unused_data
    return bytes(out), False


def looks_binary(data: bytes) -> str | None:
    """A short description of what binary thing ``data`` is, or None if it looks like text."""
    head = data[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(data):
        return None  # UTF-16: text, NULs are expected
    if b"\x00" in head:
        return "binary data"
    if head and len(_CTRL.findall(head)) / len(head) > CONTROL_MAX_SHARE:
        return "binary data"
    return None


def looks_like_html(data: bytes | str) -> bool:
    """True if the start of ``data`` looks like an HTML document."""
    head = data[:SNIFF_BYTES]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    return bool(_HTML_SNIFF.search(head))


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` to text, or raise an InputError with a one-line reason.

    ``declared`` is an encoding named by the transport (HTTP header, record);
    it is tried right after UTF-8.
    """
    if not data.strip():
        raise EmptyInputError(source, "file is empty")
    what = looks_binary(data)
    if what:
        raise BinaryInputError(source, f"looks like {what}, not text or HTML")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(data):
        enc = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else utf16_without_bom(data)
        try:
            return _nonempty(data.decode(enc), source)
        except UnicodeDecodeError as exc:
            raise EncodingError(source, f"bad UTF-16 text ({exc.reason})") from exc
    try:
        return _nonempty(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if _mixed_utf8_cp1252(data[:CHARSET_SAMPLE_BYTES]):
        # Mostly UTF-8 with some Windows-1252 bytes (text pasted together
        # from two editors): each part decoded as what it is.
        return _nonempty(data.decode("utf-8", errors=_CP1252_FALLBACK), source)
    if declared:
        # Browsers read a declared latin-1 or ASCII as windows-1252 (WHATWG
        # Encoding Standard); pages mislabelled so are common, and cp1252
        # agrees with latin-1 on every letter.
        enc = _LATIN1_LABELS.get(declared.strip().lower(), declared)
        try:
            return _nonempty(data.decode(enc), source)
        except (UnicodeDecodeError, LookupError):
            pass
    return _nonempty(_guess(data, source), source)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for UTF-16 text that has no byte-order mark, else None.

    Text in Latin letters stored as UTF-16 has a NUL in every other byte (the
    high byte of each character): odd positions for little-endian, even for
    big-endian, and almost none at the other positions.
    """
    head = data[:SNIFF_BYTES]
    if len(head) < 2 * UTF16_MIN_CHARS:
        return None
    even, odd = head[0::2], head[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd >= UTF16_NUL_SHARE and z_even <= UTF16_OTHER_NUL_SHARE:
        enc = "utf-16-le"
    elif z_even >= UTF16_NUL_SHARE and z_odd <= UTF16_OTHER_NUL_SHARE:
        enc = "utf-16-be"
    else:
        return None
    # Binary data with a period of NULs decodes to control characters.
    text = head[: len(head) // 2 * 2].decode(enc, errors="replace")
    ctrl = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    return enc if ctrl <= CONTROL_MAX_SHARE * len(text) else None


def _mixed_utf8_cp1252(data: bytes) -> bool:
    """UTF-8 text with single Windows-1252 bytes in it (not random high bytes).

    It holds valid UTF-8 multi-byte sequences, and once they are taken out,
    what is left of the non-ASCII bytes stands alone between ASCII bytes
    (a "–" or "é" typed in another editor), never in runs.
    """
    if len(_UTF8_SEQ.findall(data)) < MIXED_MIN_UTF8:
        return False
    rest = _UTF8_SEQ.sub(b"", data)
    return all(len(run) <= MIXED_MAX_RUN for run in _HIGH_RUN.findall(rest))


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (latin-1 for its five holes)."""
    bad = err.object[err.start : err.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), err.end


codecs.register_error("newssift-cp1252", _cp1252_fallback)
_CP1252_FALLBACK = "newssift-cp1252"


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>``), if any."""
    m = _META_CHARSET.search(data[:SNIFF_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def _guess(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:CHARSET_SAMPLE_BYTES]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise EncodingError(source, "text is not UTF-8 and its encoding could not be recognised")
    enc = best.encoding
    if enc in _WESTERN:
        # Western single-byte text: cp1252 decodes latin-1's letters the same
        # and also the curly quotes and dashes in 0x80-0x9F that Windows
        # editors write; fall back to latin-1 for the five bytes cp1252 lacks.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(source, f"text could not be decoded as {enc}") from exc


def _nonempty(text: str, source: str) -> str:
    if not text.strip():
        raise EmptyInputError(source, "file has only white space")
    return text


def english_marker_share(prefix: str) -> tuple[float, int]:
    """(share of the words of ``prefix`` that are ``lexicon.ENGLISH_MARKERS``, number of words)."""
    from ..extract.lexicon.language import ENGLISH_MARKERS

    words = _WORDS.findall(prefix.lower())
    if not words:
        return 0.0, 0
    return sum(w in ENGLISH_MARKERS for w in words) / len(words), len(words)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, from its first characters; None if too short.

    Plain English prose is recognised by its function words without loading
    py3langid's model, which costs about as much as half of ``spacy.load``
    at start-up; anything else is classified by py3langid.
    """
    prefix = text[:LANG_PREFIX_CHARS]
    if len(_NON_LETTERS.sub("", prefix[: LANG_MIN_LETTERS * 10])) < LANG_MIN_LETTERS:
        return None
    share, words = english_marker_share(prefix)
    if words >= ENGLISH_FAST_MIN_WORDS and share >= ENGLISH_FAST_SHARE:
        return "en"
    import py3langid

    lang, _score = py3langid.classify(prefix)
    return lang
