"""Text encodings of delimited supplier files: the ones accepted, detection among them only,
and decoding by a name the user chose.

Accepted: UTF-8 (with or without BOM), UTF-16 (BOM, or mostly-ASCII text without one),
GB18030 (GBK, GB2312: mainland China), Big5 with the Hong Kong extensions (Big5-HKSCS:
Taiwan, Hong Kong), Shift_JIS as Windows writes it (CP932: Japan), EUC-KR (Korea) and
Windows-1252 (Excel on a Western Windows machine). Detection tries only these candidates:
the ones that decode the file, ranked by how ordinary their characters are, with
``charset-normalizer`` restricted to them between close ones (unrestricted, it reads cp1252
text as cp775 and the like);
the window shows the encoding found with a preview of the rows, so a wrong guess is seen and
the user picks another (``--encoding NAME`` on the command line).

A file that is none of them is an error naming the first line that cannot be decoded.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from core.errors import InputFileError, UsageError


@dataclass(frozen=True, slots=True)
class TextEncoding:
    """One accepted encoding: the Python codec, the name shown, the names a user may type."""

    codec: str
    label: str
    names: tuple[str, ...]


ENCODINGS: tuple[TextEncoding, ...] = (
    TextEncoding("utf-8", "UTF-8", ("utf-8", "utf8", "utf-8-sig", "cp65001")),
    TextEncoding("utf-16", "UTF-16", ("utf-16", "utf16", "utf-16-le", "utf-16-be", "ucs-2")),
    TextEncoding("gb18030", "GB18030 (GBK)", ("gb18030", "gbk", "gb2312", "cp936", "euc-cn")),
    TextEncoding("big5hkscs", "Big5 (HKSCS)", ("big5", "big5hkscs", "big5-hkscs", "cp950")),
    TextEncoding("cp932", "Shift_JIS (CP932)", ("shift_jis", "shift-jis", "sjis", "cp932")),
    TextEncoding("euc-kr", "EUC-KR", ("euc-kr", "euckr", "cp949", "uhc")),
    TextEncoding("cp1252", "Windows-1252", ("cp1252", "windows-1252", "latin-1", "iso-8859-1")),
)
_BY_NAME = {name.replace("_", "-"): e for e in ENCODINGS for name in e.names}
_DETECTED_AS = {"gb18030": "gb18030", "big5hkscs": "big5hkscs", "cp932": "cp932",
                "euc_kr": "euc-kr", "cp1252": "cp1252"}  # fmt: skip
_SAMPLE = 262_144


def encoding_named(name: str) -> TextEncoding:
    """The accepted encoding a user named ("Big5", "shift_jis", "windows-1252");
    ``UsageError`` listing the accepted ones otherwise."""
    found = _BY_NAME.get(name.strip().lower().replace("_", "-"))
    if found is None:
        accepted = ", ".join(e.label for e in ENCODINGS)
        raise UsageError(f"unknown encoding {name!r}; accepted: {accepted}")
    return found


def label_of(codec: str) -> str:
    """The name shown for a codec decode_text returned ("utf-8-sig" -> "UTF-8")."""
    try:
        return encoding_named(codec).label
    except UsageError:
        return codec


def decode_text(path: str, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the Python codec it was decoded with: ``encoding`` when
    given (any name ``encoding_named`` knows), else the one detected.

    Raises ``InputFileError`` with the line of the first undecodable bytes when the data is
    not in the encoding given, or in none of the accepted ones.
    """
    if encoding is not None:
        return _decode_as(path, data, encoding_named(encoding).codec)
    if data.startswith(codecs.BOM_UTF8):
        return _decode(path, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode(path, data[2:], "utf-16-le"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode(path, data[2:], "utf-16-be"), "utf-16-be"
    bomless = utf16_without_bom(data)
    if bomless:
        return _decode(path, data, bomless), bomless
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        codec = detect_legacy(data)
        if codec is not None:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
        expected = ", ".join(e.label for e in ENCODINGS)
        raise undecodable(path, data, utf8_error, f"any of {expected}") from None


def detect_legacy(data: bytes) -> str | None:
    """The most plausible of the legacy (non-Unicode) candidates for ``data``, or None.

    Only the candidates that decode ``data`` without error compete. Each is scored by how
    ordinary its characters are for its script (``plausibility``: common hanzi for GB18030
    and Big5, kana and JIS level-1 kanji for Shift_JIS, hangul for EUC-KR, accented letters
    inside words for cp1252); between near-equal scores charset-normalizer, restricted to the
    same candidates, decides.
    """
    sample = data[:_SAMPLE]
    # A sample cut in the middle of a character would rule out the right multi-byte codec.
    cut = sample.rfind(b"\n")
    if len(data) > len(sample) and cut > 0:
        sample = sample[: cut + 1]
    scored: dict[str, float] = {}
    for codec in _LEGACY:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        scored[codec] = plausibility(text, codec)
    if not scored:
        return None
    top = max(scored.values())
    close = [codec for codec, score in scored.items() if score >= top - _CLOSE]
    if len(close) == 1:
        return close[0]
    from charset_normalizer import from_bytes  # only for the few files that need it

    best = from_bytes(sample, cp_isolation=[_NORMALIZER_NAME[c] for c in close]).best()
    found = _DETECTED_AS.get(best.encoding.replace("-", "_").lower()) if best else None
    return found if found in close else max(close, key=scored.__getitem__)


def plausibility(text: str, codec: str) -> float:
    """The mean ordinariness (0-1) of the non-ASCII characters of ``text`` read as ``codec``
    (1.0 for text without any)."""
    odd = [i for i, char in enumerate(text) if not char.isascii()][:_SCORED_CHARS]
    if not odd:
        return 1.0
    rate = _RATERS[codec]
    return sum(rate(text, i) for i in odd) / len(odd)


def _rate_gb(text: str, i: int) -> float:
    try:
        lead = text[i].encode("gb2312")[0]
    except UnicodeEncodeError:
        return 0.0
    return 1.0 if 0xA1 <= lead <= 0xA9 or 0xB0 <= lead <= 0xD7 else 0.5


def _rate_big5(text: str, i: int) -> float:
    try:
        lead = text[i].encode("big5")[0]
    except UnicodeEncodeError:
        return 0.2  # an HKSCS extension: real, but rare
    return 1.0 if 0xA1 <= lead <= 0xC6 else 0.5


def _rate_sjis(text: str, i: int) -> float:
    char = text[i]
    if "\u3040" <= char <= "\u30ff":
        return 1.0  # hiragana, katakana
    if "\uff61" <= char <= "\uff9f":
        # Half-width katakana come in words (ｶﾌﾞｼｷｶﾞｲｼｬ, old Japanese systems); one alone
        # between kanji is what Chinese bytes look like in Shift_JIS.
        near = text[max(0, i - 1) : i] + text[i + 1 : i + 2]
        return 0.8 if any("\uff61" <= c <= "\uff9f" for c in near) else 0.1
    try:
        lead = char.encode("shift_jis")[0]
    except UnicodeEncodeError:
        return 0.0  # a CP932 extension (NEC/IBM) character
    return 1.0 if 0x81 <= lead <= 0x84 or 0x88 <= lead <= 0x9F else 0.5


_COMPOUND_VOWELS = frozenset((3, 7, 9, 10, 11, 14, 15, 16, 19))  # ㅒ ㅖ ㅘ ㅙ ㅚ ㅝ ㅞ ㅟ ㅢ
_DOUBLE_INITIALS = frozenset((1, 4, 8, 10, 13))  # ㄲ ㄸ ㅃ ㅆ ㅉ


def _rate_euc_kr(text: str, i: int) -> float:
    char = text[i]
    if "\uac00" <= char <= "\ud7a3":
        # Chinese GB2312 bytes are valid EUC-KR hangul too, but as rare syllables: a
        # compound vowel or a doubled initial closed by a final consonant (北京 -> 굇쑴).
        syllable = ord(char) - 0xAC00
        initial, vowel, final = syllable // 588, (syllable % 588) // 28, syllable % 28
        if final and (vowel in _COMPOUND_VOWELS or initial in _DOUBLE_INITIALS):
            return 0.3
        return 1.0
    return 0.3 if char.isalpha() else 0.5


def _rate_cp1252(text: str, i: int) -> float:
    char = text[i]
    if not char.isalpha():
        return 0.6 if char in "€‚„…†‡‰‹›‘’“”•–—™°±²³µ·¹º¼½¾×÷«»§©®" else 0.0
    # Accented letters stand inside words of mostly ASCII letters ("Müller", "Société");
    # Chinese or Japanese bytes read as cp1252 make words of them ("¹©Ó¦", "ÆW").
    start = end = i
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end + 1 < len(text) and text[end + 1].isalpha():
        end += 1
    word = text[start : end + 1]
    plain = sum(1 for c in word if c.isascii())
    return 0.95 if plain >= 2 and plain >= 2 * (len(word) - plain) else 0.3


_LEGACY = ("gb18030", "big5hkscs", "cp932", "euc-kr", "cp1252")
_NORMALIZER_NAME = {"gb18030": "gb18030", "big5hkscs": "big5hkscs", "cp932": "cp932",
                    "euc-kr": "euc_kr", "cp1252": "cp1252"}  # fmt: skip
_RATERS = {"gb18030": _rate_gb, "big5hkscs": _rate_big5, "cp932": _rate_sjis,
           "euc-kr": _rate_euc_kr, "cp1252": _rate_cp1252}  # fmt: skip
_CLOSE = 0.05
_SCORED_CHARS = 20_000


def preview(data: bytes, codec: str, lines: int = 8) -> list[str]:
    """The first ``lines`` lines of ``data`` decoded with ``codec``; undecodable bytes shown
    as U+FFFD, so that a wrong choice is seen, not hidden."""
    head = data[: 64 * 1024]
    if codec in ("utf-16", "utf-16-le", "utf-16-be") and len(head) % 2:
        head = head[:-1]
    text = head.decode(_with_bom_handling(codec, head), errors="replace")
    return text.splitlines()[:lines]


def _with_bom_handling(codec: str, head: bytes) -> str:
    if codec in ("utf-8", "utf-8-sig"):
        return "utf-8-sig"
    if codec == "utf-16" and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return utf16_without_bom(head) or "utf-16-le"
    return codec


def _decode_as(path: str, data: bytes, codec: str) -> tuple[str, str]:
    if codec == "utf-8":
        codec = "utf-8-sig"
    elif codec == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = utf16_without_bom(data) or "utf-16-le"
    return _decode(path, data, codec), codec


def _decode(path: str, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise undecodable(path, data, err, label_of(codec)) from None


def undecodable(path: str, data: bytes, err: UnicodeDecodeError, expected: str) -> Exception:
    """The error for undecodable bytes: the line they are on and what they are."""
    prefix = data[: err.start].decode(err.encoding, errors="replace")
    line = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1
    bad = " ".join(f"0x{byte:02x}" for byte in data[err.start : min(err.end, err.start + 4)])
    return InputFileError(
        path,
        f"cannot be decoded as {expected} text (unexpected {bad}); save it as CSV UTF-8 "
        "or choose its encoding",
        row=line,
    )


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' if ``data`` looks like mostly-ASCII UTF-16 text."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    zero_even = sample[0 : pairs * 2 : 2].count(0)
    zero_odd = sample[1 : pairs * 2 : 2].count(0)
    if zero_odd >= pairs * 0.3 and zero_even <= pairs * 0.05:
        return "utf-16-le"
    if zero_even >= pairs * 0.3 and zero_odd <= pairs * 0.05:
        return "utf-16-be"
    return None
