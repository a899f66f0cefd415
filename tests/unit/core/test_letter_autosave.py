from compassion_app.core.letter_autosave import AutosaveSchedule


def test_nothing_is_due_until_something_changes():
    schedule = AutosaveSchedule()
    assert schedule.due_at() is None
    assert not schedule.is_due(1e9)


def test_a_pause_in_typing_saves_soon():
    schedule = AutosaveSchedule(quiet=0.6, longest_wait=1.5)
    schedule.changed(10.0)
    assert not schedule.is_due(10.5)
    assert schedule.is_due(10.6)


def test_typing_without_a_pause_is_still_saved_within_the_longest_wait():
    schedule = AutosaveSchedule(quiet=0.6, longest_wait=1.5)
    now = 10.0
    unsaved: list[float] = []
    waits = []
    while now < 20.0:  # a keystroke every 0.1 s for ten seconds
        schedule.changed(now)
        unsaved.append(now)
        if schedule.is_due(now):
            waits += [now - typed for typed in unsaved]
            unsaved.clear()
            schedule.saved()
        now = round(now + 0.1, 6)
    assert len(waits) > 90  # saved while typing, not only at the end
    assert max(waits) <= 1.5 + 1e-9  # no keystroke waited longer than the promise


def test_after_a_save_nothing_is_due():
    schedule = AutosaveSchedule()
    schedule.changed(1.0)
    schedule.saved()
    assert schedule.due_at() is None and not schedule.unsaved


def test_a_failed_save_keeps_the_change_and_retries_later_without_new_typing():
    schedule = AutosaveSchedule(quiet=0.6, longest_wait=1.5, retry=2.0)
    schedule.changed(1.0)
    schedule.failed(1.6)
    assert schedule.unsaved and schedule.failing
    assert not schedule.is_due(3.5)
    assert schedule.is_due(3.6)
    schedule.saved()
    assert not schedule.failing
