"""MkDocs adapter: validate data/ before the site folder is touched, add the generated pages of
the config's edition (its theme language: English, or French under fr/) as in-memory files,
append glossary abbreviations, add JSON-LD, fold diacritics into search; under
`mkdocs serve --dirty`, rewrite only the pages whose fingerprint changed
(explainer.build.incremental); under `mkdocs serve`, keep serving the last good pages when the
data has a problem, with the problems in a banner, and let the page policy admit the live-reload
script (explainer.build.devserver).

The only module that imports MkDocs. Loaded by file path (`hooks:`), so imports are absolute.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import logging
import posixpath
import re
import sys
import unicodedata
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from explainer import i18n
from explainer.build import data_dir_of, devserver, incremental, read_corpus, render
from explainer.build.incremental import Ledger, SearchDoc, SiteInputs
from explainer.data.problems import DataError, Problem, format_problems
from explainer.i18n import N_, _
from explainer.render import DEFAULT_REPO, SUBTITLE, Site, preview
from explainer.render.card import card_alt
from explainer.render.cite import Publication
from explainer.render.glossary import abbreviations_for
from explainer.render.text import json_script

ENGLISH_ONLY_NOTE = N_("This guide is for contributors, and exists in English only.")

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
_GITHUB_EDIT = re.compile(r"^(https://github\.com/[^/]+/[^/]+)/edit/")
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
_DIRTY_NOTICE = "A 'dirty' build is being performed"


class _State:
    def __init__(self) -> None:
        self.site: Site | None = None
        self.root = Path()
        self.schemas: dict[str, str] = {}
        #: under `mkdocs serve --dirty`: rewrite only pages whose fingerprint changed
        self.incremental = False
        self.ledger = Ledger()
        self.rebuilt: set[str] = set()  # URLs of the pages built in this build
        self.order: list[str] = []  # URLs of every page, in build order
        self.outputs: list[str] = []  # output paths of every page
        self.search: dict[str, list[SearchDoc]] = {}  # each page's search entries
        #: under `mkdocs serve`: a data problem keeps the last good site, shown with a banner
        self.serving = False
        self.problems: list[Problem] = []  # the data's problems, while it has any (serve)
        self.port_checked = False
        self.publication = Publication()
        self.lang = "en"  # the edition being built (edition_of)


class _TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept across the rebuilds of one serve: MkDocs makes a new
    Jinja environment for each build, and compiling Material's templates again took about a
    third of a one-page rebuild. Jinja compares the source's checksum, so an edited template
    is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_state = _State()
_template_code = _TemplateCodeCache()


class _PageFile(File):
    """A page that is rewritten unless the ledger says this process already wrote it from the
    same fingerprint (set in on_nav, under `serve --dirty` only)."""

    fingerprint = ""
    fresh = False

    def is_modified(self) -> bool:
        return not self.fresh


class _DropDirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build "will likely lead to inaccurate navigation and other
    links", and strict mode turns the warning into an abort. The warning is about pages left
    unbuilt whatever changed; ours are left only when nothing that can change them changed (the
    site-wide fingerprint covers the config, the set of files and the navigation), so the
    notice does not apply. Installed only under `mkdocs serve --dirty`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_NOTICE)


_drop_dirty_notice = _DropDirtyNotice()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    _state.serving = command == "serve"
    _state.incremental = command == "serve" and dirty
    if _state.incremental:
        logging.getLogger("mkdocs.commands.build").addFilter(_drop_dirty_notice)


def on_shutdown() -> None:
    logging.getLogger("mkdocs.commands.build").removeFilter(_drop_dirty_notice)


def edition_of(config: MkDocsConfig) -> str:
    """The edition a config builds: its theme's language (mkdocs.fr.yml: fr)."""
    lang = str(config.theme.get("language") or "en")
    return lang if lang in i18n.LANGUAGES else "en"


def _editions(config: MkDocsConfig) -> None:
    """The French edition lives under fr/ of the English one's address: site_url gets fr/,
    and the templates get both editions' roots for hreflang and the language switcher."""
    lang = edition_of(config)
    url = config.site_url or Publication().url
    url = url if url.endswith("/") else url + "/"
    root = url.removesuffix(f"{lang}/") if lang != "en" else url
    if lang != "en":
        config.site_url = f"{root}{lang}/"
    config.extra["edition"] = {"lang": lang,
                               "roots": {code: root if code == "en" else f"{root}{code}/"
                                         for code in i18n.LANGUAGES}}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The first event of every build.
    _editions(config)
    _state.ledger.start()
    _state.rebuilt = set()
    if _state.serving and not _state.port_checked:
        _state.port_checked = True
        _refuse_a_taken_port(config)
    data_dir = data_dir_of(_root(config))
    if str(data_dir) not in config.watch:
        config.watch.append(str(data_dir))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # MkDocs empties site_dir after on_pre_build: a data mistake stops the build here, and the
    # last good site stays in place.
    root = _root(config)
    _state.root = root
    if _state.incremental:
        _forget_search_plugin_merge(config)
    try:
        _state.lang = edition_of(config)
        corpus = read_corpus(data_dir_of(root), _state.lang)
        m = _GITHUB_EDIT.match(config.edit_uri or "")
        _state.schemas = {p.name.removesuffix(".schema.json"): p.read_text(encoding="utf-8")
                          for p in sorted((root / "schemas").glob("*.schema.json"))}
        _state.publication = _publication(config)
        _state.site = render(corpus, schemas=_state.schemas,
                             repo=m.group(1) if m else DEFAULT_REPO, site=_state.publication)
    except DataError as err:
        if _state.serving and _state.site is not None:
            _keep_last_good_site(err.problems)
            return
        _state.site = None
        raise PluginError(str(err)) from None
    if _state.problems:
        print("explainer: the data is fixed; serving the new pages", file=sys.stderr)
    _state.problems = []
    log.info("%d pages and %d files generated from %s", len(_state.site.pages),
             len(_state.site.files), data_dir_of(root))


def _keep_last_good_site(problems: list[Problem]) -> None:
    """Under serve, a data problem does not fail the build (MkDocs would then hold every
    request until a build succeeds): the last good pages are built again, unchanged, and each
    served page shows the problems in a banner (on_serve) until the data is fixed. Printed, not
    logged: a warning would abort the strict build."""
    _state.problems = list(problems)
    print(format_problems(_state.problems), file=sys.stderr)
    print("explainer: serving the last good pages, with these problems in a banner on every "
          "page, until they are fixed", file=sys.stderr)


def _refuse_a_taken_port(config: MkDocsConfig) -> None:
    host, port = config.dev_addr
    if devserver.port_taken(host, port):
        raise SystemExit(f"explainer: port {port} on {host} is already in use (another "
                         f"`make serve`?); pick another: make serve PORT={port + 1}")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Each HTML page MkDocs serves: its policy admits the live-reload script MkDocs appends
    to it, and while the data has problems it shows them (explainer.build.devserver)."""
    inject: Callable[[bytes, int], bytes] = cast(Any, server)._inject_js_into_html

    def served(content: bytes, epoch: int) -> bytes:
        with_reload = inject(content, epoch)
        return devserver.served_page(
            with_reload, reload_script=devserver.appended_script(content, with_reload),
            problems=_state.problems)

    cast(Any, server)._inject_js_into_html = served
    return server
def _publication(config: MkDocsConfig) -> Publication:
    url = config.site_url or Publication().url
    return Publication(name=config.site_name, url=url if url.endswith("/") else url + "/")


def _forget_search_plugin_merge(config: MkDocsConfig) -> None:
    # Under dirty reload Material merges its previous index with the new entries as if one page
    # had been rebuilt (search/plugin.py, generate_search_index). Without its previous index it
    # writes only the new entries; on_post_build merges them with ours. (If a later Material
    # drops this attribute, merge_search still takes each page's last, fresh run.)
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        cast(Any, search).search_index_prev = None


def _edit_uri(source: str | None) -> str | None:
    """`../data/events/x.yaml`: edit_uri points into docs/, the data lives beside it."""
    if source is None:
        return None
    path = Path(source)
    try:
        rel = (path if path.is_absolute() else Path.cwd() / path).resolve().relative_to(
            _state.root)
    except ValueError:
        return None
    return "../" + rel.as_posix()


def _generated_page(config: MkDocsConfig, path: str, markdown: str) -> _PageFile:
    f = _PageFile.generated(config, path, content=markdown)
    assert isinstance(f, _PageFile)
    return f


def _as_page_file(f: File) -> File:
    """A hand-written page as a _PageFile, so that it too is rewritten when the site changes
    (MkDocs would only compare its modification time with its output's)."""
    if not f.is_documentation_page() or f.generated_by is not None:
        return f
    return _PageFile(f.src_uri, src_dir=f.src_dir, dest_dir=f.dest_dir,
                     use_directory_urls=f.use_directory_urls, dest_uri=f.dest_uri,
                     inclusion=f.inclusion)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state.site
    if site is None:  # pragma: no cover - on_pre_build raised
        return files
    clashes = [p for p in (*site.pages, *site.files) if files.get_file_from_path(p)]
    if clashes:
        raise PluginError("hand-written files sit where pages are generated: " + ", ".join(
            f"{config.docs_dir}/{p}" for p in clashes) + "\n    hint: move or delete them; "
            "these pages come from the data")
    if _state.incremental:
        files = Files([_as_page_file(f) for f in files])  # same order: it is the build order
    for path, page in site.pages.items():
        f = _generated_page(config, path, page.markdown)
        f.edit_uri = _edit_uri(page.source)
        files.append(f)
    for path, content in site.files.items():
        files.append(File.generated(config, path, content=content))
    return files


def _nav_view(nav: Navigation) -> list[str]:
    """What every page's navigation shows of each page in the nav: its title (from the config,
    else from its source) and its front matter (Material reads icon, status, subtitle)."""
    out = []
    for page in nav.pages:
        source = page.file.content_string
        title = page.title  # before rendering, only a title given in the config
        out.append(json.dumps([page.file.src_uri, title, get_data(source)[1],
                               source if title is None else ""], sort_keys=True, default=str))
    return out


def _site_fingerprint(config: MkDocsConfig, files: Files, nav: Navigation, site: Site) -> str:
    config_file = Path(config.config_file_path) if config.config_file_path else None
    custom_dir = config.theme.custom_dir
    return SiteInputs(
        config_text=config_file.read_text(encoding="utf-8") if config_file else "",
        src_uris=list(files.src_uris), abbreviations=site.abbreviations, schemas=_state.schemas,
        # Hand-written pages are fingerprinted by their text, like the generated ones.
        stamps=[*incremental.stamps(Path(config.docs_dir), skip_suffixes=(".md",)),
                *(incremental.stamps(Path(custom_dir)) if custom_dir else [])],
        nav=_nav_view(nav)).fingerprint()


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    site = _state.site
    if not _state.incremental or site is None:
        return nav
    whole = _site_fingerprint(config, files, nav, site)
    for f in files:
        if isinstance(f, _PageFile):
            entry = site.pages.get(f.src_uri)
            f.fingerprint = incremental.page_fingerprint(
                whole, path=f.src_uri, markdown=f.content_string, edit_uri=f.edit_uri,
                jsonld=entry.jsonld if entry else None)
            f.fresh = _state.ledger.is_fresh(f.abs_dest_path, f.fingerprint)
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if _state.incremental:
        env.bytecode_cache = _template_code
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        _state.order = [f.page.url for f in pages if f.page is not None]
        _state.outputs = [f.abs_dest_path for f in pages]
    i18n.install_jinja(env, edition_of(config))  # the theme overrides' words (404, footer)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _state.site
    if site is None or not site.abbreviations:
        return markdown
    used = abbreviations_for(markdown, site.abbreviations)
    return f"{markdown}\n\n{used}\n" if used else markdown


#: Hand-written pages, in English only: another edition shows them marked as English.
ENGLISH_ONLY = frozenset({"contributing.md"})


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _state.lang == "en" or page.file.src_uri not in ENGLISH_ONLY:
        return content
    page.meta["x_content_lang"] = "en"  # its table of contents too (overrides/partials/toc.html)
    with i18n.use(_state.lang):
        note = html.escape(_(ENGLISH_ONLY_NOTE))
    return (f'<p class="x-english-only">{note}</p>\n'
            f'<div lang="en">\n{content}\n</div>')


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Any) -> dict[str, Any]:
    # MkDocs joins edit_uri and "../data/…" without normalising; tidy the link.
    if page.edit_url:
        parts = urllib.parse.urlsplit(page.edit_url)
        page.edit_url = parts._replace(path=posixpath.normpath(parts.path)).geturl()
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _state.incremental:
        # Recorded before the write and the audit (priority -100); on_build_error forgets the
        # records of a build that fails.
        _state.rebuilt.add(page.url)
        if isinstance(page.file, _PageFile):
            _state.ledger.record(page.file.abs_dest_path, page.file.fingerprint)
    with i18n.use(_state.lang):  # the head's words and locale are the edition's
        return _with_head(output, page)


def _with_head(output: str, page: Page) -> str:
    """The page's link-preview tags, and its JSON-LD if it has any, at the end of its head."""
    site = _state.site
    entry = site.pages.get(page.file.src_uri) if site else None
    pub = _state.publication
    url = page.canonical_url or pub.url + page.url
    tags = preview.head_tags(preview.Preview(
        title=preview.plain_title(page.title) if page.title and not page.is_homepage
        else pub.name,
        description=preview.first_sentence(page.content or "") or pub.name,
        url=url, site_name=pub.name, site_url=pub.url,
        kind="website" if page.is_homepage else "article",
        card_alt=card_alt(pub.name, _(SUBTITLE)),
        citation=preview.citation_tags(entry.cited) if entry and entry.cited else ()))
    if entry is not None and entry.jsonld is not None:
        data = dict(entry.jsonld)
        if page.canonical_url:
            data["url"] = page.canonical_url
        tags += "\n" + json_script(data)
    head_end = output.find("</head>")
    if head_end < 0:
        log.warning("no </head> in %s; preview tags not added", page.file.src_uri)
        return output
    return output[:head_end] + tags + "\n" + output[head_end:]


def on_build_error(error: Exception) -> None:
    _state.ledger.abandon()


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Goïta -> Goita: decompose, drop combining marks. Cached: on a French site nearly every
    page has accented words, and the same words recur from page to page."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def _folded(text: str) -> str:
    if text.isascii():  # most entries: nothing to fold, and no regex over the text
        return ""
    words = {w for w in _WORD.findall(_TAG.sub(" ", text)) if not w.isascii()}
    return " ".join(sorted({fold(w) for w in words} - words))


def on_post_build(config: MkDocsConfig) -> None:
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if index_path.is_file():
        _rewrite_search_index(index_path)
    if _state.incremental:
        for dest in _state.ledger.prune(_state.outputs):  # pages that no longer exist
            Path(dest).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                Path(dest).parent.rmdir()
        log.info("%d of %d pages rebuilt in %s", len(_state.rebuilt), len(_state.order),
                 config.site_dir)


def _rewrite_search_index(index_path: Path) -> None:
    # Material's lunr search matches accents exactly. Index the accent-free forms of accented
    # words in two extra fields, weighted like title and text, so "Goita" finds "Goïta".
    index = json.loads(index_path.read_text(encoding="utf-8"))
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields["folded_title"] = {"boost": fields.get("title", {}).get("boost", 1e3)}
    fields["folded_text"] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    docs: list[SearchDoc] = index.get("docs", [])
    for doc in docs:
        doc["folded_title"] = _folded(doc.get("title", ""))
        doc["folded_text"] = _folded(doc.get("text", ""))
    if _state.incremental:
        # Fresh entries for the pages built now, the kept ones for the others, in build order:
        # the index a full build would write, one set of entries per page.
        _state.search = incremental.merge_search(docs, _state.search, order=_state.order,
                                                 rebuilt=_state.rebuilt)
        index["docs"] = [doc for page_docs in _state.search.values() for doc in page_docs]
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8", newline="\n")
