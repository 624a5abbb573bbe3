"""A real, throwaway PostgreSQL server for the tests: started from the installed binaries.

The server lives in a fresh temporary folder, listens only on 127.0.0.1 on a free port (and on a
unix socket inside that folder), trusts local connections, and runs with ``fsync=off`` because
its data is thrown away. ``initdb`` refuses to run as root, so when the tests run as root the
server runs as the ``postgres`` user (Debian's ``postgresql`` package creates it).

Nothing here imports pytest: the fixtures in ``tests/conftest.py`` turn ``PostgresUnavailable``
into a skip (or a failure on CI, where the PostgreSQL tests must really run).
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"
INSTALL_HINT = "install Debian's postgresql package"
_DEBIAN_GLOB_ROOT = Path("/usr/lib/postgresql")
_START_ATTEMPTS = 3


class PostgresUnavailable(RuntimeError):
    """A PostgreSQL server cannot be had on this machine (the message says why and what to do)."""


def _version_key(path: Path) -> tuple[int, ...]:
    """Sort key for ``/usr/lib/postgresql/<version>/bin``: newest version first when reversed."""
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.name)) or (0,)


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: from PATH first, then Debian's folders."""
    on_path = shutil.which("initdb")
    if on_path:
        folder = Path(on_path).resolve().parent
        if (folder / "pg_ctl").exists() and (folder / "postgres").exists():
            return folder
    candidates = sorted(_DEBIAN_GLOB_ROOT.glob("*/bin"), key=_version_key, reverse=True)
    for folder in candidates:
        if all((folder / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_account() -> pwd.struct_passwd | None:
    """The account to run the server as: ``postgres`` when we are root, else ourselves (None)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_USER)
    except KeyError as exc:
        raise PostgresUnavailable(
            f"running as root, and initdb refuses root, but there is no {SERVER_USER!r} user "
            f"to run the server as ({INSTALL_HINT})"
        ) from exc


@dataclass
class PostgresServer:
    """A running throwaway server; ``stop()`` shuts it down and removes its folder."""

    bin_dir: Path
    root: Path
    port: int
    account: pwd.struct_passwd | None
    superuser: str = "postgres"
    startup_seconds: float = 0.0
    _running: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str) -> str:
        """A SQLAlchemy URL (psycopg 3 driver) for ``database`` on this server."""
        return f"postgresql+psycopg://{self.superuser}@127.0.0.1:{self.port}/{database}"

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq connection string for ``psycopg.connect``."""
        return f"host=127.0.0.1 port={self.port} user={self.superuser} dbname={database}"

    def _command(self, argv: Sequence[str]) -> list[str]:
        if self.account is None:
            return list(argv)
        if shutil.which("runuser"):
            return ["runuser", "-u", self.account.pw_name, "--", *argv]
        return ["su", self.account.pw_name, "-s", "/bin/sh", "-c", shlex.join(argv)]

    def run(self, *argv: str, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        """Run a server binary (as the server account when needed); raise with its output."""
        command = self._command([str(self.bin_dir / argv[0]), *argv[1:]])
        result = subprocess.run(
            command,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"{argv[0]} failed (exit {result.returncode}): "
                f"{(result.stderr or result.stdout).strip()[-2000:]}"
            )
        return result

    def init(self) -> None:
        self.run(
            "initdb",
            "--pgdata",
            str(self.data_dir),
            "--username",
            self.superuser,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
            "--no-instructions",
        )

    def start(self) -> None:
        options = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-p {self.port}",
                f"-c unix_socket_directories={shlex.quote(str(self.root))}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=50",
                "-c timezone=UTC",
            ]
        )
        self.run(
            "pg_ctl",
            "--pgdata",
            str(self.data_dir),
            "--log",
            str(self.log_file),
            "--options",
            options,
            "--wait",
            "--timeout",
            "30",
            "start",
        )
        self._running = True

    def stop(self) -> None:
        """Stop the server (immediately: its data is thrown away) and remove its folder."""
        try:
            if self._running or (self.data_dir / "postmaster.pid").exists():
                self._running = False
                self.run(
                    "pg_ctl",
                    "--pgdata",
                    str(self.data_dir),
                    "--mode",
                    "immediate",
                    "--wait",
                    "stop",
                )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def server_log(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-2000:]
        except OSError:
            return ""


def start_server() -> PostgresServer:
    """Initialise and start a throwaway server; raise ``PostgresUnavailable`` if it cannot be."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            f"PostgreSQL server binaries not found ({INSTALL_HINT}): looked for initdb and "
            f"pg_ctl on PATH and in {_DEBIAN_GLOB_ROOT}/*/bin"
        )
    account = _server_account()
    began = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="catalog-pg-"))
    if account is not None:
        os.chown(root, account.pw_uid, account.pw_gid)
    server = PostgresServer(bin_dir, root, free_port(), account)
    try:
        server.init()
        for attempt in range(_START_ATTEMPTS):
            try:
                server.start()
                break
            except PostgresUnavailable:
                # Most likely someone took the free port between our probe and the start.
                if attempt == _START_ATTEMPTS - 1:
                    raise
                server.port = free_port()
    except BaseException as exc:
        log = server.server_log()
        server.stop()
        if isinstance(exc, PostgresUnavailable) and log:
            raise PostgresUnavailable(f"{exc}\n--- server log ---\n{log}") from exc
        raise
    server.startup_seconds = time.perf_counter() - began
    return server
