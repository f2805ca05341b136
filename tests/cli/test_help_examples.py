"""Every example in every `--help` runs, in a fresh folder holding the files it needs.

The examples are read from the commands' help texts, ordered so that what one
needs exists (the registry import first, then the ingest, feeds added before
they are polled, ...), and run in-process against a local web server that
stands in for https://example.org.
"""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from saidwhat.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]

#: What the examples need besides the bundled corpus. The registry holds the
#: people that `speakers merge/split` examples act on (ids 1-4 in a fresh store).
REGISTRY = """name,aliases,role,organisation,country
Sergey Ostrikov,Ostrikov|Sergei Ostrikov|Pavel Ostrikov,Foreign Minister,Foreign Ministry,Arkhavia
S. Ostrikov,,,,
Carla Dunmore,Dunmore,Senator,,
C. Dunmore,,,,
"""
NEWS = """Harbour talks resume

PORT ALDER, May 6, 2026 - "We expect the channel to be open for the spring fleet," said harbour
master Oskar Lindqvist on Wednesday.
"""
ARTICLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Example Gazette"></head><body><article><h1>{title}</h1>
<p>The council met on Tuesday to discuss the ferry timetable for the summer season.</p>
<p>"We will add two crossings a day," said council chair Petra Ilves, adding that the harbour
would be dredged first.</p></article></body></html>"""

#: When each command's examples run: what they need must have run before.
ORDER = {
    "speakers import": 0,
    "ingest": 1,
    "speakers export": 3,
    "speakers merge": 4,
    "speakers split": 5,
    "watch add": 6,
    "feeds add": 6,
    "watch list": 7,
    "watch feed": 7,
    "feeds poll": 7,
    "feeds list": 8,
    "watch remove": 9,
    "feeds remove": 9,
}
DEFAULT_ORDER = 2


class _Site(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/world/rss.xml":
            items = "".join(
                f"<item><title>Ferry story {n}</title><link>{base}/news/{n}.html</link>"
                f"<guid>ferry-{n}</guid><pubDate>Wed, 06 May 2026 0{n}:00:00 GMT</pubDate></item>"
                for n in (1, 2)
            )
            body, ctype = (
                f"<?xml version='1.0'?><rss version='2.0'><channel><title>Example Gazette</title>"
                f"{items}</channel></rss>",
                "application/rss+xml",
            )
        elif self.path.endswith(".html"):
            body, ctype = ARTICLE.format(title=f"Ferry news {self.path}"), "text/html"
        else:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


def _examples() -> list[str]:
    found: list[str] = []
    for command in [cli, *(c for _, c in _commands())]:
        text = (command.help or "").split("Example:", 1)
        if len(text) < 2:
            continue
        lines = text[1].replace("\\\n", " ").splitlines()
        for line in lines:
            line = line.strip()
            if line.startswith("saidwhat ") and line not in found:
                found.append(line)
    return found


def _argv(example: str) -> tuple[list[str], str | None]:
    """The arguments after `saidwhat`, and the file stdout is redirected to (if any)."""
    words = shlex.split(example, comments=True)[1:]
    redirect = None
    if ">" in words:
        at = words.index(">")
        redirect, words = words[at + 1], words[:at]
    return words, redirect


def _command_of(argv: list[str]) -> str:
    words = [w for i, w in enumerate(argv) if not (w == "--db" or (i and argv[i - 1] == "--db"))]
    path: list[str] = []
    group: click.Command = cli
    for w in words:
        if isinstance(group, click.Group) and w in group.commands:
            path.append(w)
            group = group.commands[w]
        else:
            break
    return " ".join(path)


EXAMPLES = sorted(_examples(), key=lambda e: ORDER.get(_command_of(_argv(e)[0]), DEFAULT_ORDER))


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A folder like an analyst's: the bundled examples, a news/ folder, a registry; and a site."""
    folder = tmp_path_factory.mktemp("desk")
    (folder / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    (folder / "news").mkdir()
    (folder / "news" / "harbour.txt").write_text(NEWS, encoding="utf-8")
    (folder / "registry.csv").write_text(REGISTRY, encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    old = os.getcwd()
    saved_db = os.environ.pop("SAIDWHAT_DB", None)
    os.chdir(folder)
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        os.chdir(old)
        if saved_db is not None:
            os.environ["SAIDWHAT_DB"] = saved_db
        server.shutdown()
        server.server_close()


def test_examples_were_found():
    assert len(EXAMPLES) > 30
    assert EXAMPLES[0].startswith("saidwhat speakers import")


#: How long `serve` may take to answer its first request.
SERVE_START_S = 60


def _serves(folder: Path, argv: list[str]) -> None:
    """Run a `serve` example as a process on a free port until it answers, then stop it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-c", "from saidwhat.cli.main import main; main()", *argv]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port)],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + SERVE_START_S
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        out = proc.stdout.read().decode(errors="replace") if proc.poll() is not None else ""
        pytest.fail(f"`saidwhat {' '.join(argv)}` did not start serving:\n{out}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.parametrize("example", EXAMPLES)
def test_help_example_runs(desk, example):
    folder, base = desk
    argv, redirect = _argv(example.replace("https://example.org", base))
    if _command_of(argv) == "serve":  # runs until stopped: check it comes up
        _serves(folder, argv)
        return
    result = CliRunner().invoke(cli, argv)
    out = result.stdout + result.stderr
    assert result.exit_code == 0, f"`{example}` exited {result.exit_code}:\n{out}"
    assert "Traceback" not in out and "saidwhat: error" not in out, out
    if redirect:
        (folder / redirect).write_bytes(result.stdout_bytes)
    if "-o" in argv:  # the file the example writes is there and not empty
        written = argv[argv.index("-o") + 1]
        assert (folder / written).stat().st_size > 0, written
