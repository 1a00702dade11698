#!/usr/bin/env python3
"""Render the application icon from its SVG into PNGs, a Windows .ico and a macOS .icns.

    python packaging/make_icons.py   # rewrites resources/icons/tradescreen-*.png, .ico, .icns

Needs only PySide6 (QtSvg renders the SVG); the .ico and .icns containers are written here, so
no ImageMagick or iconutil is needed and the output is the same on every platform. The
generated files are committed; run this again after changing tradescreen.svg.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "tradescreen.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)  # committed, used by the app and the Linux package
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, and the pixel size of each (the @2x ones are Retina).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = _Renderer(SVG)
    for size in PNG_SIZES:
        (ICONS / f"tradescreen-{size}.png").write_bytes(renderer.png(size))
    (ICONS / "tradescreen.ico").write_bytes(build_ico(renderer, ICO_SIZES))
    (ICONS / "tradescreen.icns").write_bytes(build_icns(renderer, ICNS_TYPES))
    for path in sorted(ICONS.glob("tradescreen*")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


class _Renderer:
    def __init__(self, svg: Path) -> None:
        from PySide6.QtSvg import QSvgRenderer

        self._svg = QSvgRenderer(str(svg))
        if not self._svg.isValid():
            raise SystemExit(f"cannot render {svg}")

    def image(self, size: int):  # -> QImage, non-premultiplied ARGB32
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPainter

        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._svg.render(painter)
        painter.end()
        return image.convertToFormat(QImage.Format.Format_ARGB32)

    def png(self, size: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.image(size).save(buffer, "PNG"):
            raise SystemExit(f"cannot encode a {size}px PNG")
        buffer.close()
        return bytes(data.data())

    def bgra_rows_bottom_up(self, size: int) -> tuple[bytes, bytes]:
        """32-bit BGRA pixels bottom-up, and the 1-bit AND mask (set where fully transparent)."""
        image = self.image(size)
        pixels = bytearray()
        mask = bytearray()
        mask_stride = ((size + 31) // 32) * 4
        for y in reversed(range(size)):
            line = bytes(image.constScanLine(y))[: size * 4]  # ARGB32 in memory: B, G, R, A
            pixels += line
            bits = bytearray(mask_stride)
            for x in range(size):
                if line[x * 4 + 3] == 0:
                    bits[x // 8] |= 0x80 >> (x % 8)
            mask += bits
        return bytes(pixels), bytes(mask)


def build_ico(renderer: _Renderer, sizes: tuple[int, ...]) -> bytes:
    """An ICO with 32-bit BMP entries (readable by every Windows tool) and a PNG 256px entry."""
    entries: list[bytes] = []
    for size in sizes:
        if size >= 256:
            entries.append(renderer.png(size))
            continue
        pixels, mask = renderer.bgra_rows_bottom_up(size)
        header = struct.pack(
            "<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0
        )
        entries.append(header + pixels + mask)
    offset = 6 + 16 * len(sizes)
    directory = bytearray(struct.pack("<HHH", 0, 1, len(sizes)))
    for size, data in zip(sizes, entries, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return bytes(directory) + b"".join(entries)


def build_icns(renderer: _Renderer, types: tuple[tuple[bytes, int], ...]) -> bytes:
    """An ICNS whose elements are PNGs (supported since Mac OS X 10.7)."""
    body = b""
    for kind, size in types:
        data = renderer.png(size)
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


if __name__ == "__main__":
    sys.exit(main())
