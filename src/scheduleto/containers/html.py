"""HTML filing documents to the normalised document.

:func:`read_html` parses an EDGAR HTML document of any era (upper- or lower-case tags,
``<FONT>`` runs, table layouts, XHTML, inline XBRL) with lxml, walks the tree once and builds a
:class:`~scheduleto.document.Document`:

- block elements (``p``, ``div``, ``h1``-``h6``, ``li``, ``center``, ``blockquote``...) end the
  current paragraph, so every paragraph is one :class:`~scheduleto.document.Line` and nested
  blocks never repeat text; inline elements join; ``<br>`` becomes ``\\n`` inside the paragraph
  or cell;
- each ``<tr>`` is one line with ``is_row=True`` and one cell per ``<td>``/``<th>``; empty cells
  stay ``""`` (a lost box mark shows as an empty leading cell); blocks inside a cell are joined
  with ``\\n``; rows whose cells are all empty are dropped; a row with a single cell holding
  several blocks (a layout table wrapping part of a page) gives one paragraph per block; the
  rows of a nested table become their own lines, between the part of the outer row before the
  nested table and the part after it;
- a run in a symbol font (:data:`~scheduleto.vocab.SYMBOL_FONTS`, from ``<font face=...>`` or a
  CSS ``font-family``/``font`` declaration on any element, inherited by descendants) made of
  letters from :data:`~scheduleto.vocab.WINGDINGS_BOXES` becomes box tokens; all text then goes
  through :func:`~scheduleto.normalize.normalize_fragment` (Unicode boxes, repairs, spaces), in
  one call for the whole document;
- ``<head>``, ``<script>``, ``<style>``, ``<ix:header>`` and elements styled ``display:none`` are
  dropped; ``<pre>`` blocks go through :func:`~scheduleto.containers.text.read_text`; a document
  without any HTML tag is read as plain text entirely (the result then has ``format="text"``).

BeautifulSoup (``html.parser``) is used only when lxml cannot parse the input.
"""

from __future__ import annotations

import re
import sys
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator
from html import unescape
from itertools import accumulate, pairwise
from typing import cast

from lxml import etree

from ..document import Document, Line, collapse
from ..normalize import normalize_fragment
from ..vocab import SYMBOL_FONTS, WINGDINGS_BOXES
from .text import read_text

_Element = etree._Element

# Element kinds.
_INLINE, _BLOCK, _BR, _TABLE, _ROW, _CELL, _PRE, _SKIP = range(8)

_BLOCK_TAGS = (
    *("html", "body", "address", "article", "aside", "blockquote", "caption", "center", "dd"),
    *("details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "menu", "nav"),
    *("ol", "p", "section", "summary", "ul"),
    # EDGAR page markers and SGML wrapper tags, should they reach the reader.
    *("page", "document", "type", "sequence", "filename", "description", "text"),
)
_SKIP_TAGS = (
    *("head", "script", "style", "title", "noscript", "template", "meta", "link", "object"),
    *("embed", "iframe", "svg", "xml", "ix:header"),
)
_KINDS: dict[object, int] = {tag: _BLOCK for tag in _BLOCK_TAGS}
_KINDS.update({tag: _SKIP for tag in _SKIP_TAGS})
_KINDS.update({"br": _BR, "table": _TABLE, "tr": _ROW, "td": _CELL, "th": _CELL})
_KINDS.update({tag: _PRE for tag in ("pre", "xmp", "listing", "plaintext")})
# Comments and processing instructions (the parser drops them; the fallback may not).
_KINDS.update({etree.Comment: _SKIP, etree.ProcessingInstruction: _SKIP, etree.Entity: _SKIP})

# Marks in the raw text: between segments, and where a <br> broke the line. Both are white
# space for regular expressions (so box spellings at a segment edge still stand alone) and
# normalize_fragment leaves them alone.
_SEP = "\x1d"
_BR_MARK = "\x1e"

_HTML_TAG = re.compile(
    r"<(?:html|body|head|p|div|table|tr|td|br|font|span|b|i|u|center|h[1-6]|pre|a|img|hr|"
    r"ix:[a-z]+|li|ul|ol|blockquote|title)\b",
    re.I,
)
_XML_DECL = re.compile(r"\s*<\?xml[^>]*>")
_PRE_TAG = re.compile(r"<(?:pre|xmp|listing|plaintext)\b[^>]*>", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
# The same in the lower-cased source (a literal start: a fast scan), colon written as an entity too.
_HIDDEN_IN_SOURCE = re.compile(r"display\s*(?::|&#0*58;|&#x0*3a;|&colon;)\s*none")
# The font-family and font shorthand declarations of a style attribute.
_FONT_DECL = re.compile(r"(?<![\w-])(font-family|font)\s*:\s*([^;]*)", re.I)
# In the font shorthand the family follows the size (and an optional /line-height).
_SHORTHAND_FAMILY = re.compile(
    r"(?:^|\s)(?:[\d.]+(?:[a-z]+|%)?|(?:xx?-)?(?:small|large)|medium|smaller|larger)"
    r"(?:\s*/\s*\S+)?\s+(.+)$",
    re.I,
)
# libxml2 counts source lines in 16 bits.
_LINE_CAP = 65535

_local = threading.local()


def _parser() -> etree.HTMLParser:
    """The HTML parser, one per thread."""
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            recover=True,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
            no_network=True,
            huge_tree=True,  # old Word HTML nests unclosed <FONT>/<P> past libxml2's depth 256
        )
        _local.parser = parser
    return parser


def read_html(html: str, *, base_offset: int = 0, source: str | None = None) -> Document:
    """Build a :class:`Document` (``format="html"``) from an HTML filing document.

    ``base_offset`` is added to every offset (for a document inside a larger container) and
    ``source`` is the full text the offsets refer to (default: ``html``); ``html`` must be the
    stretch of ``source`` that starts at ``base_offset``.

    Offsets are exact to the source line, not to the character, because lxml records only the
    line on which an element starts (``sourceline``). A line's ``start`` is the offset of the
    beginning of the source line holding the tag that opened the paragraph or row (for text
    that follows a block, the line where that block started); its ``end`` is the end of the
    source line before the one where the next paragraph or row starts (at least the end of
    the start line). Past line 65535, where libxml2 stops counting, an element's line is found
    by looking for its tag in the source. ``<pre>`` text has exact offsets as long as it holds
    no markup or entities. A document without any HTML tag goes to
    :func:`~scheduleto.containers.text.read_text` (exact offsets, ``format="text"``).

    The document's ``<title>``, if not empty, becomes :attr:`Document.title`.
    """
    src = source if source is not None else html
    if not _HTML_TAG.search(html):
        return read_text(html, base_offset=base_offset, source=src)
    text = html
    if _SEP in text or _BR_MARK in text:
        text = text.replace(_SEP, " ").replace(_BR_MARK, " ")
    decl = _XML_DECL.match(text)
    if decl:  # lxml refuses str input with an encoding declaration; blank it, keep offsets
        text = re.sub(r"\S", " ", decl.group(0)) + text[decl.end() :]
    root: _Element | None
    try:
        root = etree.fromstring(text, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = _soup_root(text)
    if root is None:
        return Document((), src, "html", None)

    lower = text.lower()
    if "display" in lower and _HIDDEN_IN_SOURCE.search(lower):
        _drop_hidden(root, text, lower)
    # Letters draw boxes only in a symbol font: look at fonts only if the source names one.
    boxes = any(name in lower for name in SYMBOL_FONTS)

    # bare[k]: how much text comes before source line k + 1, line breaks left out (cheaper to
    # build than the offsets themselves): line n starts at offset bare[n - 1] + n - 1.
    bare = list(accumulate(map(len, text.split("\n")), initial=0))
    n_lines = len(bare) - 1
    huge = n_lines > _LINE_CAP
    starts = _line_starts(bare) if huge else []
    scan = [starts[_LINE_CAP - 1] if huge else 0]

    def line_of(el: _Element) -> int:
        """The source line of an element, also past libxml2's 16-bit line counter."""
        line: int = el.sourceline or 1  # type: ignore[assignment]
        if line >= _LINE_CAP and huge and isinstance(el.tag, str):
            found = lower.find("<" + el.tag, scan[0])
            if found >= 0:
                scan[0] = found + 1
                line = bisect_right(starts, found)
        return min(line, n_lines)

    walker = _Walker(boxes, line_of, text, bare, base_offset, src)
    limit = sys.getrecursionlimit()
    try:
        # Old Word HTML nests unclosed <P><FONT> hundreds deep: give the walk room.
        sys.setrecursionlimit(max(limit, 6000))
        walker.run(root)
        segs, items, firsts = walker.segs, walker.items, walker.item_lines
    except RecursionError:  # deeper still: read the text with block breaks kept
        return _flat(html, base_offset, src, _title(root))
    finally:
        sys.setrecursionlimit(limit)

    texts = _finish(segs)
    # Every line ends before the source line where the next item starts.
    firsts.append(walker.last_line + 1)
    lines: list[Line] = []
    add = lines.append
    for item, (first, after) in zip(items, pairwise(firsts), strict=True):
        if isinstance(item, int):
            para = texts[item]
            if not para:
                continue
            cells: tuple[str, ...] = (para,)
        elif isinstance(item, Line):
            add(item)
            continue
        else:
            # (A cell of one segment is that segment's text.)
            cells = tuple(
                [
                    texts[cell[0]] if len(cell) == 1 else "\n".join([texts[i] for i in cell if texts[i]])
                    for cell in item
                ]
            )
            if not any(cells):
                continue
        last = after - 1 if after > first else first
        start = base_offset + bare[first - 1] + first - 1
        add(Line(cells, start, base_offset + bare[last] + last - 1, not isinstance(item, int)))
    if _last_chain_depth(root) >= 250 and (not lines or not _ends_as_source(html, lines)):
        # libxml2 stops building the tree past its nesting limit and drops the rest silently
        # (all of it when the deep nesting comes before any text).
        return _flat(html, base_offset, src, _title(root))
    return Document(tuple(lines), src, "html", _title(root))


def _line_starts(bare: list[int]) -> list[int]:
    """The offset where each source line starts (see ``bare`` in :func:`read_html`)."""
    return [length + k for k, length in enumerate(bare)]


_LAST_WORD = re.compile(r"[A-Za-z0-9][\w.,$%-]{2,}(?=\W*$)")


def _last_chain_depth(root: _Element) -> int:
    """How deep the chain of last children goes (where unclosed tags pile up)."""
    depth = 0
    el = root
    while len(el):
        el = el[-1]
        depth += 1
    return depth


def _ends_as_source(html: str, lines: list[Line]) -> bool:
    """True when the last word of the source's text is in the last lines read."""
    tail = unescape(_ANY_TAG.sub(" ", html[-4000:]))
    m = _LAST_WORD.search(tail.strip())
    if m is None:
        return True
    return any(m.group(0) in line.text for line in lines[-8:])


# An item of the output: a paragraph (segment index), a row (cells as lists of segment
# indexes) or a line already made by the text reader.
_Item = int | list[list[int]] | Line


class _Walker:
    """One pass over the tree, collecting raw text segments and the lines they make up.

    A segment is the text between two block boundaries; it becomes a paragraph or part of the
    cell being read. Text is normalised afterwards, all segments at once.
    """

    def __init__(
        self,
        boxes: bool,
        line_of: Callable[[_Element], int],
        text: str,
        bare: list[int],
        base_offset: int,
        src: str,
    ) -> None:
        self.segs: list[str] = []
        self.seg_lines: list[int] = []
        self.items: list[_Item] = []
        #: Source line where each item starts.
        self.item_lines: list[int] = []
        #: Source line of the last block, row or cell met.
        self.last_line = 1
        self.boxes = boxes
        self.line_of = line_of
        self.text = text
        self.bare = bare
        self._starts: list[int] | None = None
        self.base_offset = base_offset
        self.src = src

    def run(self, root: _Element) -> None:
        """Walk ``root``; fill :attr:`segs`, :attr:`seg_lines`, :attr:`items` and :attr:`item_lines`."""
        segs, seg_lines, items, item_lines = self.segs, self.seg_lines, self.items, self.item_lines
        boxes, line_of = self.boxes, self.line_of
        buf: list[str] = []
        add = buf.append
        kinds = _KINDS.get
        fonts: dict[_Element, bool | None] = {}  # each element's own font declaration, once
        cur = 1  # source line of the last block, row or cell entered
        row: list[list[int]] | None = None
        row_line = 1
        cell: list[int] | None = None
        rest: list[int] | None = None  # what is left of a cell after a nested table

        def brk() -> None:
            raw = "".join(buf)
            buf.clear()
            if not raw.isspace():
                segs.append(raw)
                seg_lines.append(cur)
                if cell is None:
                    items.append(len(segs) - 1)
                    item_lines.append(cur)
                else:
                    cell.append(len(segs) - 1)

        def emit_row(cells: list[list[int]], line: int) -> None:
            if not any(cells):
                return
            if len(cells) == 1 and len(cells[0]) > 1:  # a layout cell holding paragraphs
                items.extend(cells[0])
                item_lines.extend([seg_lines[i] for i in cells[0]])
            else:
                items.append(cells)
                item_lines.append(line)

        # White space opening a segment is dropped (segments are stripped): fewer breaks to make.
        # Children come as a list, el[:] (cheaper than lxml's child iterator, and empty for a
        # leaf); the type stubs know only integer indexes, hence the "type: ignore" comments.
        # Cells and blocks read their own text and children with the same few lines, written
        # out in each branch: this loop runs once per element, and a shared helper costs a call.
        def walk(parent: _Element, children: list[_Element]) -> None:
            nonlocal cur, row, row_line, cell, rest
            sub: list[_Element]
            for el in children:
                kind = kinds(el.tag, _INLINE)
                if kind == _CELL:
                    if buf:
                        brk()
                    ln: int | None = el.sourceline  # type: ignore[assignment]
                    cur = ln if ln and ln < _LINE_CAP else line_of(el)
                    if row is None:  # a cell outside any row
                        row, row_line = [], cur
                    if cell is not None:  # a cell opened inside a cell without a table
                        row.append(cell)
                    cell = []
                    t = el.text
                    if t and not t.isspace():  # (buf is empty here)
                        add(_box_run(el, t, fonts) if boxes and len(t) < 64 else t)
                    sub = el[:]  # type: ignore[index,assignment]
                    if sub:
                        walk(el, sub)
                    if buf:
                        brk()
                    if row is None:
                        row = []
                    if cell is None:
                        cell = []
                    if cell or cell is not rest:  # an empty rest is no cell
                        row.append(cell)
                    cell = None
                elif kind == _BLOCK:
                    if buf:
                        brk()
                    ln = el.sourceline  # type: ignore[assignment]
                    cur = ln if ln and ln < _LINE_CAP else line_of(el)
                    t = el.text
                    if t and not t.isspace():  # (buf is empty here)
                        add(_box_run(el, t, fonts) if boxes and len(t) < 64 else t)
                    sub = el[:]  # type: ignore[index,assignment]
                    if sub:
                        walk(el, sub)
                    if buf:
                        brk()
                elif kind == _INLINE:
                    t = el.text
                    if t and (buf or not t.isspace()):
                        add(_box_run(el, t, fonts) if boxes and len(t) < 64 and not t.isspace() else t)
                    sub = el[:]  # type: ignore[index,assignment]
                    if sub:
                        walk(el, sub)
                elif kind == _BR:
                    add(_BR_MARK)
                elif kind == _ROW:
                    if buf:
                        brk()
                    if row is not None:  # cells outside any row, or an unclosed row
                        emit_row([*row, cell] if cell is not None else row, row_line)
                    ln = el.sourceline  # type: ignore[assignment]
                    cur = row_line = ln if ln and ln < _LINE_CAP else line_of(el)
                    row, cell = [], None
                    sub = el[:]  # type: ignore[index,assignment]
                    if sub:
                        walk(el, sub)
                    if buf:
                        brk()
                    if row is not None:
                        emit_row(row, row_line)
                    row = cell = None
                elif kind == _TABLE:
                    if buf:
                        brk()
                    outer_row, outer_cell = row, cell
                    if outer_row is not None:  # nested table: the outer row so far comes first
                        emit_row(
                            [*outer_row, outer_cell] if outer_cell is not None else outer_row,
                            row_line,
                        )
                    ln = el.sourceline  # type: ignore[assignment]
                    cur = ln if ln and ln < _LINE_CAP else line_of(el)
                    row = cell = None
                    t = el.text
                    if t and not t.isspace():  # (buf is empty here)
                        add(t)
                    sub = el[:]  # type: ignore[index,assignment]
                    if sub:
                        walk(el, sub)
                    if buf:
                        brk()
                    if row is not None:
                        emit_row(row, row_line)
                    if outer_row is not None:  # the outer row goes on after the nested table
                        row, row_line = [], cur
                        cell = rest = [] if outer_cell is not None else None
                    else:
                        row, cell = None, outer_cell
                elif kind == _PRE:
                    if buf:
                        brk()
                    cur = line_of(el)
                    if cell is None:
                        pre_lines = self.pre(el, cur)
                        items.extend(pre_lines)
                        base, starts = self.base_offset, self.starts()
                        item_lines.extend([bisect_right(starts, line.start - base) for line in pre_lines])
                    else:
                        for line in self.pre(el, cur):
                            add(line.text)
                            brk()
                # _SKIP: nothing but the tail
                t = el.tail
                if t and (buf or not t.isspace()):
                    add(_box_run(parent, t, fonts) if boxes and len(t) < 64 and not t.isspace() else t)

        t = root.text
        if t:
            add(t)
        walk(root, root[:])  # type: ignore[index,arg-type]
        if buf:
            brk()
        if row is not None:
            emit_row([*row, cell] if cell is not None else row, row_line)
        self.last_line = cur

    def starts(self) -> list[int]:
        """Where each source line starts, made the first time a ``<pre>`` block needs it."""
        if self._starts is None:
            self._starts = _line_starts(self.bare)
        return self._starts

    def pre(self, el: _Element, line: int) -> tuple[Line, ...]:
        """Read a ``<pre>`` block with the plain-text reader."""
        body = _text_content(el)
        text = self.text
        line_start = self.bare[line - 1] + line - 1
        tag = _PRE_TAG.search(text, line_start)
        offset = tag.end() if tag else line_start
        # The parser drops a line break right after <pre>, as browsers do.
        if text.startswith("\r\n", offset) and not body.startswith(("\r", "\n")):
            offset += 2
        elif text.startswith("\n", offset) and not body.startswith("\n"):
            offset += 1
        return read_text(body, base_offset=self.base_offset + offset, source=self.src).lines


def _finish(segs: list[str]) -> list[str]:
    """Normalise all segments in one call; turn ``<br>`` marks into ``\\n``."""
    if not segs:
        return []
    parts = normalize_fragment(_spaces(_SEP.join(segs))).split(_SEP)
    if len(parts) != len(segs):  # a repair crossed a separator: do them one by one
        parts = [normalize_fragment(_spaces(s)) for s in segs]
    # normalize_fragment leaves no run of spaces: stripping is all that is left to do.
    return [_br_lines(part) if _BR_MARK in part else part.strip() for part in parts]


def _br_lines(part: str) -> str:
    """A segment holding ``<br>`` marks: its non-empty pieces, one per line."""
    return "\n".join([p for p in (collapse(x) for x in part.split(_BR_MARK)) if p])


# Line breaks and tabs of the source (each a single character).
_SOURCE_BREAKS = ("\n", "\r", "\t", "\f", "\v", "\x85", "\u2028", "\u2029")


def _spaces(text: str) -> str:
    """Source line breaks and tabs to spaces (normalize_fragment collapses the runs)."""
    for ch in _SOURCE_BREAKS:
        if ch in text:  # a scan for one character is much cheaper than a replace that finds none
            text = text.replace(ch, " ")
    return text


def _box_run(el: _Element, run: str, fonts: dict[_Element, bool | None]) -> str:
    """A short run of text: box tokens if it is made of box letters in a symbol font.

    The font is the one declared by ``el`` or by its nearest ancestor declaring one; ``fonts``
    keeps each element's declaration once read.
    """
    core = run.strip()
    if not _BOX_LETTERS.fullmatch(core):
        return run
    node: _Element | None = el
    while node is not None:
        if node in fonts:
            symbol = fonts[node]
        else:
            symbol = fonts[node] = _symbol_font(node)
        if symbol is not None:
            if not symbol:
                return run
            return "".join(
                f" {WINGDINGS_BOXES[ch]} " if ch in WINGDINGS_BOXES else " " for ch in run
            )
        node = node.getparent()
    return run


# One to eight box letters or spaces (a run stripped of its edges).
_BOX_LETTERS = re.compile("[" + "".join(re.escape(ch) for ch in WINGDINGS_BOXES) + r"\s]{1,8}")


def _symbol_font(el: _Element) -> bool | None:
    """Whether the element declares a symbol font (None: it declares no font family).

    A ``style`` declaration wins over the ``face`` attribute; the first family listed counts.
    """
    family: str | None = None
    style = el.get("style")
    if style:
        for m in _FONT_DECL.finditer(style):
            value = m.group(2)
            if m.group(1).lower() == "font":
                short = _SHORTHAND_FAMILY.search(value.strip())
                if short is None:
                    continue
                value = short.group(1)
            family = value
    if family is None:
        family = el.get("face")
        if family is None:
            return None
    first = family.split(",")[0].strip().strip("'\"").strip().lower()
    return first.startswith(SYMBOL_FONTS)


# What lxml refuses in a text assignment.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _drop_hidden(root: _Element, text: str, lower: str) -> None:
    """Remove the elements styled ``display:none`` (inline XBRL headers...), keep their tails."""
    # Test each styled element's style in Python: no XPath literal built from the source (a
    # control character there makes lxml raise), no offsets into a lower-cased copy.
    del text, lower
    hidden = [el for el in root.iter() if _DISPLAY_NONE.search(el.get("style") or "")]
    for el in hidden:
        parent = el.getparent()
        if parent is None:
            el.clear()
            continue
        if el.tail:
            previous = el.getprevious()
            merged = ((previous.tail if previous is not None else parent.text) or "") + el.tail
            if _CONTROL.search(merged):
                # A control character (from an entity such as &#1;): lxml keeps it from the
                # parser but refuses it in an assignment (after dropping the old value). Empty
                # the element and make it an inline one instead: its tail is read where it stands.
                el.clear(keep_tail=True)  # type: ignore[call-arg]  # (missing from lxml-stubs)
                el.tag = "span"
                continue
            if previous is not None:
                previous.tail = merged
            else:
                parent.text = merged
        parent.remove(el)


_BLOCK_TAG = re.compile(
    r"<(?:/?(?:p|div|br|tr|li|h[1-6]|table|center|blockquote|hr|ul|ol|pre)\b[^>]*)>", re.I
)
_CELL_TAG = re.compile(r"<(?:td|th)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>|<!--.*?-->", re.S)


def _flat(html: str, base_offset: int, src: str, title: str | None) -> Document:
    """Markup too deep to walk: blocks become paragraphs, cells tabs, then the text reader."""
    text = _CELL_TAG.sub("\t", _BLOCK_TAG.sub("\n\n", html))
    text = unescape(_ANY_TAG.sub("", text))
    doc = read_text(text, base_offset=base_offset, source=src)
    return Document(doc.lines, src, "html", title)


def _title(root: _Element) -> str | None:
    # root.find("head/title"), else root.find(".//title"), without the ElementPath machinery.
    title: _Element | None = None
    for head in root.iterchildren("head"):
        title = next(head.iterchildren("title"), None)
        if title is not None:
            break
    else:
        title = next(root.iterdescendants("title"), None)
        if title is None:
            return None
    return collapse(_text_content(title)) or None


def _text_content(el: _Element) -> str:
    if not len(el):  # no child at all: itertext would give the text alone
        return el.text or ""
    return "".join(cast("Iterator[str]", el.itertext()))


def _soup_root(text: str) -> _Element | None:
    """Parse with BeautifulSoup (``html.parser``) and rebuild an lxml tree with source lines."""
    from bs4 import BeautifulSoup
    from bs4.element import (
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    soup = BeautifulSoup(text, "html.parser")
    root = etree.Element("html")
    root.sourceline = 1  # type: ignore[assignment]
    skip = (Comment, Declaration, Doctype, ProcessingInstruction)

    def build(tag: Tag, into: _Element) -> None:
        last: _Element | None = None
        for child in tag.children:
            if isinstance(child, Tag):
                name = child.name.lower()
                if name == "ix:header":
                    continue
                try:
                    el = etree.SubElement(into, name)
                except ValueError:  # not a valid element name (ix:nonnumeric...)
                    el = etree.SubElement(into, "span")
                if child.sourceline:
                    el.sourceline = child.sourceline  # type: ignore[assignment]
                for attr in ("style", "face"):
                    value = child.get(attr)
                    if value:
                        el.set(attr, str(value))
                build(child, el)
                last = el
            elif isinstance(child, NavigableString) and not isinstance(child, skip):
                if last is None:
                    into.text = (into.text or "") + str(child)
                else:
                    last.tail = (last.tail or "") + str(child)

    build(soup, root)
    return root
