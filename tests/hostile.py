"""A corpus of hostile files, planted into a copy of a register (security hardening tests).

Each case is a file (or link, pipe, folder) a careless or malicious merge request could add.
`plant` writes them all and returns what `govdisc check` must say about each: the path and
the finding code expected there. Outside targets are created in `outside`, a folder next to
the register, holding a marker text that must never appear in any output.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Text in every file outside the register: if it shows up in an output, something read it.
OUTSIDE_MARKER = "OUTSIDE-SECRET-7f3a"


@dataclass(frozen=True)
class Planted:
    path: str  # relative to the register root
    code: str  # the finding expected on that path


def _sample(register: Path) -> str:
    return next(sorted((register / "applications").rglob("*.yaml")).__iter__()).read_text(encoding="utf-8")


def _bytes_cases(sample: str) -> dict[str, tuple[bytes, str]]:
    """name → (content, expected code) for the plain files of the corpus."""
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9))
    return {
        "bomb-laughs.yaml": (laughs.encode(), "REG016"),
        "bomb-flow-deep.yaml": (("a: " + "[" * 200_000 + "]" * 200_000 + "\n").encode(), "REG001"),
        "bomb-map-deep.yaml": (("a: " + "{a: " * 60_000 + "1" + "}" * 60_000 + "\n").encode(), "REG001"),
        "bomb-compact-deep.yaml": (("- " * 100_000 + "x\n").encode(), "REG001"),
        "bomb-indent-deep.yaml": ("".join(" " * i + "a:\n" for i in range(1500)).encode() + b" " * 1500 + b"b\n", "REG001"),
        "huge.yaml": (sample.encode() + b"\n" + b"".join(b"k%d: %s\n" % (i, b"x" * 90) for i in range(60_000)), "REG017"),
        "many-keys.yaml": ("".join(f"k{i}: v\n" for i in range(20_000)).encode(), "REG005"),
        "gbk.yaml": (sample.encode("gb18030"), "REG003"),
        "utf16-bom.yaml": (sample.encode("utf-16"), "REG003"),
        "utf16-nobom.yaml": (sample.encode("utf-16-le"), "REG003"),
        "nul.yaml": (sample[:40].encode() + b"\x00" + sample[40:].encode(), "REG003"),
        "binary.yaml": (bytes(range(256)) * 64, "REG003"),
        "png.yaml": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(200)), "REG003"),
        "latin1.yaml": ("title: caf\xe9\n".encode("latin-1"), "REG003"),
        "empty.yaml": (b"", "REG004"),
        "only-comment.yaml": (b"# nothing here\n\n", "REG004"),
        "list.yaml": (b"- a\n- b\n", "REG004"),
        "scalar.yaml": (b"just words\n", "REG004"),
        "two-docs.yaml": ((sample + "---\n" + sample).encode(), "REG001"),
        "tabs.yaml": (sample.replace("\n  ", "\n\t", 1).encode(), "REG001"),
        "python-tag.yaml": (b"id: !!python/object/apply:os.system ['echo PWNED > /tmp/govdisc-pwned']\n", "REG001"),
        "python-name.yaml": (b"id: !!python/name:os.system\n", "REG001"),
        "custom-tag.yaml": (b"id: !custom x\n", "REG001"),
        "control-char.yaml": (b"id: YSQ\x07\n", "REG001"),
        "escape-seq.yaml": (b'id: "\\x1b[2J\\x1b]0;pwned\\x07"\n', "REG005"),
        "bigint.yaml": (b"id: " + b"9" * 50_000 + b"\n", "REG001"),
        "dup-key.yaml": (b"id: a\nid: b\n", "REG002"),
        "bad-syntax.yaml": (b"id: [unclosed\n", "REG001"),
        "nonstr-key.yaml": (b"? [a, b]\n: 1\n", "REG005"),
        # issue 18: data hidden from YAML 1.2 readers behind a line separator libyaml breaks at
        "hidden-ls.yaml": ("id: x  # 备注\u2028reply: {date: 2025-01-01, outcome: disclosed}\n".encode(), "REG001"),
        "hidden-nel.yaml": ("id: x  # 备注\x85reply: {date: 2025-01-01, outcome: disclosed}\n".encode(), "REG001"),
        "many-values.yaml": (b"id: x\ntopics: [" + b"1," * 120_000 + b"1]\n", "REG026"),
    }


def plant(register: Path, outside: Path) -> list[Planted]:
    """Write the corpus into `register` (a disposable copy); `outside` gets the link targets."""
    outside.mkdir(parents=True, exist_ok=True)
    secret = outside / "secret.yaml"
    secret.write_text(f"id: {OUTSIDE_MARKER}\ntitle: {OUTSIDE_MARKER}\n", encoding="utf-8")
    (outside / "2030").mkdir(exist_ok=True)
    (outside / "2030" / "x.yaml").write_text(f"title: {OUTSIDE_MARKER}\n", encoding="utf-8")
    apps = register / "applications" / "2025"
    docs = register / "documents" / "2025"
    planted: list[Planted] = []
    for name, (content, code) in _bytes_cases(_sample(register)).items():
        (apps / name).write_bytes(content)
        planted.append(Planted(f"applications/2025/{name}", code))

    def link(rel: str, target: str | Path, code: str) -> None:
        os.symlink(target, register / rel)
        planted.append(Planted(rel, code))

    link("applications/2025/link-out.yaml", secret, "REG018")
    link("applications/2025/link-out-relative.yaml", os.path.relpath(secret, apps), "REG018")
    link("applications/2025/link-etc.yaml", "/etc/passwd", "REG018")
    link("applications/2025/link-dangling.yaml", "/nonexistent/nowhere.yaml", "REG018")
    link("applications/2025/link-loop.yaml", "link-loop.yaml", "REG018")
    link("documents/2030", outside / "2030", "REG018")
    link("documents/2025/up", "../../..", "REG018")
    link("reviews/evil", outside, "REG018")
    (docs / "folder.yaml").mkdir()
    planted.append(Planted("documents/2025/folder.yaml", "REG019"))
    if hasattr(os, "mkfifo"):
        os.mkfifo(docs / "pipe.yaml")
        planted.append(Planted("documents/2025/pipe.yaml", "REG019"))
    (register / "documents" / "misplaced.yaml").write_text("x: 1\n", encoding="utf-8")
    planted.append(Planted("documents/misplaced.yaml", "REG006"))
    return planted


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root (links not followed, the cache skipped): what it is and holds."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".govdisc-cache"]
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            st = os.lstat(full)
            if os.path.islink(full):
                out[rel] = ("link", os.readlink(full))
            elif os.path.isfile(full) and not os.path.islink(full) and st.st_mode & 0o170000 == 0o100000:
                out[rel] = ("file", st.st_mtime_ns, Path(full).read_bytes())
            else:
                out[rel] = ("other", st.st_mode)
    return out
