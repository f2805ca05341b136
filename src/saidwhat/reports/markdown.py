"""A dossier as Markdown: deterministic, readable as plain text, safe to render.

Document text is backslash-escaped where Markdown would read it as markup
(``*``, ``_``, ``[``, ``<`` and friends), so a quote cannot inject links or HTML.
"""

from __future__ import annotations

import re

from saidwhat.reports.dossier import Citation, Dossier
from saidwhat.reports.text import display_ref

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
_LINE_START = re.compile(r"^(\s*)([-=+]|\d+\.)", re.MULTILINE)


def md_escape(text: str | None) -> str:
    """``text`` with Markdown markup characters escaped, on one line."""
    if not text:
        return ""
    flat = " ".join(text.split())
    flat = _SPECIAL.sub(r"\\\1", flat)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def md_url(url: str | None) -> str:
    """A URL as an autolink, or escaped text when it is not a plain http(s) URL."""
    if url and re.match(r"^https?://[^\s<>]+$", url):
        return f"<{url}>"
    return md_escape(url)


def citation_text(c: Citation) -> str:
    return c.render(md_escape, "**source missing**", md_url)


def render_markdown(dossier: Dossier) -> str:
    out: list[str] = [f"# {md_escape(dossier.title)}", ""]
    if dossier.description:
        out += [f"*{md_escape(dossier.description)}*", ""]
    out += [md_escape(dossier.summary_line), ""]
    if dossier.generated:
        out += [f"Generated {md_escape(dossier.generated)}.", ""]

    out += ["## Summary", ""]
    speakers = ", ".join(f"{md_escape(s)} ({n})" for s, n in dossier.speakers) or "none"
    sources = ", ".join(f"{md_escape(s)} ({n})" for s, n in dossier.sources) or "none"
    days = ", ".join(f"{d} ({n})" for d, n in dossier.days) or "undated"
    out += [f"- **Speakers:** {speakers}", f"- **Sources:** {sources}", f"- **Dates:** {days}", ""]

    for section in dossier.sections:
        out.append(f"## {md_escape(section.speaker)}")
        out.append("")
        if section.subtitle:
            out += [f"*{md_escape(section.subtitle)}*", ""]
        if not section.attributed:
            out += ["*The documents do not say who made these statements.*", ""]
        for q in section.quotes:
            out.append(f"### {md_escape(q.headline)}")
            out.append("")
            out.append(f"> {md_escape(q.quote)} [{q.citation}]")
            out.append("")
            if q.translation:
                lang = md_escape(q.translation_language or "")
                out += [f"> *Translation ({lang}, by a reader):* {md_escape(q.translation)}", ""]
            meta = [q.date or "undated"]
            if q.language:
                meta.append(f"language: {md_escape(q.language)}")
            if q.kind != "direct":
                meta.append(f"{q.kind} quote")
            out += [f"*{' · '.join(meta)}*", ""]

    out += ["## Sources", ""]
    for c in dossier.citations:
        out.append(f"{c.number}. {citation_text(c)}")
    out.append("")

    out += ["## Documents used", ""]
    for d in dossier.documents:
        label = md_escape(d.title) or md_escape(display_ref(d.doc))
        bits = [b for b in (md_escape(d.outlet), (d.published or "")[:10]) if b]
        line = f"- {label}"
        if bits:
            line += f" ({', '.join(bits)})"
        if d.url:
            line += f", {md_url(d.url)}"
        line += f", {d.statements} statement{'s' * (d.statements != 1)}"
        out.append(line)
    out.append("")
    return "\n".join(out)
