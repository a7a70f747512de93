"""MkDocs safety net: audit each page's content and the whole built page, then add the CSP.

A second hook file beside mkdocs_hook.py (a module can define each event only once, and that
one already has on_post_page). The events run last (priority -100), after the theme, the
search plugin and the other hook, so they see exactly what is written to disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.build.audit import Offender, audit_content, harden, site_source

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def _fail(where: str, what: str, offenders: list[Offender]) -> PluginError:
    listed = "\n".join(f"    {o}" for o in offenders)
    return PluginError(f"{where}: {what}, {len(offenders)} unsafe construct"
                       f"{'s' if len(offenders) != 1 else ''}:\n{listed}\n"
                       "    hint: contributor text must go through explainer.render.text "
                       "(plain, rich, url); see docs on the field policy")


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    offenders = audit_content(html)
    if offenders:
        raise _fail(page.file.src_uri, "the rendered content", offenders)
    return html


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    hardened, offenders = harden(output, site_source(config.site_url))
    if offenders:
        raise _fail(page.file.src_uri, "the built page", offenders)
    return hardened


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered from a template, not a page: it gets the same audit and policy.
    if not template_name.endswith(".html"):
        return output_content
    hardened, offenders = harden(output_content, site_source(config.site_url))
    if offenders:
        raise _fail(template_name, "the built template", offenders)
    return hardened
