"""Scrolling a page with the mouse wheel never changes a choice on the way (a setting, a check-in
answer, Today's practice): a box or a slider under the pointer lets the page scroll, and takes
the wheel only once it is chosen."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication


def _wheel_down(widget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_box_leaves_the_setting_alone(window):
    window.show_settings()
    ambient = window.settings_screen.controls["ambient"]
    before = window.settings.ambient
    _wheel_down(ambient)
    assert ambient.currentData() == before
    assert window.settings.ambient == before
    # (The page scrolling on is Qt's own passing on of a wheel event a control ignores; Qt does
    # that only for a real wheel, not one sent by a test, so it was seen under Xvfb instead.)


def test_the_wheel_over_a_volume_slider_leaves_the_volume_alone(window):
    window.show_settings()
    slider = window.settings_screen.controls["volumes"].sliders["bells"]
    before = dict(window.settings.volumes)
    _wheel_down(slider)
    assert window.settings.volumes == before


def test_a_chosen_box_still_follows_the_wheel(window):
    window.show_settings()
    window.activateWindow()
    ambient = window.settings_screen.controls["ambient"]
    ambient.setFocus()
    before = window.settings.ambient
    _wheel_down(ambient)
    assert window.settings.ambient != before


def test_the_wheel_over_a_check_in_answer_leaves_the_answer_alone(qtbot):
    # At a large text size the end screen scrolls, and its sliders passed under the pointer.
    from compassion_app.ui.widgets.checkin import CheckInPanel

    panel = CheckInPanel()
    qtbot.addWidget(panel)
    panel.ask("How are you now?", "", "Save")
    panel.show()
    before = panel.value()
    for slider in panel.sliders.values():
        _wheel_down(slider)
    assert panel.value() == before


def test_the_wheel_over_todays_choices_leaves_the_practice_and_its_length_alone(window):
    window.show_today()
    today = window.today
    chosen = (today.exercise.currentData(), today.minutes.currentData())
    _wheel_down(today.exercise)
    _wheel_down(today.minutes)
    assert (today.exercise.currentData(), today.minutes.currentData()) == chosen


def test_a_guarded_box_is_reached_by_click_and_tab_but_not_by_the_wheel(window):
    assert window.today.exercise.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert window.today.minutes.focusPolicy() == Qt.FocusPolicy.StrongFocus
