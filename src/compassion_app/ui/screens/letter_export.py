"""Copies of letters outside the app: Markdown or PDF files only the person's account can read,
and printing. PDF and print use Qt's own QTextDocument, QPdfWriter and QPrinter (no extra library).

Every file is created 0600 before anything is written into it, so there is no moment at which a
letter sits in a file others could read.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from compassion_app import messages
from compassion_app.core.letter_export import letter_markdown, letters_markdown
from compassion_app.core.letters import Letter

PRIVATE = 0o600
PDF_DPI = 300


def export_letters(letters: Sequence[Letter], path: Path) -> None:
    """Write `letters` to `path` as Markdown (.md) or PDF (.pdf); raises OSError on failure."""
    _create_private(path)
    if path.suffix.lower() == ".pdf":
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(PDF_DPI)
        writer.setTitle(letters[0].title if len(letters) == 1 else "Letters")
        document(letters).print_(writer)
        del writer  # the file is complete once the writer is gone
    else:
        text = letter_markdown(letters[0]) if len(letters) == 1 else letters_markdown(letters)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    os.chmod(path, PRIVATE)  # again, in case the file existed with wider permissions


def document(letters: Sequence[Letter]) -> QTextDocument:
    """The letters laid out for paper: a title each, their words as typed, calm spacing."""
    parts = []
    for letter in letters:
        title = escape(letter.title.strip() or messages.LETTER_UNTITLED)
        body = escape(letter.body).replace("\n", "<br>")
        parts.append(f"<h2>{title}</h2><p style='line-height:150%; font-size:12pt'>{body}</p>")
    doc = QTextDocument()
    doc.setHtml("<hr>".join(parts))
    return doc


def print_letters(letters: Sequence[Letter], parent: QWidget) -> bool:
    """Ask which printer, then print; False if the person cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document(letters).print_(printer)
    return True


def _create_private(path: Path) -> None:
    """Make `path` an empty file readable only by its owner (an existing copy is replaced)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    try:
        if hasattr(os, "fchmod"):  # an existing file keeps its old mode through os.open
            os.fchmod(fd, PRIVATE)
    finally:
        os.close(fd)
