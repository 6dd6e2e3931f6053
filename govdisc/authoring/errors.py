"""The one error the authoring commands raise: a refusal with a Chinese and an English message."""

from __future__ import annotations


class AuthoringError(Exception):
    """A refused `init` / `new` / `event`: nothing was written. `zh` and `en` are for the user."""

    def __init__(self, zh: str, en: str, code: str = "refused") -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.code = code  # refused | not_found | exists | conflict | invalid

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh
