"""What one suppression directive did in a run of the linter: which of its codes silenced
nothing. linter/suppress.py works it out after the other rules ran; the RL rules (resolint's
reports on its own comments) read it from their Context, as other rules read facts."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the annotation only: a run answered by the cache never loads the model
    from .model import Directive


@dataclass(frozen=True, slots=True)
class DirectiveUse:
    directive: Directive
    unused: tuple[str, ...]  # codes of rules that ran and found nothing it could silence
    unknown: tuple[str, ...]  # codes that name no rule at all
    idle: bool  # nothing in it silenced anything: removing it changes no finding

    @property
    def kept(self) -> tuple[str, ...]:
        """The codes that stay when the unused ones are removed."""
        return tuple(code for code in self.directive.codes if code not in self.unused)
