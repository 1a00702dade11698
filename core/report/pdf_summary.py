"""The one-page PDF summary of a run, for a compliance officer to sign.

What was screened, as of when, against which list releases, hits counted by status, the flagged
rows, the decisions, and the audit trail's head (record number and hash), then lines for the
reviewer's name, signature and date. Drawn with ReportLab (Qt-free, so the CLI and the window
share it). Chinese text uses ReportLab's built-in CID font STSong-Light: the viewer supplies
the glyphs, so nothing is embedded and the file stays small. The flagged rows are cut to what
fits one page; the Excel report has them all.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core import __version__
from core.errors import UserFacingError
from core.lists.model import SEVERITY_ORDER, Status
from core.report.target import PDF_SUFFIX, check_target, staged_file
from core.report.words import ReportText
from core.screening.result import ListingHit, ScreeningResult
from core.store.audit import AuditHead

LATIN_FONT = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
CJK_FONT = "STSong-Light"
MAX_ROWS = 24
"""Flagged-row lines tried first; fewer when the page would overflow."""

_STATUS_TINTS = {
    Status.ACTIVE: colors.HexColor("#F8D7DA"),
    Status.SUSPENDED: colors.HexColor("#FFE8B0"),
    Status.PENDING: colors.HexColor("#D6E6F7"),
    Status.REMOVED: colors.HexColor("#E6E6E6"),
}
"""The Excel report's tints (core.report.layout), so both reports read alike."""


def _register_fonts() -> None:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def _needs_cjk(text: str) -> bool:
    return any(ord(c) > 0x2FF for c in text)


class _Styles:
    def __init__(self, text: ReportText) -> None:
        regular = CJK_FONT if text.chinese else LATIN_FONT
        bold = CJK_FONT if text.chinese else LATIN_BOLD
        self.title = ParagraphStyle("title", fontName=bold, fontSize=15, leading=19)
        self.section = ParagraphStyle("section", fontName=bold, fontSize=10, leading=13,
                                      spaceBefore=5, spaceAfter=2)  # fmt: skip
        self.body = ParagraphStyle("body", fontName=regular, fontSize=8.5, leading=11)
        self.label = ParagraphStyle("label", parent=self.body, fontName=bold)
        self.cell = ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9)
        self.head = ParagraphStyle("head", parent=self.cell, fontName=bold)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=7, leading=9,
                                    textColor=colors.HexColor("#595959"))  # fmt: skip


_CJK_GLYPHS = str.maketrans({"\u00b7": "\u30fb"})
"""The name dot of transliterated names (洛克希德·马丁) has no glyph under its Latin code in
the CID font as viewers substitute it; the CJK middle dot looks the same and has one."""


def _p(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped); CJK characters in an English report get the CJK
    font for that paragraph (a Chinese entity name, a supplier written in Chinese)."""
    text = "" if value is None else str(value)
    cjk = style.fontName == CJK_FONT or _needs_cjk(text)
    if cjk:
        text = text.translate(_CJK_GLYPHS)
    markup = escape(text).replace("\n", "<br/>")
    if cjk and style.fontName != CJK_FONT:
        markup = f'<font name="{CJK_FONT}">{markup}</font>'
    return Paragraph(markup, style)


def _pairs(rows: list[tuple[str, str]], styles: _Styles, width: float) -> Table:
    data = [[_p(label, styles.label), _p(value, styles.body)] for label, value in rows]
    table = Table(data, colWidths=[38 * mm, width - 38 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))  # fmt: skip
    return table


def _grid(rows: list[list[Any]], widths: list[float], tints: list[Any]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#BFBFBF")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#B7CCE4")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for row, tint in enumerate(tints, start=1):
        if tint is not None:
            style.append(("BACKGROUND", (0, row), (-1, row), tint))
    table.setStyle(TableStyle(style))
    return table


def _header_part(
    result: ScreeningResult, text: ReportText, styles: _Styles, width: float
) -> list[Any]:
    sheets = ", ".join(f"{s.sheet or result.input_name} ({s.rows_screened})" for s in result.sheets)
    screened = f"{result.started_at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"
    releases = "\n".join(
        f"{r.publisher} {r.version} ({text.word('data_cutoff')} {r.data_cutoff.isoformat()}, "
        f"sha256 {r.checksum[:16]}…)"
        for r in result.releases
    )
    rows = [
        (text.word("supplier_file"), f"{result.input_name}\nsha256 {result.input_sha256}"),
        (text.word("sheets"), sheets),
        (text.word("as_of"), result.as_of.isoformat()),
        (text.word("screened"), text.word("screened_at_by", at=screened, user=result.user)),
        (text.word("run"), str(result.run_id) if result.run_id is not None else "-"),
        (text.word("threshold"), f"{result.threshold:g}"),
        (text.word("lists_screened"), "; ".join(text.list_title(i) for i in result.list_ids)),
        (text.word("releases"), releases or "-"),
    ]
    if result.freshness:
        rows.append((text.word("warnings"), "\n".join(w.message for w in result.freshness)))
    return [
        _p(text.word("summary_of", input=result.input_name), styles.title),
        Spacer(1, 3 * mm),
        _pairs(rows, styles, width),
    ]


@dataclass(frozen=True)
class _Tally:
    """What the summary counts over every hit, counted once (the page is laid out again
    with fewer rows until it fits, and a result can have millions of hits)."""

    counts: Counter[Status]
    flagged: int
    """(row, entity) pairs: what a decision is about."""
    decided: int


def _tally(result: ScreeningResult) -> _Tally:
    counts: Counter[Status] = Counter()
    flagged: set[tuple[str | None, int, str]] = set()
    decided: set[tuple[str | None, int, str]] = set()
    for hit in result.hits:
        counts[hit.status] += 1
        flagged.add(hit.key)
        if hit.decision:
            decided.add(hit.key)
    return _Tally(counts, len(flagged), len(decided))


def _counts_part(
    result: ScreeningResult, tally: _Tally, text: ReportText, styles: _Styles, width: float
) -> list[Any]:
    counts = tally.counts
    statuses = [s for s in SEVERITY_ORDER if s is not Status.NOT_LISTED]
    head = [_p(text.word("rows_screened"), styles.head), _p(text.word("rows_flagged"), styles.head)]
    head += [_p(text.status(s), styles.head) for s in statuses]
    values = [result.rows_screened, result.flagged_rows(), *(counts.get(s, 0) for s in statuses)]
    row = [_p(v, styles.cell) for v in values]
    widths = [width / len(head)] * len(head)
    return [_p(text.word("counts"), styles.section), _grid([head, row], widths, [None])]


def _hit_row(
    hit: ListingHit, text: ReportText, styles: _Styles, with_sheet: bool
) -> list[Paragraph]:
    where = f"{hit.sheet}!{hit.row}" if with_sheet and hit.sheet else str(hit.row)
    entity = hit.entity_name or hit.entity_name_zh
    if text.chinese and hit.entity_name_zh:
        entity = hit.entity_name_zh
    decision = text.decision(hit.decision)
    if decision and hit.decided_by:
        decision += f" ({hit.decided_by})"
    values = [where, hit.supplier_name, entity, text.list_title(hit.list_id),
              text.status(hit.status), f"{hit.score:g}", decision]  # fmt: skip
    return [_p(v, styles.cell) for v in values]


def _flagged_part(
    result: ScreeningResult, text: ReportText, styles: _Styles, width: float, limit: int
) -> list[Any]:
    part: list[Any] = [_p(text.word("flagged_rows"), styles.section)]
    if not result.hits:
        return [*part, _p(text.word("no_hits"), styles.body)]
    headers = ["Row", "Supplier", "Matched entity", "List", "Status", "Score", "Decision"]
    with_sheet = len(result.sheets) > 1  # one sheet: it is named above, the row is enough
    shares = [0.12 if with_sheet else 0.06, 0.2, 0.22, 0.2, 0.1, 0.07, 0.13]
    shares[2] -= sum(shares) - 1
    rows: list[list[Any]] = [[_p(text.word(h), styles.head) for h in headers]]
    shown = result.hits[:limit]
    rows += [_hit_row(h, text, styles, with_sheet) for h in shown]
    part.append(
        _grid(rows, [width * s for s in shares], [_STATUS_TINTS.get(h.status) for h in shown])
    )
    if len(result.hits) > limit:
        part.append(_p(text.word("more_hits", n=len(result.hits) - limit), styles.small))
    return part


def _closing_part(
    tally: _Tally, text: ReportText, styles: _Styles, width: float, head: AuditHead | None
) -> list[Any]:
    chain = (
        text.word("audit_record", seq=head.seq, hash=head.hash) if head else text.word("audit_none")
    )
    rows = [
        (
            text.word("decisions"),
            text.word("decided", decided=tally.decided, flagged=tally.flagged),
        ),
        (text.word("audit_head"), chain),
    ]
    sign = [
        [_p(f"{text.word(k)}:", styles.label), ""] for k in ("reviewed_by", "signature", "date")
    ]
    lines = Table(sign, colWidths=[30 * mm, 80 * mm], rowHeights=[9 * mm] * 3)
    lines.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))  # fmt: skip
    lines.hAlign = "LEFT"
    return [Spacer(1, 2 * mm), _pairs(rows, styles, width), Spacer(1, 3 * mm), lines]


def _story(
    result: ScreeningResult, tally: _Tally, text: ReportText, head: AuditHead | None, limit: int
) -> list[Any]:
    styles = _Styles(text)
    width = A4[0] - 30 * mm
    return [
        *_header_part(result, text, styles, width),
        *_counts_part(result, tally, text, styles, width),
        *_flagged_part(result, text, styles, width, limit),
        *_closing_part(tally, text, styles, width, head),
    ]


def write_pdf_summary(
    result: ScreeningResult,
    path: Path,
    text: ReportText | None = None,
    audit_head: AuditHead | None = None,
) -> Path:
    """Write the one-page summary of ``result`` to ``path`` (.pdf) and return it; the file
    appears only when complete. Raises ``UserFacingError`` when it cannot be written."""
    _register_fonts()
    text = text or ReportText()
    path = Path(path)
    check_target(path, suffix=PDF_SUFFIX)
    generated = dt.datetime.now(dt.UTC)
    footer = text.word("generated", version=__version__, at=f"{generated:%Y-%m-%d %H:%M}")

    def draw_footer(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(CJK_FONT if text.chinese else LATIN_FONT, 7)
        canvas.drawString(15 * mm, 10 * mm, footer)
        canvas.restoreState()

    limit = min(MAX_ROWS, len(result.hits))
    tally = _tally(result)
    with staged_file(path) as temp:
        while True:
            doc = SimpleDocTemplate(
                str(temp), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                topMargin=14 * mm, bottomMargin=16 * mm,
                title=text.word("summary_of", input=result.input_name),
                author=result.user, creator=f"TradeScreen {__version__}",
            )  # fmt: skip
            try:
                doc.build(_story(result, tally, text, audit_head, limit), onFirstPage=draw_footer,
                          onLaterPages=draw_footer)  # fmt: skip
            except OSError as exc:
                raise UserFacingError(f"cannot write {path}: {exc.strerror or exc}") from None
            if doc.page <= 1 or limit == 0:
                break
            limit = max(0, limit - 3)  # one page is the promise: fewer rows, the rest in Excel
    return path
