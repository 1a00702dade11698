"""The report's words in English and Simplified Chinese: the one catalogue the Excel report and
the PDF summary take their words from (Qt-free; the window passes its UI language, the CLI
``--language``). Chinese wording follows the window's translations (``tradescreen_zh_CN.ts``).

``ReportText`` also knows the lists' titles, so that a report names a list by its title (ids
stay in the JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from core.lists.asof import StatusBasis
from core.lists.model import RestrictionList, Status
from core.screening.decision import Decision

LANGUAGES = ("en", "zh_CN")

_WORDS: dict[str, tuple[str, str]] = {
    # the PDF summary
    "summary_of": ("Screening summary: {input}", "筛查结果摘要：{input}"),
    "screened_at_by": ("{at} by {user}", "{at}，筛查人：{user}"),
    "supplier_file": ("Supplier file", "供应商文件"),
    "sheets": ("Sheets screened", "已筛查工作表"),
    "rows_screened": ("Rows screened", "已筛查行数"),
    "as_of": ("As of", "筛查基准日期"),
    "threshold": ("Match threshold", "匹配阈值"),
    "screened": ("Screened", "筛查时间"),
    "run": ("Run", "运行编号"),
    "releases": ("List releases", "名单版本"),
    "data_cutoff": ("data cut-off", "数据截止"),
    "lists_screened": ("Lists screened", "已筛查清单"),
    "counts": ("Hits by status", "按状态统计的命中"),
    "rows_flagged": ("Rows flagged", "标记行数"),
    "flagged_rows": ("Flagged rows", "标记的行"),
    "no_hits": ("No supplier matched a listed entity.", "没有供应商与清单实体匹配。"),
    "more_hits": ("… and {n} more hits: see the Excel report.", "……另有 {n} 条命中，见 Excel 报告。"),
    "decisions": ("Decisions", "审核结论"),
    "decided": ("{decided} of {flagged} matches (row and entity) decided", "{flagged} 个匹配（行与实体）中已审核 {decided} 个"),
    "audit_head": ("Audit trail head", "审计链头"),
    "audit_record": ("record {seq}, hash {hash}", "记录 {seq}，哈希 {hash}"),
    "audit_none": ("not available", "不可用"),
    "audit_head_value": ("record {seq}, {head}", "记录 {seq}，{head}"),
    "warnings": ("Warnings", "警告"),
    "reviewed_by": ("Reviewed by", "审核人"),
    "signature": ("Signature", "签名"),
    "date": ("Date", "日期"),
    "generated": ("TradeScreen {version}, generated {at} UTC", "TradeScreen {version}，生成于 {at} UTC"),
    "page": ("page {n}", "第 {n} 页"),
    # the Excel report
    "no_row_matched": ("No row matched a listed entity as of {as_of}.", "截至 {as_of}，没有任何行与清单实体匹配。"),
    "screening_of": ("Screening of {input} as of {as_of}", "{input} 的筛查，截至 {as_of}"),
    "input_file": ("Input file", "输入文件"),
    "not_computed": ("not computed", "未计算"),
    "sheet_rows": ("{sheet}: {rows} rows", "{sheet}：{rows} 行"),
    "as_of_date": ("As-of date", "筛查基准日期"),
    "known_on": ("Known on (list releases of that day)", "已知日期（当日已发布的清单版本）"),
    "hits": ("Hits", "命中数"),
    "list_data": ("List data", "名单数据"),
    "current": ("List data is current for this date.", "名单数据在此日期为最新。"),
    "hits_by_list": ("Hits by list and status", "按清单和状态统计的命中"),
    "counts_note": ("A hit is one supplier row matched to one listed entity on one list.", "一条命中指一个供应商行与一个清单上的一个实体相匹配。"),
    "sheet_flagged": ("Flagged", "标记"),
    "sheet_summary": ("Summary", "摘要"),
    "sheet_audit": ("Audit", "审计"),
    "sheet_all_rows": ("All rows", "全部行"),
    "sheet_items": ("Items", "管制物项"),
    "workbook_title": ("TradeScreen report: {input} as of {as_of}", "TradeScreen 报告：{input}，截至 {as_of}"),
    # table headers shared by both reports
    "Sheet": ("Sheet", "工作表"),
    "Row": ("Row", "行号"),
    "Supplier": ("Supplier", "供应商"),
    "Status": ("Status", "状态"),
    "Basis": ("Basis", "依据"),
    "not_screened": ("Not screened", "未筛查"),
    "List": ("List", "清单"),
    "Matched entity": ("Matched entity", "匹配实体"),
    "Chinese name": ("Chinese name", "中文名称"),
    "Matched name": ("Matched name", "匹配名称"),
    "Score": ("Score", "得分"),
    "Reasons": ("Reasons", "匹配原因"),
    "Since": ("Since", "起始日期"),
    "Until": ("Until", "截止日期"),
    "Announcement": ("Announcement", "公告"),
    "Source": ("Source", "来源"),
    "Decision": ("Decision", "审核结论"),
    "Note": ("Note", "备注"),
    "Total": ("Total", "合计"),
}  # fmt: skip

_STATUS: dict[Status, tuple[str, str]] = {
    Status.ACTIVE: ("active", "生效中"),
    Status.SUSPENDED: ("suspended", "暂停"),
    Status.PENDING: ("pending", "待生效"),
    Status.REMOVED: ("removed", "已移除"),
    Status.NOT_LISTED: ("not listed", "未列入"),
}

_BASIS: dict[StatusBasis, tuple[str, str]] = {
    StatusBasis.PUBLISHED: ("published", "已公布"),
    StatusBasis.COMPUTED: ("computed", "推算"),
}

_DECISION: dict[Decision, tuple[str, str]] = {
    Decision.CONFIRMED: ("confirmed", "已确认"),
    Decision.FALSE_POSITIVE: ("false positive", "误报"),
    Decision.ESCALATED: ("escalated", "已上报"),
}


@dataclass(frozen=True)
class ReportText:
    """The words of one report: its language and the titles of the lists it names."""

    language: str = "en"
    list_titles: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """list id -> (English title, Chinese title); a list not in it is named by its id."""

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"no report words for language {self.language!r}")

    @property
    def chinese(self) -> bool:
        return self.language == "zh_CN"

    def _pick(self, pair: tuple[str, str]) -> str:
        return pair[1] if self.chinese and pair[1] else pair[0]

    def word(self, key: str, **values: object) -> str:
        """The catalogue's text for ``key``, with ``{name}`` fields filled in."""
        text = self._pick(_WORDS[key])
        return text.format(**values) if values else text

    def status(self, status: Status) -> str:
        return self._pick(_STATUS[status])

    def basis(self, basis: StatusBasis) -> str:
        """ "published" / "computed" (已公布 / 推算)."""
        return self._pick(_BASIS[basis])

    def decision(self, decision: Decision | str | None) -> str:
        if not decision:
            return ""
        return self._pick(_DECISION[Decision.parse(decision)])

    def list_title(self, list_id: str) -> str:
        titles = self.list_titles.get(list_id)
        return self._pick(titles) if titles else list_id


def list_titles(lists: Mapping[str, RestrictionList]) -> dict[str, tuple[str, str]]:
    """``ReportText.list_titles`` from a snapshot's lists."""
    return {list_id: (lst.name_en or list_id, lst.name_zh) for list_id, lst in lists.items()}


ENGLISH = ReportText()
"""The words of a report in English with lists named by their ids (no titles known)."""
