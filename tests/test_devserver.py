"""explainer.build.devserver: what `mkdocs serve` adds to a page per response (the browser tests in
tests/browser/test_serve_live.py run it on the real `make serve`)."""

from __future__ import annotations

import socket

from explainer.build.audit import add_csp
from explainer.build.devserver import (
    BANNER_SCRIPT,
    appended_script,
    banner,
    csp_hash,
    port_taken,
    served_page,
)
from explainer.data.problems import Problem

PAGE = add_csp("<html><head><title>x</title></head><body class=\"a\"><p>x</p></body></html>")
RELOAD = "livereload(1, 2);"
PROBLEM = Problem(path="data/events/x.yaml", line=3, col=7, message="kind <b> must be one of",
                  hint="did you mean 'coup'?")


def test_the_policy_admits_the_reload_script_and_nothing_else_changes() -> None:
    out = served_page(PAGE.encode(), reload_script=RELOAD).decode()
    assert f"script-src 'self' {csp_hash(RELOAD)};" in out
    assert out.replace(" " + csp_hash(RELOAD), "") == PAGE
    assert "explainer-problems" not in out


def test_the_appended_script_is_found() -> None:
    before = PAGE.encode()
    at = before.rindex(b"</body>")
    after = before[:at] + f"<script>{RELOAD}</script>".encode() + before[at:]
    assert appended_script(before, after) == RELOAD
    assert appended_script(before, before) is None
    assert appended_script(b"<p>", b"<p><script>x</script>") == "x"


def test_problems_show_in_a_banner_first_in_the_body_escaped() -> None:
    out = served_page(PAGE.encode(), reload_script=RELOAD, problems=[PROBLEM]).decode()
    assert out.index('<body class="a"><style>') < out.index('id="explainer-problems"')
    assert "data/events/x.yaml:3:7: kind &lt;b&gt; must be one of" in out
    assert "hint: did you mean &#x27;coup&#x27;?" in out
    assert f"{csp_hash(RELOAD)} {csp_hash(BANNER_SCRIPT)};" in out
    assert f"<script>{BANNER_SCRIPT}</script>" in out
    assert 'role="alert"' in banner([PROBLEM])


def test_a_taken_port_is_seen() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        assert port_taken("127.0.0.1", s.getsockname()[1])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    assert not port_taken("127.0.0.1", free)


def test_make_serve_on_a_taken_port_says_so_in_one_line() -> None:
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "SITE_URL"}}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = subprocess.run(["make", "-s", "serve", f"PORT={port}"], cwd=root, env=env,
                              capture_output=True, text=True, timeout=120)
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Traceback" not in out and "Errno" not in out, out
    said = [ln for ln in out.splitlines() if "already in use" in ln]
    assert said == [f"explainer: port {port} on 127.0.0.1 is already in use (another `make "
                    f"serve`?); pick another: make serve PORT={port + 1}"], out


def test_make_help_gives_the_served_address_with_its_sub_path() -> None:
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(["make", "-s", "help"], cwd=root, capture_output=True, text=True,
                         check=True).stdout
    assert "http://127.0.0.1:8000/mali-coup-explainer/" in out
    assert "make serve PORT=8001" in out
