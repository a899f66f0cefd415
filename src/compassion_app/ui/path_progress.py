"""The four-week path in one line, for the progress screen (the card on Today shows the rest)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from compassion_app import messages
from compassion_app.core.library import Library
from compassion_app.core.path import STORE_KEY, PathState, place_on_path
from compassion_app.core.path_plan import BUNDLED, PathError, load_plan
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path
from compassion_app.store.db import Store

log = logging.getLogger(__name__)


def path_progress_lines(
    store: Store, library: Library, records: Sequence[PracticeRecord], today: date
) -> list[str]:
    """ "Four-week path: 9 of 28 steps walked", once a step has been walked; else nothing."""
    state = PathState.from_dict(store.get_setting(STORE_KEY, None))
    if not state.ever_joined:
        return []
    try:
        plan = load_plan(resource_path(*BUNDLED), library)
    except PathError as error:  # Today's card has already said so, kindly
        log.warning("No path line on the progress screen: %s", error)
        return []
    place = place_on_path(plan, state, records, today)
    if not place.done_count:
        return []
    return [messages.PATH_PROGRESS.format(done=place.done_count, count=len(plan.steps))]
