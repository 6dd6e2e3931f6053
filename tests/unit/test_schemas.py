"""Every shipped schema is valid 2020-12, documents itself in Chinese and rejects unknown keys."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator

from govdisc import resources, validation

CJK = re.compile(r"[\u3400-\u9fff]")
raw = {name: json.loads(text) for name, text in resources.schema_texts().items()}
KINDS = ["config", "catalog", "document", "application", "opinion", "meeting", "activities", "review", "report",
         "guide", "assessment", "participation"]


def lookup(ref: str, current: str) -> dict:
    """Resolve 'defs.schema.json#/$defs/x' or '#/$defs/x' (the only forms used)."""
    file, _, pointer = ref.partition("#")
    node = raw[file or current]
    for part in filter(None, pointer.split("/")):
        node = node[part]
    return node


def has_zh(node: dict, key: str) -> bool:
    return isinstance(node.get(key), str) and bool(CJK.search(node[key]))


def walk(node, where: str, file: str, problems: list, stats: dict) -> None:
    if isinstance(node, list):
        for i, sub in enumerate(node):
            walk(sub, f"{where}/{i}", file, problems, stats)
        return
    if not isinstance(node, dict):
        return
    # 1. every property / pattern property: Chinese title and description
    for key in ("properties", "patternProperties"):
        for name, sub in node.get(key, {}).items():
            stats["properties"] += 1
            for field in ("title", "description"):
                if not has_zh(sub, field):
                    problems.append(f"{file}{where}/{key}/{name}: no Chinese {field}")
            # an enum-valued property lists every code in its own description
            target = lookup(sub["$ref"], file) if "$ref" in sub else sub
            if "enum" in target:
                missing = [c for c in target["enum"] if c not in sub.get("description", "")]
                if missing:
                    problems.append(f"{file}{where}/{key}/{name}: description lacks codes {missing}")
    # 2. every enum: enumDescriptions + markdownEnumDescriptions, same length, codes in description
    if "enum" in node:
        stats["enums"] += 1
        for field in ("enumDescriptions", "markdownEnumDescriptions"):
            values = node.get(field)
            if not (isinstance(values, list) and len(values) == len(node["enum"]) and all(CJK.search(v) for v in values)):
                problems.append(f"{file}{where}: {field} missing or not parallel to enum")
        missing = [c for c in node["enum"] if c not in node.get("description", "")]
        if missing:
            problems.append(f"{file}{where}: description lacks codes {missing}")
    # 3. every object schema is closed (free-key maps must give a value schema)
    types = node.get("type")
    types = types if isinstance(types, list) else [types]
    if "object" in types or "properties" in node or "patternProperties" in node:
        stats["objects"] += 1
        ap, up = node.get("additionalProperties"), node.get("unevaluatedProperties")
        if ap is False or up is False:
            pass
        elif isinstance(ap, dict):
            stats["maps"].append(f"{file}{where}")
        else:
            problems.append(f"{file}{where}: object does not reject unknown keys")
    for key, value in node.items():
        if key in ("enum", "required", "enumDescriptions", "markdownEnumDescriptions", "default", "examples"):
            continue
        walk(value, f"{where}/{key}", file, problems, stats)




@pytest.mark.parametrize("name", sorted(raw))
def test_schema_is_valid_2020_12(name):
    Draft202012Validator.check_schema(raw[name])
    assert raw[name]["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_one_schema_per_kind():
    assert sorted(k + ".schema.json" for k in KINDS) == sorted(n for n in raw if n != "defs.schema.json")


def test_every_property_documented_in_chinese_and_closed():
    problems: list = []
    stats = {"properties": 0, "enums": 0, "objects": 0, "maps": []}
    for file, schema in raw.items():
        for field in ("title", "description"):
            if not has_zh(schema, field):
                problems.append(f"{file}: no Chinese top-level {field}")
        for name, sub in schema.get("$defs", {}).items():
            for field in ("title", "description"):
                if not has_zh(sub, field):
                    problems.append(f"{file}#/$defs/{name}: no Chinese {field}")
        walk(schema, "#", file, problems, stats)
    assert not problems
    assert stats["properties"] > 150
    assert stats["maps"] == ["report.schema.json#/properties/applications_table"]


TYPOS = {
    "document": ({"doc_no": "云岭新广办〔2024〕1号", "title": "通知", "department": "bgs", "kind": "notice",
                  "formed": "2024-03-01", "disclosur": "public"}, "disclosur"),
    "application": ({"id": "YSQ-2024-0001", "channel": "online", "submitted": "2024-03-01", "handler": "bgs",
                     "applicant": {"kind": "natural_person"}, "summary": "申请", "summery": "x"}, "summery"),
    "catalog": ({"department": "bgs", "year": 2024, "compiled": "2023-12-20", "items": [], "complied": "x"}, "complied"),
    "opinion": ({"id": "YQ-2024-001", "title": "t", "detected_at": "2024-07-02 08:30", "level": "major",
                 "lead": "bgs", "relases": []}, "relases"),
    "meeting": ({"id": "HY-2024-01", "date": "2024-05-20", "body": "局党组会", "items": [], "agenda": []}, "agenda"),
    "activities": ({"year": 2024, "entries": [], "entrys": []}, "entrys"),
    "review": ({"department": "bgs", "year": 2024, "submited": "2024-12-20"}, "submited"),
    "report": ({"year": 2024, "overveiw": "x"}, "overveiw"),
    "config": ({"agency": "局", "office": "bgs", "departments": [{"id": "bgs", "name": "办公室"}], "timezon": "x"}, "timezon"),
    "guide": ({"updated": "2025-03-01", "ofice": {}}, "ofice"),
    "assessment": ({"year": 2025, "accountabilty": []}, "accountabilty"),
    "participation": ({"id": "CY-2025-001", "title": "听证会", "kind": "hearing", "date": "2025-03-01",
                       "desicion": {}}, "desicion"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_typical_typo_is_rejected_with_a_suggestion(kind):
    data, typo = TYPOS[kind]
    problems = validation.validate(kind, data)
    unknown = [p for p in problems if p.pointer and p.pointer[-1] == typo]
    assert unknown, problems
    assert "未知字段" in unknown[0].zh and unknown[0].anchor == "key"


def test_unquoted_dates_pass_and_bad_dates_fail():
    doc = {"doc_no": "云岭新广办〔2024〕1号", "title": "通知", "department": "bgs", "kind": "notice",
           "formed": "2024-03-01", "disclosure": "public"}
    assert validation.validate("document", doc) == []
    bad = dict(doc, formed="2024-02-30")
    (p,) = validation.validate("document", bad)
    assert p.pointer == ("formed",) and "YYYY-MM-DD" in p.zh


def test_enum_message_lists_codes_and_suggests():
    doc = {"doc_no": "x〔2024〕1号", "title": "通知", "department": "bgs", "kind": "notice",
           "formed": "2024-03-01", "disclosure": "pubic"}
    (p,) = validation.validate("document", doc)
    assert "not_public" in p.zh and "是否应为 public" in p.zh


def test_non_text_keys_are_findings_not_crashes():
    data = {"agency": "局", "office": "bgs", "departments": [{"id": "bgs"}], "rules": {1: "off", None: "x"}}
    problems = validation.validate("config", data)
    keyed = [p for p in problems if p.anchor == "key" and "不是文本" in p.zh]
    assert [p.pointer for p in keyed] == [("rules", 1), ("rules", None)]


def test_template_names_cannot_leave_the_templates_folder():
    import pytest

    from govdisc import resources

    assert resources.template_text("init/gitignore")
    for name in ("/etc/passwd", "../pyproject.toml", "init/../../pyproject.toml", "init\\gitignore", ""):
        with pytest.raises(FileNotFoundError):
            resources.template_text(name)
