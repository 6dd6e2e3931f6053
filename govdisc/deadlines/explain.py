"""Human-readable derivation of one obligation, for `govdisc deadlines --explain RECORD_ID`."""

from __future__ import annotations

from govdisc.deadlines.labels import OBLIGATIONS, STATUSES, label
from govdisc.model import Obligation, TraceStep

ACTIONS: dict[str, tuple[str, str]] = {
    "start": ("起算", "start"),
    "restart": ("重新起算", "restart"),
    "counted": ("计入", "count"),
    "makeup": ("调休上班", "make-up day"),
    "skipped": ("跳过", "skip"),
    "excluded": ("扣除", "exclude"),
    "extension": ("延长", "extend"),
    "deferral": ("延迟答复", "defer"),
    "due": ("到期", "due"),
    "note": ("说明", "note"),
}


def header(ob: Obligation, lang: str = "zh") -> str:
    """One line naming the clock, its due date and status."""
    name = label(OBLIGATIONS, ob.obligation, lang)
    status = label(STATUSES, ob.status, lang)
    if lang == "en":
        line = f"{ob.record} — {name}: due {ob.due or '(not running)'}, {status}"
        if ob.met_on:
            line += f", met {ob.met_on}"
        if ob.days_left is not None:
            unit = "hours" if "T" in ob.due else "working days"
            line += f", {ob.days_left} {unit} left"
        return line + (" [provisional]" if ob.provisional else "")
    line = f"{ob.record} — {name}：期限 {ob.due or '（未起算）'}，{status}"
    if ob.met_on:
        line += f"，完成于 {ob.met_on}"
    if ob.days_left is not None:
        line += f"，剩余 {ob.days_left} {'小时' if 'T' in ob.due else '个工作日'}"
    return line + ("【暂定】" if ob.provisional else "")


def explain_lines(ob: Obligation, lang: str = "zh") -> list[str]:
    """Header, then one line per trace step: date, action, running count, note."""
    lines = [header(ob, lang), f"  {ob.path}"]
    for s in in_date_order(ob.trace):
        action = label(ACTIONS, s.action, lang)
        note = s.note_en if lang == "en" and s.note_en else s.note_zh
        count = ""
        if s.count is not None and s.action in ("counted", "makeup", "due", "restart", "start"):
            count = f"[{s.count}]"
        lines.append(f"  {s.date:<10}  {action:<{4 if lang != 'en' else 11}} {count:>4}  {note}".rstrip())
    return lines


def in_date_order(trace: list[TraceStep]) -> list[TraceStep]:
    """The steps by date (a reply noted after the count reached its due day goes back among the
    days it happened on); steps of one date keep their order, an undated step its predecessor's date."""
    keyed, last = [], ""
    for i, step in enumerate(trace):
        last = step.date or last
        keyed.append((last, i, step))
    return [step for _, _, step in sorted(keyed, key=lambda k: (k[0], k[1]))]
