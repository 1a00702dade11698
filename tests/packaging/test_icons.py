"""The committed icons (written by packaging/make_icons.py): right sizes, valid containers."""

from __future__ import annotations

import struct

import pytest

from tests.packaging.conftest import REPO

ICONS = REPO / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


@pytest.mark.parametrize("size", SIZES)
def test_png_has_its_size(size: int) -> None:
    data = (ICONS / f"tradescreen-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (size, size)


def test_ico_holds_every_size() -> None:
    data = (ICONS / "tradescreen.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert bits == 32 and offset + length <= len(data)
        sizes.append(width or 256)
    assert tuple(sizes) == SIZES


def test_icns_elements_cover_the_file() -> None:
    data = (ICONS / "tradescreen.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        assert data[offset + 8 : offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_svg_source_is_there() -> None:
    assert "<svg" in (ICONS / "tradescreen.svg").read_text(encoding="utf-8")
