"""`govdisc init DIR`: a new, empty register that checks clean, with editor, git and CI set up.

Never overwrites: every file that already exists is left as it is and reported as skipped, so
running init again (or in an existing repository) only adds what is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from govdisc import __version__, resources
from govdisc.authoring import fieldhelp
from govdisc.authoring.atomic import NotInside, write_text
from govdisc.authoring.blocks import seq_prefixes
from govdisc.authoring.errors import AuthoringError, io_refusal
from govdisc.authoring.new import TEMPLATE_INDENT
from govdisc.authoring.render import SCHEMA_DIR, modeline, render
from govdisc.loading.layout import CACHE_DIR, CONFIG_NAME, LAYOUT_DIRS

from govdisc.config import PLACEHOLDER_AGENCY  # noqa: E402  (re-exported: init writes it)

CI_CHOICES = ("github", "gitlab", "both", "none")

#: schema kind → globs of the files it describes (relative to the register root)
SCHEMA_GLOBS: dict[str, list[str]] = {
    "config": ["govdisc.yaml"],
    "catalog": ["catalog/*/*.yaml", "catalog/*/*.yml"],
    "document": ["documents/*/*.yaml", "documents/*/*.yml"],
    "application": ["applications/*/*.yaml", "applications/*/*.yml"],
    "opinion": ["opinions/*/*.yaml", "opinions/*/*.yml"],
    "meeting": ["meetings/*/*.yaml", "meetings/*/*.yml"],
    "activities": ["activities/*.yaml", "activities/*.yml"],
    "review": ["reviews/*/*.yaml", "reviews/*/*.yml"],
    "report": ["reports/*.yaml", "reports/*.yml"],
    "guide": ["guide.yaml", "guide.yml"],
    "assessment": ["assessments/*.yaml", "assessments/*.yml"],
    "participation": ["participation/*/*.yaml", "participation/*/*.yml"],
}


@dataclass
class InitResult:
    root: Path
    created: list[Path] = field(default_factory=list)  # files written, in order
    skipped: list[Path] = field(default_factory=list)  # files that existed and were left alone


def init_register(directory: Path, agency: str | None = None, *, ci: str = "github",
                  today: date | None = None, since: int | None = None) -> InitResult:
    """Create the register skeleton in `directory` (created if missing); never overwrite a file.

    `ci`: github (.github/workflows/govdisc.yml), gitlab (.gitlab-ci.yml), both, or none.
    `since`: the first year the register keeps (default this year); a register that back-fills
    earlier applications starts then, or their dates are implausible (APP026).
    """
    if ci not in CI_CHOICES:
        raise AuthoringError(f"--ci 只能是 {' / '.join(CI_CHOICES)}", f"--ci must be one of {', '.join(CI_CHOICES)}",
                             "invalid")
    root = Path(directory).expanduser()
    if root.exists() and not root.is_dir():
        raise AuthoringError(f"{root} 已存在且不是目录", f"{root} exists and is not a folder", "invalid")
    if agency is not None and not agency.strip():
        raise AuthoringError("--agency 不能为空", "--agency must not be empty", "invalid")
    root.mkdir(parents=True, exist_ok=True)
    day = today or date.today()
    if since is not None and not 2000 <= since <= day.year + 1:
        raise AuthoringError(f"--since 应为 2000—{day.year + 1} 之间的年份", f"--since must be a year from 2000 to {day.year + 1}",
                             "invalid")
    result = InitResult(root.resolve())
    agency_name = agency.strip() if agency else PLACEHOLDER_AGENCY

    files: list[tuple[str, str]] = []
    # schemas first: the modelines and .vscode/settings.json point at them
    for name, text in resources.schema_texts().items():
        files.append((f"{SCHEMA_DIR}/{name}", text))
    seq, ind = seq_prefixes(TEMPLATE_INDENT)
    role_codes = fieldhelp.codes("config", "departments[].role")
    files.append((CONFIG_NAME, render("init/govdisc.yaml.j2", "config",
                                      modeline=modeline(f"{SCHEMA_DIR}/config.schema.json"), today=day.isoformat(),
                                      since=since or day.year,
                                      agency=agency_name, placeholder=agency is None, seq=seq, ind=ind,
                                      role_codes=role_codes)))
    for folder in LAYOUT_DIRS:
        files.append((f"{folder}/README.md", resources.template_text(f"init/folders/{folder}.md")))
    files.append((".gitignore", resources.template_text("init/gitignore")))
    files.append((".pre-commit-config.yaml", resources.template_text("init/pre-commit-config.yaml")))
    if ci in ("github", "both"):
        files.append((".github/workflows/govdisc.yml",
                      render("init/github-workflow.yml.j2", version=__version__)))
    if ci in ("gitlab", "both"):
        files.append((".gitlab-ci.yml", render("init/gitlab-ci.yml.j2", version=__version__)))
    files.append((".vscode/settings.json", vscode_settings()))
    files.append((".vscode/extensions.json", resources.template_text("init/vscode-extensions.json")))
    files.append(("README.md", render("init/README.md.j2", agency=agency_name if agency else "本机关",
                                      example_doc_no=f"云岭新广办〔{day.year}〕12号")))

    for rel, text in files:
        target = root / rel
        if target.exists() or target.is_symlink():
            result.skipped.append(target)
            continue
        try:  # inside the register only: a folder on the way that is a link is never written through
            write_text(target, text if text.endswith("\n") else text + "\n", exclusive=True, root=root)
        except (FileExistsError, NotInside):
            result.skipped.append(target)
            continue
        except OSError as exc:
            raise io_refusal(exc, target) from None
        result.created.append(target)
    return result


def vscode_settings() -> str:
    """yaml.schemas for the YAML extension: each exported schema → the files it describes."""
    schemas = {f"./{SCHEMA_DIR}/{kind}.schema.json": globs for kind, globs in SCHEMA_GLOBS.items()}
    settings = {
        "yaml.schemas": schemas,
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "files.encoding": "utf8",
        "files.insertFinalNewline": True,
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.autoIndent": "keep"},
        "files.exclude": {f"**/{CACHE_DIR}": True},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"
