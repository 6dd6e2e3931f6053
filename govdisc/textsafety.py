"""Register text made safe for where it is printed: documents, terminals, JSON.

A register is edited by many hands and checked on untrusted merge requests, so a key name, an id,
a file name or a narrative may hold any character a YAML escape can produce ("\\x00", "\\e",
"\\ud800") or a file system allows. Printed raw, such characters crash python-docx and UTF-8
encoders, make XML ill-formed, or drive the terminal that shows the output (ESC sequences,
carriage returns that overwrite a line, bidi overrides that reorder it). Every output goes
through one of the functions here, so the rules live in one place:

    document_text(s)        reports, XML (JUnit, Word), iCalendar: bad characters → U+FFFD
    terminal_text(s, keep)  text for a terminal or CI log: controls shown as visible escapes
    json_text(dumped)       JSON already dumped with ensure_ascii=False: same data, safe bytes

Ordinary text, Chinese included, passes through all three unchanged.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"

#: C0 controls except tab/LF/CR, DEL, C1 controls, lone surrogates, the non-characters U+FFFE/U+FFFF:
#: illegal in XML 1.0 (python-docx raises ValueError) or unencodable in UTF-8; and the bidi
#: embeddings, overrides and isolates, which reorder how the text around them reads. None of
#: them is meaningful in a Chinese register.
_NOT_IN_DOCUMENTS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")

#: everything a terminal may act on instead of showing: all C0/C1 controls and DEL, lone
#: surrogates (unencodable), bidi embeddings/overrides/isolates and marks (reorder what is shown),
#: line and paragraph separators
_NOT_ON_TERMINALS = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

#: what JSON may carry escaped rather than raw (json.dumps already escapes C0 and quotes)
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}

#: what one line of text (a name) may not hold: any character some YAML reader or other tool takes
#: for a line break (LF, CR, NEL, U+2028, U+2029, and VT, FF, FS, GS, RS, which str.splitlines
#: breaks at); other controls are escaped wherever text is printed (see above)
_NOT_IN_A_LINE = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def is_line(value: object) -> bool:
    """True unless `value` is text that is not a single line (the schemas' format govdisc-line)."""
    return not isinstance(value, str) or _NOT_IN_A_LINE.search(value) is None


def document_text(text: str) -> str:
    """`text` with every character a document may not hold replaced by U+FFFD.

    Replacing (not dropping) keeps the reader aware that the register holds something odd there.
    """
    return _NOT_IN_DOCUMENTS.sub(REPLACEMENT, text)


def visible(char: str) -> str:
    """One character as a Python-style escape: "\\x1b", "\\n", "\\u202e"."""
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, keep: str = "\t") -> str:
    """`text` with controls, bidi formatting and lone surrogates written as visible escapes.

    `keep` names the characters passed through raw (tab by default; a caller that escapes line
    breaks itself, like the GitHub reporter, keeps "\\r\\n").
    """
    def sub(m: re.Match[str]) -> str:
        return m.group() if m.group() in keep else visible(m.group())

    return _NOT_ON_TERMINALS.sub(sub, text)


def json_text(dumped: str) -> str:
    """JSON text from json.dumps(..., ensure_ascii=False) with DEL, C1, bidi and lone surrogates
    as \\uXXXX escapes: the same data when parsed, but printable, encodable UTF-8."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
