"""Today's list of exercises kept true to the files behind it, with a notice for each broken one.

At start-up Today lists the exercises from the catalogue when it still describes every script
file, or else from the scripts as read; either way they are read and laid out once the window
shows (see Library.lay_out_all), and what they give is kept in the catalogue for the next start.
The person's own exercises are watched from then on (own_exercises.py). Either may find a file
that cannot be read: it is named in a notice, once, and the notice goes away when the file is
mended or removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from compassion_app.core.library import Library
from compassion_app.paths import DataPaths
from compassion_app.ui.widgets.notice import NoticeArea, ProblemNotices

if TYPE_CHECKING:  # Path too: named after Qt has loaded, PySide6 reads a module's source once
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from compassion_app.ui.own_exercises import OwnExercises
    from compassion_app.ui.screens.today import TodayScreen

log = logging.getLogger(__name__)


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
        read_library, core/library.py). Listed from the catalogue until now, the list is made
        afresh if the scripts say other than the catalogue did."""
        from_catalogue = self._library.listed_from_catalogue
        problems = self._library.lay_out_all()
        self.problem_notices.follow(self._library.problems)
        if self._keep_catalogue() and from_catalogue:
            self._today().show_exercises()  # listed from a catalogue the scripts now contradict
        elif problems:
            self._today().drop_left_out()

    def _keep_catalogue(self) -> bool:
        """Write the catalogue afresh if the scripts say other than it does (when read_library
        was given one), so that the next start lists from it; whether they did."""
        path = self._library.catalogue_path
        if path is None:
            return False
        entries = self._library.catalogue()
        if entries == self._library.catalogue_read:
            return False
        from compassion_app.core.catalogue import catalogue_bytes
        from compassion_app.store.storage import write_atomically

        try:
            write_atomically(path, catalogue_bytes(entries))
        except OSError as error:  # only the next start's speed depends on it
            log.info("The exercise catalogue was not kept: %s", error)
        else:
            self._library.catalogue_read = entries
        return True

    def _own_exercises_changed(self) -> None:
        """Today's list follows the folder, and so do the notices about its files (a new
        problem waits while a practice is under way: Settings lists it anyway)."""
        self._today().show_exercises()
        self.problem_notices.follow(self._library.problems, tell_new=not self._practising())
        self._keep_catalogue()
