"""govdisc.cliparams: plain option values coerced as Typer's own (pydantic) coercion does."""

from __future__ import annotations

import pytest
import typer
import typer.core
from typer._coercion import build_runtime_param

from govdisc import cliparams
from govdisc.cli import app

SAMPLES = ["json", "JSON", "Text", "2026-01-12", "", " 7", "7", "007", "-3", "+3", "1_000", "١٢", "²",
           "12345678901234567890", "nope", "a\udcffb", "/tmp/x", "-", "3.5"]


def _params() -> list[tuple[object, object]]:
    root = typer.main.get_command(app)
    out = []

    def walk(cmd: object, ctx: object) -> None:
        for p in cmd.get_params(ctx):  # type: ignore[attr-defined]
            if getattr(p, "type_descriptor", None) is not None and p.type_descriptor.file_annotation is None:
                out.append((ctx, p))
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, typer.Context(sub, parent=ctx, info_name=name))

    walk(root, typer.Context(root, info_name="govdisc"))
    return out


def _outcome(runtime: object, value: object, param: object, ctx: object) -> tuple[str, object]:
    try:
        got = runtime.coerce(value, param=param, ctx=ctx)  # type: ignore[attr-defined]
        return "value", (type(got), got)
    except Exception as exc:  # noqa: BLE001 - the error (type and words) must match too
        return "error", (type(exc), str(exc))


def test_every_parameter_coerces_like_typer() -> None:
    params = _params()
    kinds = {p.type_descriptor.annotation for _, p in params}
    assert str in kinds and int in kinds and any(isinstance(k, type) and issubclass(k, __import__("enum").Enum) for k in kinds)
    for ctx, p in params:
        for value in [None, *SAMPLES, ("a", "b")]:
            own = build_runtime_param(p.type_descriptor)
            plain = cliparams.PlainParam(annotation=p.type_descriptor.annotation,
                                         parameter_info=p.type_descriptor.parameter_info)
            p._runtime_param = None
            assert _outcome(plain, value, p, ctx) == _outcome(own, value, p, ctx), (p.name, value)


def test_install_leaves_built_coercions_alone() -> None:
    _ctx, p = _params()[0]
    p._runtime_param = built = build_runtime_param(p.type_descriptor)
    cliparams.install([p])
    assert p._runtime_param is built
    p._runtime_param = None
    cliparams.install([p])
    assert isinstance(p._runtime_param, cliparams.PlainParam)


@pytest.mark.parametrize("args", [["check", "--jobs", "x"], ["check", "--format", "yaml"]])
def test_bad_values_still_get_typers_message(args: list[str]) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 2
    assert ("valid integer" in result.output) if "--jobs" in args else ("yaml" in result.output)  # pydantic's words
