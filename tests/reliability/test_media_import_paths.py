"""A catalog file names its photos and brochures by path; the import takes files from the
catalog file's own folder only, and only files of an allowed type and size.

Refused, with the row, column and reason in both languages, and nothing written (no rows, no
file in the media store): ``..`` out of the folder, an absolute path, a symbolic link (to a file
or a folder) pointing out, a NUL byte, a name too long for the system, a folder, a FIFO, a file
over the size limit. And a file that grows after it was checked is not stored past the limit
nor under a name that does not match its bytes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reliability_fuzz import fingerprint

from catalog_app.domain.text import UserFacingError
from catalog_app.services import media_store
from catalog_app.services.catalog_import import import_catalog
from catalog_app.services.media_store import MAX_MEDIA_BYTES, MediaError, store_file
from catalog_app.store.database import Database, open_sqlite
from tests.catalog_files import TINY_PNG, catalog_document, write_catalog

TABLES = ("fair", "exhibitor", "truck_model", "media")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_sqlite(tmp_path / "booth" / "booth.sqlite", backup_on_open=False)
    yield database
    database.close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the catalog's folder that must never be imported."""
    path = tmp_path / "private" / "secret.png"
    path.parent.mkdir()
    path.write_bytes(TINY_PNG + b"not for the catalog")
    return path


def catalog_naming(folder: Path, media_file: str) -> Path:
    """A valid catalog whose first model's photo is ``media_file``."""
    document = catalog_document()
    document["models"][0]["media"][0]["file"] = media_file
    return write_catalog(folder, document)


def refused(database: Database, catalog: Path) -> str:
    """Import ``catalog``; it must be refused whole: the English message."""
    before = fingerprint(database, TABLES)
    with pytest.raises(UserFacingError) as raised:
        import_catalog(database, catalog)
    assert fingerprint(database, TABLES) == before
    stored = [p for p in database.media_dir.rglob("*") if p.is_file()]
    assert stored == [], "a refused import left files in the media store"
    assert "media[0].file" in raised.value.text("en")
    assert "media[0].file" in raised.value.text("zh_CN")
    return raised.value.text("en")


def _symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError as exc:  # Windows without the symlink privilege
        pytest.skip(f"no symbolic links here: {exc}")


PathMaker = Callable[[Path, Path], str]
OUTSIDE: dict[str, PathMaker] = {
    "dot-dot": lambda _folder, secret: f"../{secret.parent.name}/{secret.name}",
    "dot-dot inside a path": lambda _folder, secret: f"media/../../private/{secret.name}",
    "absolute": lambda _folder, secret: str(secret),
}


@pytest.mark.parametrize("how", list(OUTSIDE))
def test_a_path_out_of_the_catalog_folder_is_refused(
    db: Database, tmp_path: Path, secret: Path, how: str
) -> None:
    folder = tmp_path / "catalog"
    text = refused(db, catalog_naming(folder, OUTSIDE[how](folder, secret)))
    assert "leads outside the import file's folder" in text


def test_a_symbolic_link_to_a_file_outside_is_refused(
    db: Database, tmp_path: Path, secret: Path
) -> None:
    folder = tmp_path / "catalog"
    catalog = catalog_naming(folder, "media/innocent.png")
    _symlink(folder / "media" / "innocent.png", secret)
    assert "leads outside" in refused(db, catalog)


def test_a_symbolic_link_to_a_folder_outside_is_refused(
    db: Database, tmp_path: Path, secret: Path
) -> None:
    folder = tmp_path / "catalog"
    catalog = catalog_naming(folder, f"media/pictures/{secret.name}")
    _symlink(folder / "media" / "pictures", secret.parent)
    assert "leads outside" in refused(db, catalog)


def test_a_symbolic_link_inside_the_folder_is_fine(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    catalog = catalog_naming(folder, "media/alias.png")
    _symlink(folder / "media" / "alias.png", folder / "media" / "t1.png")
    import_catalog(db, catalog)
    assert fingerprint(db, ("media",))["media"][0] >= 1


@pytest.mark.parametrize(
    "name", ["bad\x00name.png", "x" * 5000 + ".png", "media/" + "y" * 300 + ".png"]
)
def test_a_nul_byte_or_an_overlong_name_is_refused_not_crashed_on(
    db: Database, tmp_path: Path, name: str
) -> None:
    text = refused(db, catalog_naming(tmp_path / "catalog", name))
    assert "not valid" in text or "not found" in text
    assert len(text) < 1000  # a 5,000-character name is cut in the message


def test_a_folder_or_a_fifo_in_place_of_a_file_is_refused(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    catalog = catalog_naming(folder, "media/folder.png")
    (folder / "media" / "folder.png").mkdir()
    assert "not found" in refused(db, catalog)
    if hasattr(os, "mkfifo"):
        catalog = catalog_naming(folder, "media/pipe.png")
        os.mkfifo(folder / "media" / "pipe.png")  # reading it would block the import forever
        assert "not found" in refused(db, catalog)


def test_a_file_over_the_size_limit_is_refused(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    catalog = catalog_naming(folder, "media/huge.png")
    with open(folder / "media" / "huge.png", "wb") as handle:  # sparse: no disk space used
        handle.truncate(MAX_MEDIA_BYTES + 1)
    text = refused(db, catalog)
    assert "too large" in text and "50 MB" in text


def test_a_file_that_grows_after_the_check_is_not_stored_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "photo.png"
    source.write_bytes(TINY_PNG)
    checked = media_store.check_media_file

    def check_then_grow(path: Path) -> tuple[str, int]:
        result = checked(path)
        with open(path, "r+b") as handle:  # another program swaps in something bigger
            handle.truncate(MAX_MEDIA_BYTES + 10)
        return result

    monkeypatch.setattr(media_store, "check_media_file", check_then_grow)
    store = tmp_path / "media"
    with pytest.raises(MediaError) as refused_error:
        store_file(store, source)
    assert "too large" in refused_error.value.text("en")
    assert [p for p in store.rglob("*") if p.is_file()] == []


def test_a_stored_file_is_named_by_the_bytes_that_were_copied(tmp_path: Path) -> None:
    source = tmp_path / "photo.png"
    source.write_bytes(TINY_PNG + b"photo")
    sha256, mime, size = store_file(tmp_path / "media", source)
    stored = media_store.stored_path(tmp_path / "media", sha256, mime)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == sha256
    assert size == stored.stat().st_size == len(TINY_PNG) + 5
    leftovers = [p.name for p in (tmp_path / "media").iterdir() if p.is_file()]
    assert leftovers == [], "no partial copies left beside the store"
