"""What a screen reader says: every control and every hand-painted picture has a name, and the
pictures and scales say what they show."""

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QMessageBox, QWidget

from compassion_app.core.breathing import BreathState
from compassion_app.core.records import CheckIn, PracticeRecord
from compassion_app.ui.widgets.pacer import PacerWidget
from helpers.every_screen import visit_every_screen


def spoken(widget, text=QAccessible.Text.Name):
    """What assistive technology reads for the widget, through Qt's accessibility interface."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(text) if interface is not None else ""


def painted_by_us(widget):
    """A widget of ours that paints itself by hand (no words of its own for a screen reader)."""
    kind = type(widget)
    return kind.__module__.startswith("compassion_app") and "paintEvent" in vars(kind)


def unnamed(window):
    """Every widget shown that takes the keyboard or paints by hand, yet has no name."""
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.isEnabled():
            continue
        if isinstance(widget.parent(), QAbstractSpinBox):
            continue  # the text inside a spin box: the box itself carries the name
        # Reached with Tab (a click-only focus, as in a label whose words can be copied, is not)
        reachable = bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
        if (reachable or painted_by_us(widget)) and not spoken(widget).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def a_practice_yesterday(store):
    day = date.today() - timedelta(days=1)
    started = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
    store.add_practice(
        PracticeRecord("calm-place", started, day, 0, 600, 600, True, CheckIn(6, 4, 5))
    )
    store.set_rest_day(date.today() - timedelta(days=3), True)


def test_every_control_and_picture_on_every_screen_has_a_name(qtbot, window):
    for screen, _ in visit_every_screen(qtbot, window):
        qtbot.wait(10)
        assert not unnamed(window), f"{screen}: {unnamed(window)}"


def test_the_pacer_says_the_part_of_the_breath_as_each_part_begins(qtbot):
    pacer = PacerWidget()
    qtbot.addWidget(pacer)
    assert spoken(pacer) == "Breathing circle"
    assert "rests" in spoken(pacer, QAccessible.Text.Description)
    pacer.set_breath(BreathState("in", 0.4, 0.4, 5.0))
    pacer.show_phase_words()
    assert spoken(pacer, QAccessible.Text.Description) == "Breathing in, 3 seconds left"
    pacer.set_breath(BreathState("in", 0.8, 0.8, 5.0))
    pacer.show_phase_words()  # the same in-breath: nothing new to say, so nothing is said
    assert spoken(pacer, QAccessible.Text.Description) == "Breathing in, 3 seconds left"
    pacer.set_breath(BreathState("out", 0.0, 0.9, 6.0))
    pacer.show_phase_words()
    assert spoken(pacer, QAccessible.Text.Description) == "Breathing out, 6 seconds left"
    pacer.set_breath(BreathState("hold_out", 0.9, 0.0, 1.0))
    pacer.show_phase_words()
    assert spoken(pacer, QAccessible.Text.Description) == "Resting, 1 second left"


def test_the_calendar_says_how_many_days_were_practised_and_rested(qtbot, window):
    a_practice_yesterday(window.store)
    window.show_progress()
    description = spoken(window.progress_screen.heatmap, QAccessible.Text.Description)
    assert "10 minutes of practice on 1 day, 1 rest day" in description


def test_each_check_in_scale_says_its_question_and_its_value_out_of_ten(qtbot, window):
    window.start_practice("soothing-rhythm-breathing", 3)
    slider = window.practice.checkin.sliders["critic"]
    assert spoken(slider) == "How loud is your inner critic right now?"
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    words = spoken(slider, QAccessible.Text.Description)
    assert words == "6 out of 10 (0 is quiet, 10 is very loud)"


def test_each_volume_says_its_sound_and_its_level(qtbot, window):
    from PySide6.QtWidgets import QSlider

    window.show_settings()
    sliders = [s for s in window.settings_screen.findChildren(QSlider) if s.isVisibleTo(window)]
    assert sliders
    for slider in sliders:
        assert spoken(slider).endswith("volume"), spoken(slider)
        slider.setValue(40)
        assert spoken(slider, QAccessible.Text.Description) == "40 %"


def test_the_safety_dialog_and_the_question_before_ending_name_their_controls(qtbot, window):
    from compassion_app.ui.screens.safety import SafetyDialog

    dialog = SafetyDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not unnamed(dialog)
    window.start_practice("soothing-rhythm-breathing", 3)
    window.practice.checkin.skip_button.click()
    window.practice.ask_to_end()
    question = window.findChild(QMessageBox)
    qtbot.waitUntil(question.isVisible)
    assert not unnamed(question)
    question.reject()
