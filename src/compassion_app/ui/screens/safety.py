"""Support and safety: what this app is and is not, a short grounding, and where to find help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

SAFETY_TEXT = """
<h2>You are not alone</h2>
<p>Compassion Companion is a place to practise kindness toward yourself. It is not therapy and it
is not a crisis service. For deeper work, a therapist trained in compassion-focused therapy can walk
beside you.</p>
<h3>If a practice stirs up too much</h3>
<p>It is always fine to stop. You might try this, gently:</p>
<ul>
<li>Open your eyes and let them rest on five things you can see.</li>
<li>Feel your feet on the floor and the chair holding you.</li>
<li>Breathe out a little longer than you breathe in, a few times.</li>
<li>Name, quietly, where you are and what day it is.</li>
</ul>
<h3>If you are in danger or thinking of ending your life</h3>
<ul>
<li>Call your local emergency number (112 in Europe, 999 in the UK, 911 in the US).</li>
<li>UK and Ireland: Samaritans, free, day or night: <b>116 123</b>.</li>
<li>United States: 988 Suicide &amp; Crisis Lifeline: call or text <b>988</b>.</li>
<li>Elsewhere: your doctor, or a local crisis line, can help you right now.</li>
</ul>
<p>Reaching out is a brave and caring thing to do for yourself.</p>
"""


class SafetyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Support and safety")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        text = QLabel(SAFETY_TEXT, self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
