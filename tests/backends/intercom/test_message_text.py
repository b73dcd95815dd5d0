"""Message bodies as plain-text previews."""

from __future__ import annotations

from gateway.backends.intercom.message_text import PREVIEW_CHARS, preview


def test_markup_is_dropped_and_entities_read() -> None:
    assert preview("<p>Where is my <b>order</b>?</p><p>It&#39;s late &amp; I need it.</p>") == (
        "Where is my order? It's late & I need it."
    )


def test_a_long_body_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = preview("<p>" + "word " * 100 + "</p>")

    assert text is not None
    assert text.endswith("word…")
    assert len(text) <= PREVIEW_CHARS + 1


def test_an_empty_body_has_no_preview() -> None:
    assert preview(None) is None
    assert preview("") is None
    assert preview("<p> </p>") is None
