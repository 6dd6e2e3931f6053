"""Letters of an application (告知书, 征求意见函, 收费通知书, 答复书): their facts gathered from the
register and the deadline engine, numbered from a configurable pattern. Rendering is in
govdisc.render.letter, recording into the register in govdisc.authoring.letter."""

from govdisc.letters.build import Letter, LetterRefused, build_letter
from govdisc.letters.kinds import KINDS

__all__ = ["KINDS", "Letter", "LetterRefused", "build_letter"]
