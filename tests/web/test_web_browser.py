"""The web app as a person uses it, in real Chromium against a real server: upload → story → report."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE_1 = (
    "The city water board said on Thursday that the reservoir near Eastbrook had fallen to 31 percent of capacity.\n"
    "At least 4,000 households were told to boil their water, according to the regional health office.\n"
    'A reader left this in the comments: <script>window.__pwned = 1; document.title = "pwned"</script> '
    '<img src=x onerror="window.__pwned = 2"> and nothing else.\n'
    '"We are asking everyone to use less water this week," said board chair Lena Fisk.'
)
ARTICLE_2 = (
    "<html><head><title>Reservoir at record low</title></head><body><article><h1>Reservoir at record low</h1>"
    "<p>The regional health office said about 4,200 households were under a boil-water notice on Thursday.</p>"
    "<p>The city water board said the reservoir stood at 31 percent, its lowest level in a decade.</p>"
    "<p>Posted text: &lt;script&gt;window.__pwned = 3&lt;/script&gt; was shown as text.</p>"
    "</article></body></html>"
)


#: Milliseconds a background job may take in the browser tests (an analysis on a loaded 2-core machine).
JOB_TIMEOUT_MS = 300_000


def _job_done(page):
    """Wait on the job page, which reloads itself, until the job has ended (no fixed sleep)."""
    page.wait_for_url("**/jobs/*")
    page.locator("section.job.done, section.job.failed").wait_for(timeout=JOB_TIMEOUT_MS)
    assert page.locator("section.job.done").count() == 1, page.inner_text("main")


def _watch(page, base):
    ev = {"console": [], "errors": [], "foreign": []}
    page.on("console", lambda m: ev["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: ev["errors"].append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(base) else ev["foreign"].append(r.url))
    return ev


def test_upload_then_story_then_report(browser, server, artifacts):
    base, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    ev = _watch(page, base)
    page.goto(base + "/")
    assert page.locator("#stories .empty").is_visible()
    page.set_input_files("#files", [
        {"name": "water-board.txt", "mimeType": "text/plain", "buffer": ARTICLE_1.encode()},
        {"name": "health-office.html", "mimeType": "text/html", "buffer": ARTICLE_2.encode()},
    ])
    page.click("form[action='/add/files'] button[type=submit]")
    _job_done(page)
    assert "Added 2 document(s)" in page.inner_text(".notice")
    page.goto(base + "/")
    rows = page.locator("tr.story")
    assert rows.count() >= 1
    page.screenshot(path=str(artifacts / "web-home.png"), full_page=True)

    rows.first.locator("a").click()
    page.wait_for_selector("section#reports")
    for sid in ("glance", "facts", "figures", "sources", "flags", "reports"):
        assert page.locator(f"section#{sid}").is_visible()
    assert page.locator("article.doc").count() == 2
    # the payload is on the page as text (in the article, or among the cut furniture) ...
    assert "window.__pwned = 1" in page.locator("#reports").text_content()
    # ... and ran nothing
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "pwned"
    assert page.locator("a.back").first.get_attribute("href") == "/"
    json_link = page.locator("a.back", has_text="Report JSON").get_attribute("href")
    assert json_link.startswith("/api/stories/") and json_link.endswith("/report")
    page.screenshot(path=str(artifacts / "web-report.png"), full_page=True)
    # A phone: the real report (fact matrix, charts) scrolls inside its boxes, never the page sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector("section#reports")
    assert page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth") <= 0
    page.screenshot(path=str(artifacts / "web-report-390.png"), full_page=True)
    assert ev["foreign"] == []
    assert ev["errors"] == [] and [m for m in ev["console"] if m[0] == "error"] == []
    page.close()


def test_paste_text_adds_a_document(browser, server):
    base, _ = server
    page = browser.new_page()
    ev = _watch(page, base)
    page.goto(base + "/")
    page.fill("#outlet", "River Gazette")
    page.fill("#url", "https://gazette.example/reservoir")
    page.fill("#published", "2025-06-06")
    page.fill("#text", "The water board said on Friday that rain had lifted the reservoir to 33 percent.")
    page.locator("form[action='/add/text'] input[name=analyze]").uncheck()
    page.click("form[action='/add/text'] button[type=submit]")
    _job_done(page)
    assert "Added 1 document(s)" in page.inner_text(".notice")
    page.goto(base + "/")
    assert "not analysed yet" in page.inner_text("#stories")
    page.click("form[action='/analyze'] button")
    _job_done(page)
    assert page.inner_text(".notice").startswith("Analysed 3 document(s)")
    assert page.locator("#job a[href^='/s/st-']").count() >= 1  # the stories, by permalink
    assert ev["foreign"] == [] and ev["errors"] == []
    page.close()


def test_api_docs_page_works_offline(browser, server):
    base, _ = server
    page = browser.new_page()
    ev = _watch(page, base)
    page.goto(base + "/docs")
    assert page.locator("p.op").count() >= 5
    assert "/api/stories/{story}/report" in page.inner_text("main")
    assert ev["foreign"] == [] and ev["errors"] == []
    page.close()
