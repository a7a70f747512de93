"""What `mkdocs serve` adds to a page as it answers a request, and never writes to disk.

Under `make serve` MkDocs appends its live-reload script to every HTML page it serves. The
page's Content-Security-Policy admits only the theme's inline scripts, so the policy of the
served copy also names that script's hash. While the data has problems, the served copy also
carries a banner listing them, with a small script (admitted the same way) that dismisses it.
The built site's files and their policy are untouched: all of this happens per response.

Pure: bytes and problems in, bytes out (the MkDocs adapter is mkdocs_hook.on_serve).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import socket
from collections.abc import Sequence
from typing import Final

from explainer.data.problems import Problem, summary

_CSP_META: Final = re.compile(
    r'(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src [^;"]*)')
_BODY_OPEN: Final = re.compile(r"<body(?:\s[^>]*)?>", re.IGNORECASE)

BANNER_ID: Final = "explainer-problems"
# Dismisses the banner: its button, or Escape while the focus is in it.
BANNER_SCRIPT: Final = (
    '(function(){var b=document.getElementById("explainer-problems");if(!b)return;'
    'function hide(){b.hidden=true;}'
    'b.querySelector("button").addEventListener("click",hide);'
    'b.addEventListener("keydown",function(e){if(e.key==="Escape")hide();});})();'
)
BANNER_STYLE: Final = (
    "#explainer-problems{margin:0;padding:.8rem 1.2rem;border-bottom:4px solid #b3261e;"
    "background:#fff4f2;color:#2b0a07;font-size:.8rem;line-height:1.5;position:relative;"
    "z-index:10}"
    "[data-md-color-scheme=slate] #explainer-problems{background:#2b0a07;color:#fff4f2;"
    "border-color:#ffb4ab}"
    "#explainer-problems p{margin:0 0 .4rem;font-weight:700}"
    "#explainer-problems ul{margin:0 0 .4rem;padding-left:1.2rem}"
    "#explainer-problems code{background:none;color:inherit;font-size:inherit;padding:0;"
    "white-space:pre-wrap;word-break:break-word}"
    "#explainer-problems .explainer-hint{display:block;padding-left:1.5rem}"
    "#explainer-problems button{font:inherit;padding:.2rem .8rem;border:2px solid currentColor;"
    "border-radius:.2rem;background:transparent;color:inherit;cursor:pointer}"
    "#explainer-problems button:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}"
)


def csp_hash(script: str) -> str:
    """The CSP source expression that admits exactly this inline script."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def admit_scripts(page: str, scripts: Sequence[str]) -> str:
    """The page with its policy's script-src also naming each script's hash. A page without a
    policy is returned as it is (nothing to widen)."""
    extra = "".join(" " + csp_hash(s) for s in scripts)
    return _CSP_META.sub(lambda m: m.group(1) + extra, page, count=1)


def banner(problems: Sequence[Problem]) -> str:
    """The banner: each problem as `path:line:col: message` with its hint, escaped."""
    items = []
    for p in sorted(problems):
        hint = (f'<span class="explainer-hint">hint: {html.escape(p.hint)}</span>'
                if p.hint else "")
        items.append(f"<li><code>{html.escape(f'{p.path}:{p.line}:{p.col}: {p.message}')}"
                     f"</code>{hint}</li>")
    return (
        f'<style>{BANNER_STYLE}</style>'
        f'<div id="{BANNER_ID}" role="alert" aria-labelledby="{BANNER_ID}-title">'
        f'<p id="{BANNER_ID}-title">The data has problems: these pages are the last good '
        f"build ({html.escape(summary(list(problems)).removeprefix('explainer: '))}).</p>"
        f'<ul>{"".join(items)}</ul>'
        f'<button type="button">Dismiss</button></div>'
    )


def served_page(page: bytes, *, reload_script: str | None,
                problems: Sequence[Problem] = ()) -> bytes:
    """The page as `mkdocs serve` answers it: its policy admits the live-reload script MkDocs
    appended (`reload_script`, its exact text) and, when the data has problems, the banner
    (first in <body>) and its script."""
    text = page.decode("utf-8")
    scripts = [reload_script] if reload_script is not None else []
    if problems:
        body = _BODY_OPEN.search(text)
        at = body.end() if body else 0
        text = (text[:at] + banner(problems) + f"<script>{BANNER_SCRIPT}</script>"
                + text[at:])
        scripts.append(BANNER_SCRIPT)
    return admit_scripts(text, scripts).encode("utf-8")


def appended_script(before: bytes, after: bytes) -> str | None:
    """The text of the one <script> MkDocs inserted before </body> (or at the end) to turn
    `before` into `after`; None when nothing was inserted."""
    if len(after) <= len(before):
        return None
    at = before.rfind(b"</body>")
    if at < 0:
        at = len(before)
    inserted = after[at:at + len(after) - len(before)]
    if not (inserted.startswith(b"<script>") and inserted.endswith(b"</script>")):
        return None
    return inserted[len(b"<script>"):-len(b"</script>")].decode("utf-8")


def port_taken(host: str, port: int) -> bool:
    """True when another program already listens on host:port."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False
