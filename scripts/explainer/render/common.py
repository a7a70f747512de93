"""Pieces several pages share: dates, citations, verdict badges, event list items."""

from __future__ import annotations

import html

from explainer.dates import PartialDate, When
from explainer.model import ArticleCitation, Citation, Corpus, Event, Quote, Reference
from explainer.render import links
from explainer.render.places import paragraph_target
from explainer.source_classes import MAINTAINER_NOTE
from explainer.text import Abbreviations, plain, safe_url, url
from explainer.translations import UNTRANSLATED

VERDICT_LABELS = {
    "correct": "Correct", "imprecise": "Imprecise", "wrong": "Wrong",
    "unverified": "Unverified", "opinion": "Opinion",
}
VERDICT_MEANINGS = {
    "correct": "the record supports the claim as the article states it.",
    "imprecise": "broadly right, but a detail (a date, a number, a name, a word) is off.",
    "wrong": "the record contradicts the claim.",
    "unverified": "we found no reliable record either way.",
    "opinion": "a judgement or a recommendation, not a fact that can be checked.",
}
#: The order readers see verdicts in: what the article got wrong first, opinions last.
VERDICT_ORDER = ("wrong", "imprecise", "unverified", "correct", "opinion")
VERDICT_MARKS = {"correct": "✓", "imprecise": "≈", "wrong": "✗", "unverified": "?",
                 "opinion": "◆"}


#: Language codes of sources and references, in words; an unknown code is shown as it is.
LANGUAGES = {"en": "English", "fr": "French", "ar": "Arabic", "bm": "Bambara", "de": "German",
             "es": "Spanish", "pt": "Portuguese", "ff": "Fula", "son": "Songhay",
             "tmh": "Tamasheq"}


def language_name(code: str) -> str:
    """'en' -> 'English'; 'fr-FR' -> 'French'."""
    return LANGUAGES.get(code.split("-")[0].lower(), code)


_ABBRS: dict[int, tuple[Corpus, Abbreviations]] = {}


def count(n: int, word: str) -> str:
    """'1 source', '2 sources'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


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
    return [f'<p class="x-reviewed">Last checked against its sources: <time datetime='
            f'"{date.iso()}">{plain(date.display())}</time>.</p>', ""]


def verdict_badge(verdict: str) -> str:
    """Text and colour, never colour alone."""
    return (f'<span class="x-verdict x-verdict--{verdict}">{VERDICT_MARKS[verdict]} '
            f"{VERDICT_LABELS[verdict]}</span>")


def kind_label(kind: str) -> str:
    return kind.replace("-", " ")


def quote_block(corpus: Corpus, page: str, q: Quote, note: str | None = None) -> list[str]:
    """A quote from a source as a blockquote, attributed, with its paragraph on the source page.

    In another edition than the source's language, the quotation keeps its words and says
    their language, and our translation follows it, outside the quotation, labelled as ours."""
    src = corpus.sources[q.source]
    target = links.md(page, *paragraph_target(corpus, q.source, q.paragraph))
    para = f"[paragraph {q.paragraph}]({target})"
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
        return [f"*{UNTRANSLATED}*", "{: .x-translation .x-untranslated }"]
    return [f"*{OUR_TRANSLATION}*\u00a0: «\u00a0{plain(q.translation)}\u00a0»",
            "{: .x-translation }"]


#: What the French edition says of our translation of a quotation.
OUR_TRANSLATION = "Traduction de la rédaction"


def lag_note(corpus: Corpus, page: str, path: str) -> list[str]:
    """On another edition's page of a record: a note when its translation lags (some text not
    yet translated, or translated from an older English), with a link to the English page."""
    st = corpus.translations.get(path)
    if corpus.lang == "en" or st is None or st.total == 0 or st.complete:
        return []
    english = "../" * (url_of_depth(page) + 1) + links.url_of(page)
    text = ("Traduction à revoir : le texte anglais de cette fiche a changé depuis sa "
            "traduction." if st.stale and not st.missing else
            "Cette fiche n'est pas encore entièrement traduite : le texte anglais paraît, "
            f"marqué « {UNTRANSLATED} », là où manque la traduction.")
    return [f'<p class="x-lagging" role="note">{html.escape(text)} '
            f'<a href="{html.escape(english)}" hreflang="en" lang="en">English version</a></p>',
            ""]


def url_of_depth(page: str) -> int:
    """How many folders deep a page's URL is: index.md 0, events/x.md 2."""
    return links.url_of(page).count("/")


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
        line += f" (accessed {plain(ref.accessed.display())})"
    line += " · " + _a(archive_url(ref), "archived copy", cls="x-archive",
                       aria=f"archived copy of {plain(ref.title)}")
    # A maintainer's remark left in a note ("(title from URL)") is not for readers.
    note = MAINTAINER_NOTE.sub("", ref.note).strip() if ref.note else ""
    if note:
        line += f'<br><span class="x-ref-note">Note: {plain(note)}</span>'
    if ref.excerpt:
        in_lang = f' lang="{html.escape(other)}"' if other else ""
        # The English gloss of an excerpt in another language, where the page is English or
        # the excerpt is in neither language.
        gloss_lang = ' lang="en"' if lang != "en" else ""
        gloss = (f'<p class="x-gloss"{gloss_lang}>Translation: {plain(ref.excerpt_en)}</p>'
                 if ref.excerpt_en and other else "")
        line += (f'<details class="quote x-excerpt"><summary>What the page says</summary>'
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
                         f"[para. {q.paragraph}]"
                         f"({links.md(page, *paragraph_target(corpus, q.source, q.paragraph))})")
        else:
            archived = safe_url(archive_url(c))
            parts.append(f"{url(c.url, c.publisher)} ([archived copy](<{archived}>))")
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
