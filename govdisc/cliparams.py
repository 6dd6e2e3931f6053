"""Typer's coercion of plain option values, without importing pydantic on every command.

Typer (0.29) coerces every parameter that is not an already-boolean flag through a pydantic
TypeAdapter, built on first use; importing pydantic and building the adapters cost ~0.12 s of
each command's ~0.3 s start-up, a quarter of a warm `check` of 10,000 records. Most values
a command line carries need none of it: a string is a string, a digit run is an int, a choice
is matched by Typer's own `coerce_cli_choice` (the function its adapter calls). For those, this
module gives the parameter a runtime coercion that does exactly that; anything else (a path, a
list, a number with limits, a string with lone surrogates, an int that is not plain digits, a
custom parser) is handed to the coercion Typer builds itself, so results and error messages are
Typer's. A Typer without these internals is simply left as it is (`install` does nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice
except ImportError:  # another Typer: its own coercion everywhere
    RuntimeParam = None  # type: ignore[assignment,misc]

_DELEGATE = object()


def _plain(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    """`value` as Typer's adapter would make it, or _DELEGATE when not certain to be the same."""
    if info.parser is not None or not isinstance(value, str):
        return _DELEGATE
    if annotation is str:
        try:
            value.encode("utf-8")  # pydantic refuses lone surrogates: let it say so
        except UnicodeEncodeError:
            return _DELEGATE
        return value
    if annotation is int and info.min is None and info.max is None and not info.clamp:
        return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else _DELEGATE
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:
            return _DELEGATE  # Typer's adapter words the error
    return _DELEGATE


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class PlainParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """A parameter's coercion: plain values here, any other by Typer's own (built when first needed)."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            got = _plain(self.annotation, self.parameter_info, value, ctx)
            if got is not _DELEGATE:
                return got
            real = build_runtime_param(param.type_descriptor)
            param._runtime_param = real
            return real.coerce(value, param=param, ctx=ctx)


def install(params: list[Any]) -> None:
    """Give each Typer parameter of a command that has no coercion built yet a PlainParam."""
    if RuntimeParam is None:
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        if descriptor.file_annotation is not None:
            continue
        param._runtime_param = PlainParam(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info)
