"""From a captured page to the article body: navigation, widgets and captions out,
paragraphs kept verbatim. Pure functions of text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Lines of page chrome seen in captures of news and UN pages (compared case-insensitively).
CHROME_LINES = frozenset(
    {
        "accessibility links",
        "skip to main content",
        "skip to content",
        "breaking news",
        "forum",
        "share",
        "print",
        "comments",
        "see comments",
        "related",
        "related stories",
        "read more",
        "advertisement",
        "welcome to the united nations",
        "in progress at unhq",
        "follow us",
        "subscribe",
    }
)
# The font-size widget ("XS SM MD LG"), one token a line or all on one line.
_FONT_TOKENS = frozenset({"xs", "sm", "md", "lg", "xl"})
_CAPTION = re.compile(r"^(FILE|FILE PHOTO)\s*[-–—:]\s+", re.IGNORECASE)
_CAPTURE_NOTE = re.compile(r"^\[[^\[\]]*\]$")
_SENTENCE_END = re.compile(r'[.!?:;"”]$')


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning: the body, plus what was set aside and why."""

    text: str
    title: str | None
    caption: str | None
    dropped: tuple[tuple[str, str], ...] = field(default=())  # (reason, line)


def normalise(raw: str) -> str:
    """Unify newlines and Unicode composition so offsets are stable."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def _squash(s: str) -> str:
    return " ".join(s.split()).casefold()


def _is_font_widget(lines: list[str]) -> bool:
    tokens = " ".join(lines).casefold().split()
    return len(tokens) >= 3 and all(t in _FONT_TOKENS for t in tokens)


def clean_text(raw: str, title: str | None = None, *, paragraph_per_line: bool = False) -> Cleaned:
    """Clean a plain-text capture.

    Blocks are separated by blank lines (or, with ``paragraph_per_line``, every
    line is a block). Chrome lines, capture notes ("[the capture ends here]") and
    the font widget are dropped; "FILE - ..." photo captions go to ``caption``,
    once each; a line equal to the known title is the title; short lines before
    the first sentence are header material (the title when none is known).
    """
    text = normalise(raw)
    lines = [ln.rstrip() for ln in text.split("\n")]
    blocks: list[list[str]] = []
    current: list[str] = []
    for ln in lines:
        if not ln.strip():
            if current:
                blocks.append(current)
                current = []
        elif paragraph_per_line:
            blocks.append([ln])
        else:
            current.append(ln)
    if current:
        blocks.append(current)

    dropped: list[tuple[str, str]] = []
    captions: list[str] = []
    found_title: str | None = None
    body: list[str] = []
    header_done = False
    wanted_title = _squash(title) if title else None
    for block in blocks:
        if _is_font_widget(block):
            dropped.extend(("widget", ln) for ln in block)
            continue
        kept: list[str] = []
        for ln in block:
            key = _squash(ln)
            if key in CHROME_LINES:
                dropped.append(("navigation", ln))
            elif _CAPTURE_NOTE.match(ln.strip()):
                dropped.append(("capture note", ln))
            elif _CAPTION.match(ln.strip()):
                if ln.strip() not in captions:
                    captions.append(ln.strip())
                else:
                    dropped.append(("duplicate caption", ln))
            elif wanted_title is not None and key == wanted_title and found_title is None:
                found_title = ln.strip()
            elif not header_done and not _SENTENCE_END.search(ln.strip()) and len(ln.split()) < 25:
                if title is None and found_title is None and len(ln.split()) >= 4:
                    found_title = ln.strip()
                else:
                    dropped.append(("header", ln))
            else:
                header_done = True
                kept.append(ln)
        if kept:
            body.append("\n".join(kept))
    return Cleaned(
        text="\n\n".join(body),
        title=title if title is not None else found_title,
        caption="\n".join(captions) or None,
        dropped=tuple(dropped),
    )


def clean_html(html: str, title: str | None = None) -> Cleaned:
    """Clean an HTML page: trafilatura finds the main text, then the text rules apply."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("reading .html sources needs the build extra: pip install 'sahel-events[build]'") from exc
    extracted = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, favor_precision=True
    )
    if title is None:
        meta = trafilatura.extract_metadata(html)
        title = meta.title if meta is not None and meta.title else None
    return clean_text(extracted or "", title, paragraph_per_line=True)
