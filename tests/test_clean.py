"""Cleaning turns a captured page into the article body."""

from sahel_events.clean import clean_html, clean_text


def test_seed_body_boundaries(seed_article):
    text = seed_article.text
    assert text.startswith("As the UN mission in Mali begins to wind down")
    assert text.endswith("in a period of five days.")


def test_seed_navigation_and_widget_removed(seed_article):
    lines = set(seed_article.text.splitlines())
    for chrome in ("Accessibility links", "Breaking News", "Forum", "XS", "SM", "MD", "LG"):
        assert chrome not in lines
    assert "Accessibility" not in seed_article.text


def test_seed_caption_kept_once_outside_body(seed_article):
    assert "FILE -" not in seed_article.text
    assert seed_article.caption.startswith("FILE - A French soldier joins MINUSMA troops in Mali, July 1, 2013.")
    assert seed_article.caption.count("FILE -") == 1


def test_seed_title_detected(seed_article):
    assert seed_article.title == "Mali and Russia Troops Relocate Following Departure of UN Mission"
    assert seed_article.title not in seed_article.text


def test_paragraphs_verbatim(seed_path, seed_article):
    raw = seed_path.read_text(encoding="utf-8")
    for paragraph in seed_article.text.split("\n\n"):
        assert paragraph in raw
    assert seed_article.text.count("\n\n") == 7  # eight paragraphs


def test_header_lines_without_known_title_become_title():
    # Synthetic capture (generated for this test).
    raw = "Breaking News\n\nSynthetic Headline About a Convoy\n\nA synthetic body sentence ends here.\n"
    cleaned = clean_text(raw, None)
    assert cleaned.title == "Synthetic Headline About a Convoy"
    assert cleaned.text == "A synthetic body sentence ends here."


def test_capture_note_and_crlf_removed():
    raw = "Synthetic first paragraph.\r\n\r\nSecond one.\r\n[the capture ends here]\r\n"
    cleaned = clean_text(raw, None)
    assert cleaned.text == "Synthetic first paragraph.\n\nSecond one."
    assert ("capture note", "[the capture ends here]") in cleaned.dropped


def test_html_source_main_text():
    # Synthetic page (generated for this test): navigation, article, footer.
    body = " ".join(f"Synthetic sentence number {i} about a convoy near a town." for i in range(12))
    html = (
        "<html><head><title>Synthetic page title</title></head><body>"
        "<nav><ul><li>Home</li><li>World</li><li>Africa</li></ul></nav>"
        f"<article><h1>Synthetic page title</h1><p>{body}</p><p>A second synthetic paragraph follows here.</p></article>"
        "<footer>Copyright notice and links</footer></body></html>"
    )
    cleaned = clean_html(html)
    assert cleaned.title == "Synthetic page title"
    assert "Synthetic sentence number 0" in cleaned.text
    assert "A second synthetic paragraph follows here." in cleaned.text
    assert "Copyright notice" not in cleaned.text
