"""CI formats for `govdisc check`: GitHub workflow commands, SARIF 2.1.0, JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from govdisc import __version__
from govdisc.check import CheckResult
from govdisc.model import Finding
from govdisc.output.findings import plural, reporter
from govdisc.rules import REGISTRY
from govdisc.textsafety import document_text, json_text, terminal_text

INFO_URI = "https://github.com/govdisc/govdisc"


def repo_prefix(root: Path) -> str:
    """The register's folder relative to the enclosing git work tree ('' at the top or outside git)."""
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            rel = root.relative_to(folder).as_posix()
            return "" if rel == "." else rel + "/"
    return ""


def repo_path(result: CheckResult, path: str) -> str:
    return repo_prefix(result.root) + path


# --- GitHub Actions workflow commands -------------------------------------------------------

_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """GitHub's escaping of a workflow command's message: a line break would end the command and
    let the next line, taken from the register, be a command of its own."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Property values (file=, title=) additionally escape the ":" and "," that delimit them."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def gh_data(text: str) -> str:
    """User text as a command message: other controls (ESC colours the log) shown as escapes."""
    return escape_data(terminal_text(text, keep="\t\r\n"))


def gh_property(text: str) -> str:
    return escape_property(terminal_text(text, keep="\t\r\n"))


@reporter("github")
def to_github(result: CheckResult, lang: str) -> str:
    lines: list[str] = []
    for path, group in _by_path(result.findings).items():
        where = repo_path(result, path)
        lines.append(f"::group::{gh_data(where)}")
        for f in group:
            props = ",".join(
                f"{k}={gh_property(str(v))}"
                for k, v in (("file", where), ("line", f.line or 1), ("col", f.column or 1), ("title", f.code))
            )
            lines.append(f"::{_GH_LEVEL[f.severity]} {props}::{gh_data(f.message(lang))}")
        lines.append("::endgroup::")
    s = result.summary()
    lines.append(f"govdisc: {plural(s['files'], 'file')}, {plural(s['records'], 'record')}, "
                 f"{plural(s['errors'], 'error')}, {plural(s['warnings'], 'warning')}")
    return "\n".join(lines)


def _by_path(findings: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        out[f.path].append(f)
    return dict(out)


# --- SARIF 2.1.0 ----------------------------------------------------------------------------

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _sarif_rules(lang: str) -> tuple[list[dict], dict[str, int]]:
    rules, index = [], {}
    for i, r in enumerate(REGISTRY.values()):
        index[r.code] = i
        title = r.title_en if lang == "en" else r.title_zh
        hint = r.hint_en if lang == "en" else r.hint_zh
        message = r.message_en if lang == "en" else r.message_zh
        help_text = f"{hint}\n\n{'Legal basis' if lang == 'en' else '依据'}: {r.basis}"
        help_md = f"**{title}**\n\n{hint}\n\n{'Legal basis' if lang == 'en' else '依据'}: {r.basis}"
        if r.bad:
            help_md += f"\n\n```yaml\n{r.bad}\n```"
        if r.good:
            help_md += f"\n\n```yaml\n{r.good}\n```"
        rules.append({
            "id": r.code,
            "name": r.title_en.title().replace(" ", "").replace("'", ""),
            "shortDescription": {"text": title},
            "fullDescription": {"text": message},
            "help": {"text": help_text, "markdown": help_md},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            "properties": {"basis": r.basis, "family": r.family, "tags": [r.family]},
        })
    return rules, index


@reporter("sarif")
def to_sarif(result: CheckResult, lang: str) -> str:
    rules, index = _sarif_rules(lang)
    results = []
    for f in result.findings:
        entry = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message(lang)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": path_uri(repo_path(result, f.path)), "uriBaseId": "SRCROOT"},
                    "region": {"startLine": f.line or 1, "startColumn": f.column or 1},
                }
            }],
        }
        if f.code in index:
            entry["ruleIndex"] = index[f.code]
        if f.record:
            entry["properties"] = {"record": f.record}
        results.append(entry)
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "govdisc", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFO_URI, "rules": rules}},
            "originalUriBaseIds": {"SRCROOT": {"description": {"text": "repository root"}}},
            "results": results,
            "invocations": [{"executionSuccessful": not result.config_broken}],
        }],
    }
    return json_text(json.dumps(doc, ensure_ascii=False, indent=2))


def path_uri(path: str) -> str:
    """A relative URI for a path; a file name that is not UTF-8 (decoded by Python with lone
    surrogates) is percent-encoded from its original bytes rather than crashing `quote`."""
    try:
        return quote(path, errors="surrogateescape")
    except UnicodeEncodeError:  # surrogates surrogateescape cannot map back (not from a file name)
        return quote(document_text(path))


# --- JUnit XML ------------------------------------------------------------------------------


@reporter("junit")
def to_junit(result: CheckResult, lang: str) -> str:
    """One testcase per checked file; a file with errors fails, warnings go to system-out.

    Every string passes through `document_text`: ElementTree escapes markup but writes NUL, ESC
    and the like as they are, which no XML parser accepts.
    """
    groups = _by_path(result.findings)
    paths = sorted(set(result.checked_paths) | set(groups))
    suite = ET.Element("testsuite", name="govdisc", tests=str(len(paths)))
    failures = 0
    for path in paths:
        findings = groups.get(path, [])
        classname = path.split("/", 1)[0].removesuffix(".yaml")
        case = ET.SubElement(suite, "testcase", name=document_text(repo_path(result, path)),
                             classname=document_text(f"govdisc.{classname}"))
        errors = [f for f in findings if f.severity == "error"]
        body = document_text("\n".join(f"{f.line or 1}:{f.column or 1} {f.severity} {f.code} {f.message(lang)}"
                                        for f in findings))
        if errors:
            failures += 1
            first = errors[0]
            fail = ET.SubElement(case, "failure", type=first.code,
                                 message=document_text(f"{len(errors)} error(s): {first.code} {first.message(lang)}"))
            fail.text = body
        elif findings:
            ET.SubElement(case, "system-out").text = body
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", name="govdisc", tests=str(len(paths)), failures=str(failures))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
