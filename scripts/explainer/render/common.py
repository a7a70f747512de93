"""Pieces several pages share: dates, citations, verdict badges, event list items."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable

from explainer.data.dates import PartialDate, When
from explainer.data.model import ArticleCitation, Citation, Corpus, Event, Quote, Reference
from explainer.data.source_classes import MAINTAINER_NOTE
from explainer.data.translations import UNTRANSLATED
from explainer.i18n import DEFAULT, N_, Messages, _, current, integer, ngettext
from explainer.render import links
from explainer.render.places import paragraph_target
from explainer.render.text import Abbreviations, plain, safe_url, url

#: Tables of English messages, translated into the active language when read (explainer.i18n).
VERDICT_LABELS = Messages({
    "correct": N_("Correct"), "imprecise": N_("Imprecise"), "wrong": N_("Wrong"),
    "unverified": N_("Unverified"), "opinion": N_("Opinion"),
})
VERDICT_MEANINGS = Messages({
    "correct": N_("the record supports the claim as the article states it."),
    "imprecise": N_("broadly right, but a detail (a date, a number, a name, a word) is off."),
    "wrong": N_("the record contradicts the claim."),
    "unverified": N_("we found no reliable record either way."),
    "opinion": N_("a judgement or a recommendation, not a fact that can be checked."),
})
#: The order readers see verdicts in: what the article got wrong first, opinions last.
VERDICT_ORDER = ("wrong", "imprecise", "unverified", "correct", "opinion")
VERDICT_MARKS = {"correct": "✓", "imprecise": "≈", "wrong": "✗", "unverified": "?",
                 "opinion": "◆"}


#: Language codes of sources and references, in words; an unknown code is shown as it is.
LANGUAGES = Messages({
    "en": N_("English"), "fr": N_("French"), "ar": N_("Arabic"), "bm": N_("Bambara"),
    "de": N_("German"), "es": N_("Spanish"), "pt": N_("Portuguese"), "ff": N_("Fula"),
    "son": N_("Songhay"), "tmh": N_("Tamasheq")})

#: The kinds of events, claims, actors and places, in words.
KIND_LABELS = Messages({
    # events
    "agreement": N_("agreement"), "appointment": N_("appointment"), "arrest": N_("arrest"),
    "attack": N_("attack"), "coup": N_("coup"), "death": N_("death"),
    "election": N_("election"), "founding": N_("founding"),
    "independence": N_("independence"), "military-operation": N_("military operation"),
    "other": N_("other"), "protest": N_("protest"), "referendum": N_("referendum"),
    "release": N_("release"), "reshuffle": N_("reshuffle"), "resignation": N_("resignation"),
    "sanction": N_("sanction"), "sanctions-lifted": N_("sanctions lifted"),
    "statement": N_("statement"), "suspension": N_("suspension"),
    "suspension-lifted": N_("suspension lifted"), "treaty": N_("treaty"),
    "violence": N_("violence"), "withdrawal": N_("withdrawal"),
    # claims
    "thesis": N_("thesis"), "premise": N_("premise"), "evidence": N_("evidence"),
    "background": N_("background"), "opposing-view": N_("opposing view"),
    "rebuttal": N_("rebuttal"), "recommendation": N_("recommendation"),
    # actors
    "person": N_("person"), "armed-forces": N_("armed forces"), "government": N_("government"),
    "state": N_("state"), "intergovernmental-organisation": N_("intergovernmental organisation"),
    "political-movement": N_("political movement"), "armed-group": N_("armed group"),
    "research-organisation": N_("research organisation"), "media": N_("media"),
    "organisation": N_("organisation"),
    # places
    "capital": N_("capital"), "city": N_("city"), "town": N_("town"),
    "military-base": N_("military base"), "region": N_("region"), "country": N_("country"),
    "site": N_("site"),
})

#: "1 event", "2 events": the counted words of the pages, with their plurals.
_COUNTS: dict[str, Callable[[int], str]] = {
    "actor": lambda n: ngettext("%(n)s actor", "%(n)s actors", n),
    "body paragraph": lambda n: ngettext("%(n)s body paragraph", "%(n)s body paragraphs", n),
    "citation": lambda n: ngettext("%(n)s citation", "%(n)s citations", n),
    "claim": lambda n: ngettext("%(n)s claim", "%(n)s claims", n),
    "coup": lambda n: ngettext("%(n)s coup", "%(n)s coups", n),
    "event": lambda n: ngettext("%(n)s event", "%(n)s events", n),
    "opposing view": lambda n: ngettext("%(n)s opposing view", "%(n)s opposing views", n),
    "paragraph": lambda n: ngettext("%(n)s paragraph", "%(n)s paragraphs", n),
    "place": lambda n: ngettext("%(n)s place", "%(n)s places", n),
    "publisher": lambda n: ngettext("%(n)s publisher", "%(n)s publishers", n),
    "rebuttal": lambda n: ngettext("%(n)s rebuttal", "%(n)s rebuttals", n),
    "recommendation": lambda n: ngettext("%(n)s recommendation", "%(n)s recommendations", n),
    "record": lambda n: ngettext("%(n)s record", "%(n)s records", n),
    "short quotation": lambda n: ngettext("%(n)s short quotation", "%(n)s short quotations",
                                          n),
    "source": lambda n: ngettext("%(n)s source", "%(n)s sources", n),
    "statement": lambda n: ngettext("%(n)s statement", "%(n)s statements", n),
    "supporting claim": lambda n: ngettext("%(n)s supporting claim", "%(n)s supporting claims",
                                           n),
    "term": lambda n: ngettext("%(n)s term", "%(n)s terms", n),
    "word": lambda n: ngettext("%(n)s word", "%(n)s words", n),
}
#: Small numbers in words ("five coups").
_NUMBER_WORDS = (N_("no"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"), N_("six"),
                 N_("seven"), N_("eight"), N_("nine"), N_("ten"))


def number_word(n: int) -> str:
    """'five' / 'cinq' up to ten, then the digits."""
    return _(_NUMBER_WORDS[n]) if 0 <= n < len(_NUMBER_WORDS) else integer(n)


def language_name(code: str) -> str:
    """'en' -> 'English'; 'fr-FR' -> 'French'."""
    key = code.split("-")[0].lower()
    return LANGUAGES.get(key, code)


_ABBRS: dict[int, tuple[Corpus, Abbreviations]] = {}


def count(n: int, word: str) -> str:
    """'1 source', '2 sources', in the active language (`word` is a key of _COUNTS)."""
    form = _COUNTS.get(word)
    if form is None:  # a word without a catalogue entry: English, as before
        return f"{n} {word}{'' if n == 1 else 's'}"
    return form(n) % {"n": integer(n)}


def abbrs(corpus: Corpus) -> Abbreviations:
    """The glossary's abbreviations, for `rich` (built once per corpus, then cached)."""
    # Called for every prose field: walking all terms each time made rendering quadratic.
    hit = _ABBRS.get(id(corpus))
    if hit is None or hit[0] is not corpus:
        _ABBRS.clear()
        hit = _ABBRS[id(corpus)] = (corpus, Abbreviations.of(
            (t.term, t.expansion) for t in corpus.terms.values() if t.expansion))
    return hit[1]


def time(when: When) -> str:
    """`<time datetime=…>24 May 2021</time>`; the machine date is the first day we know of."""
    return f'<time datetime="{when.date.iso()}">{plain(when.display())}</time>'


def reviewed(date: PartialDate | None) -> list[str]:
    """'Last checked against its sources: <date>.' as a paragraph, or nothing if unknown."""
    if date is None:
        return []
    stamp = f'<time datetime="{date.iso()}">{plain(date.display())}</time>'
    return ['<p class="x-reviewed">' + _("Last checked against its sources: %(date)s.")
            % {"date": stamp} + "</p>", ""]


def verdict_badge(verdict: str) -> str:
    """Text and colour, never colour alone."""
    return (f'<span class="x-verdict x-verdict--{verdict}">{VERDICT_MARKS[verdict]} '
            f"{VERDICT_LABELS[verdict]}</span>")


def kind_label(kind: str) -> str:
    """'military-operation' -> 'military operation' / 'opération militaire'."""
    return KIND_LABELS.get(kind) or kind.replace("-", " ")


def quote_block(corpus: Corpus, page: str, q: Quote, note: str | None = None) -> list[str]:
    """A quote from a source as a blockquote, attributed, with its paragraph on the source page.

    In another edition than the source's language, the quotation keeps its words and says
    their language, and our translation follows it, outside the quotation, labelled as ours."""
    src = corpus.sources[q.source]
    target = links.md(page, *paragraph_target(corpus, q.source, q.paragraph))
    para = f"[{_('paragraph %(n)s') % {'n': q.paragraph}}]({target})"
    foreign = corpus.lang != src.language
    in_lang = f'{{: lang="{src.language}" }}'
    lines = [f"> {plain(q.text)}", *([f"> {in_lang}"] if foreign else []), ">",
             f"> — {plain(src.author)}, *{url(src.url, src.title)}"
             f"{in_lang if foreign else ''}*, {para}"]
    if note:
        lines += [">", f"> {plain(note)}"]
    if foreign:
        lines += ["", *translation_of(q)]
    return lines


def translation_of(q: Quote) -> list[str]:
    """Our translation of a quotation, labelled as ours (or a mark where there is none yet)."""
    if q.translation is None:
        return [f"*{_(UNTRANSLATED)}*", "{: .x-translation .x-untranslated }"]
    return [_("*%(label)s*: “%(text)s”") % {"label": _(OUR_TRANSLATION),
                                             "text": plain(q.translation)},
            "{: .x-translation }"]


#: What another edition says of our translation of a quotation ("Traduction de la rédaction").
OUR_TRANSLATION = N_("Translation by the editors")


def lag_note(corpus: Corpus, page: str, path: str) -> list[str]:
    """On another edition's page of a record: a note when its translation lags (some text not
    yet translated, or translated from an older English), with a link to the English page."""
    st = corpus.translations.get(path)
    if corpus.lang == "en" or st is None or st.total == 0 or st.complete:
        return []
    url = links.url_of(page)  # the English twin: up out of this edition's folder, then down
    english = "../" * (url.count("/") + 1) + url
    text = (_("Translation to review: the English text of this record has changed since it "
              "was translated.") if st.stale and not st.missing else
            _("This record is not fully translated yet: the English text shows, marked "
              "“%(mark)s”, where the translation is missing.") % {"mark": _(UNTRANSLATED)})
    # The link's text is in the language of the page it opens.
    return [f'<p class="x-lagging" role="note">{html.escape(text)} '
            f'<a href="{html.escape(english)}" hreflang="en" lang="en">English version</a></p>',
            ""]


def archive_url(ref: Reference) -> str:
    """The Internet Archive copy of a reference: its exact `archive` snapshot, else the capture
    nearest its date (`published`, else `accessed`): web.archive.org/web/<YYYYMMDD>/<url>, with
    YYYYMM or YYYY for a date known to the month or year, and no date at all (the latest
    capture) for an undated reference. The Archive redirects to the nearest capture, so
    nothing is fetched at build time."""
    if ref.archive:
        return ref.archive
    date = ref.published or ref.accessed
    stamp = date.iso().replace("-", "") + "/" if date else ""
    return f"https://web.archive.org/web/{stamp}{ref.url}"


def _a(u: str, label: str, *, aria: str = "", cls: str = "", lang: str = "") -> str:
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' aria-label="{aria}"' if aria else ""
    attrs += f' lang="{html.escape(lang)}"' if lang else ""
    return f'<a href="{html.escape(safe_url(u))}"{attrs}>{label}</a>'


def reference_line(ref: Reference, lang: str = "en") -> str:
    """One external reference as HTML: the citation, an archived copy, the reader's note, and
    the words the record relies on (a quotation that opens on demand, no JavaScript). Its title
    and excerpt say their language where it is not the page's (`lang`)."""
    ref_lang = ref.language or "en"
    other = "" if ref_lang.split("-")[0] == lang else ref_lang
    parts = [_a(ref.url, plain(ref.title), lang=other), plain(ref.publisher)]
    if ref.published:
        parts.append(plain(ref.published.display()))
    line = ", ".join(parts)
    if ref.accessed:
        line += " " + _("(accessed %(date)s)") % {"date": plain(ref.accessed.display())}
    line += " · " + _a(archive_url(ref), _("archived copy"), cls="x-archive",
                       aria=_("archived copy of %(title)s") % {"title": plain(ref.title)})
    # A maintainer's remark left in a note ("(title from URL)") is not for readers.
    note = MAINTAINER_NOTE.sub("", ref.note).strip() if ref.note else ""
    if note:
        line += ('<br><span class="x-ref-note">' + _("Note: %(note)s") % {"note": plain(note)}
                 + "</span>")
    if ref.excerpt:
        in_lang = f' lang="{html.escape(other)}"' if other else ""
        # The English gloss of an excerpt in another language, where the page is English or
        # the excerpt is in neither language; on another edition's page the gloss says its
        # language, its label the page's.
        text = plain(ref.excerpt_en or "")
        text = f'<span lang="en">{text}</span>' if lang != "en" else text
        gloss = ('<p class="x-gloss">' + _("Translation: %(text)s") % {"text": text} + "</p>"
                 if ref.excerpt_en and other else "")
        line += ('<details class="quote x-excerpt"><summary>' + _("What the page says")
                 + "</summary>"
                 f"<blockquote{in_lang}><p>{plain(ref.excerpt)}</p></blockquote>{gloss}</details>")
    return line


def citations(corpus: Corpus, page: str, cites: tuple[Citation, ...]) -> list[str]:
    """Quotes from the article as blockquotes, then other references as a list (HTML, so each
    item can hold its excerpt; Markdown would end the item at the <details>)."""
    out: list[str] = []
    refs: list[str] = []
    for c in cites:
        if isinstance(c, ArticleCitation):
            out += [*quote_block(corpus, page, c.quote, c.note), ""]
        else:
            refs.append(f"<li>{reference_line(c, corpus.lang)}</li>")
    if refs:
        out += ['<ul class="x-refs">', *refs, "</ul>", ""]
    return out


def cite_inline(corpus: Corpus, page: str, cites: tuple[Citation, ...]) -> str:
    """Short citations for a table cell."""
    parts: list[str] = []
    for c in cites:
        if isinstance(c, ArticleCitation):
            q = c.quote
            parts.append(f"{plain(corpus.sources[q.source].publisher)}, "
                         f"[{_('para. %(n)s') % {'n': q.paragraph}}]"
                         f"({links.md(page, *paragraph_target(corpus, q.source, q.paragraph))})")
        else:
            archived = safe_url(archive_url(c))
            parts.append(f"{url(c.url, c.publisher)} ([{_('archived copy')}](<{archived}>))")
    return "; ".join(parts)


def event_item(page: str, e: Event, *, attrs: bool = False) -> list[str]:
    """One line of an event list: date, linked title, kind; data-* attributes for the filter."""
    lines = [f"- {time(e.when)} · [{plain(e.title)}]({links.md(page, links.event(e.id))}) "
             f'<span class="x-kind">{kind_label(e.kind)}</span>']
    if attrs:
        actors = " ".join(dict.fromkeys(a.actor for a in e.actors))
        places = " ".join(e.places)
        lines.append(f'    {{: data-kind="{e.kind}" data-actors="{actors}" '
                     f'data-places="{places}" }}')
    return lines


def heading_anchor(ident: str) -> str:
    return f"{{#{ident}}}"


def script_strings(kinds: Iterable[str] = ()) -> list[str]:
    """The words of enhance.js in the page's language, for a page it enhances: a hidden
    element whose `data-strings` holds them as JSON (`{name}` marks a number the script fills
    in), with the names of `kinds`. Nothing on English pages: the script's own words are
    English."""
    if current() == DEFAULT:
        return []
    strings = {
        "filterLabel": _("Filter the events on this page"),
        "allKinds": _("all kinds"), "allActors": _("all actors"), "allPlaces": _("all places"),
        "kind": _("Kind"), "actor": _("Actor"), "place": _("Place"), "showAll": _("Show all"),
        "moreFilters": _("More filters: a page per kind, per actor, per actor and kind, per "
                         "place"),
        "shownOf": _("{shown} of {total} events"),
        "verdictsLabel": _("Show fact-checks by verdict"),
        "showingOne": _("Showing {count} of {total} checked claims: {label}."),
        "showingAll": _("Showing all {total} checked claims, what the article got wrong "
                        "first."),
        "all": _("All ({total})"),
        "kinds": {k: kind_label(k) for k in sorted(set(kinds))},
    }
    data = json.dumps(strings, ensure_ascii=False, sort_keys=True)
    return [f'<div id="x-strings" hidden data-strings="{html.escape(data, quote=True)}"></div>',
            ""]
