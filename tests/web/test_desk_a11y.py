"""Accessibility of every desk page, checked by axe-core in the browser (WCAG 2.1 A/AA).

Each page is loaded in Chromium and axe-core (vendored, test-only) reports
serious and critical violations: contrast below AA, controls without labels,
missing names, bad ARIA. Keyboard use and visible focus are checked in
test_desk_browser.py.
"""

from __future__ import annotations

import pytest
from desk_helpers import axe_violations

PAGES = [
    "/search",
    "/search?q=border+OR+crossing&period=week",
    "/search?q=%22unbalanced",  # the error message
    "/statements/1",
    "/documents/1",
    "/people",
    "/people/1",
    "/dossiers",
    "/watchlists",
    "/feeds",
    "/ingest",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(page, path):
    page.goto(path)
    assert axe_violations(page) == [], path


def test_the_check_fails_on_low_contrast_and_an_unlabelled_control(page):
    """The gate can fail: a pale line of text and a bare input are reported."""
    page.goto("/search")
    assert axe_violations(page) == []
    page.evaluate(
        """() => {
            const p = document.createElement('p');
            p.textContent = 'pale text';
            p.style.color = '#c8c8c8';
            p.style.background = '#ffffff';
            const i = document.createElement('input');
            i.type = 'text';
            document.querySelector('main').append(p, i);
        }"""
    )
    found = axe_violations(page)
    assert any(v.startswith("serious color-contrast") for v in found), found
    assert any(" label:" in v for v in found), found


def test_every_control_shows_where_the_keyboard_focus_is(page):
    """Tab through a results page: each focused element draws an outline or a ring."""
    page.goto("/search?q=border&period=day")
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                return [e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 30),
                        s.outlineStyle, s.outlineWidth, s.boxShadow, e.matches(':focus')]; }"""
        )
        name, style, width, shadow, itself = info
        if name.startswith("BODY"):
            break
        if not itself:
            continue  # on a browser-drawn part of a native field (a date's calendar button)
        seen.add(name)
        assert (style != "none" and width != "0px") or shadow != "none", info
    assert len(seen) > 20  # the form, the facets, the chart periods and the results
