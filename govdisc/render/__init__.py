"""Report rendering: the annual report (国办公开办函〔2021〕30号) and the year-end self-inspection,
as Markdown, standalone HTML or Word, from the plain data of govdisc.stats."""

from govdisc.render.annual import FORMATS, render_annual, report_problems
from govdisc.render.meta import ReportMeta, git_commit
from govdisc.render.review import render_review

__all__ = ["FORMATS", "render_annual", "render_review", "report_problems", "ReportMeta", "git_commit"]
