"""Hosts to publishers: which publisher record an external reference's URL belongs to. Pure."""

from __future__ import annotations

import re
import urllib.parse

from explainer.data import schema as s

HOST_RE = re.compile(s.HOST_PATTERN)


def normal_host(host: str) -> str:
    """'WWW.UN.org' -> 'un.org': lower case, without a leading 'www.' (ignored by the register)."""
    host = host.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def host_of(url: str) -> str:
    """The normal host of an absolute URL ('' if it has none)."""
    try:
        return normal_host(urllib.parse.urlsplit(url).hostname or "")
    except ValueError:
        return ""


def publisher_of(host: str, hosts: dict[str, str]) -> str | None:
    """The publisher id for `host`, given {registered host: publisher id}: the host itself or
    the closest registered parent domain ('media.un.org' is covered by 'un.org')."""
    while host:
        if host in hosts:
            return hosts[host]
        _, _, host = host.partition(".")
    return None
