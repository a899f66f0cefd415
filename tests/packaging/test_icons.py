"""The app icon: one SVG, and the PNG, .ico and .icns files rendered from it that menus, docks
and installers show. A stale PNG (the SVG changed, render_icons.py was not run) shows people an
old picture, so each file is compared with a fresh render of the SVG."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


@pytest.fixture(scope="module")
def icons():
    """packaging/render_icons.py, loaded as a module (it is a tool, not part of the app)."""
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def decoded(data: bytes) -> QImage:
    image = QImage.fromData(data)
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_RGBA8888)


def largest_difference(first: QImage, second: QImage) -> int:
    """The largest difference of any channel of any pixel, 0-255."""
    assert first.size() == second.size()
    a, b = first.constBits().tobytes(), second.constBits().tobytes()
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def images_in(path: Path, image_format: str) -> list[QImage]:
    data = QByteArray(path.read_bytes())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, image_format.encode())
    images = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        images.append(reader.read())
    return images


def test_every_png_size_is_there_and_shows_the_current_svg(qapp, icons):
    for size in (16, 32, 48, 64, 128, 256, 512):
        shipped = QImage(str(icons.png_path(size)))
        assert (shipped.width(), shipped.height()) == (size, size), size
        fresh = decoded(icons.render_png(icons.SVG, size))
        # Room for another Qt version's antialiasing, none for a different picture.
        assert largest_difference(decoded(icons.png_path(size).read_bytes()), fresh) <= 8, size


def test_the_icon_has_a_transparent_corner_and_an_opaque_middle(qapp, icons):
    image = QImage(str(icons.png_path(256)))
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(128, 128).alpha() == 255


def test_the_windows_and_mac_icons_hold_each_size_from_the_svg(qapp, icons):
    for path, image_format, sizes in (
        (PACKAGING / "icons" / "compassion-app.ico", "ico", icons.ICO_SIZES),
        (PACKAGING / "icons" / "compassion-app.icns", "icns", tuple(icons.ICNS_TYPES)),
    ):
        found = {image.width(): image for image in images_in(path, image_format)}
        assert sorted(found) == sorted(sizes), path.name
        for size, image in found.items():
            fresh = decoded(icons.render_png(icons.SVG, size))
            converted = image.convertToFormat(QImage.Format.Format_RGBA8888)
            assert largest_difference(converted, fresh) <= 8, (path.name, size)
