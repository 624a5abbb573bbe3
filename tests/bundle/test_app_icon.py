"""The application icon drawn by build/make_icon.py: every size each OS asks for, in files its
own tools can read (PNG; ICO with PNG entries; ICNS with PNG entries)."""

from __future__ import annotations

import struct
from types import ModuleType

import pytest

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module", params=["drawn now", "committed"])
def icons(
    request: pytest.FixtureRequest, make_icon: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    """The icons drawn by the script now, and those committed in resources/icons (the build
    draws them only when missing, so they must be complete too)."""
    if request.param == "committed":
        folder = make_icon.DEFAULT_OUT
        paths = [folder / name for name in ("app.png", "app.ico", "app.icns")]
        missing = [p.name for p in paths if not p.is_file()]
        assert not missing, f"run build/make_icon.py: {missing} missing"
    else:
        paths = make_icon.write_icons(tmp_path_factory.mktemp("icons"))
    return {path.name: path.read_bytes() for path in paths}


def test_the_png_is_a_square_512_pixel_picture(icons: dict[str, bytes]) -> None:
    assert png_size(icons["app.png"]) == (512, 512)


def test_the_windows_icon_holds_every_size_from_16_to_256(
    icons: dict[str, bytes], make_icon: ModuleType
) -> None:
    data = icons["app.ico"]
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, len(make_icon.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _, _, _, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        picture = data[offset : offset + length]
        assert png_size(picture) == ((width or 256), (height or 256))
        assert bits == 32
        sizes.append(width or 256)
    assert sizes == list(make_icon.ICO_SIZES)


def test_the_macos_icon_holds_every_retina_size(
    icons: dict[str, bytes], make_icon: ModuleType
) -> None:
    data = icons["app.icns"]
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    position = 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        found[kind] = png_size(data[position + 8 : position + length])[0]
        position += length
    assert found == {kind: size for kind, size in make_icon.ICNS_TYPES}
