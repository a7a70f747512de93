"""The home page: what happened, in five sentences and one picture; what the article argues."""

from __future__ import annotations

from explainer.data.model import Corpus, Event
from explainer.i18n import _, approximately, integer
from explainer.render import links, scope, svg, whatnext
from explainer.render.common import abbrs, count, number_word
from explainer.render.text import first_sentence, plain, rich, rich_inline
from explainer.render.timeline import chart_target

#: Which events tell the story first, most important first (the fallback when none is tagged).
_STORY_KINDS = ("independence", "coup", "agreement", "election", "military-operation",
                "sanction")
#: Events tagged so tell the story on the home page, one sentence each: their summary's first.
HOME_TAG = "home"
#: Coups named one by one in the history sentence, theses and sources shown: the page must not
#: grow with the data (a longer record names the latest and links to the rest).
MAX_COUPS = 10
MAX_THESES = 3
MAX_SOURCES = 3


def story_events(corpus: Corpus, n: int = 4) -> list[Event]:
    """The events whose summaries tell what happened, in date order: those tagged `home`.

    Without any, the fallback: the first independence, then the latest coups, then other
    kinds; regional events and events after the article left out.
    """
    tagged = [e for e in corpus.events.values() if HOME_TAG in e.tags]
    if tagged:
        return tagged[:n]
    rank = {k: i for i, k in enumerate(_STORY_KINDS)}
    day = scope.cutoff(corpus)  # what came after the article has its own section
    evs = [e for e in corpus.events.values()
           if not scope.is_regional(e) and not scope.is_after(e, day)]
    first_of_kind: set[str] = set()
    keyed = []
    for i, e in enumerate(evs):
        # Independence is told once (the first); coups from the latest back.
        again = e.kind == "independence" and e.kind in first_of_kind
        first_of_kind.add(e.kind)
        keyed.append(((rank.get(e.kind, len(rank)) + (len(rank) if again else 0),
                       i if e.kind == "independence" else -i), i))
    return [evs[i] for i in sorted(i for _, i in sorted(keyed)[:n])]


def _link(page: str, e: Event, text: str) -> str:
    return f'<a href="{links.href(page, links.event(e.id))}">{plain(text)}</a>'


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + _(" and ") + items[-1]


def history_sentence(corpus: Corpus, page: str) -> str | None:
    """How many coups Mali has had since independence, each year linked to its coup event."""
    home = [e for e in corpus.events.values() if not scope.is_regional(e)]
    coups = scope.mali_coups(home)
    if not coups:
        return None
    years = [e.when.date.year for e in coups]

    def when(i: int, e: Event) -> str:
        # Two coups within a year or two are told apart by their month.
        near = any(abs(y - years[i]) <= 1 for j, y in enumerate(years) if j != i)
        d = e.when.date
        text = d.display().split(" ", 1)[-1] if near and d.month and d.day else str(d.year)
        return approximately(text) if e.when.approximate else text

    n = len(coups)
    count = (_("one coup") if n == 1 else _("%(number)s coups") % {"number": number_word(n)})
    dates = _and([_link(page, e, when(i, e)) for i, e in enumerate(coups)
                  if i >= n - MAX_COUPS])
    if n > MAX_COUPS:
        # A long record: the latest few, and the list of them all.
        every = f'<a href="{links.href(page, links.by_kind("coup"))}">{_("all of them")}</a>'
        dates = _("the latest %(n)s in %(dates)s (%(all)s)") % {
            "n": integer(MAX_COUPS), "dates": dates, "all": every}
    else:
        dates = _("in %(dates)s") % {"dates": dates}
    independence = next((e for e in home if e.kind == "independence"), None)
    if independence is None:
        return _("Mali has had %(count)s: %(dates)s.") % {"count": count, "dates": dates}
    since = _link(page, independence, str(independence.when.date.year))
    return (_("Mali became independent in %(year)s; it has had %(count)s since, %(dates)s.")
            % {"year": since, "count": count, "dates": dates})


def story(corpus: Corpus, page: str) -> list[str]:
    """Up to five sentences, each traceable: the coup count, then one per story event."""
    glossary = abbrs(corpus)
    out = [s for s in (history_sentence(corpus, page),) if s]
    for e in story_events(corpus, 5 - len(out)):
        sentence = rich_inline(first_sentence(e.summary), glossary)
        aria = _("sources: %(title)s") % {"title": plain(e.title)}
        out.append(f'{sentence} <a class="x-more" href="{links.href(page, links.event(e.id))}" '
                   f'aria-label="{aria}">{_("(sources)")}</a>')
    return out


def home(corpus: Corpus) -> str:
    page = links.HOME
    lines = ["# " + _("Mali's double coup, explained"), "",
             _("A sourced, fact-checked guide to an op-ed on the coups of August 2020 and May "
               "2021 in Mali: the events behind it, the people in it, and how its argument "
               "holds up."), "", "## " + _("What happened") + " {#what-happened}", ""]
    sentences = story(corpus, page)
    if sentences:
        timeline = links.href(page, links.TIMELINE)
        mark = svg.article_mark(corpus)
        lines += ['<p class="x-story">' + " ".join(sentences) + "</p>", "",
                  '<figure class="x-figure">',
                  *svg.overviews(corpus.events.values(), ident="home-overview",
                                 target=chart_target(corpus, page), article=mark),
                  "<figcaption>"
                  + (_("Mali's coups since independence, and the months of the double coup "
                       "(the dashed line: the article's publication).") if mark else
                     _("Mali's coups since independence, and the months of the double coup."))
                  + f' <a href="{timeline}">' + _("Open the timeline") + "</a>.</figcaption>",
                  "</figure>", ""]
    else:
        lines += [_("No events are recorded yet."), ""]
    lines += whatnext.what_happened_next(corpus, page)
    theses = [c for c in corpus.claims.values() if c.kind == "thesis"]
    lines += ["## " + _("What the article argues") + " {#argument}", ""]
    for t in theses[:MAX_THESES]:
        lines += [f"**[{plain(t.label)}]({links.md(page, links.claim(t.id))})**", "",
                  rich(t.statement, abbrs(corpus)), ""]
    if len(theses) > MAX_THESES:
        lines += [_("And %(n)s more: see [the argument](%(link)s).") % {
            "n": integer(len(theses) - MAX_THESES), "link": links.md(page, links.ARGUMENT)}, ""]
    sources = list(corpus.sources.values())
    for s in sources[:MAX_SOURCES]:
        lines += [_("The article: *%(title)s* by %(author)s, published by %(publisher)s, "
                    "%(date)s; [about the source](%(link)s).") % {
            "title": plain(s.title), "author": plain(s.author), "publisher": plain(s.publisher),
            "date": plain(s.published.display()),
            "link": links.md(page, links.SOURCE, "source-" + s.id)}, ""]
    if len(sources) > MAX_SOURCES:
        lines += [_("And %(n)s more: see [the sources](%(link)s).") % {
            "n": integer(len(sources) - MAX_SOURCES), "link": links.md(page, links.SOURCE)}, ""]
    lines += ["## " + _("Where to start") + " {#start}", "",
              "- " + _("[The timeline](%(link)s): %(n)s events in date order, filterable by "
                       "kind and actor.") % {"link": links.md(page, links.TIMELINE),
                                             "n": integer(len(corpus.events))},
              "- " + _("[The argument](%(link)s): the thesis, what supports it, what it "
                       "attacks, as a map.") % {"link": links.md(page, links.ARGUMENT)},
              "- " + _("[The article, paragraph by paragraph](%(link)s): what each paragraph "
                       "says, the claims it makes and their verdicts.")
              % {"link": links.md(page, links.ARTICLE)},
              "- " + _("[The actors](%(link)s): %(n)s people and organisations.")
              % {"link": links.md(page, links.ACTORS), "n": integer(len(corpus.actors))},
              "- " + _("[The map](%(link)s): where it happened, %(places)s from Bamako to the "
                       "capitals that reacted.") % {
                  "link": links.md(page, links.MAP),
                  "places": count(len(corpus.events_by_place), "place")},
              "- " + _("[The fact-checks](%(link)s): each claim of fact against the record.")
              % {"link": links.md(page, links.FACT_CHECKS)},
              "- " + _("[Was the warning right?](%(link)s): the argument beside what happened "
                       "after the article.") % {"link": links.md(page, links.HINDSIGHT)}, ""]
    return "\n".join(lines)
