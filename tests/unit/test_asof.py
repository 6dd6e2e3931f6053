"""The register as it stood on a day (deadlines.asof.known_on): what statistics and reports
"as of" that day may count — nothing dated later."""

from __future__ import annotations

from datetime import date

from support import record

from govdisc.deadlines.asof import known_on

DAY = date(2024, 6, 30)


def _one(rec):
    got = known_on([rec], DAY)
    return got[0].data if got else None


def test_records_begun_later_are_left_out():
    later = [record("application", "applications/2024/a.yaml", {"id": "a", "submitted": "2024-07-01"}),
             record("document", "documents/2024/d.yaml", {"doc_no": "d", "formed": "2024-07-01"}),
             record("catalog", "catalog/bgs/2025.yaml", {"year": 2025, "compiled": "2024-12-20"})]
    assert known_on(later, DAY) == []
    same_day = record("application", "applications/2024/b.yaml", {"id": "b", "submitted": "2024-06-30"})
    assert known_on([same_day], DAY) == [same_day]


def test_later_facts_of_an_application():
    data = _one(record("application", "applications/2024/a.yaml", {
        "id": "a", "submitted": "2024-06-01",
        "events": [{"type": "extension", "date": "2024-06-20"}, {"type": "fee_paid", "date": "2024-07-02"}],
        "reply": {"date": "2024-06-25", "outcome": "withheld"},
        "review": {"kind": "reconsideration", "result": "upheld", "date": "2024-09-01"}}))
    # later events are blanked, not removed: findings point at events by their index in the file
    assert [e and e["type"] for e in data["events"]] == ["extension", None]
    assert data["reply"]["date"] == "2024-06-25" and "review" not in data
    replied_later = _one(record("application", "applications/2024/b.yaml", {
        "id": "b", "submitted": "2024-06-01", "reply": {"date": "2024-07-05"},
        "review": {"kind": "litigation", "date": "2024-08-01"}}))
    assert "reply" not in replied_later and "review" not in replied_later


def test_later_facts_of_documents_and_yearly_files():
    doc = _one(record("document", "documents/2024/d.yaml", {
        "doc_no": "d", "formed": "2024-01-10", "repealed": "2024-12-20", "published": {"date": "2024-07-01"}}))
    assert "repealed" not in doc and "published" not in doc
    cat = _one(record("catalog", "catalog/bgs/2024.yaml", {"year": 2024, "compiled": "2023-12-20",
                                                            "updated": "2024-09-01"}))
    assert "updated" not in cat and cat["compiled"] == "2023-12-20"
    review = _one(record("review", "reviews/bgs/2024.yaml", {
        "year": 2024, "submitted": "2024-12-20",
        "findings": [{"problem": "甲", "done": "2024-05-01"}, {"problem": "乙", "done": "2024-11-01"}]}))
    assert "submitted" not in review
    assert review["findings"] == [{"problem": "甲", "done": "2024-05-01"}, {"problem": "乙"}]
    acts = _one(record("activities", "activities/2024.yaml", {
        "year": 2024, "entries": [{"type": "training", "date": "2024-03-01"}, {"type": "exam", "date": "2024-08-01"}]}))
    assert [e["type"] for e in acts["entries"]] == ["training"]


def test_nothing_later_means_the_same_record():
    rec = record("application", "applications/2024/a.yaml", {"id": "a", "submitted": "2024-06-01",
                                                              "reply": {"date": "2024-06-10"}})
    assert known_on([rec], DAY)[0] is rec


def test_review_steps_as_known_on_the_day():
    """Proceedings filed later are unknown; one decided later was still pending that day."""
    data = _one(record("application", "applications/2024/c.yaml", {
        "id": "c", "submitted": "2024-03-01", "reply": {"date": "2024-03-20", "outcome": "withheld"},
        "review": [{"kind": "reconsideration", "filed": "2024-04-01", "decided": "2024-08-01", "result": "upheld"},
                   {"kind": "litigation_after_reconsideration", "filed": "2024-08-20"}]}))
    assert data["review"] == [{"kind": "reconsideration", "filed": "2024-04-01"}]
