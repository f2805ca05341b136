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
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #666; } }
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
.role { color: #444; font-style: italic; margin: 0 0 .5em; }
figure.quote { margin: 0 0 1em; break-inside: avoid; page-break-inside: avoid; }
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


def render_html(dossier: Dossier) -> str:
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="saidwhat">',
        f"<title>{esc(dossier.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(dossier.title)}</h1>",
    ]
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

    for i, section in enumerate(dossier.sections, start=1):
        out.append(f'<section class="speaker" id="speaker-{i}">')
        out.append(f"<h2>{esc(section.speaker)}</h2>")
        if section.subtitle:
            out.append(f'<p class="role">{esc(section.subtitle)}</p>')
        if not section.attributed:
            out.append('<p class="role">The documents do not say who made these statements.</p>')
        for q in section.quotes:
            meta = esc(q.date or "undated")
            if q.language:
                meta += f" · language: {esc(q.language)}"
            if q.kind != "direct":
                meta += f" · {esc(q.kind)} quote"
            out += [
                f'<figure class="quote" id="statement-{q.statement_id}">',
                f"<h3>{esc(q.headline)}</h3>",
                f"<blockquote><p>{esc(q.quote)}"
                f' <sup class="cite"><a href="#cite-{q.citation}">[{q.citation}]</a></sup>'
                "</p></blockquote>",
                *(
                    [
                        f'<blockquote class="translation" lang="{esc(q.translation_language or "")}">'
                        f"<p><em>Translation ({esc(q.translation_language or '')}, by a reader):</em>"
                        f" {esc(q.translation)}</p></blockquote>"
                    ]
                    if q.translation
                    else []
                ),
                f"<figcaption>{meta}</figcaption>",
                "</figure>",
            ]
        out.append("</section>")

    out += ['<section class="sources">', "<h2>Sources</h2>", '<ol class="sources">']
    for c in dossier.citations:
        out.append(f'<li id="cite-{c.number}">{citation_html(c)}</li>')
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
    out += ["</ul>", "</section>", "</body>", "</html>", ""]
    return "\n".join(out)
