"""The desk in a real browser: search, facets, chart, statement, document, speaker corrections.

Each test uses its own browser context; the ``page`` fixture fails a test on any
console error, uncaught exception or dialog. Screenshots go to out/screenshots/.
"""

from __future__ import annotations

import re
import sqlite3
from urllib.parse import parse_qs, urlsplit

from desk_helpers import ROOT, screenshot


def _count(page) -> int:
    heading = page.locator("#res-h").inner_text()
    return int(re.match(r"(\d+)", heading).group(1))


def test_search_facet_period_and_back_button(page):
    page.goto("/search?q=border&period=day")
    total = _count(page)
    assert total > 0
    assert page.locator("article.hit").count() == min(total, 25)
    assert page.locator("article.hit mark").count() > 0  # the FTS match is highlighted
    screenshot(page, "search")
    # The inline syntax help opens from the keyboard.
    page.locator("#syntax summary").focus()
    page.keyboard.press("Enter")
    assert page.locator("#syntax dl").is_visible()

    # Click the first speaker facet: the search narrows to that person.
    facet = page.locator(".facet").filter(has_text="Speaker").locator("li a").first
    label = facet.inner_text()
    expected = int(facet.locator("xpath=..").locator(".count").inner_text())
    facet.click()
    page.wait_for_url(re.compile(r"speaker=%23\d+"))
    assert _count(page) == expected <= total
    speakers = page.locator("article.hit .meta a").all_inner_texts()
    assert speakers and all(s == label for s in speakers)

    # Switch the chart to weeks, then back with the browser's back button.
    page.get_by_role("link", name="week", exact=True).click()
    page.wait_for_url(re.compile(r"period=week"))
    assert page.locator("#tl-h").inner_text() == "Statements per week"
    assert page.locator("figure.chart svg rect.bar").count() >= 1
    screenshot(page, "search-facet-week")
    page.go_back()
    assert "period=week" not in page.url
    assert page.locator("#tl-h").inner_text() == "Statements per day"
    page.go_back()
    assert parse_qs(urlsplit(page.url).query) == {"q": ["border"], "period": ["day"]}
    assert _count(page) == total


def test_event_type_facet_narrows_and_stays_in_the_url(page):
    page.goto("/search?sort=-date")
    total = _count(page)
    facet = page.locator(".facet").filter(has_text="Event type").locator("li a").first
    label = facet.inner_text()
    expected = int(facet.locator("xpath=..").locator(".count").inner_text())
    assert 0 < expected < total
    facet.click()
    page.wait_for_url(re.compile(rf"event={label}"))
    assert _count(page) == expected
    # The filter form shows the chosen type; the active facet link removes it again.
    assert page.locator("#f-event").input_value() == label
    page.locator(".facet a.active").filter(has_text=label).click()
    page.wait_for_url(lambda url: "event=" not in url)
    assert _count(page) == total


def test_download_the_current_search(page, tmp_path):
    import csv
    import json

    page.goto("/search?q=border+OR+crossing&kind=direct")
    total = _count(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    assert info.value.suggested_filename == "saidwhat-search.csv"
    info.value.save_as(tmp_path / "s.csv")
    with open(tmp_path / "s.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == total > 0 and all(r["kind"] == "direct" for r in rows)
    with page.expect_download() as info:
        page.get_by_role("link", name="JSON Lines").click()
    info.value.save_as(tmp_path / "s.jsonl")
    lines = (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["statement_id"] for x in lines] == [int(r["statement_id"]) for r in rows]


def test_bad_query_explains_the_syntax(page):
    page.goto("/search?q=%22unbalanced")
    assert "double quote is not closed" in page.locator(".error").inner_text()


def test_statement_in_context_then_its_document(page):
    page.goto("/search?speaker=Ostrikov&sort=-date")
    first = page.locator("article.hit").first
    quote = first.locator("blockquote").inner_text()
    first.get_by_role("link", name="Statement in context").click()
    page.wait_for_url(re.compile(r"/statements/\d+$"))
    marked = " ".join(page.locator("mark.hl-quote").all_inner_texts())
    assert quote.strip("…").split()[0] in marked
    assert page.locator("mark.hl-mention").count() == 1
    assert "Provenance" in page.content()
    screenshot(page, "statement")

    page.get_by_role("link", name="Open the whole document").click()
    page.wait_for_url(re.compile(r"/documents/\d+"))
    n = int(page.locator("dt:text-is('Statements') + dd").inner_text().split()[0])
    assert page.locator(".doctext a.stmt").count() == n
    legend = page.locator(".speaker-legend li")
    assert legend.count() >= 2
    # One colour per speaker: each legend entry's class appears on that speaker's statements.
    classes = {
        legend.nth(i).locator(".swatch").get_attribute("class").split()[-1]
        for i in range(legend.count())
    }
    assert len(classes) == legend.count()
    screenshot(page, "document")


def test_speaker_corrections_survive_reingest(page, desk_db, tmp_path):
    # Rename Ruth Kessling, and give one statement of the spokeswoman to Margit Hallen.
    page.goto("/people?search=Kessling")
    page.get_by_role("link", name="Ruth Kessling").click()
    pid = int(page.url.rsplit("/", 1)[1])
    page.get_by_label("Rename to").fill("Ruth Kessling-Varn")
    page.get_by_role("button", name="Rename").click()
    page.wait_for_url(re.compile(rf"/people/{pid}\?done="))
    assert page.locator("h1").inner_text().startswith("Ruth Kessling-Varn")
    screenshot(page, "speaker")

    page.goto("/search?q=%22not+a+gift%22")
    page.locator("article.hit").first.get_by_role("link", name="Statement in context").click()
    sid = int(page.url.rsplit("/", 1)[1])
    page.get_by_label("Said by (name or #id)").fill("Margit Hallen")
    page.get_by_role("button", name="Fix speaker").click()
    page.wait_for_url(re.compile(rf"/statements/{sid}$"))
    assert page.locator("h1").inner_text().startswith("Margit Hallen")

    # Re-ingest: the same file again plus a new story quoting her under her old name.
    story = tmp_path / "kessling-followup.txt"
    story.write_text(
        "Commission sets a date\n\nVELDA, June 2, 2026 (Northwire) - The fishing commission"
        " will meet on June 20, the Vessian foreign ministry said.\n\n"
        '"We expect the first session to be long and useful," Ruth Kessling said.\n',
        encoding="utf-8",
    )
    page.goto("/ingest")
    page.set_input_files(
        "#files", [str(story), str(ROOT / "examples" / "corpus" / "01-wire-ostrikov-velda.txt")]
    )
    page.get_by_role("button", name="Ingest").click()
    page.wait_for_url(re.compile(r"/jobs/"))
    page.locator(".state-done").wait_for(timeout=60_000)
    assert page.locator("dt:text-is('duplicates') + dd").inner_text() == "1"

    page.goto(f"/statements/{sid}")
    assert page.locator("h1").inner_text().startswith("Margit Hallen")
    page.goto(f"/people/{pid}")
    assert page.locator("h1").inner_text().startswith("Ruth Kessling-Varn")
    assert "long and useful" in page.locator("#latest-h + *").inner_text() or (
        "long and useful" in page.content()
    )
    with sqlite3.connect(desk_db) as conn:
        (n,) = conn.execute(
            "SELECT COUNT(*) FROM statements WHERE person_id = ? AND quote LIKE '%long and useful%'",
            (pid,),
        ).fetchone()
    assert n == 1


def test_every_page_renders_without_console_errors(page):
    paths = ["/search", "/people", "/dossiers", "/watchlists", "/feeds", "/ingest"]
    paths += ["/statements/1", "/documents/1", "/people/1"]  # the store's first of each
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("main h1").count() == 1, path
        # Every form control has a label (by <label for>, aria-label or a wrapping label).
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                .map(el => el.name || el.id)"""
        )
        assert unlabelled == [], (path, unlabelled)
        buttons = page.evaluate(
            "() => [...document.querySelectorAll('button')].filter(b => !b.textContent.trim()"
            " && !b.getAttribute('aria-label')).length"
        )
        assert buttons == 0, path
        screenshot(page, "page-" + path.strip("/").replace("/", "-"))


def test_keyboard_reaches_search_and_focus_is_visible(page):
    page.goto("/search")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.type("crossing")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=crossing"))
    assert _count(page) > 0
