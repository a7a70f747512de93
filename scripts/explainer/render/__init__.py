"""Corpus in, pages out: `render_site` writes every page as Markdown, plus downloadable files.

Pure and engine-neutral: nothing here knows MkDocs. Links between pages are relative `.md` links.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from explainer import i18n
from explainer.data.model import Corpus
from explainer.data.problems import DataError, Problem
from explainer.i18n import N_, _
from explainer.render import (
    about,
    actors,
    argument,
    article,
    card,
    claims,
    data,
    events,
    exports,
    factchecks,
    feed,
    glossary,
    hindsight,
    home,
    links,
    place_pages,
    source,
    timeline,
)
from explainer.render.cite import DEFAULT_SITE, Cited, Publication, cite_files

DEFAULT_REPO = "https://github.com/OWNER/mali-coup-explainer"


@dataclass(frozen=True, kw_only=True, slots=True)
class Page:
    """One generated page: its Markdown and the data file it came from (for the edit link)."""

    markdown: str
    source: str | None = None
    #: schema.org data for the page's head, if any (the adapter escapes and inserts it).
    jsonld: dict[str, Any] | None = None
    #: how to cite the page, for a record's page (the adapter adds `citation_*` tags)
    cited: Cited | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Site:
    pages: dict[str, Page]
    files: dict[str, bytes] = field(default_factory=dict)
    #: `*[TERM]: expansion` lines for the abbr extension, to append to every page.
    abbreviations: str = ""


def _check_reserved(corpus: Corpus) -> None:
    # actors/index.md is the actor index; an actor called "index" would take its place.
    bad = [a for a in corpus.actors.values() if a.id == "index"]
    if bad:
        raise DataError([Problem(path=a.path, line=1, col=1,
                                 message="actor id 'index' is reserved for the actor index page",
                                 hint="rename the file and its id") for a in bad])


def render_site(corpus: Corpus, *, schemas: dict[str, str] | None = None,
                repo: str = DEFAULT_REPO, site: Publication = DEFAULT_SITE,
                event_pages: Callable[[Corpus], dict[str, str]] | None = None,
                shared: Callable[[Corpus], dict[str, bytes]] | None = None,
                lang: str | None = None) -> Site:
    """Every page of the site, keyed by its path (`events/<id>.md`), and the download files.

    The generator's own words are in `lang` (explainer.i18n; by default the corpus's language,
    `corpus.lang`); the records' text is the corpus's. `event_pages` (the event pages) and
    `shared` (shared_files) are asked for last, so that a caller can have them made elsewhere
    meanwhile (explainer.build.render)."""
    with i18n.use(lang or corpus.lang):
        return _render_site(corpus, schemas=schemas, repo=repo, site=site,
                            event_pages=event_pages, shared=shared)


def _render_site(corpus: Corpus, *, schemas: dict[str, str] | None, repo: str,
                 site: Publication,
                 event_pages: Callable[[Corpus], dict[str, str]] | None,
                 shared: Callable[[Corpus], dict[str, bytes]] | None) -> Site:
    _check_reserved(corpus)
    schemas = schemas or {}
    md: dict[str, str] = {
        links.HOME: home.home(corpus),
        links.ABOUT: about.about(corpus, repo),
        links.METHOD: about.method(corpus),
    }
    md.update(argument.argument_pages(corpus))
    md.update(factchecks.fact_check_pages(corpus))
    md.update(glossary.glossary_pages(corpus))
    md.update(hindsight.hindsight_pages(corpus))
    md.update(place_pages.place_pages(corpus))
    md.update(source.source_pages(corpus))
    md.update(article.article_pages(corpus))
    md.update(timeline.timeline_pages(corpus))
    pages = {path: Page(markdown=text) for path, text in md.items()}
    for path, text in actors.actor_pages(corpus, site).items():
        a = corpus.actors.get(path[len("actors/"):-3])
        pages[path] = Page(markdown=text, source=a.path if a else None,
                           jsonld=actors.actor_jsonld(a) if a else None,
                           cited=actors.actor_cited(a, site) if a else None)
    for path, text in claims.claim_pages(corpus, site).items():
        c = corpus.claims[path[len("claims/"):-3]]
        pages[path] = Page(markdown=text, source=c.path,
                           jsonld=claims.claim_jsonld(corpus, c, site),
                           cited=claims.claim_cited(c, site))
    rendered = (event_pages or (lambda c: events.event_pages(c, site)))(corpus)
    for path, text in rendered.items():
        e = corpus.events[path[len("events/"):-3]]
        pages[path] = Page(markdown=text, source=e.path, jsonld=events.event_jsonld(e, corpus),
                           cited=events.event_cited(e, site))
    # The data page lists every download with its size: it comes after the files.
    files = data.data_files(corpus, schemas)
    files.update((shared or (lambda c: shared_files(c, site)))(corpus))
    pages[links.DATA] = Page(markdown=data.data_page(corpus, files, schemas))
    return Site(pages=dict(sorted(pages.items())), files=dict(sorted(files.items())),
                abbreviations=glossary.abbreviations(corpus))


SUBTITLE = N_("A sourced, fact-checked explainer of an op-ed on Mali's coups of 2020 and 2021")


def shared_files(corpus: Corpus, site: Publication) -> dict[str, bytes]:
    """What the site offers for reuse beyond its pages: the preview card, the feed, the
    exports, and each record's citation files."""
    files = {
        card.CARD_FILE: card.card_png(site.name, _(SUBTITLE), site.url.split("//", 1)[-1]),
        feed.FEED_FILE: feed.atom(corpus, site_name=site.name, site_url=site.url).encode(),
        exports.TIMELINEJS_FILE: exports.as_json(exports.timelinejs(
            corpus, title=site.name, text=_(SUBTITLE))),
        exports.DOT_FILE: exports.argument_dot(corpus).encode("utf-8"),
        exports.AIF_FILE: exports.as_json(exports.argument_aif(corpus)),
        exports.ACLED_FILE: data.csv_bytes(list(exports.ACLED_COLUMNS), exports.acled_rows(corpus)),
    }
    for e in corpus.events.values():
        files.update(cite_files(events.event_cited(e, site)))
    for c in corpus.claims.values():
        files.update(cite_files(claims.claim_cited(c, site)))
    for a in corpus.actors.values():
        files.update(cite_files(actors.actor_cited(a, site)))
    return files
