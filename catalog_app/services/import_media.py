"""Resolve a media path named in an import file: inside the file's folder, existing, allowed."""

from __future__ import annotations

from pathlib import Path

from catalog_app.domain.text import Bilingual
from catalog_app.services.catalog_data import MediaData
from catalog_app.services.import_problems import Problems
from catalog_app.services.media_store import MediaError, check_media_file

MEDIA_OUTSIDE = Bilingual(
    zh="文件路径“{path}”超出了导入文件所在目录",
    en="the file path “{path}” leads outside the import file's folder",
)
MEDIA_BAD_PATH = Bilingual(
    zh="文件路径“{path}”无效（含有不允许的字符，或者过长）",
    en="the file path “{path}” is not valid (a character that is not allowed, or too long)",
)
MEDIA_PROBLEM = Bilingual(zh="{detail_zh}", en="{detail_en}")
SHOWN_PATH_CHARS = 120


def _shown(path: str) -> str:
    """A path as shown in a message: control characters visible, very long ones cut."""
    text = path.encode("unicode_escape").decode("ascii") if not path.isprintable() else path
    return text if len(text) <= SHOWN_PATH_CHARS else text[: SHOWN_PATH_CHARS - 1] + "…"


def resolve_media(
    base: Path,
    relative: str,
    kind: str,
    problems: Problems,
    row: str | int,
    column: str,
    caption_zh: str = "",
    caption_en: str = "",
) -> MediaData | None:
    """The media file ``relative`` to ``base``, or None after recording why it can't be used.

    The path must lead inside ``base`` once resolved: ``..``, an absolute path and a symbolic
    link pointing out are refused alike."""
    try:
        source = (base / relative).resolve()
        inside = source.is_relative_to(base.resolve())
        if inside:
            check_media_file(source)
    except MediaError as exc:
        problems.add(
            row, column, MEDIA_PROBLEM, detail_zh=exc.text("zh_CN"), detail_en=exc.text("en")
        )
        return None
    except (OSError, ValueError):  # a NUL byte in it, a name too long for the system
        problems.add(row, column, MEDIA_BAD_PATH, path=_shown(relative))
        return None
    if not inside:
        problems.add(row, column, MEDIA_OUTSIDE, path=_shown(relative))
        return None
    return MediaData(source, kind, caption_zh, caption_en, relative)
