"""Today's list of exercises kept true to the files behind it, with a notice for each broken one.

At start-up only the scripts the first picture needs are laid out; the rest are laid out once the
window shows (see Library.lay_out_all). The person's own exercises are watched from then on
(own_exercises.py). Either may find a file that cannot be read: it is named in a notice, once, and
the notice goes away when the file is mended or removed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_app.core.library import Library
from compassion_app.paths import DataPaths
from compassion_app.ui.widgets.notice import NoticeArea, ProblemNotices

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from compassion_app.ui.own_exercises import OwnExercises
    from compassion_app.ui.screens.today import TodayScreen


class ExerciseWatch:
    def __init__(
        self,
        library: Library,
        data_folder: Path | None,
        today: Callable[[], TodayScreen],
        notices: NoticeArea,
        practising: Callable[[], bool],
        window: QWidget,
    ) -> None:
        self._library = library
        self._data_folder = data_folder
        self._today = today  # built by the time the scripts are laid out (after the paint)
        self._practising = practising
        self._window = window  # the own exercises look again each time it comes to the front
        self._own: OwnExercises | None = None
        self.problem_notices = ProblemNotices(notices)
        self.problem_notices.follow(library.problems)

    @property
    def own_exercises(self) -> OwnExercises | None:
        """The folder of exercises the person writes, watched from the first paint on; Today's
        list follows it. None for a store that has no folder."""
        if self._own is None and self._data_folder is not None:
            from compassion_app.ui.own_exercises import OwnExercises

            folder = DataPaths(self._data_folder).exercises
            self._own = OwnExercises(self._library, folder, self._window)
            self._own.changed.connect(self._own_exercises_changed)
        return self._own

    def after_first_paint(self) -> None:
        """The scripts the first picture did not need laid out, and the own exercises looked at
        (anything saved there while the app was starting)."""
        self._lay_out_scripts()
        if self.own_exercises is not None:
            self.own_exercises.look_again()

    def _lay_out_scripts(self) -> None:
        """A broken script is named and leaves Today's list (the app reads them with
        read_library, core/library.py)."""
        problems = self._library.lay_out_all()
        self.problem_notices.follow(self._library.problems)
        if problems:
            self._today().drop_left_out()

    def _own_exercises_changed(self) -> None:
        """Today's list follows the folder, and so do the notices about its files (a new
        problem waits while a practice is under way: Settings lists it anyway)."""
        self._today().show_exercises()
        self.problem_notices.follow(self._library.problems, tell_new=not self._practising())
