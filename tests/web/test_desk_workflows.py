"""The desk in a real browser: dossiers, watchlists, feeds, uploads, hostile documents, CSRF."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta

import pypdfium2
from desk_helpers import screenshot


def test_build_a_dossier_and_download_its_pdf(page, tmp_path):
    page.goto("/search?q=crossing&sort=date")
    hits = page.locator("article.hit")
    picked = [hits.nth(i).locator("blockquote").inner_text() for i in range(3)]
    for i in range(3):
        hits.nth(i).locator("input[type=checkbox]").check()
    page.get_by_label("or a new dossier named").fill("Crossing reactions")
    page.get_by_role("button", name="Add to dossier").click()
    page.wait_for_url(re.compile(r"/dossiers/Crossing%20reactions$"))
    assert page.locator(".dsection li blockquote").count() == 3

    page.get_by_label("Title").fill("Reactions to the crossing")
    page.get_by_label("Introduction").fill("What was said about the Kessen crossing.")
    page.get_by_role("button", name="Save title and introduction").click()
    page.wait_for_url(re.compile(r"/dossiers/Crossing%20reactions$"))
    assert page.locator("h1").inner_text() == "Dossier: Reactions to the crossing"

    # Reorder: the last section moves up (or, with one section, its last statement).
    sections = page.locator(".dsection")
    before = [sections.nth(i).locator("h3").inner_text() for i in range(sections.count())]
    if len(before) > 1:
        page.get_by_role("button", name="Move section up").last.click()
        page.wait_for_url(re.compile(r"#s\d+$"))
        after = [sections.nth(i).locator("h3").inner_text() for i in range(sections.count())]
        assert after == [*before[:-2], before[-1], before[-2]]
    else:
        quotes = page.locator(".dsection li blockquote").all_inner_texts()
        page.get_by_role("button", name=re.compile(r"Move statement \d+ up")).last.click()
        page.wait_for_url(re.compile(r"#s\d+$"))
        moved = page.locator(".dsection li blockquote").all_inner_texts()
        assert moved == [*quotes[:-2], quotes[-1], quotes[-2]]
    assert page.frame_locator("iframe.preview").locator("h1").inner_text() == (
        "Reactions to the crossing"
    )
    screenshot(page, "dossier")

    with page.expect_download() as info:
        page.get_by_role("link", name="PDF").click()
    path = tmp_path / "dossier.pdf"
    info.value.save_as(path)
    assert info.value.suggested_filename == "Crossing-reactions.pdf"
    pdf = pypdfium2.PdfDocument(str(path))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    text = " ".join(text.split())
    assert "Reactions to the crossing" in text
    assert "What was said about the Kessen crossing." in text
    for quote in picked:
        assert " ".join(quote.strip("…").split()[:4]) in text


def test_save_and_open_a_watchlist(page):
    page.goto("/search?q=fishermen")
    total = int(page.locator("#res-h").inner_text().split()[0])
    page.locator("details.save summary").click()
    page.get_by_label("Watchlist name").fill("fishermen")
    page.get_by_role("button", name="Save watchlist").click()
    page.wait_for_url(re.compile(r"/watchlists/fishermen$"))
    assert page.locator("h2").first.inner_text() == f"{min(total, 100)} new since the last visit"
    assert page.locator("article.hit.new").count() == min(total, 100)
    screenshot(page, "watchlist")

    page.goto("/watchlists")
    row = page.locator("tr").filter(has_text="fishermen")
    assert row.locator("td").nth(2).inner_text() == "0"
    row.get_by_role("link", name="fishermen").click()
    assert page.locator("h2").first.inner_text() == "0 new since the last visit"
    atom = page.request.get("/watchlists/fishermen/atom.xml")
    assert atom.ok and atom.headers["content-type"].startswith("application/atom+xml")
    assert atom.text().count("<entry>") == min(total, 100)
    page.get_by_role("link", name="Open as a search").click()
    page.wait_for_url(re.compile(r"/search\?q=fishermen"))
    assert int(page.locator("#res-h").inner_text().split()[0]) == total


def test_a_silent_feed_gets_a_warning(page, desk_db):
    page.goto("/feeds")
    page.get_by_label("RSS or Atom feed URL").fill("https://northwire.example/world.rss")
    page.get_by_role("button", name="Add feed").click()
    page.wait_for_url(re.compile(r"/feeds$"))
    assert page.locator("td", has_text="northwire.example/world.rss").count() == 1
    # Its history, as polls would have left it: an entry a day, the last one 20 days ago.
    now = datetime.now(UTC)
    with sqlite3.connect(desk_db) as conn:
        (fid,) = conn.execute(
            "SELECT id FROM feeds WHERE url = 'https://northwire.example/world.rss'"
        ).fetchone()
        conn.execute("UPDATE feeds SET last_polled = ?, last_status = 'ok' WHERE id = ?",
                     (now.isoformat(), fid))  # fmt: skip
        for day in range(20, 30):
            seen = (now - timedelta(days=day)).isoformat()
            conn.execute(
                "INSERT INTO feed_entries (feed_id, entry_id, url, status, seen_at)"
                " VALUES (?, ?, ?, 'ingested', ?)",
                (fid, f"e{day}", f"https://northwire.example/{day}", seen),
            )
    page.reload()
    row = page.locator("tr").filter(has_text="northwire.example/world.rss")
    warning = row.locator(".warning").inner_text()
    assert "silent for 20 days" in warning and "every 24 h" in warning
    screenshot(page, "feeds-warning")
    row.get_by_role("button", name=re.compile("Remove")).click()
    page.wait_for_url(re.compile(r"/feeds$"))
    assert page.locator("td", has_text="northwire.example/world.rss").count() == 0


def test_upload_with_bad_files_stores_the_good_one(page, tmp_path):
    good = tmp_path / "harbour-visit.txt"
    good.write_text(
        "Harbour master welcomes ferry plan\n\nPORT HESK, June 3, 2026 (Northwire) -"
        ' "The ferry will bring the town back to life," harbour master Anja Telling said.\n',
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "tool.exe"
    binary.write_bytes(b"MZ\x00\x01binary")
    page.goto("/ingest")
    page.set_input_files("#files", [str(binary), str(empty), str(good)])
    page.get_by_role("button", name="Ingest").click()
    page.locator(".state-done").wait_for(timeout=60_000)
    errors = page.locator("ul.errors li").all_inner_texts()
    assert len(errors) == 2
    assert errors[0].startswith("tool.exe: not a supported file type")
    assert "empty.txt" in errors[1] and "empty" in errors[1].split("empty.txt", 1)[1]
    assert page.locator("dt:text-is('stored') + dd").inner_text() == "1"
    screenshot(page, "ingest-errors")
    page.goto("/search?q=ferry")
    assert "The ferry will bring the town back to life" in page.locator("main").inner_text()


HOSTILE_HTML = """<!doctype html><html><head><title>Hostile <script>alert('title')</script></title>
<script>alert('head')</script></head><body><article>
<h1>Minister answers critics</h1>
<p>VELDA, June 4, 2026 (Northwire) - The trade minister defended the deal.</p>
<p>"<script>alert('quote')</script> is not how we do trade policy," Lukas Brandt said.
<img src=x onerror="alert('img')"> <a href="javascript:alert('link')">details</a></p>
<p>"We will publish every figure, <b onmouseover=alert(1)>all of them</b>," Brandt added.</p>
</article></body></html>"""
HOSTILE_TEXT = """Hostile <script>alert('title')</script> headline

VELDA, June 4, 2026 (Northwire) - The trade minister defended the deal.

"<script>alert('quote')</script> is not how we do trade policy," Lukas Brandt said.
Read more at javascript:alert('link') and <img src=x onerror="alert('img')">.

"We will publish every figure, <b onmouseover=alert(1)>all of them</b>," Brandt added.
"""
HOSTILE_POSTS = (
    '{"text": "\\"<script>alert(\'post\')</script> never again,\\" said Senator Carla Dunmore'
    ' about the <img src=x onerror=alert(2)> plan.", "author": "Carla Dunmore",'
    ' "date": "2026-06-05T10:00:00Z", "url": "javascript:alert(document.cookie)",'
    ' "platform": "X"}\n'
)


def test_hostile_documents_run_no_script(page, tmp_path):
    html = tmp_path / "hostile.html"
    html.write_text(HOSTILE_HTML, encoding="utf-8")
    posts = tmp_path / "hostile.jsonl"
    posts.write_text(HOSTILE_POSTS, encoding="utf-8")
    plain = tmp_path / "hostile.txt"
    plain.write_text(HOSTILE_TEXT, encoding="utf-8")
    page.goto("/ingest")
    page.set_input_files("#files", [str(html), str(posts), str(plain)])
    page.get_by_role("button", name="Ingest").click()
    page.locator(".state-done").wait_for(timeout=60_000)
    assert page.locator("dt:text-is('stored') + dd").inner_text() == "3"

    page.goto("/search?q=alert")
    assert page.locator("article.hit").count() >= 2
    assert "<script>alert(" in page.locator("main").inner_text()
    pages = ["/search?q=alert"]
    pages += page.locator("article.hit .links a").evaluate_all(
        "els => els.map(a => a.getAttribute('href')).filter(h => h.startsWith('/'))"
    )
    for url in dict.fromkeys(pages):
        page.goto(url)
        assert page.locator("script").count() == 0, url
        hrefs = page.locator("[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]
        assert page.locator("[onerror], [onmouseover]").count() == 0, url
    # The post's javascript: URL is shown as text, never as a link.
    page.goto("/search?q=%22never+again%22")
    page.locator("article.hit .links a").nth(1).click()
    page.wait_for_url(re.compile(r"/documents/\d+"))
    assert (
        page.locator("dt:text-is('URL') + dd").inner_text() == "javascript:alert(document.cookie)"
    )
    assert page.locator("dt:text-is('URL') + dd a").count() == 0
    screenshot(page, "hostile-document")


def test_post_without_csrf_token_is_refused(page):
    page.goto("/feeds")
    refused = page.request.post("/feeds", form={"url": "https://evil.example/feed.xml"})
    assert refused.status == 403
    assert "CSRF" in refused.text()
    wrong = page.request.post(
        "/feeds", form={"url": "https://evil.example/feed.xml", "csrf": "0" * 64}
    )
    assert wrong.status == 403
    page.reload()
    assert "evil.example" not in page.content()
    # The same request with the page's token goes through.
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    ok = page.request.post("/feeds", form={"url": "https://good.example/feed.xml", "csrf": token})
    assert ok.ok
    page.reload()
    assert "good.example" in page.content()
    cookie = next(c for c in page.context.cookies() if c["name"] == "sw_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    response = page.goto("/search")
    csp = response.headers["content-security-policy"]
    assert "script-src 'none'" in csp
