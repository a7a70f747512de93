"""The Atom feed (RFC 4287) of the most recently reviewed records. Pure: Corpus in, XML out.

Every date comes from the data, never from the clock, so builds stay reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from explainer.data.dates import PartialDate
from explainer.data.model import Corpus
from explainer.i18n import _, current
from explainer.render import links

FEED_FILE = "feed.xml"
FEED_ENTRIES = 30


@dataclass(frozen=True, kw_only=True, slots=True)
class Entry:
    path: str  # the record's page
    title: str
    summary: str
    kind: str  # Event, Claim, Actor
    updated: PartialDate


def _stamp(d: PartialDate) -> str:
    return f"{d.first_day().isoformat()}T00:00:00Z"


def entries(corpus: Corpus) -> list[Entry]:
    """The FEED_ENTRIES records reviewed last (newest first; ties by page path)."""
    found: list[Entry] = []

    def add(items: Iterable[tuple[str, str, str, str, PartialDate | None]]) -> None:
        found.extend(Entry(path=p, title=t, summary=s, kind=k, updated=d)
                     for p, t, s, k, d in items if d is not None)

    event, claim, actor = _("Event"), _("Claim"), _("Actor")
    add((links.event(e.id), e.title, e.summary, event, e.reviewed)
        for e in corpus.events.values())
    add((links.claim(c.id), c.label, c.statement, claim, c.reviewed)
        for c in corpus.claims.values())
    add((links.actor(a.id), a.name, a.description, actor, a.reviewed)
        for a in corpus.actors.values())
    found.sort(key=lambda x: x.path)
    found.sort(key=lambda x: x.updated.first_day(), reverse=True)
    return found[:FEED_ENTRIES]


def atom(corpus: Corpus, *, site_name: str, site_url: str) -> str:
    items = entries(corpus)
    updated = _stamp(items[0].updated) if items else "1970-01-01T00:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{current()}">',
           "  <title>" + escape(_("%(site)s: recently reviewed records")
                                % {"site": site_name}) + "</title>",
           f"  <id>{escape(site_url)}</id>",
           f"  <updated>{updated}</updated>",
           f"  <author><name>{escape(site_name)}</name></author>",
           f"  <link rel=\"self\" type=\"application/atom+xml\" "
           f"href={quoteattr(site_url + FEED_FILE)}/>",
           f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(site_url)}/>"]
    for e in items:
        url = site_url + links.url_of(e.path)
        out += ["  <entry>",
                f"    <title>{escape(e.kind)}{escape(_(':'))} {escape(e.title)}</title>",
                f"    <id>{escape(url)}</id>",
                f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
                f"    <updated>{_stamp(e.updated)}</updated>",
                f"    <summary>{escape(e.summary)}</summary>",
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
