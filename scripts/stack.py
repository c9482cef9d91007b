"""Start the whole Wmo wegwijzer on this machine: sociale kaart, action server and Rasa.

`make run` calls this with the default ports; the end-to-end tests import `Stack` and start it
on free ports. Standard library only, so it runs with any Python 3.

With `shared=SharedStores(...)` it starts the production topology instead (docs/scaling.md):
`rasa_instances` Rasa processes that keep conversations in PostgreSQL and lock them in Redis,
behind nginx on the Rasa port. The caller provides PostgreSQL; Redis and nginx are started here.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY_TIMEOUT_SECONDS = 240
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to stop a service when this launcher dies, even by SIGKILL."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: Ctrl-C still stops everything through Stack.stop


def _redis_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2) as conn:
            conn.sendall(b"PING\r\n")
            # Without the password Redis answers -NOAUTH: it is up, which is all this asks.
            return conn.recv(64).startswith((b"+PONG", b"-NOAUTH"))
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Service:
    name: str
    command: list[str]
    env: dict[str, str]
    health_url: str
    cwd: Path = ROOT
    # For a service that does not speak HTTP: a check of its own instead of health_url.
    probe: Callable[[], bool] | None = None
    log_path: Path | None = None
    process: subprocess.Popen | None = None

    def start(self, log_dir: Path) -> None:
        self.log_path = log_dir / f"{self.name}.log"
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so Ctrl-C in the terminal reaches only us; we stop them
            preexec_fn=_die_with_parent,
        )
        log.close()

    def is_healthy(self) -> bool:
        if self.probe is not None:
            return self.probe()
        try:
            with urllib.request.urlopen(self.health_url, timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def has_died(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def log_tail(self, lines: int = 25) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self, grace_seconds: float = 10) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(grace_seconds)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def wait_until_ready(services: dict[str, Service], progress=print) -> None:
    """Wait until every service answers; RuntimeError when one stops or takes too long."""
    waiting = dict(services)
    started = time.monotonic()
    last_report = 0.0
    while waiting:
        for name, service in list(waiting.items()):
            if service.has_died():
                raise RuntimeError(
                    f"{name} stopped during start-up; last lines of {service.log_path}:\n"
                    f"{service.log_tail()}"
                )
            if service.is_healthy():
                progress(f"  ready: {name}")
                del waiting[name]
        elapsed = time.monotonic() - started
        if waiting and elapsed > READY_TIMEOUT_SECONDS:
            raise RuntimeError(f"not ready after {READY_TIMEOUT_SECONDS}s: {', '.join(waiting)}")
        if waiting and elapsed - last_report >= 10:
            last_report = elapsed
            progress(f"  waiting for {', '.join(waiting)} ({elapsed:.0f}s)")
        time.sleep(0.5)


@dataclass
class SharedStores:
    """Where several Rasa instances keep conversations (PostgreSQL) and locks (Redis)."""

    postgres_host: str
    postgres_port: int
    postgres_user: str
    postgres_password: str = ""
    tracker_db: str = "rasa"
    redis_port: int = field(default_factory=free_port)
    redis_password: str = field(default_factory=lambda: secrets.token_urlsafe(24))


def nginx_config(var_dir: Path, listen: str, rasa_ports: list[int], host: str) -> str:
    """The local stand-in for deploy/nginx/default.conf: spread Rasa's traffic over instances."""
    servers = "".join(f"        server {host}:{port};\n" for port in rasa_ports)
    temp = var_dir / "nginx"
    return f"""worker_processes 1;
daemon off;
pid {temp}/nginx.pid;
error_log {var_dir}/log/nginx.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    # As root, nginx's workers run as nobody, who may not write in var/: keep bodies in memory.
    client_body_buffer_size 1m;
    proxy_max_temp_file_size 0;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    # REST and the HTTP API: any instance, the one with the fewest open requests.
    upstream rasa {{
        least_conn;
{servers}        keepalive 32;
    }}
    # socket.io: one client stays on one instance (its long-polling needs that).
    upstream rasa_socketio {{
        ip_hash;
{servers}    }}
    server {{
        listen {listen};
        location /socket.io/ {{
            proxy_pass http://rasa_socketio;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_set_header Host $host;
        }}
        location / {{
            proxy_pass http://rasa;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
        }}
    }}
}}
"""


@dataclass
class Stack:
    bot_python: Path
    actions_python: Path
    sk_python: Path
    model: Path
    var_dir: Path = ROOT / "var"
    host: str = "127.0.0.1"
    sk_port: int = 8000
    actions_port: int = 5055
    rasa_port: int = 5005
    # Rasa's HTTP API is always on, with this token: the KCC console reads and writes
    # conversations through it. A fresh one per run unless RASA_AUTH_TOKEN is set.
    auth_token: str = field(default_factory=lambda: os.environ.get(
        "RASA_AUTH_TOKEN") or secrets.token_urlsafe(32))
    # The KCC answers live chats at these hours; always, unless set, so a demo works at night.
    kcc_openingstijden: str = field(default_factory=lambda: os.environ.get(
        "KCC_OPENINGSTIJDEN") or "altijd")
    # The action server files meldingen with this token; a fresh one per run unless it is set.
    melding_token: str = field(default_factory=lambda: os.environ.get(
        "SOCIALE_KAART_MELDING_TOKEN") or secrets.token_urlsafe(32))
    # The production topology: PostgreSQL and Redis shared by `rasa_instances`, behind nginx.
    shared: SharedStores | None = None
    rasa_instances: int = 1
    services: dict[str, Service] = field(default_factory=dict)
    instance_ports: list[int] = field(default_factory=list)

    @property
    def sk_url(self) -> str:
        return f"http://{self.host}:{self.sk_port}"

    @property
    def rasa_url(self) -> str:
        """Where Rasa answers: the instance, or nginx in front of the instances."""
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def instance_urls(self) -> list[str]:
        """Each Rasa instance directly, without nginx."""
        return [f"http://{self.host}:{port}" for port in self.instance_ports]

    def _build(self) -> None:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        python_path = {"PYTHONPATH": str(ROOT)}
        page_origins = [f"http://localhost:{self.sk_port}", f"http://127.0.0.1:{self.sk_port}"]
        page_origins += os.environ.get("WIDGET_ORIGINS", "").split()
        self.services = {
            "sociale_kaart": Service(
                "sociale_kaart",
                [str(self.sk_python), "-m", "uvicorn", "--factory", "sociale_kaart.main:create_app",
                 "--host", self.host, "--port", str(self.sk_port)],
                {**python_path,
                 "SOCIALE_KAART_DATABASE_URL": os.environ.get(
                     "SOCIALE_KAART_DATABASE_URL", f"sqlite:///{self.var_dir}/sociale_kaart.db"),
                 "RASA_PUBLIC_URL": os.environ.get("RASA_PUBLIC_URL", self.rasa_url),
                 "SOCIALE_KAART_MELDING_TOKEN": self.melding_token,
                 "RASA_URL": self.rasa_url, "RASA_AUTH_TOKEN": self.auth_token,
                 "KCC_OPENINGSTIJDEN": self.kcc_openingstijden},
                f"{self.sk_url}/health",
            ),
            "actions": Service(
                "actions",
                [str(self.actions_python), "-m", "rasa_sdk", "--actions", "actions",
                 "--port", str(self.actions_port)],
                {**python_path, "SOCIALE_KAART_URL": self.sk_url, "SANIC_HOST": self.host,
                 "SOCIALE_KAART_MELDING_TOKEN": self.melding_token,
                 "MELDING_OUTBOX": str(self.var_dir / "melding-outbox.db")},
                f"http://{self.host}:{self.actions_port}/health",
            ),
        }
        if self.shared is None:
            self.instance_ports = [self.rasa_port]
            self.services["rasa"] = self._rasa("rasa", self.rasa_port, "endpoints.yml",
                                               {"TRACKER_DB": str(self.var_dir / "tracker.db")},
                                               page_origins)
            return
        self.instance_ports = [free_port() for _ in range(self.rasa_instances)]
        self.services["redis"] = self._redis()
        stores = self._shared_store_env()
        for number, port in enumerate(self.instance_ports, start=1):
            name = "rasa" if number == 1 else f"rasa-{number}"
            self.services[name] = self._rasa(name, port, "endpoints.production.yml", stores,
                                             page_origins)
        self.services["nginx"] = self._nginx()

    def _rasa(self, name: str, port: int, endpoints: str, stores: dict[str, str],
              page_origins: list[str]) -> Service:
        command = [
            str(self.bot_python), "-m", "rasa", "run",
            "--model", str(self.model),
            "--endpoints", endpoints,
            "--credentials", "credentials.yml",
            "--interface", self.host,
            "--port", str(port),
            "--cors", *page_origins,
            "--enable-api", "--auth-token", self.auth_token,
        ]
        return Service(
            name, command,
            {"ACTION_ENDPOINT_URL": f"http://{self.host}:{self.actions_port}/webhook",
             "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
             "WIDGET_ORIGINS": " ".join(page_origins), **stores},
            f"http://{self.host}:{port}/webhooks/rest/",
            cwd=ROOT / "bot",
        )

    def _shared_store_env(self) -> dict[str, str]:
        assert self.shared is not None
        return {"POSTGRES_HOST": self.shared.postgres_host,
                "POSTGRES_PORT": str(self.shared.postgres_port),
                "POSTGRES_USER": self.shared.postgres_user,
                "POSTGRES_PASSWORD": self.shared.postgres_password,
                "RASA_TRACKER_DB": self.shared.tracker_db,
                "REDIS_HOST": self.host, "REDIS_PORT": str(self.shared.redis_port),
                "REDIS_PASSWORD": self.shared.redis_password}

    def _redis(self) -> Service:
        assert self.shared is not None
        host, port = self.host, self.shared.redis_port
        # Locks and socket.io messages only: nothing to keep on disk.
        command = ["redis-server", "--port", str(port), "--bind", host,
                   "--save", "", "--appendonly", "no",
                   "--requirepass", self.shared.redis_password]
        return Service("redis", command, {}, "", probe=lambda: _redis_answers(host, port))

    def _nginx(self) -> Service:
        (self.var_dir / "nginx").mkdir(parents=True, exist_ok=True)
        config = self.var_dir / "nginx" / "nginx.conf"
        config.write_text(nginx_config(self.var_dir, f"{self.host}:{self.rasa_port}",
                                       self.instance_ports, self.host))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"  # Debian's, outside a user's PATH
        return Service("nginx", [nginx, "-p", str(self.var_dir / "nginx"), "-c", str(config)],
                       {}, f"{self.rasa_url}/webhooks/rest/")

    def init_database(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT),
               "SOCIALE_KAART_DATABASE_URL": self.services["sociale_kaart"].env[
                   "SOCIALE_KAART_DATABASE_URL"]}
        subprocess.run([str(self.sk_python), "-m", "sociale_kaart.init_db"], env=env, check=True,
                       cwd=ROOT)

    def staff_account(self, gebruikersnaam: str, rol: str, gemeenten: list[str]) -> str:
        """Create a staff login (or give an existing one a new password); returns the password."""
        wachtwoord = secrets.token_urlsafe(12)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "WACHTWOORD": wachtwoord,
               "SOCIALE_KAART_DATABASE_URL": self.services["sociale_kaart"].env[
                   "SOCIALE_KAART_DATABASE_URL"]}
        command = [str(self.sk_python), "-m", "sociale_kaart.medewerkers"]
        new = subprocess.run([*command, "toevoegen", "--gebruikersnaam", gebruikersnaam,
                              "--naam", gebruikersnaam.capitalize(), "--rol", rol,
                              *[arg for code in gemeenten for arg in ("--gemeente", code)]],
                             env=env, cwd=ROOT, capture_output=True, text=True)
        if new.returncode != 0:
            subprocess.run([*command, "wachtwoord", "--gebruikersnaam", gebruikersnaam],
                           env=env, cwd=ROOT, check=True, capture_output=True, text=True)
        return wachtwoord

    def start(self, progress=print) -> None:
        self._build()
        self.init_database()
        log_dir = self.var_dir / "log"
        log_dir.mkdir(parents=True, exist_ok=True)
        for service in self.services.values():
            # Logs hold what residents asked (with identifiers taken out): keep the last two
            # runs only, not everything since the first.
            log = log_dir / f"{service.name}.log"
            if log.exists():
                log.replace(log.with_name(log.name + ".1"))
            service.start(log_dir)
        self.wait_until_ready(progress)

    def restart(self, name: str) -> None:
        service = self.services[name]
        service.stop()
        service.start(self.var_dir / "log")
        self.wait_until_ready()

    def wait_until_ready(self, progress=print) -> None:
        try:
            wait_until_ready(self.services, progress)
        except RuntimeError:
            self.stop()
            raise

    def stop(self) -> None:
        for service in reversed(list(self.services.values())):
            service.stop()

    def __enter__(self) -> Stack:
        self.start(progress=lambda _line: None)
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _banner(stack: Stack, started: float, demo_password: str) -> str:
    api = ("HTTP API on, with the token from RASA_AUTH_TOKEN" if os.environ.get("RASA_AUTH_TOKEN")
           else "HTTP API on, with a new token every start")
    uren = ("live chats day and night for this demo\n"
            "                       (set KCC_OPENINGSTIJDEN for real opening hours)"
            if stack.kcc_openingstijden == "altijd"
            else f"live chats {stack.kcc_openingstijden}")
    return f"""
  The Wmo wegwijzer is running (ready in {time.monotonic() - started:.0f} s).

  Open the assistant:  http://localhost:{stack.sk_port}/
  Carer entry:         http://localhost:{stack.sk_port}/mantelzorger/
  Team page (staff):   http://localhost:{stack.sk_port}/medewerker/
                       log in as 'demo' with password {demo_password}
                       (a new password every start; the demo account sees every gemeente)
  KCC console (staff): http://localhost:{stack.sk_port}/kcc/
                       same 'demo' login; {uren}
  Sociale kaart API:   http://localhost:{stack.sk_port}/docs
  Rasa:                http://localhost:{stack.rasa_port}/  ({api})
  Logs:                {stack.var_dir / 'log'}/

  Press Ctrl-C to stop.
"""


def add_stack_arguments(parser: argparse.ArgumentParser) -> None:
    """The four paths every command that starts the stack needs (the Makefile's STACK_ARGS)."""
    parser.add_argument("--bot-python", type=Path, required=True)
    parser.add_argument("--actions-python", type=Path, required=True)
    parser.add_argument("--sk-python", type=Path, required=True)
    parser.add_argument("--model", type=Path, required=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    add_stack_arguments(parser)
    args = parser.parse_args()

    # Ctrl-C and SIGTERM must stop the services whenever they come, even during start-up,
    # and even when this process was started with SIGINT ignored (as background jobs are).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    started = time.monotonic()
    stack = Stack(args.bot_python, args.actions_python, args.sk_python, args.model,
                  host=os.environ.get("HOST", "127.0.0.1"))
    _say("Starting sociale kaart, action server and Rasa (Rasa takes about 20 seconds)...")
    try:
        stack.start()
        demo_password = stack.staff_account("demo", "admin", [])
        _say(_banner(stack, started, demo_password))
        while True:
            died = [name for name, s in stack.services.items() if s.has_died()]
            if died:
                _say(f"{', '.join(died)} stopped unexpectedly; see {stack.var_dir / 'log'}/")
                return 1
            time.sleep(1)
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        _say(f"\nThe wegwijzer could not start: {exc}")
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # Stop first, talk after: the terminal or a pipe may already be gone.
        stack.stop()
        _say("\nStopped sociale kaart, action server and Rasa.")


def _say(text: str) -> None:
    with contextlib.suppress(OSError):
        print(text, flush=True)


if __name__ == "__main__":
    sys.exit(main())
