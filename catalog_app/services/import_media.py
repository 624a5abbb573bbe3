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
MEDIA_PROBLEM = Bilingual(zh="{detail_zh}", en="{detail_en}")


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
    """The media file ``relative`` to ``base``, or None after recording why it can't be used."""
    source = (base / relative).resolve()
    if not source.is_relative_to(base.resolve()):
        problems.add(row, column, MEDIA_OUTSIDE, path=relative)
        return None
    try:
        check_media_file(source)
    except MediaError as exc:
        problems.add(
            row, column, MEDIA_PROBLEM, detail_zh=exc.text("zh_CN"), detail_en=exc.text("en")
        )
        return None
    return MediaData(source, kind, caption_zh, caption_en, relative)
