"""Media files (photos, brochures, logos) stored once by content hash beside the database.

A file is kept as ``media/<first two hex digits>/<sha256><extension>``; importing the same
picture twice, or on two devices, gives the same name, so merges never copy bytes twice.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from pathlib import Path

from catalog_app.domain.text import Bilingual, UserFacingError

MIB = 1024 * 1024  # the limit and sizes are shown in these "MB" (50 MB, not 52.4 MB)
MAX_MEDIA_BYTES = 50 * MIB
ALLOWED_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".pdf": "application/pdf",
}


class MediaError(UserFacingError):
    pass


MEDIA_TOO_LARGE = Bilingual(
    zh="文件 {name} 太大（{size_mb:.1f} MB，上限 {limit_mb} MB）。",
    en="The file {name} is too large ({size_mb:.1f} MB; the limit is {limit_mb} MB).",
)
MEDIA_WRONG_TYPE = Bilingual(
    zh="文件 {name} 的类型不受支持（可用：PNG、JPEG、WebP、SVG、PDF）。",
    en="The file {name} is of a type that is not supported (use PNG, JPEG, WebP, SVG or PDF).",
)
MEDIA_MISSING = Bilingual(zh="找不到文件 {name}。", en="The file {name} was not found.")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def mime_type_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise MediaError(MEDIA_WRONG_TYPE, name=path.name)
    return ALLOWED_TYPES[suffix]


def extension_for(mime_type: str) -> str:
    for suffix, known in ALLOWED_TYPES.items():
        if known == mime_type:
            return suffix
    return mimetypes.guess_extension(mime_type) or ""


def stored_path(media_dir: Path, sha256: str, mime_type: str) -> Path:
    return media_dir / sha256[:2] / f"{sha256}{extension_for(mime_type)}"


def check_media_file(path: Path) -> tuple[str, int]:
    """Check a file before import: it exists, is not too large and of a known type."""
    if not path.is_file():
        raise MediaError(MEDIA_MISSING, name=str(path))
    size = path.stat().st_size
    if size > MAX_MEDIA_BYTES:
        raise MediaError(
            MEDIA_TOO_LARGE, name=path.name, size_mb=size / MIB, limit_mb=MAX_MEDIA_BYTES // MIB
        )
    return mime_type_of(path), size


def store_file(media_dir: Path, source: Path) -> tuple[str, str, int]:
    """Copy ``source`` into the media store (if not there yet); return (sha256, mime, size).

    The bytes are hashed while they are copied, and the copy stops past the size limit: a file
    that grows or changes after the check can neither be stored under another content's name
    nor exceed the limit."""
    mime_type, _checked = check_media_file(source)
    media_dir.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".incoming-", suffix=".partial", dir=media_dir)
    temporary = Path(name)
    digest, size = hashlib.sha256(), 0
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as reader:
            for block in iter(lambda: reader.read(1 << 20), b""):
                size += len(block)
                if size > MAX_MEDIA_BYTES:
                    raise MediaError(
                        MEDIA_TOO_LARGE,
                        name=source.name,
                        size_mb=size / MIB,
                        limit_mb=MAX_MEDIA_BYTES // MIB,
                    )
                digest.update(block)
                out.write(block)
        sha256 = digest.hexdigest()
        target = stored_path(media_dir, sha256, mime_type)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return sha256, mime_type, size
