"""No network, ever: import and score in a fresh process with no network and an
empty home directory. textstat's CMU dictionary download is the known trap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

# Installed as sitecustomize in the child: every socket connection attempt is
# recorded and refused, and the attempts are written out at exit.
_GUARD = textwrap.dedent("""
    import atexit, json, os, socket
    attempts = []
    def refuse(self, address, *a, **k):
        attempts.append(repr(address))
        raise OSError("network disabled by test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    real_getaddrinfo = socket.getaddrinfo
    def no_dns(host, *a, **k):
        attempts.append("dns:" + repr(host))
        raise socket.gaierror("network disabled by test")
    socket.getaddrinfo = no_dns
    atexit.register(lambda: open(os.environ["NET_LOG"], "w").write(json.dumps(attempts)))
""")

_CHILD = textwrap.dedent("""
    import reliability
    p = reliability.score({"title": "Talks resume", "text": "Talks resumed on Monday, "
                           "Foreign Minister Anna Berg said. Critics argue it may fail."})
    assert 0 <= p.score <= 100
    r = reliability.readability_report("The cat sat on the mat. It was a sunny day.")
    assert r["flesch_reading_ease"] > 50, r
    print("ok")
""")


def test_import_score_and_textstat_work_offline_with_empty_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_GUARD, encoding="utf-8")
    log = tmp_path / "net.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK", "PYTHON"))}
    env.update(
        HOME=str(home),
        PYTHONPATH=str(site),
        NET_LOG=str(log),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local"),
    )
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
    assert json.loads(log.read_text()) == []  # not one connection or lookup was tried
    assert list(home.iterdir()) == []  # nothing downloaded or cached into the empty home
