"""With no letters yet, the letters room reads as one short column at the top of the page: the
words are not spread down it with wide gaps (the hidden list used to leave its room to them)."""

from compassion_app import messages


def test_with_no_letters_the_words_sit_together_under_the_heading(qtbot, window):
    window.resize(900, 680)
    window.show_letters()
    archive = window.letters.archive
    qtbot.waitUntil(archive.empty.isVisible)
    assert archive.empty.text() == messages.LETTERS_EMPTY
    spacing = archive.layout().spacing()
    column = [archive.heading, archive.intro, archive.search, archive.empty]
    for above, below in zip(column, column[1:], strict=False):
        gap = below.geometry().top() - above.geometry().bottom()
        assert gap <= 3 * spacing, (above.text() if hasattr(above, "text") else above, gap)
    assert archive.empty.height() <= 3 * archive.empty.sizeHint().height()
