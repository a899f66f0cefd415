"""Builds a practice from the chosen exercise and the person's settings, ready for the screen.

The window asks for a practice (Today's Begin, the welcome's first minute, the tray) or for the
minute of breathing before a letter; this module turns a script into a timeline and a controller
with the right volumes and, for a breathing practice, breath-following. Nothing here is shown: the
window decides where the practice runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from compassion_app.core.letters import LEAD_IN_EXERCISE_ID
from compassion_app.core.library import Library
from compassion_app.core.settings import Settings
from compassion_app.core.timeline import SAMPLE_RATE, Timeline, build_timeline
from compassion_app.ui.practice_controller import PracticeController, StartSound
from compassion_app.ui.sound import voice_clip_seconds

if TYPE_CHECKING:
    from compassion_app.core.scripts import BreathingGuide, ExerciseScript
    from compassion_app.ui.breath_follow import BreathFollowing

OpenListener = Callable[..., Any]  # breath-follow's microphone; see ui/breath_follow.py


class PracticeBuilder:
    """Makes practice controllers that share one way to play sound and one clock."""

    def __init__(
        self,
        start_sound: StartSound,
        now: Callable[[], float],
        open_listener: Callable[[], OpenListener | None],
        parent: QObject,
    ) -> None:
        self._start_sound = start_sound
        self._now = now
        # Asked each time, not kept: tests (and a later microphone choice) may replace it.
        self._open_listener = open_listener
        self._parent = parent

    def practice(
        self, script: ExerciseScript, minutes: int, settings: Settings
    ) -> PracticeController:
        """The chosen exercise at its chosen length, with the person's voice, pace and volumes."""
        script = settings.apply_to(script)
        timeline = self._timeline(script, minutes, settings)
        volumes = settings.volumes
        if settings.listen_to_breath and script.kind == "breathing":
            volumes = volumes | {"breath": 0.0}  # the circle follows the person, not the plan
        controller = self._controller(timeline, volumes)
        if script.kind == "breathing" and script.breathing is not None:
            controller.breath_follow = self._breath_follow(
                script.breathing, timeline, controller, settings
            )
        return controller

    def lead_in(
        self,
        library: Library,
        settings: Settings,
        exercise_id: str = LEAD_IN_EXERCISE_ID,
        minutes: int = 1,
    ) -> PracticeController | None:
        """Breathing before a letter: by default the Letters room's one minute of soothing-rhythm
        breathing; a writing practice chosen on Today (letter-lead-in) at its own length. None if
        its script is gone."""
        script = library.get(exercise_id)
        if script is None:
            return None
        timeline = self._timeline(settings.apply_to(script), minutes, settings)
        return self._controller(timeline, settings.volumes)

    def _timeline(self, script: ExerciseScript, minutes: int, settings: Settings) -> Timeline:
        """With the guide's voice off, no clip lengths: captions only, held to be read."""
        spoken = voice_clip_seconds(SAMPLE_RATE, settings.guide_voice)
        return build_timeline(script, minutes, SAMPLE_RATE, spoken)

    def _controller(self, timeline: Timeline, volumes: dict[str, float]) -> PracticeController:
        return PracticeController(
            timeline, self._start_sound, volumes, self._now, parent=self._parent
        )

    def _breath_follow(
        self,
        guide: BreathingGuide,
        timeline: Timeline,
        controller: PracticeController,
        settings: Settings,
    ) -> BreathFollowing:
        from compassion_app.ui.breath_follow import BreathFollowing, open_real_listener

        follow = BreathFollowing(
            timeline,
            guide.pattern,
            guide.ease_from_per_minute or guide.pattern.per_minute,
            settings.volumes,
            self._open_listener() or open_real_listener,
            parent=controller,
        )
        follow.wanted = settings.listen_to_breath
        return follow
