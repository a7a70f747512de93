"""The one rule for links to the outside: absolute http(s), nothing that could break out."""

from __future__ import annotations

import functools
import re
import urllib.parse

_BREAKOUT = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")


@functools.lru_cache(maxsize=8192)  # datasets cite the same few hundred URLs many times
def url_problem(url: str) -> str:
    """Why `url` is not an acceptable absolute http(s) URL, or '' if it is."""
    if _BREAKOUT.search(url):
        return "remove spaces, quotes, angle brackets and backslashes (percent-encode them)"
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "it does not parse as a URL"
    if parts.scheme not in ("http", "https"):
        return "only http:// and https:// addresses are allowed"
    if not parts.netloc or parts.netloc.startswith("."):
        return "it needs a host, e.g. https://example.org/page"
    return ""
