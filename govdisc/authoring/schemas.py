"""`govdisc schema export`: the shipped schemas, for editors (yaml-language-server)."""

from __future__ import annotations

from pathlib import Path

from govdisc import resources
from govdisc.authoring.atomic import write_text


def export_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in resources.schema_texts().items():
        target = directory / name
        write_text(target, text)
        written.append(target)
    return written
