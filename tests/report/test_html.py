"""The HTML report: every section, every internal link resolves, hostile text stays text, CSP pins our script."""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser

from newssift.models import Report
from newssift.report.charts import build_chart, nice_ticks
from newssift.report.html import asset, render_html, write_html
from newssift.report.html_docs import segments, word_diff
from newssift.report.html_index import ReportIndex, safe_url

SECTIONS = ("glance", "facts", "figures", "sources", "flags", "reports")


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _parse(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    return p


def test_every_section_and_internal_link_resolves(sample_report):
    page = _parse(render_html(sample_report))
    for sid in SECTIONS:
        assert sid in page.ids
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert len(internal) > 20
    missing = sorted({h for h in internal if h not in page.ids})
    assert missing == []


def test_every_claim_links_to_its_exact_span(sample_report):
    page = _parse(render_html(sample_report))
    idx = ReportIndex(sample_report)
    for c in sample_report.claims:
        anchor = idx.span_anchor(c.doc, c.start, c.end)
        assert anchor in page.ids
        assert f"#{anchor}" in page.hrefs


def test_hostile_markup_is_escaped_and_only_our_script_exists(sample_report):
    html = render_html(sample_report)
    page = _parse(html)
    assert [t for t, _ in page.tags].count("script") == 1
    assert not any(t in ("iframe", "img") for t, _ in page.tags)
    assert not any(k.startswith("on") for _, a in page.tags for k in a)
    assert "&lt;script&gt;window.__pwned" in html
    # the non-http URL of document b is shown as text, never as a link
    assert "javascript:alert(1)" not in page.hrefs
    assert all(not h.lower().startswith(("javascript:", "data:")) for h in page.hrefs)


def test_csp_is_strict_and_pins_the_inline_script_by_hash(sample_report):
    page = _parse(render_html(sample_report))
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "img-src data:" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]
    (script,) = page.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert script == asset("report.js")


def test_no_external_reference_in_the_page(sample_report):
    html = render_html(sample_report)
    page = _parse(html)
    for tag, attrs in page.tags:
        for key in ("src", "srcset", "data", "action", "poster"):
            assert key not in attrs, (tag, attrs)
        if tag == "link":
            raise AssertionError(f"external link element {attrs}")
    assert "@import" not in html and "url(http" not in html


def test_segments_rebuild_the_text_and_cover_every_span(sample_report):
    idx = ReportIndex(sample_report)
    for doc in sample_report.documents:
        segs = segments(idx, doc)
        assert "".join(s.text for s in segs) == doc.text
        anchors = {a for s in segs for a in s.anchors}
        for c in sample_report.claims:
            if c.doc == doc.id:
                assert idx.span_anchor(doc.id, c.start, c.end) in anchors
                inside = [s for s in segs if idx.span_anchor(doc.id, c.start, c.end) in s.keys.split()]
                assert "".join(s.text for s in inside) == c.text


def test_out_of_range_spans_fall_back_to_the_document(sample_report):
    bad = replace(sample_report.claims[0], start=5, end=10_000)
    rep = replace(sample_report, claims=(bad,) + sample_report.claims[1:])
    idx = ReportIndex(rep)
    assert idx.span_anchor(bad.doc, bad.start, bad.end) == "doc-0"
    page = _parse(render_html(rep))
    assert {h[1:] for h in page.hrefs if h.startswith("#")} <= page.ids


def test_chart_draws_open_bounds_as_arrows(sample_report):
    idx = ReportIndex(sample_report)
    chart = build_chart(idx, sample_report.figures[0], 0)
    shapes = [r.shape for r in chart.rows]
    assert shapes == ["arrow_right", "dot", "arrow_left"]
    right, dot, left = chart.rows
    assert right.x2 > right.x1 and left.x2 < left.x1
    assert right.x1 == dot.x1  # both at 12
    assert right.value_text == "at least 12 · 2025-03-04" and left.value_text == "up to 20 · 2025-03-04"
    assert left.text_end and not right.text_end
    assert chart.band is not None and chart.band[0] < chart.band[1]
    html = render_html(sample_report)
    assert html.count("<svg") == 2 and 'marker-end="url(#fig0-ar)"' in html


def test_nice_ticks_cover_the_range():
    assert nice_ticks(30) == [0, 10, 20, 30]
    t = nice_ticks(437)
    assert t[0] == 0 and t[-1] >= 437 and len(t) <= 7


def test_word_diff_marks_only_the_changed_words():
    parts = word_diff("we have never seen the river rise", "We have never seen the water rise")
    assert [(p.op, p.text.strip()) for p in parts if p.op != "same"] == [("del", "river"), ("ins", "water")]


def test_quote_variant_flag_shows_a_word_diff(sample_report):
    html = render_html(sample_report)
    assert re.search(r"<del>water</del><ins>river</ins>", html)


def test_safe_url_rejects_non_http():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "file:///etc/passwd", None, ""):
        assert safe_url(bad) is None


def test_empty_report_renders(tmp_path):
    p = write_html(Report(), tmp_path / "empty.html")
    page = _parse(p.read_text(encoding="utf-8"))
    assert set(SECTIONS) <= page.ids


def test_many_reports_switch_the_matrix_to_a_list_of_outlets(sample_report):
    from newssift.report.html_views import MATRIX_MAX_COLUMNS

    extra = tuple(replace(sample_report.documents[0], id=f"x{i}", outlet=f"Extra {i}", content_hash=str(i))
                  for i in range(MATRIX_MAX_COLUMNS))
    rep = replace(sample_report, documents=sample_report.documents + extra)
    html = render_html(rep)
    page = _parse(html)
    assert not any(a.get("class") == "outlet-col" for t, a in page.tags if t == "th")
    assert "Reported by" in html
    assert {h[1:] for h in page.hrefs if h.startswith("#")} <= page.ids
    # each fact lists exactly the reports that carry it
    assert html.count('class="carried-by"') == len(rep.facts)


def test_few_reports_get_one_matrix_column_each(sample_report):
    page = _parse(render_html(sample_report))
    cols = [a for t, a in page.tags if t == "th" and a.get("class") == "outlet-col"]
    assert len(cols) == len(sample_report.documents)


def test_word_diff_ignores_moved_punctuation_and_curly_quotes():
    parts = word_diff("I have witnessed in 22 years of service", "“I have seen in 22 years of service,”")
    assert [(p.op, p.text.strip()) for p in parts if p.op != "same"] == [("del", "witnessed"), ("ins", "seen")]


def test_brief_cites_every_report_of_each_corroborated_fact(sample_report):
    from newssift.report.html_views import build_brief

    idx = ReportIndex(sample_report)
    items, corroborated = build_brief(idx)
    assert corroborated and [i.text for i in items] == ["The dam failed on Tuesday."]
    assert [c.label for c in items[0].cites] == ["Valley Herald", "Flood Watch Daily"]
    assert items[0].cites[0].anchor == idx.span_anchor("a", sample_report.claims[0].start, sample_report.claims[0].end)


def test_brief_falls_back_to_labelled_single_origin_facts(sample_report):
    from newssift.report.html_views import build_brief

    rep = replace(sample_report, facts=tuple(f for f in sample_report.facts if f.status != "corroborated"))
    items, corroborated = build_brief(ReportIndex(rep))
    assert not corroborated and items and all(i.status == "single_origin" for i in items)
    assert items[0].text == "We have never seen the river rise this fast."
    assert "No fact is confirmed by two independent origins" in render_html(rep)


def test_values_in_unknown_documents_link_to_the_reports_section(sample_report):
    fig = sample_report.figures[1]
    stray = replace(fig, values=(replace(fig.values[0], doc="not-in-report"),))
    rep = replace(sample_report, figures=(sample_report.figures[0], stray))
    page = _parse(render_html(rep))
    assert "#reports" in page.hrefs
    assert {h[1:] for h in page.hrefs if h.startswith("#")} <= page.ids


def test_source_cards_show_the_other_names_outlets_use(sample_report):
    assert "Also named: fire service" in render_html(sample_report)


def test_glance_names_the_key_figures_and_fact_rows_fold_their_wordings(sample_report):
    html = render_html(sample_report)
    glance = html.split('id="glance"', 1)[1].split("</section>", 1)[0]
    assert 'href="#figure-0">Killed (people)</a>' in glance and "reports range from 12 to 20" in glance
    fig = sample_report.figures[0]
    # Who gives each key figure, linked to the words.
    first = fig.values[0]
    assert f"from {first.source_text}" in glance or "from no source named" in glance
    assert "Editor&#39;s flags" in glance or "Editor's flags" in glance
    facts = html.split('id="facts"', 1)[1].split("</section>", 1)[0]
    assert facts.count('class="wordings"') == sum(1 for f in sample_report.facts if len(f.claims) > 1)


def test_a_subject_that_repeats_the_measure_is_not_shown_twice(sample_report):
    fig = replace(sample_report.figures[0], measure="troops", subject="Troops")
    html = render_html(replace(sample_report, figures=(fig,)))
    assert "Troops (Troops)" not in html and "— Troops<" not in html


def test_a_compact_matrix_lists_each_outlet_once_with_its_report_count(sample_report):
    """A wire story in many reports of one outlet is one chip for that outlet, counted, not a chip per report."""
    from newssift.report.html_index import ReportIndex
    from newssift.report.html_views import MATRIX_MAX_COLUMNS, build_matrix

    first = sample_report.documents[0]  # Valley Herald, which states fact f1
    copies = tuple(replace(first, id=f"x{i}", content_hash=f"h{i}") for i in range(MATRIX_MAX_COLUMNS))
    facts = tuple(replace(f, docs=tuple(f.docs) + tuple(c.id for c in copies)) if f.id == "f1" else f
                  for f in sample_report.facts)
    rep = replace(sample_report, documents=sample_report.documents + copies, facts=facts)
    row = next(r for r in build_matrix(ReportIndex(rep)) if r.id == "f1")
    chips = [(c.cite.label, c.count) for c in row.cells]
    assert chips == [("Valley Herald", MATRIX_MAX_COLUMNS + 1), ("Flood Watch Daily", 1)]
    assert row.n_docs == MATRIX_MAX_COLUMNS + 2
    assert f"×{MATRIX_MAX_COLUMNS + 1}" in render_html(rep)
