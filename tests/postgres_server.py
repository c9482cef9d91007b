"""A throw-away PostgreSQL server for one test session, started from Debian's own binaries.

The server lives in a temporary directory, listens on a free port on 127.0.0.1 only, trusts
every local connection and skips every fsync: it is fast and holds nothing worth keeping.
Use it as a context manager; an atexit hook stops it too if the session ends some other way.

Standard library only, so it works from any of the project's environments.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
from pathlib import Path
from types import FrameType, TracebackType

SUPERUSER = "postgres"
HOST = "127.0.0.1"
# PostgreSQL refuses to run as root; Debian's package creates this system user for it.
SYSTEM_USER = "postgres"
INSTALL_HINT = "Install it with scripts/system_deps.sh (as root), or: apt-get install postgresql"
START_TIMEOUT_SECONDS = 60
# Another process may take the free port between choosing it and the server binding it.
START_ATTEMPTS = 3
COMMAND_TIMEOUT_SECONDS = 60
DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class PostgresNotAvailable(RuntimeError):
    """The PostgreSQL server binaries, or a user allowed to run them, are missing."""


def find_bin_dir() -> Path:
    """The bin directory of the newest PostgreSQL server installed the Debian way."""
    candidates = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    complete = [d for d in candidates if (d / "pg_ctl").exists() and (d / "psql").exists()]
    if not complete:
        raise PostgresNotAvailable(
            "No PostgreSQL server found (looked for /usr/lib/postgresql/*/bin/initdb). "
            + INSTALL_HINT
        )
    return max(complete, key=_major_version)


def _major_version(bin_dir: Path) -> int:
    # Sort numerically: "9.6" and "10" sort the wrong way round as text.
    version = bin_dir.parent.name
    return int(version.split(".")[0]) if version.split(".")[0].isdigit() else 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def clean_environment() -> dict[str, str]:
    # PGHOST, PGDATABASE, PGPASSWORD ... from the developer's shell would point psql elsewhere.
    return {key: value for key, value in os.environ.items() if not key.startswith("PG")}


class PostgresServer:
    """Start with `with PostgresServer() as server:`; then `server.url("name")`."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        self.bin_dir = bin_dir or find_bin_dir()
        self.port: int | None = None
        self._base_dir: Path | None = None
        self._previous_sigterm_handler: signal.Handlers | None = None

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def data_dir(self) -> Path:
        return self._require_base_dir() / "data"

    @property
    def socket_dir(self) -> Path:
        return self._require_base_dir() / "socket"

    @property
    def log_file(self) -> Path:
        return self._require_base_dir() / "server.log"

    def start(self) -> None:
        if self._base_dir is not None:
            return
        self._base_dir = self._make_base_dir()
        atexit.register(self.stop)
        self._interrupt_on_sigterm()
        try:
            self._initdb()
            self._start_on_a_free_port()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop the server and remove its files; safe to call more than once."""
        if self._base_dir is None:
            return
        if (self.data_dir / "postmaster.pid").exists():
            # "immediate" skips the shutdown checkpoint: nothing here needs to survive.
            self._run_as_server_user(
                self._tool("pg_ctl"),
                "stop",
                "-D",
                str(self.data_dir),
                "-m",
                "immediate",
                "-w",
                check=False,
            )
        shutil.rmtree(self._base_dir, ignore_errors=True)
        self._base_dir = None
        self.port = None
        atexit.unregister(self.stop)
        self._restore_sigterm_handler()

    def url(self, dbname: str) -> str:
        """A SQLAlchemy URL for the database `dbname` on this server."""
        return f"postgresql+psycopg://{SUPERUSER}@{HOST}:{self._require_port()}/{dbname}"

    def create_database(self, name: str, template: str | None = None) -> None:
        statement = f'CREATE DATABASE "{check_database_name(name)}"'
        if template is not None:
            statement += f' TEMPLATE "{check_database_name(template)}"'
        self.execute(statement)

    def drop_database(self, name: str) -> None:
        # FORCE ends connections a test leaked, so one forgotten session cannot block the rest.
        self.execute(f'DROP DATABASE IF EXISTS "{check_database_name(name)}" WITH (FORCE)')

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        """Run one SQL statement with psql, as the superuser."""
        command = [
            str(self._tool("psql")),
            "--no-psqlrc",
            "--quiet",
            "--set",
            "ON_ERROR_STOP=1",
            "--host",
            HOST,
            "--port",
            str(self._require_port()),
            "--username",
            SUPERUSER,
            "--dbname",
            dbname,
            "--command",
            sql,
        ]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=clean_environment(),
            timeout=COMMAND_TIMEOUT_SECONDS,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed on {sql!r}: {result.stderr.strip()}")

    def _interrupt_on_sigterm(self) -> None:
        # SIGTERM (a CI time limit, `timeout`) would end Python without running atexit hooks and
        # leave the server behind; as an interrupt, the test runner's teardown stops it instead.
        in_main_thread = threading.current_thread() is threading.main_thread()
        if in_main_thread and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
            self._previous_sigterm_handler = signal.SIG_DFL

    def _restore_sigterm_handler(self) -> None:
        if self._previous_sigterm_handler is not None:
            signal.signal(signal.SIGTERM, self._previous_sigterm_handler)
            self._previous_sigterm_handler = None

    def _make_base_dir(self) -> Path:
        base_dir = Path(tempfile.mkdtemp(prefix="wmo-postgres-"))
        socket_dir = base_dir / "socket"
        socket_dir.mkdir()
        if running_as_root():
            user = self._system_user()
            for path in (base_dir, socket_dir):
                shutil.chown(path, user=user, group=user)
        return base_dir

    def _initdb(self) -> None:
        self._run_as_server_user(
            self._tool("initdb"),
            "--pgdata",
            str(self.data_dir),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C.UTF-8",
            "--no-sync",
        )

    def _start_on_a_free_port(self) -> None:
        for attempt in range(1, START_ATTEMPTS + 1):
            self.port = free_port()
            try:
                self._pg_ctl_start()
                return
            except RuntimeError:
                if attempt == START_ATTEMPTS:
                    raise

    def _pg_ctl_start(self) -> None:
        server_options = " ".join(
            [
                f"-p {self.port}",
                f"-k {self.socket_dir}",
                f"-c listen_addresses={HOST}",
                # Durability costs time and buys nothing for a database that is thrown away.
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        )
        self._run_as_server_user(
            self._tool("pg_ctl"),
            "start",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
            "-w",
            "-t",
            str(START_TIMEOUT_SECONDS),
            "-o",
            server_options,
            # The reason a server did not start is in its log, which stop() removes.
            show_log_on_failure=True,
        )

    def _run_as_server_user(
        self, program: Path, *args: str, check: bool = True, show_log_on_failure: bool = False
    ) -> None:
        command = [str(program), *args]
        if running_as_root():
            command = ["runuser", "-u", self._system_user(), "--", *command]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=clean_environment(),
            # The server user may not be allowed into the caller's working directory.
            cwd=self._require_base_dir(),
            timeout=COMMAND_TIMEOUT_SECONDS + 30,
            check=False,
        )
        if check and result.returncode != 0:
            output = (result.stdout + result.stderr).strip()
            if show_log_on_failure:
                output += f"\nServer log:\n{self._log_tail()}"
            raise RuntimeError(f"{program.name} {args[0]} failed: {output}")

    def _log_tail(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-2000:]
        except OSError:
            return "(no server log)"

    def _system_user(self) -> str:
        if shutil.which("runuser") is None:
            raise PostgresNotAvailable("Running as root needs `runuser` to drop privileges.")
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            raise PostgresNotAvailable(
                f"PostgreSQL will not run as root and there is no {SYSTEM_USER!r} user. "
                + INSTALL_HINT
            ) from None
        return SYSTEM_USER

    def _tool(self, name: str) -> Path:
        return self.bin_dir / name

    def _require_base_dir(self) -> Path:
        if self._base_dir is None:
            raise RuntimeError("The PostgreSQL server has not been started.")
        return self._base_dir

    def _require_port(self) -> int:
        if self.port is None:
            raise RuntimeError("The PostgreSQL server has not been started.")
        return self.port


def _raise_keyboard_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def check_database_name(name: str) -> str:
    """Only plain lower-case names, so a name can be put into SQL as it is."""
    if not DATABASE_NAME.fullmatch(name):
        raise ValueError(f"Not a plain database name: {name!r}")
    return name
