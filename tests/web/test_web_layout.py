"""The main pages at 1400 px and 390 px wide in real Chromium: screenshots for people, and nothing overflows sideways."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser]

WIDTHS = (1400, 390)
#: JavaScript run by the test (not by the page): how far the page scrolls sideways beyond the window.
OVERFLOW_JS = "document.scrollingElement.scrollWidth - window.innerWidth"
#: Elements wider than the window, named for the failure message.
WIDE_JS = """() => [...document.querySelectorAll('body *')].filter(e => {
  const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed'
    && !e.closest('.scroll, nav.sections, .matrix-wrap');
}).slice(0, 5).map(e => e.tagName + '.' + e.className)"""


@pytest.fixture()
def story_server(tmp_path, serve_app):
    """A served store holding a synthetic analysed story of 30 articles (no spaCy) and its permalink key."""
    from synthetic_story import fill_story

    from newssift.web.app import create_app

    db = tmp_path / "s.db"
    key = fill_story(str(db), 30)
    base, stop = serve_app(create_app(str(db)))
    yield base, key
    stop()


@pytest.mark.parametrize("width", WIDTHS)
def test_main_pages_fit_the_width(browser, story_server, artifacts, width):
    base, key = story_server
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    pages = {
        "index": "/",
        "story": f"/s/{key}",
        "document": "/documents/art-0003",
        "search": "/search?q=flood+families&outlet=Outlet+3",
        "api-docs": "/docs",
    }
    for name, path in pages.items():
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.screenshot(path=str(artifacts / f"web-{name}-{width}.png"), full_page=True)
        page.screenshot(path=str(artifacts / f"web-{name}-{width}-first-screen.png"))  # what a reader sees first
        over = page.evaluate(OVERFLOW_JS)
        assert over <= 0, (name, width, over, page.evaluate(WIDE_JS))
    # What each page must show first.
    page.goto(base + f"/s/{key}")
    assert page.locator("section#glance").is_visible() and page.locator("nav.pager").first.is_visible()
    page.goto(base + "/search?q=flood+families&outlet=Outlet+3")
    assert page.locator("li.hit-doc mark").first.is_visible() and page.locator("li.hit-claim mark").count() >= 1
    assert errors == []
    page.close()
