"""A history part-way along the four-week path, written through the real store."""

from datetime import UTC, date, datetime, timedelta

from compassion_app.core.library import load_library
from compassion_app.core.path import STORE_KEY, PathState
from compassion_app.core.path_plan import BUNDLED, load_plan
from compassion_app.core.records import PracticeRecord
from compassion_app.paths import resource_path

PLAN = load_plan(resource_path(*BUNDLED), load_library(resource_path("scripts")))


def walked(store, steps, on_path=True, last_today=False):
    """The path joined 60 days ago and `steps` steps done, one a day, the last yesterday (or
    today); with `on_path` False, left since."""
    state = PathState().join(datetime.now(UTC) - timedelta(days=60))
    if not on_path:
        state = state.leave(datetime.now(UTC))
    store.set_setting(STORE_KEY, state.to_dict())
    end = date.today() - timedelta(days=0 if last_today else 1)
    for n, step in enumerate(PLAN.steps[:steps]):
        day = end - timedelta(days=steps - 1 - n)
        started = datetime.combine(day, datetime.min.time()).astimezone() + timedelta(hours=12)
        store.add_practice(PracticeRecord.starting_now(step.exercise_id, 60, 60, True, started))
