"""A walk through every screen a person sees, in the real window, for tests that check each one
(nothing cut off at large text, every control named, every screen in the theme's colours)."""

from PySide6.QtCore import Qt


def visit_every_screen(qtbot, window):
    """Show each screen and state in turn; yield (its name, the screen's widget) once it shows.

    `window` is the real MainWindow with `window.clock` (a FakeTime) and `window.store`.
    The welcome is visited only in a data folder where it would show (nothing practised yet).
    """
    window.welcome_if_new()
    if window.current_screen is getattr(window, "welcome", None):
        yield "Welcome", window.welcome
    window.show_today()
    yield "Today", window.today
    card = window.today.path_card
    qtbot.waitUntil(card.isVisible)
    qtbot.mouseClick(card.join_button, Qt.MouseButton.LeftButton)
    yield "Today, on the four-week path", window.today
    window.show_progress()
    yield "Progress", window.progress_screen
    window.show_letters()
    yield "Letters", window.letters
    window.letters.begin_letter("compassionate-self", timer_minutes=10)
    window.letters.editor.body.insertPlainText("Dear me,\n\nI should have rested. Be gentle.")
    yield "Letter editor", window.letters
    qtbot.mouseClick(window.letters.editor.finish_button, Qt.MouseButton.LeftButton)
    assert window.letters.currentWidget() is window.letters.reader  # re-reading it, finished
    window.letters.reader.second_look.setChecked(True)
    yield "Letter reader", window.letters
    window.show_settings()
    yield "Settings", window.settings_screen
    window.start_practice("soothing-rhythm-breathing", 3)
    yield "Before you begin", window.practice
    qtbot.mouseClick(window.practice.checkin.skip_button, Qt.MouseButton.LeftButton)
    window.clock.now += 13
    qtbot.waitUntil(lambda: window.practice.pacer.breath is not None)
    qtbot.wait(300)  # the pacer's words come a few times a second
    yield "Practice, breathing", window.practice
    window.practice.controller.pause()
    yield "Practice, paused", window.practice
    window.practice.controller.resume()
    window.practice.controller.end_early()
    yield "End screen", window.practice
