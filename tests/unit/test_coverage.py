"""docs/coverage.md: generated from docs/coverage.yaml and the rules' clauses, consistent with the code."""

from __future__ import annotations

from pathlib import Path

from govdisc.output.coverage import article_of, counts, load, problems, render, rules_by_clause

ROOT = Path(__file__).resolve().parents[2]
MAPPING = load(str(ROOT / "docs" / "coverage.yaml"))
#: every clause of the measures, numbered as in the seed
MEASURES = ["一(一)", "一(二)", "一(三)", "二(四)1", "二(四)2", "二(四)3", "二(四)4", "二(五)1", "二(五)2", "二(五)3",
            "二(五)4", "二(六)1", "二(六)2", "二(六)3", "二(六)4", "二(七)", "二(八)", "三(九)", "三(十)", "三(十一)",
            "三(十二)", "三(十三)"]


def test_docs_coverage_md_is_current():
    committed = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    assert committed == render(MAPPING), \
        "regenerate: python -m govdisc.output.coverage docs/coverage.yaml > docs/coverage.md"


def test_mapping_is_consistent_with_the_rules():
    assert problems(MAPPING) == []


def test_every_clause_of_the_measures_is_mapped():
    assert [e["clause"] for e in MAPPING["measures"]] == MEASURES


def test_problems_are_found():
    bad = {"measures": [{"clause": "二(四)1", "status": "recorded", "fields": ["document:no_such_field"]},
                        {"clause": "三(九)", "status": "checked"}, {"clause": "二(五)2", "status": "out_of_scope"},
                        {"clause": "二(五)3", "status": "checked"},
                        {"clause": "二(五)4", "status": "recorded", "fields": ["opinion:lead"], "clocks": ["no_clock"]}]}
    found = "\n".join(problems(bad))
    assert "二(四)1: recorded, but DOC002" in found and "no field document:no_such_field" in found
    assert "二(五)2: out of scope without a reason" in found and "unknown clock no_clock" in found
    assert "二(五)3: checked, but no rule cites it" in found
    assert "条例第33条: cited by APP001" in found  # a rule's clause missing from the mapping


def test_paragraphs_count_for_their_article():
    assert article_of("条例第33条第2款") == "条例第33条" and article_of("二(四)1") == "二(四)1"
    assert "APP006" in [r.code for r in rules_by_clause()["条例第33条"]]


def test_readme_states_the_counts():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    c = counts(MAPPING)
    m, r = c["measures"], c["regulation"]
    assert (f"{m['checked']} checked, {m['recorded']} recorded only, {m['out_of_scope']} out of scope" in readme
            and f"{r['checked']} checked, {r['recorded']} recorded only, {r['out_of_scope']} out of scope" in readme)
