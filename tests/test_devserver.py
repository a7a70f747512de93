"""explainer.devserver: what `mkdocs serve` adds to a page per response (the browser tests in
tests/browser/test_serve_live.py run it on the real `make serve`)."""

from __future__ import annotations

import socket

from explainer.audit import add_csp
from explainer.devserver import (
    BANNER_SCRIPT,
    appended_script,
    banner,
    csp_hash,
    port_taken,
    served_page,
)
from explainer.problems import Problem

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
