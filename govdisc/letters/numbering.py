"""Letter numbers (发文字号, GB/T 9704-2012 §7.2.5: 代字〔年份〕顺序号号) from a configurable pattern
with a per-year sequence.

The sequence is not kept in a counter file: it continues from the numbers already recorded in
the register (`letter: {no, date}` on events and replies, written by `letter --record`), so the
register alone says which numbers were used. Letters whose pattern differs (per-kind patterns,
or a pattern with {kind}) have sequences of their own, because a number only counts for a
pattern it matches.

Placeholders are replaced literally ({year} {seq} {kind} {agency}); a pattern is never passed
to str.format, so it cannot reach into Python objects.
"""

from __future__ import annotations

import re
from typing import Iterator

from govdisc.config import Config
from govdisc.letters.kinds import KINDS
from govdisc.model import Record

_PLACEHOLDER = re.compile(r"\{(year|seq|kind|agency)\}")


def pattern_for(config: Config, kind: str) -> str:
    """The number pattern in force for one kind of letter."""
    return config.letter_numbers.get(kind) or config.letter_number


def format_number(pattern: str, *, year: int, seq: int, kind: str, agency: str) -> str:
    values = {"year": str(year), "seq": str(seq), "kind": KINDS[kind].short, "agency": agency}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], pattern)


def number_regex(pattern: str, *, year: int, kind: str, agency: str) -> re.Pattern[str]:
    """A regex matching the numbers this pattern gives in `year`, the sequence in group 1."""
    values = {"year": re.escape(str(year)), "seq": r"([1-9][0-9]*)", "kind": re.escape(KINDS[kind].short),
              "agency": re.escape(agency)}
    out, pos = [], 0
    for m in _PLACEHOLDER.finditer(pattern):
        out.append(re.escape(pattern[pos:m.start()]))
        out.append(values[m.group(1)])
        pos = m.end()
    out.append(re.escape(pattern[pos:]))
    return re.compile("".join(out) + r"\Z")


def recorded_letters(records: list[Record]) -> Iterator[tuple[Record, tuple, dict]]:
    """(record, pointer, letter) of every letter recorded in the register's applications."""
    for rec in records:
        if rec.kind != "application":
            continue
        for i, ev in enumerate(rec.seq("events")):
            if isinstance(ev, dict) and isinstance(ev.get("letter"), dict):
                yield rec, ("events", i, "letter"), ev["letter"]
        letter = rec.get("reply", "letter")
        if isinstance(letter, dict):
            yield rec, ("reply", "letter"), letter


def next_number(records: list[Record], config: Config, kind: str, year: int) -> str:
    """The next free number of this kind's pattern in `year`: one past the highest recorded."""
    pattern = pattern_for(config, kind)
    agency = config.letter_issuer or config.agency
    rx = number_regex(pattern, year=year, kind=kind, agency=agency)
    used = 0
    for _, _, letter in recorded_letters(records):
        no = letter.get("no")
        m = rx.match(no.strip()) if isinstance(no, str) else None
        if m:
            used = max(used, int(m.group(1)))
    return format_number(pattern, year=year, seq=used + 1, kind=kind, agency=agency)
