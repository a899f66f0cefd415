"""The short grounding "End gently" leads: a few lines, each held for a few slow breaths.

Plain timing, no Qt: the screen asks which line belongs to the time since the grounding began.
"""

from __future__ import annotations

from dataclasses import dataclass

# Long enough to feel the feet, find five things, or breathe out slowly a few times.
SECONDS_EACH = 9.0


@dataclass(frozen=True)
class Grounding:
    lines: tuple[str, ...]
    seconds_each: float = SECONDS_EACH

    @property
    def seconds(self) -> float:
        """How long the whole grounding lasts."""
        return len(self.lines) * self.seconds_each

    def line_at(self, elapsed: float) -> str | None:
        """The line to show `elapsed` seconds in; None once the grounding is over."""
        index = int(max(0.0, elapsed) // self.seconds_each)
        return self.lines[index] if index < len(self.lines) else None
