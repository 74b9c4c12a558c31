"""The HTML report in real headless Chromium: renders, runs none of a hostile article, requests nothing."""
from __future__ import annotations

import pytest

from newssift.report.html import write_html

pytestmark = pytest.mark.browser

SECTIONS = ("glance", "facts", "figures", "sources", "flags", "reports")


def _open(browser, path, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    events = {"console": [], "requests": [], "errors": []}
    page.on("console", lambda m: events["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, events


def test_report_renders_every_section_and_runs_nothing_hostile(browser, sample_report, tmp_path, artifacts):
    path = write_html(sample_report, tmp_path / "report.html")
    page, ev = _open(browser, path)
    for sid in SECTIONS:
        assert page.locator(f"section#{sid}").is_visible()
    assert page.locator("#figures svg.chart").count() == 2
    assert page.locator("#figures svg.chart circle, #figures svg.chart line.open").count() >= 3
    assert page.locator(".matrix tbody tr").count() == len(sample_report.facts)
    # the payloads are on the page as text ...
    assert "window.__pwned = 1" in page.inner_text("#reports")
    # ... and did nothing
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title().startswith("Dam breach floods valley town")
    assert page.locator("iframe, img").count() == 0
    assert ev["requests"] == [path.resolve().as_uri()]
    assert [m for m in ev["console"] if m[0] in ("error", "warning")] == []
    assert ev["errors"] == []
    page.screenshot(path=str(artifacts / "report-sample.png"), full_page=True)
    page.close()


def test_a_citation_jumps_to_and_highlights_its_span(browser, sample_report, tmp_path):
    path = write_html(sample_report, tmp_path / "report.html")
    page, ev = _open(browser, path)
    cite = page.locator(".brief-list a.cite").first
    target = cite.get_attribute("href")[1:]
    cite.click()
    page.wait_for_function(f"document.querySelectorAll('.hl.hit[data-k~=\"{target}\"]').length > 0")
    hit_text = "".join(page.locator(".hl.hit").all_inner_texts())
    assert hit_text == "Floodwater broke through the river dam at Holmfirth Vale on Tuesday"
    assert page.evaluate("location.hash") == f"#{target}"
    assert ev["errors"] == []
    page.close()


def test_status_filter_hides_other_facts(browser, sample_report, tmp_path):
    path = write_html(sample_report, tmp_path / "report.html")
    page, _ = _open(browser, path)
    page.click(".filters button[data-filter='conflicting']")
    visible = page.locator(".matrix tbody tr:visible")
    assert visible.count() == 1
    assert visible.first.get_attribute("data-status") == "conflicting"
    page.click(".filters button[data-filter='all']")
    assert page.locator(".matrix tbody tr:visible").count() == len(sample_report.facts)
    page.close()


def test_phone_width_has_no_page_wide_horizontal_scroll(browser, sample_report, tmp_path, artifacts):
    path = write_html(sample_report, tmp_path / "report.html")
    page, _ = _open(browser, path, width=390)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    page.screenshot(path=str(artifacts / "report-sample-phone.png"), full_page=True)
    page.close()


@pytest.mark.slow
def test_report_of_the_shared_corpus(browser, shared_corpus, tmp_path, artifacts):
    from newssift.pipeline import analyze_inputs

    report = analyze_inputs([str(shared_corpus)])
    path = write_html(report, artifacts / "report-kursk-2024.html")
    page, ev = _open(browser, path)
    for sid in SECTIONS:
        assert page.locator(f"section#{sid}").is_visible()
    assert page.locator("article.doc").count() == len(report.documents)
    if report.figures:
        assert page.locator("#figures svg.chart").count() >= 1
    assert ev["requests"] == [path.resolve().as_uri()]
    assert ev["errors"] == [] and [m for m in ev["console"] if m[0] == "error"] == []
    # every link inside the page lands on an element, and every claim's highlight holds exactly its words
    missing = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))""")
    assert missing == []
    for claim in report.claims[:40]:
        anchor = f"d{[d.id for d in report.documents].index(claim.doc)}-{claim.start}-{claim.end}"
        words = page.evaluate(f"""() => [...document.querySelectorAll('[data-k~="{anchor}"]')]
            .map(e => e.textContent).join('')""")
        doc = next(d for d in report.documents if d.id == claim.doc)
        assert words.replace("\n", "") == doc.text[claim.start:claim.end].replace("\n", "")
    page.screenshot(path=str(artifacts / "report-kursk-2024.png"), full_page=True)
    page.close()


def test_phone_width_with_long_outlet_names_does_not_overflow(browser, sample_report, tmp_path):
    from dataclasses import replace

    long_names = tuple(replace(d, outlet="The-Extraordinarily-Long-Named-Regional-Evening-Chronicle-" + d.id)
                       for d in sample_report.documents)
    path = write_html(replace(sample_report, documents=long_names), tmp_path / "long.html")
    page, _ = _open(browser, path, width=390)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    page.close()


def test_notebook_frame_shows_the_report_sandboxed(browser, sample_report):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content(f"<!doctype html><title>notebook</title>{sample_report._repr_html_()}")
    frame = page.frame_locator("iframe")
    assert frame.locator("section#figures svg.chart").count() == 2
    assert frame.locator(".filters").is_visible()  # our script ran inside the frame
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() == "notebook" and errors == []
    page.close()
