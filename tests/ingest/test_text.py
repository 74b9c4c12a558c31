"""The plain-text page cleaner on furniture-laden pages written for these tests."""
from __future__ import annotations

from newssift.ingest.text import boilerplate_lines, clean_text


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_courier_page_body_title_and_furniture(data_dir):
    raw = (data_dir / "courier_bridge.txt").read_text(encoding="utf-8")
    out = clean_text(raw)
    lines = raw.splitlines()
    body = [l.strip() for l in lines[12:27] if l.strip()]  # the article, lines 13-27
    for line in body:
        assert line in out.text, line
    assert out.title == "Old Mill Bridge Closed After Inspectors Find Cracked Supports"
    assert out.title not in out.text
    furniture = [l.strip() for i, l in enumerate(lines) if l.strip() and not 12 <= i < 27 and i != 6]
    for line in furniture:
        assert line not in out.text, line
    # Paragraphs stay apart as in the input.
    assert "the county highways department said.\n\nInspectors" in out.text
    assert out.text.startswith("The Old Mill footbridge") and out.text.endswith("how much the work will cost.")


def test_every_cut_has_a_reason_and_line(data_dir):
    raw = (data_dir / "courier_bridge.txt").read_text(encoding="utf-8")
    out = clean_text(raw)
    reasons = {r.reason for r in out.removed}
    assert {"navigation", "headline", "byline", "contact", "counter", "link_list", "duplicate_block", "label", "trailer"} <= reasons
    lines = raw.splitlines()
    for r in out.removed:
        assert r.reason and r.line is not None
        # The record starts at the line it names.
        assert lines[r.line - 1].strip() == r.text.splitlines()[0]
    cut = {l for r in out.removed for l in r.text.splitlines()}
    kept = set(out.text.splitlines())
    assert all(l.strip() in cut or l.strip() in kept for l in lines if l.strip())


def test_email_and_byline_after_body_are_cut(data_dir):
    out = clean_text((data_dir / "courier_bridge.txt").read_text(encoding="utf-8"))
    by_reason = {r.reason: r.text for r in out.removed}
    assert by_reason["contact"] == "t.wierzbicki@lakesidecourier.example"
    assert by_reason["byline"].startswith("By Tomasz Wierzbicki") or "Tomasz Wierzbicki" in by_reason["byline"]


def test_inline_tweet_goes_to_embeds_not_text(data_dir):
    raw = (data_dir / "beacon_ferry.txt").read_text(encoding="utf-8")
    out = clean_text(raw)
    lines = raw.splitlines()
    assert len(out.embeds) == 1
    assert out.embeds[0].splitlines() == [lines[3], lines[4]]
    assert "pic.twitter.com" not in out.text and "@SkerryCouncil" not in out.text
    # The lines around the post are body, including the one introducing it.
    for i in (0, 1, 2, 5, 6):
        assert lines[i] in out.text
    assert "Most Read" not in out.text
    assert out.title is None


def test_clean_article_loses_nothing_but_its_headline(data_dir):
    raw = (data_dir / "clean_article.txt").read_text(encoding="utf-8")
    out = clean_text(raw)
    lines = [l for l in raw.splitlines() if l.strip()]
    assert out.title == lines[0]
    for line in lines[1:]:
        assert line in out.text
    assert [r.reason for r in out.removed] == ["headline"]


def test_known_title_is_cut_without_search():
    raw = "Storm cuts power to coastal towns\n\nThousands of homes lost power on Tuesday night as a storm brought down lines along the coast, the grid operator said.\n"
    out = clean_text(raw, title="Storm Cuts Power to Coastal Towns")
    assert out.title == "Storm Cuts Power to Coastal Towns"
    assert out.text.startswith("Thousands of homes")
    assert out.removed[0].reason == "headline"


def test_signature_with_blank_lines_takes_one_paragraph():
    raw = (
        "The minister announced the plan at a news conference in the capital on Monday, officials said.\n\n"
        "She later wrote on social media:\n\n"
        "Today we start rebuilding. Every family will get help. #Recovery\n\n"
        "— Jana Novak (@JanaNovakMin) May 4, 2023\n\n"
        "Opposition parties said the plan came too late for many of the families affected by the floods.\n"
    )
    out = clean_text(raw)
    assert out.embeds == ("Today we start rebuilding. Every family will get help. #Recovery\n— Jana Novak (@JanaNovakMin) May 4, 2023",)
    assert "She later wrote on social media:" in out.text
    assert "Opposition parties said" in out.text and "#Recovery" not in out.text


def test_long_paragraph_above_a_signature_stays_body():
    para = "The agency said the figures, which it collected from hospitals in three provinces over two weeks, " * 4
    raw = f"{para.strip()}\n— Some Account (@someaccount) June 2, 2022\nOfficials said more data would follow later in the week, once every hospital had reported.\n"
    out = clean_text(raw)
    assert para.strip() in out.text
    assert out.embeds == ("— Some Account (@someaccount) June 2, 2022",)


def test_subheading_inside_body_is_kept_but_teaser_after_menu_is_not():
    body1 = "The council voted on Thursday to close the old swimming pool, which has been losing money for a decade, the mayor said."
    body2 = "A new leisure centre is planned on the site of the former bus depot, with building work due to start next spring."
    body3 = "Campaigners said they would keep fighting to save the pool and planned a protest outside the town hall next week."
    raw = "\n\n".join([body1, body2, "What comes next", body3, "Sponsored", "Most popular", "  • One", "  • Two",
                      "A completely different story about a cat stuck in a tree was also popular with readers this week."])
    out = clean_text(raw)
    assert "What comes next" in out.text and body3 in out.text
    assert "cat stuck in a tree" not in out.text


def test_repeated_prose_line_inside_body_is_kept_once():
    p1 = "Water levels on the river rose by two metres overnight, and several roads near the bank were closed by police."
    p2 = "Residents of low-lying streets were told to move valuables upstairs and to follow the council's updates on the radio."
    out = clean_text("\n".join([p1, p2, p1]))
    assert out.text.count(p1) == 1 and p2 in out.text
    assert any(r.reason == "duplicate_block" and r.text == p1 for r in out.removed)


def test_boilerplate_shared_by_pages_of_one_site():
    pages = [
        f"Valley Gazette newsletter\nHome  News  Sport\nStory {n}: the town planning committee met on day {n} and approved several small applications for extensions.\nFollow the Gazette\nTerms of use"
        for n in range(3)
    ]
    shared = boilerplate_lines(pages)
    assert "follow the gazette" in shared and "valley gazette newsletter" in shared
    # Sentences shared by several pages are never boilerplate.
    assert not any("planning committee" in s for s in shared)
    out = clean_text(pages[0], boilerplate=shared)
    assert "Follow the Gazette" not in out.text and "planning committee" in out.text


def test_german_prose_with_capitalised_nouns_is_body():
    raw = (
        "Startseite  Politik  Wirtschaft  Sport  Kultur\n\n"
        "Die Stadtverwaltung hat am Montag angekündigt, dass die Brücke über den Fluss im Frühjahr saniert wird.\n\n"
        "Nach Angaben der Behörde werden die Arbeiten etwa drei Monate dauern und rund zwei Millionen Euro kosten.\n"
    )
    out = clean_text(raw)
    assert out.text.startswith("Die Stadtverwaltung") and "rund zwei Millionen Euro kosten." in out.text
    assert "Startseite" not in out.text


def test_extracted_text_keeps_lists_between_paragraphs():
    raw = (
        "Fire breaks out at the depot\n"
        "Crews were called to the depot at dawn after neighbours reported smoke, the fire service said.\n"
        "- Two engines attended\n"
        "- Nobody was hurt\n"
        "The cause is being investigated by the fire service and the police, officials said on Friday.\n"
        "Share this article\n"
    )
    out = clean_text(raw, title="Fire breaks out at the depot", extracted=True)
    assert "- Two engines attended\n- Nobody was hurt" in out.text
    assert "Share this article" not in out.text and not out.text.startswith("Fire breaks out")


def test_furniture_inside_the_article_is_cut_but_does_not_split_it():
    p1 = "The coastguard said on Sunday that two fishing boats had collided in thick fog off the northern cape overnight."
    p2 = "All six crew members were rescued by a lifeboat and taken to hospital as a precaution, a spokesman added."
    p3 = "Investigators will examine both vessels when they are towed back to harbour later in the week, officials said."
    p4 = "The fishing association called for better radar equipment on small boats after the third collision this year."
    raw = "\n\n".join([p1, "Advertisement", p2, "Share 3", p3, "Advertisement", p4, "editor@seaside.example", "A teaser for another story entirely, which readers also liked this week."])
    out = clean_text(raw)
    for p in (p1, p2, p3, p4):
        assert p in out.text
    assert "Advertisement" not in out.text and "Share 3" not in out.text
    assert "teaser" not in out.text
    assert sum(r.reason == "duplicate_block" for r in out.removed) == 2


def test_bullet_points_of_the_article_stay_but_link_lists_go():
    raw = "\n".join([
        "The city published its new flood plan on Monday after two years of consultation with residents, the mayor said.",
        "The main measures are:",
        "• Raising the river wall by half a metre along the old quay.",
        "• Planting trees on the hills above the town to slow run-off.",
        "Work on the wall will begin in the spring and is expected to last until the end of next year, the council said.",
        "More from the City Desk",
        "• Mayor Opens New Library Wing",
        "• Bus Fares Frozen for Another Year",
    ])
    out = clean_text(raw)
    assert "• Raising the river wall by half a metre along the old quay." in out.text
    assert "• Planting trees" in out.text and "Work on the wall" in out.text
    assert "Library Wing" not in out.text and "More from the City Desk" not in out.text


def test_hard_wrapped_wire_copy_keeps_every_line(data_dir):
    raw = (data_dir / "wrapped_wire.txt").read_text(encoding="utf-8")
    out = clean_text(raw)
    lines = raw.splitlines()
    assert out.title == "Rail strike called off after late-night deal"
    for line in lines[6:20]:
        if line.strip():
            assert line.strip() in out.text, line
    # The wrapped lines stay as they were: a line break inside a paragraph.
    assert "on the regional\nnetwork called off" in out.text
    assert "Valley Wire Service" not in out.text and "(Reporting by" not in out.text
    assert {r.reason for r in out.removed} == {"navigation", "headline", "byline", "trailer"}


def test_one_item_per_line_menus_share_bars_and_comments(data_dir):
    raw = (data_dir / "gazette_flood.txt").read_text(encoding="utf-8")
    out = clean_text(raw)
    lines = raw.splitlines()
    assert out.title == "Floodwaters recede in river town as clean-up begins"
    body = [l for l in lines[19:26] if l != "Advertisement"]
    assert body[0].startswith("LINNHAVEN") and body[-1].startswith("The national weather")
    for line in body:
        assert line in out.text, line
    for gone in ("Skip to main content", "Reddit", "Advertisement", "Most viewed", "Heatwave grips", "weak embankment",
                 "heartbreaking", "Reply", "2 hours ago", "Updated 3:14 PM"):
        assert gone not in out.text, gone


def test_plain_text_copy_of_a_page_gives_the_html_body(data_dir):
    """A browser-style copy of a saved page (one line per block) cleans to the same body as trafilatura."""
    import lxml.html
    from lxml import etree

    from newssift.ingest.html import _blocks, extract_html

    html = (data_dir / "tidewater_gazette.html").read_text(encoding="utf-8")
    art = extract_html(html, "page")
    tree = lxml.html.document_fromstring(html)
    etree.strip_elements(tree, "script", "style", with_tail=False)
    pasted = "\n".join(_blocks(tree))
    out = clean_text(pasted)
    assert out.title == "Ferry operator fined after engine fire forced evacuation"
    paragraphs = [p for p in art.text.splitlines() if len(p) > 80]
    assert len(paragraphs) == 5
    for p in paragraphs:
        assert p in out.text
    for gone in ("cookies", "Home", "4 min read", "Photo: Gazette staff", "Advertisement", "Most read", "Library", "rights reserved"):
        assert gone not in out.text, gone


def test_credit_and_label_lines_inside_the_body_are_cut():
    p1 = "The museum reopened its east wing on Saturday after a two-year renovation that cost about 12 million euros."
    p2 = "Visitors queued around the block before the doors opened, and tickets for the first week sold out within hours."
    p3 = "The director said the restored ceiling frescoes would be lit at night for the first time in the building's history."
    raw = "\n\n".join([p1, "Photo: City Archive", p2, "Advertisement", p3, "A longer sub-heading stays here", p1.replace("museum", "gallery")])
    out = clean_text(raw)
    assert "Photo: City Archive" not in out.text and "Advertisement" not in out.text
    assert "A longer sub-heading stays here" in out.text and p3 in out.text
    assert [r.reason for r in out.removed] == ["label", "label"]


def test_byline_under_a_deck_is_not_body():
    raw = "\n".join([
        "Harbour Authority Approves Night Dredging",
        "The work will run for six weeks and close the inner channel to small boats.",
        "By Nadia Ferris",
        "The harbour authority approved a plan on Thursday to dredge the inner channel at night, when traffic is lightest, its board said.",
        "Fishermen had asked for the work to be done in winter, when fewer boats go out, but the board said the schedule could not be moved.",
    ])
    out = clean_text(raw)
    assert out.title == "Harbour Authority Approves Night Dredging"
    assert "By Nadia Ferris" not in out.text
    assert out.text.startswith("The harbour authority approved")


def test_a_shared_sub_heading_is_not_site_boilerplate():
    body = "The port authority said on Friday that the new crane had passed its final safety tests and would start work next month."
    pages = [f"{body} Page {n}.\nWhat we know so far\nMore paragraphs followed in the article, all of them about the crane and the port {n}." for n in range(3)]
    assert boilerplate_lines(pages) == frozenset()


def test_long_post_with_its_picture_link_is_an_embed():
    post = "A long post from the regional governor about the storm damage and the repair crews, " * 5 + "pic.twitter.com/AbCdE12345"
    body = "The governor posted a long statement on Tuesday evening as crews worked to restore power to the valley."
    after = "Power had been restored to most homes by Wednesday morning, the utility company said in a statement."
    out = clean_text(f"{body}\n{post}\n— Regional Governor (@RegionGov) May 7, 2024\n{after}")
    assert len(out.embeds) == 1 and out.embeds[0].startswith("A long post") and "pic.twitter.com" not in out.text
    assert body in out.text and after in out.text


def test_snippet_without_sentences_is_kept_but_a_furniture_page_is_not():
    assert clean_text("Council approves budget of 40 million\n").text == "Council approves budget of 40 million"
    menu = "\n".join(["Home", "News", "Sport", "Weather", "  • Story One Headline Here", "  • Story Two Headline Here", "Contact us"])
    assert clean_text(menu).text == ""


def test_post_chrome_lines_go_with_the_post():
    body = "The club confirmed on Sunday that its captain would miss the rest of the season with a knee injury."
    after = "The captain is expected to have surgery next week and to be back in training by the autumn, the club said."
    raw = "\n\n".join([
        body,
        "Skip post by @CityRovers",
        "Gutted for our skipper. Get well soon, we are all behind you. #COYR",
        "— City Rovers FC (@CityRovers) August 4, 2024",
        "End of post by @CityRovers",
        after,
    ])
    out = clean_text(raw)
    assert len(out.embeds) == 1 and out.embeds[0].startswith("Skip post by @CityRovers")
    assert out.embeds[0].endswith("End of post by @CityRovers")
    assert "@CityRovers" not in out.text and body in out.text and after in out.text


def test_author_from_the_byline(data_dir):
    assert clean_text((data_dir / "courier_bridge.txt").read_text(encoding="utf-8")).author == "Tomasz Wierzbicki"
    assert clean_text((data_dir / "wrapped_wire.txt").read_text(encoding="utf-8")).author == "Imogen Hart"
    assert clean_text((data_dir / "clean_article.txt").read_text(encoding="utf-8")).author is None


def test_short_sentence_full_of_names_at_the_end_is_body():
    p1 = "The two leaders met for three hours on Tuesday and agreed to expand trade links, officials from both sides said."
    p2 = "The talks were the first in the capital since the border dispute was settled two years ago, diplomats said."
    out = clean_text(f"{p1}\n\n{p2}\n\nPresident Anna Vell Thanked Prime Minister Olek Brand.\n\nMost Shared")
    assert "President Anna Vell Thanked Prime Minister Olek Brand." in out.text and "Most Shared" not in out.text


def test_a_live_blog_keeps_every_timed_entry_between_its_rules():
    entries = []
    for stamp, event in (("9:40 p.m.", "The home side scored twice in the final ten minutes of the match."),
                         ("9:05 p.m.", "The referee sent off the visiting captain after a second yellow card."),
                         ("8:30 p.m.", ("Fans filled the north stand an hour before the kick-off at the stadium, "
                                        "singing through the warm-up while club officials counted the queue at "
                                        "every turnstile on the east side of the ground."))):
        entries.append(f"{stamp}\n\n{event} The club said the crowd was the largest this season.\n\n"
                       f"Stewards reported no trouble outside the ground, the police said later.\n\n___.\n")
    page = "Home\nScores\nFixtures\n\nThe Latest: Derby day at Millbrook Park\n\n" + "\n".join(entries)
    # The earliest entry (last on the page) is the longest: the body must grow backwards across the rules.
    out = clean_text(page)
    for event in ("scored twice", "sent off the visiting captain", "filled the north stand"):
        assert event in out.text
    assert "Fixtures" not in out.text and "___" not in out.text


def test_a_speech_tag_closing_its_line_is_body_not_a_label():
    p1 = "The council voted on Tuesday to close the old swimming baths at the end of the summer season."
    p2 = '"We kept them open for as long as the budget allowed, and the repairs now cost more than a new pool."'
    p3 = "Swimmers gathered outside the baths on Wednesday evening to protest against the decision of the council."
    p0 = "Dozens of regular swimmers had written to the council over the winter asking for a reprieve for the baths."
    for tag in ("The mayor said:", "The Harbour Gazette reports:", "Councillor Ines Mora added:", "She told reporters:"):
        out = clean_text("\n\n".join([p1, p0, tag, p2, p3, "Editor's note:", p1.replace("baths", "library")]))
        assert tag in out.text
        assert "Editor's note:" not in out.text
