"""The statement page (quote in context, provenance) and the document page (all statements)."""

from __future__ import annotations

from markupsafe import Markup
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from saidwhat.reports.dossier import build_dossier
from saidwhat.reports.html import citation_html
from saidwhat.store.desk import (
    document_spans,
    document_text,
    fix_statement_speaker,
    get_hit,
    list_drafts,
    same_day_by_speaker,
    speaker_fix_of,
)
from saidwhat.store.inspect import document_details
from saidwhat.web.base import Desk, action, page, render, text
from saidwhat.web.highlight import Span, colour_for, context_window, cue_span, pieces


@page
def statement_page(request: Request, desk: Desk) -> Response:
    store = desk.store()
    hit = get_hit(store, request.path_params["sid"])
    doc_text, language, _ = document_text(store, hit.doc_id)
    spans = []
    if hit.fragments:
        spans += [Span(a, b, "quote", "quote") for a, b in hit.fragments]
    else:
        spans.append(Span(hit.quote_start, hit.quote_end, "quote", "quote"))
    lo, hi = hit.quote_start, hit.quote_end
    if hit.speaker_start is not None and hit.speaker_end is not None:
        spans.append(Span(hit.speaker_start, hit.speaker_end, "mention", "speaker mention"))
        lo, hi = min(lo, hit.speaker_start), max(hi, hit.speaker_end)
    a, b = context_window(doc_text, lo, hi)
    # The cue stands between the mention and the quote, or just around them.
    cue = cue_span(doc_text, hit.cue, hit.speaker_end or hit.quote_start, a, b)
    if cue and not any(s.start < cue[1] and cue[0] < s.end for s in spans):
        spans.append(Span(cue[0], cue[1], "cue", "cue"))
    details = document_details(store, str(hit.doc_id))
    # The citation exactly as a dossier prints it (the HTML renderer escapes and links).
    citation = Markup(citation_html(build_dossier([hit], "citation").citations[0]))
    return render(
        request,
        "statement.html",
        hit=hit,
        citation=citation,
        pieces=pieces(doc_text, spans, a, b),
        before=a > 0,
        after=b < len(doc_text),
        language=language,
        copies=details["copies"],
        same_day=same_day_by_speaker(store, hit),
        fix=speaker_fix_of(store, hit.id),
        drafts=list_drafts(store),
    )


@action
def fix_speaker(request: Request, desk: Desk, form: FormData) -> Response:
    sid = request.path_params["sid"]
    speaker = text(form, "speaker", required=True, what="speaker (a name or #id)")
    fix_statement_speaker(desk.store(), sid, speaker)
    return RedirectResponse(f"/statements/{sid}", status_code=303)


@page
def document_page(request: Request, desk: Desk) -> Response:
    store = desk.store()
    doc_id = request.path_params["doc_id"]
    details = document_details(store, str(doc_id))
    doc_text = details["document"]["text"]
    colours: dict[str, str] = {}
    legend: list[tuple[str, str, int | None, int]] = []
    spans: list[Span] = []
    counts: dict[str, int] = {}
    rows = document_spans(store, doc_id)
    for r in rows:
        name = r["speaker"] or "Unattributed"
        counts[name] = counts.get(name, 0) + 1
    for r in rows:
        name = r["speaker"] or "Unattributed"
        if name not in colours:
            colours[name] = colour_for(len(colours))
            legend.append((name, colours[name], r["person_id"], counts[name]))
        spans.append(
            Span(
                r["quote_start"],
                r["quote_end"],
                "quote",
                f"{name} ({r['kind']})",
                colours[name],
                f"/statements/{r['id']}",
            )
        )
    return render(
        request,
        "document.html",
        doc=details["document"],
        copies=details["copies"],
        statements=len(rows),
        pieces=pieces(doc_text, spans),
        legend=legend,
    )


def routes() -> list[Route]:
    return [
        Route("/statements/{sid:int}", statement_page, methods=["GET"]),
        Route("/statements/{sid:int}/speaker", fix_speaker, methods=["POST"]),
        Route("/documents/{doc_id:int}", document_page, methods=["GET"]),
    ]
