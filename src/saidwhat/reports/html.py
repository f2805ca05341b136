"""A dossier as one self-contained HTML file with inline CSS that prints well.

Every piece of document text goes through :func:`html.escape`; links are only
made from http(s) URLs. The same dossier gives the same bytes.
"""

from __future__ import annotations

import html
import re

from saidwhat.reports.dossier import Citation, Dossier
from saidwhat.reports.text import display_ref

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { font-size: 8pt; color: #666; } }
html { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; font-size: 11pt;
  line-height: 1.45; color: #111; }
body { max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.8em; margin: 0 0 .2em; line-height: 1.2; }
h2 { font-size: 1.3em; margin: 1.6em 0 .3em; border-bottom: 1px solid #bbb;
  padding-bottom: .15em; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.02em; margin: 1em 0 .25em; break-after: avoid; page-break-after: avoid; }
.lede { color: #333; font-style: italic; margin: 0 0 1em; }
.summary { font-size: .95em; background: #f5f5f2; border: 1px solid #ddd; padding: .6em 1em; }
.summary dt { font-weight: bold; float: left; clear: left; width: 6em; }
.summary dd { margin: 0 0 .3em 6.5em; }
.role { color: #444; font-style: italic; margin: 0 0 .5em; break-after: avoid; }
.speaker-head { break-inside: avoid; break-after: avoid; page-break-after: avoid; }
figure.quote { margin: 0 0 1em; }
figure.quote.short { break-inside: avoid; page-break-inside: avoid; }
figure.quote.long h3 { break-after: avoid; page-break-after: avoid; }
blockquote p { orphans: 3; widows: 3; }
blockquote { margin: 0; padding: .1em 0 .1em .9em; border-left: 3px solid #7a8b99; }
figcaption { font-size: .85em; color: #555; margin-top: .2em; }
sup.cite a { text-decoration: none; }
ol.sources { font-size: .9em; padding-left: 2em; }
ol.sources li { margin-bottom: .25em; }
.missing { color: #a00; font-weight: bold; }
ul.docs { font-size: .9em; }
a { color: #1a4f8b; overflow-wrap: anywhere; }
@media print { body { max-width: none; margin: 0; padding: 0; } a { color: #111; } }
"""

_HTTP = re.compile(r"^https?://[^\s<>\"']+$")


def esc(text: object) -> str:
    """Escape anything for HTML text or attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def link(url: str | None, label: str | None = None) -> str:
    """An <a> for http(s) URLs; any other URL (javascript:, data:) as escaped text."""
    if not url:
        return esc(label)
    if _HTTP.match(url):
        return f'<a href="{esc(url)}">{esc(label or url)}</a>'
    return esc(label or url)


def citation_html(c: Citation) -> str:
    return c.render(esc, '<span class="missing">source missing</span>', link)


#: Quotes longer than this (characters) may break across pages: kept whole, they
#: would push to the next page and leave most of this one blank.
LONG_QUOTE = 900
#: Page footer: "page / pages" for one document; chunked PDFs know only their own pages.
FOOTER_OF_TOTAL = 'counter(page) " / " counter(pages)'
FOOTER_PAGE = "counter(page)"


def _head(title: str, extra_css: str = "") -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="saidwhat">',
        f"<title>{esc(title)}</title>",
        f"<style>{CSS}{extra_css}</style>",
        "</head>",
        "<body>",
    ]


_TAIL = ["</body>", "</html>", ""]


def _front(dossier: Dossier) -> list[str]:
    out = ["<header>", f"<h1>{esc(dossier.title)}</h1>"]
    if dossier.description:
        out.append(f'<p class="lede">{esc(dossier.description)}</p>')
    out.append(f"<p>{esc(dossier.summary_line)}</p>")
    if dossier.generated:
        out.append(f"<p>Generated {esc(dossier.generated)}.</p>")
    out.append("</header>")
    speakers = ", ".join(f"{esc(s)} ({n})" for s, n in dossier.speakers) or "none"
    sources = ", ".join(f"{esc(s)} ({n})" for s, n in dossier.sources) or "none"
    days = ", ".join(f"{esc(d)} ({n})" for d, n in dossier.days) or "undated"
    out += [
        '<section class="summary">',
        "<h2>Summary</h2>",
        "<dl>",
        f"<dt>Speakers</dt><dd>{speakers}</dd>",
        f"<dt>Sources</dt><dd>{sources}</dd>",
        f"<dt>Dates</dt><dd>{days}</dd>",
        "</dl>",
        "</section>",
    ]
    return out


def _section_start(i: int, section, continued: bool = False) -> list[str]:
    more = " (continued)" if continued else ""
    out = [
        f'<section class="speaker" id="speaker-{i}{"-more" if continued else ""}">',
        '<div class="speaker-head">',
        f"<h2>{esc(section.speaker)}{more}</h2>",
    ]
    if section.subtitle:
        out.append(f'<p class="role">{esc(section.subtitle)}</p>')
    if not section.attributed:
        out.append('<p class="role">The documents do not say who made these statements.</p>')
    out.append("</div>")
    return out


def _figure(q, cite_links: bool = True) -> list[str]:
    meta = esc(q.date or "undated")
    if q.language:
        meta += f" · language: {esc(q.language)}"
    if q.kind != "direct":
        meta += f" · {esc(q.kind)} quote"
    cite = f"[{q.citation}]"
    if cite_links:
        cite = f'<a href="#cite-{q.citation}">{cite}</a>'
    size = "long" if len(q.quote) > LONG_QUOTE else "short"
    return [
        f'<figure class="quote {size}" id="statement-{q.statement_id}">',
        f"<h3>{esc(q.headline)}</h3>",
        f'<blockquote><p>{esc(q.quote)} <sup class="cite">{cite}</sup></p></blockquote>',
        *_translation(q),
        f"<figcaption>{meta}</figcaption>",
        "</figure>",
    ]


def _translation(q) -> list[str]:
    """A reader's own translation, under the original (never machine-made)."""
    if not q.translation:
        return []
    lang = esc(q.translation_language or "")
    return [
        f'<blockquote class="translation" lang="{lang}">'
        f"<p><em>Translation ({lang}, by a reader):</em> {esc(q.translation)}</p></blockquote>"
    ]


def _events(dossier: Dossier) -> list[str]:
    """Statements by event type and tone charts, when the dossier was asked for them."""
    if dossier.events is None:
        return []
    from saidwhat.events.dossier import render_html as events_html

    return events_html(dossier.events, esc)


def _back(dossier: Dossier) -> list[str]:
    out = ['<section class="sources">', "<h2>Sources</h2>", '<ol class="sources">']
    for c in dossier.citations:
        out.append(f'<li id="cite-{c.number}" value="{c.number}">{citation_html(c)}</li>')
    out += ["</ol>", "</section>"]
    out += ['<section class="documents">', "<h2>Documents used</h2>", '<ul class="docs">']
    for d in dossier.documents:
        label = esc(d.title or display_ref(d.doc))
        bits = [esc(b) for b in (d.outlet, (d.published or "")[:10]) if b]
        line = f"<li>{label}"
        if bits:
            line += f" ({', '.join(bits)})"
        if d.url:
            line += f", {link(d.url)}"
        line += f", {d.statements} statement{'s' * (d.statements != 1)}</li>"
        out.append(line)
    out += ["</ul>", "</section>"]
    return out


def _footer_css(content: str, first_page: int | None = None) -> str:
    css = f"@page {{ @bottom-center {{ content: {content}; }} }}"
    if first_page is not None:
        css += f" @page :first {{ counter-reset: page {first_page}; }}"
    return css


def render_html(dossier: Dossier) -> str:
    out = _head(dossier.title, _footer_css(FOOTER_OF_TOTAL)) + _front(dossier)
    for i, section in enumerate(dossier.sections, start=1):
        out += _section_start(i, section)
        for q in section.quotes:
            out += _figure(q)
        out.append("</section>")
    out += _events(dossier) + _back(dossier) + _TAIL
    return "\n".join(out)


def html_chunks(dossier: Dossier, statements_per_chunk: int):
    """The dossier as several HTML documents of about ``statements_per_chunk`` statements
    each, for laying out a big PDF piece by piece (bounded memory, real progress).

    Yields ``(html_maker, statements)``: call ``html_maker(first_page)`` for the HTML
    whose page numbers start at ``first_page``. Citation numbers are plain text here:
    the sources they point to are in another piece.
    """
    parts: list[str] = _front(dossier)
    count = 0

    def flush(parts: list[str], count: int):
        body = list(parts)

        def make(first_page: int) -> str:
            css = _footer_css(FOOTER_PAGE, None if first_page == 1 else first_page)
            return "\n".join(_head(dossier.title, css) + body + _TAIL)

        return make, count

    for i, section in enumerate(dossier.sections, start=1):
        if count >= statements_per_chunk:  # a new piece starts with the speaker's heading
            yield flush(parts, count)
            parts, count = [], 0
        parts += _section_start(i, section)
        for q in section.quotes:
            if count >= statements_per_chunk:
                parts.append("</section>")
                yield flush(parts, count)
                parts, count = _section_start(i, section, continued=True), 0
            parts += _figure(q, cite_links=False)
            count += 1
        parts.append("</section>")
    yield flush(parts + _events(dossier) + _back(dossier), count)
