"""The actor index, grouped by kind, and one page per actor."""

from __future__ import annotations

from typing import Any

from explainer.data.model import Actor, Corpus
from explainer.data.schema import ACTOR_KINDS
from explainer.i18n import N_, Messages, _, integer
from explainer.render import links, paging
from explainer.render.cite import DEFAULT_SITE, Cited, Publication, cite_block
from explainer.render.common import (
    abbrs,
    citations,
    count,
    heading_anchor,
    kind_label,
    lag_note,
    reviewed,
    time,
)
from explainer.render.text import plain, rich
from explainer.render.timeline import SPLIT

_KIND_HEADINGS = Messages({
    "person": N_("People"), "armed-forces": N_("Armed forces"), "government": N_("Governments"),
    "state": N_("States"), "intergovernmental-organisation": N_("Intergovernmental organisations"),
    "political-movement": N_("Political movements"), "armed-group": N_("Armed groups"),
    "research-organisation": N_("Research organisations"), "media": N_("Media"),
    "organisation": N_("Organisations"),
})


def _kind_heading(kind: str) -> str:
    return _KIND_HEADINGS.get(kind) or kind_label(kind).capitalize() + "s"


def _kind_rank(kind: str) -> tuple[int, int]:
    """People first, then organisations (in schema order), then states."""
    return ({"person": 0, "state": 2}.get(kind, 1),
            ACTOR_KINDS.index(kind) if kind in ACTOR_KINDS else len(ACTOR_KINDS))


#: Actors listed on the index before each kind gets its own pages.
INDEX_SPLIT = 150
#: Actors on one page of a kind.
PER_PAGE = 100


def kind_page(kind: str) -> str:
    return f"actors/kind/{kind}.md"


def _by_kind(corpus: Corpus) -> dict[str, list[Actor]]:
    by_kind: dict[str, list[Actor]] = {}
    for a in corpus.actors.values():
        by_kind.setdefault(a.kind, []).append(a)
    n = {a: len(ev) for a, ev in corpus.events_by_actor.items()}
    return {k: sorted(v, key=lambda a: (-n.get(a.id, 0), a.name.casefold(), a.id))
            for k, v in sorted(by_kind.items(), key=lambda kv: _kind_rank(kv[0]))}


def _actor_item(corpus: Corpus, page: str, a: Actor) -> str:
    n = len(corpus.events_by_actor.get(a.id, ()))
    aka = (" " + _("(also: %(names)s)") % {"names": ", ".join(plain(x) for x in a.aliases)}
           if a.aliases else "")
    return (f"- [{plain(a.name)}]({links.md(page, links.actor(a.id))}){aka} — "
            f"{count(n, 'event')}")


def actor_index(corpus: Corpus) -> str:
    return actor_index_pages(corpus)[links.ACTORS]


def actor_index_pages(corpus: Corpus) -> dict[str, str]:
    """The actor index, grouped by kind; above INDEX_SPLIT actors, one paged list per kind."""
    page = links.ACTORS
    by_kind = _by_kind(corpus)
    lines = ["# " + _("Actors"), "", _(
        "%(n)s people and organisations appear in the events and claims: people first, then "
        "organisations, then states, each group by the number of events they appear in. Each "
        "page lists their roles, affiliations, events and the claims that name them.")
        % {"n": integer(len(corpus.actors))}, ""]
    if len(corpus.actors) <= INDEX_SPLIT:
        for kind, actors in by_kind.items():
            lines += [f"## {_kind_heading(kind)} {{#kind-{kind}}}", ""]
            lines += [_actor_item(corpus, page, a) for a in actors]
            lines.append("")
        return {page: "\n".join(lines)}
    lines += [f"- [{_kind_heading(k)}]({links.md(page, kind_page(k))}){_(':')} {integer(len(v))}"
              for k, v in by_kind.items()]
    pages = {page: "\n".join([*lines, ""])}
    for kind, actors in by_kind.items():
        base = kind_page(kind)
        runs = paging.chunks(actors, PER_PAGE)
        for n, run in enumerate(runs, 1):
            p = paging.numbered(base, n)
            nav = paging.pager(p, base, n, len(runs))
            pages[p] = "\n".join(["# " + _("Actors: %(kind)s")
                                  % {"kind": _kind_heading(kind).lower()}, "",
                                  f"[← {_('All actors')}]({links.md(p, page)}) · "
                                  + _("%(n)s in all.") % {"n": integer(len(actors))},
                                  "", *nav, *(_actor_item(corpus, p, a) for a in run), "",
                                  *nav])
    return pages


def _actor_link(corpus: Corpus, page: str, ident: str) -> str:
    return f"[{plain(corpus.actors[ident].name)}]({links.md(page, links.actor(ident))})"


def actor_cited(a: Actor, site: Publication) -> Cited:
    return Cited(path=links.actor(a.id), title=a.name, kind="actor", reviewed=a.reviewed,
                 site=site)


#: How much more an actor's page weighs in search than another page, per edition. French names
#: of organisations are made of common words (État, Union, Conseil, Alliance): a strong boost
#: would rank them above any title that shares one word with the query.
SEARCH_BOOST = {"en": 4, "fr": 1.5}


def actor_page(corpus: Corpus, a: Actor, members: tuple[str, ...],
               site: Publication = DEFAULT_SITE) -> str:
    page = links.actor(a.id)
    # Front matter that Material's search reads: a search for a name finds its actor's page
    # first, ahead of the many events and claims that mention it.
    lines = ["---", "search:", f"  boost: {SEARCH_BOOST[corpus.lang]}", "---", "",
             f"# {plain(a.name)} {heading_anchor('actor-' + a.id)}", "",
             *lag_note(corpus, page, a.path),
             _("**Kind:** %(kind)s") % {"kind": kind_label(a.kind)}]
    if a.aliases:
        lines[-1] += "  "
        lines.append(_("**Also written:** %(names)s")
                     % {"names": ", ".join(plain(x) for x in a.aliases)})
    lines += ["", rich(a.description, abbrs(corpus)), ""]
    if a.roles:
        lines += ["## " + _("Roles") + " {#roles}", "",
                  f"| {_('Role')} | {_('Of')} | {_('From')} | {_('To')} |",
                  "| --- | --- | --- | --- |"]
        for r in a.roles:
            org = _actor_link(corpus, page, r.organisation) if r.organisation else ""
            start = plain(r.start.display()) if r.start else ""
            end = plain(r.end.display()) if r.end else ("" if not r.start else "—")
            lines.append(f"| {plain(r.title)} | {org} | {start} | {end} |")
        lines.append("")
    if a.affiliations:
        lines += ["## " + _("Affiliations") + " {#affiliations}", "",
                  *(f"- {_actor_link(corpus, page, o)}" for o in a.affiliations), ""]
    if members:
        lines += ["## " + _("Members") + " {#members}", "",
                  *(f"- {_actor_link(corpus, page, m)}" for m in members), ""]
    ev_ids = corpus.events_by_actor.get(a.id, ())
    lines += ["## " + _("Events") + " {#events}", ""]
    if not ev_ids:
        lines += [_("None recorded."), ""]
    elif len(ev_ids) > SPLIT:
        lines += [_("%(events)s: see [the timeline of %(name)s](%(link)s).") % {
            "events": count(len(ev_ids), "event"), "name": plain(a.name),
            "link": links.md(page, links.by_actor(a.id))}, ""]
    else:
        lines += [_("[Timeline of these events](%(link)s).")
                  % {"link": links.md(page, links.by_actor(a.id))}, ""]
        for i in ev_ids:
            e = corpus.events[i]
            roles = "; ".join(plain(x.role) for x in e.actors if x.actor == a.id)
            lines.append(f"- {time(e.when)} · [{plain(e.title)}]"
                         f"({links.md(page, links.event(e.id))}) — {roles}")
        lines.append("")
    claims = corpus.claims_by_actor.get(a.id, ())
    if claims:
        lines += ["## " + _("Claims that name them") + " {#claims}", "",
                  *(f"- [{plain(corpus.claims[c].label)}]({links.md(page, links.claim(c))})"
                    for c in claims), ""]
    lines += ["## " + _("Sources") + " {#sources}", "", *citations(corpus, page, a.sources),
              *reviewed(a.reviewed), *cite_block(actor_cited(a, site))]
    return "\n".join(lines)


def actor_jsonld(a: Actor) -> dict[str, Any]:
    """schema.org Person or Organization; the hook adds the page's canonical URL."""
    data: dict[str, Any] = {"@context": "https://schema.org",
                            "@type": "Person" if a.kind == "person" else "Organization",
                            "name": a.name, "description": a.description}
    if a.aliases:
        data["alternateName"] = list(a.aliases)
    return data


def actor_pages(corpus: Corpus, site: Publication = DEFAULT_SITE) -> dict[str, str]:
    pages = actor_index_pages(corpus)
    for a in corpus.actors.values():
        pages[links.actor(a.id)] = actor_page(corpus, a, corpus.members.get(a.id, ()), site)
    return pages
