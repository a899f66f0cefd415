"""Render the app icon's PNG sizes, the Windows .ico and the macOS .icns from the one SVG.

    .venv/bin/python packaging/render_icons.py

Run it after changing packaging/icons/compassion-app.svg and commit what it writes. It uses Qt's
own SVG renderer (QtSvg, part of PySide6-Essentials), so it needs nothing the app does not already
install. The .ico and .icns hold PNG images; both formats allow that (Windows Vista and later,
macOS 10.7 and later), so they are written here byte by byte instead of with another tool.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent / "icons"
SVG = ICONS / "compassion-app.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)  # an .ico entry is at most 256 px
# The .icns element type for each size: the PNG-holding types of Apple's format.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def png_path(size: int) -> Path:
    return ICONS / f"compassion-app-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent size × size square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICONDIR header, one 16-byte entry per image, then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size == 256 else size  # 0 means 256 in an entry's one-byte width
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """'icns', the file's length, then (type, length, PNG) elements; lengths count their header."""
    elements = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # QImage and QPainter want an application object
    pngs = {size: render_png(SVG, size) for size in PNG_SIZES}
    for size, png in pngs.items():
        png_path(size).write_bytes(png)
    (ICONS / "compassion-app.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "compassion-app.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    print(f"Wrote {len(pngs)} PNGs, compassion-app.ico and compassion-app.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
