"""The vocabulary of supplier-file headers: which header texts mean which column role.

``columns`` uses this to find the header row and the roles; keeping the word lists apart keeps
that module about decisions rather than data. Every header is compared by its *key*:
NFKC, case-folded, with everything but letters and digits removed, so "Supplier-Name",
"supplier name" and "SUPPLIER_NAME" are the same header.
"""

from __future__ import annotations

import re
import unicodedata

from core.text import fold_key

EXACT = 3
"""Strength of a header that is exactly a known header for a role."""
PARTIAL = 2
"""Strength of a header that contains a role word and nothing that rules it out."""


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: keeps the vocabulary below readable."""
    return frozenset(text.split())


_NAME_EXACT: dict[str, int] = {
    # the more specific, the higher: "Supplier Name" beats "Supplier" beats "Name";
    # a Chinese-name column is a name, but the second choice when there is another
    **dict.fromkeys(
        _words(
            """
            suppliername vendorname companyname legalname legalentityname registeredname
            businessname partnername businesspartnername counterpartyname manufacturername
            entityname organisationname organizationname customername firmname 供应商名称
            公司名称 企业名称 单位名称 客户名称 供应商全称 公司全称 企业全称 单位全称 厂商名称
            法定名称 englishname 英文名称 suppliernameen vendornameen
            """
        ),
        10,
    ),
    **dict.fromkeys(
        _words(
            """
            supplier vendor company businesspartner counterparty manufacturer 供应商 公司 企业
            单位 厂商 客户 合作方 payee beneficiary
            """
        ),
        8,
    ),
    **dict.fromkeys(
        _words(
            """
            name 名称 fullname 全称
            """
        ),
        6,
    ),
    **dict.fromkeys(
        _words(
            """
            chinesename 中文名称 namecn namezh localname 中文名
            """
        ),
        5,
    ),
}
_NAME_WORDS = _words(
    """
    beneficiary company counterparty entity firm manufacturer name organisation organization
    partner payee supplier vendor
    """
)
_NAME_NOT = _words(
    """
    account addr address amount bank buyer category city class code comment comments contact
    country currency date desc description duns email export family fax file first given group
    iban id industry item key last lei list mail manager mobile no note notes nr num number
    owner parent person phone postal product province reg region registration remark remarks rep
    report representative sector segment sheet site spend state status street swift tax tel
    telephone terms type ultimate url user vat web website zip
    """
)
_NAME_ZH = _words(
    """
    供应商 名称 公司 企业 单位 厂商 厂家 客户 合作方 户名
    """
)
_NAME_ZH_NOT = _words(
    """
    编号 代码 编码 号码 联系 电话 手机 邮箱 地址 国家 国别 地区 城市 省 类型 类别 税 账号 帐号
    开户 银行 日期 金额 负责人 备注 状态 母公司 清单 导出 商品 产品 货物 物料 品名
    """
)
_CHINESE_MARKERS = _words("chinese chn cn local zh")

_COUNTRY_EXACT = _words(
    """
    country countrycode countryname countryorregion countryregion countryterritory nation 国别
    国家 国家代码 国家地区 国家或地区 所属国家
    """
)
_ADDRESS_EXACT = _words(
    """
    address address1 addressline1 businessaddress companyaddress fulladdress officeaddress
    registeredaddress streetaddress 公司地址 办公地址 地址 注册地 注册地址 经营地址 详细地址
    通讯地址
    """
)
_ADDRESS_NOT = _words(
    """
    e email ip mac mail url web website
    """
)
_ID_EXACT = _words(
    """
    companyregistrationno companyregistrationnumber creditcode duns dunsno dunsnumber ein lei
    leicode registrationno registrationnumber regno taxcode taxid taxno taxnumber tin
    unifiedsocialcreditcode uscc vat vatid vatno vatnumber 信用代码 工商注册号 注册号
    社会信用代码 税号 纳税人识别号 组织机构代码 统一社会信用代码 营业执照号 营业执照号码
    """
)
_ID_WORDS = _words(
    """
    abn duns ein gstin lei siren siret tin uen uscc vat
    """
)
_ID_QUALIFIERS = _words(
    """
    code id no nr num number
    """
)
_ID_ZH = _words(
    """
    信用代码 识别号 税号 注册号 营业执照 组织机构代码
    """
)

_HS_EXACT = _words(
    """
    commoditycode commoditycodes customscode hs hscode hscodes hsno hsnumber htscode hts
    tariffcode tariffno tariffnumber hs编码 hs代码 商品编码 海关编码 海关商品编码 税则号 税则号列
    """
)
_HS_WORDS = _words("hs hts tariff")
_DESCRIPTION_EXACT = _words(
    """
    commodity description goods goodsdescription itemdescription material materialdescription
    product productdescription 品名 商品名称 商品描述 货物名称 货物描述 产品名称 产品描述 物料名称
    物料描述 描述
    """
)
_DESCRIPTION_WORDS = _words("commodity description goods material product")
_DESCRIPTION_ZH = _words("品名 描述 货物 物料")

_TOKEN_SPLIT = re.compile(r"[^0-9a-z\u00c0-\u024f]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def header_key(text: str) -> str:
    """The comparison key of a header: NFKC, case-folded, letters and digits only."""
    return fold_key(text)


def header_tokens(text: str) -> set[str]:
    """The Latin words of a header, case-folded; "VendorName" gives {"vendor", "name"}."""
    spaced = _CAMEL.sub(" ", unicodedata.normalize("NFKC", text))
    return {token for token in _TOKEN_SPLIT.split(spaced.casefold()) if token}


def name_strength(text: str) -> int:
    """How strongly a header says "supplier name": 0 (not at all) to 10 (e.g. "Vendor Name")."""
    key = header_key(text)
    if not key:
        return 0
    if key in _NAME_EXACT:
        return _NAME_EXACT[key]
    if len(text) > 40:
        return 0
    tokens = header_tokens(text)
    if tokens & _NAME_WORDS and not tokens & _NAME_NOT and len(tokens) <= 4:
        return 4
    if any(word in key for word in _NAME_ZH) and not any(w in key for w in _NAME_ZH_NOT):
        return 4
    return 0


def is_chinese_name_header(text: str) -> bool:
    """True for headers of a Chinese- or local-language name column ("Chinese Name", "中文名称")."""
    return bool(header_tokens(text) & _CHINESE_MARKERS) or "中文" in header_key(text)


def role_strength(role: str, text: str) -> int:
    """How strongly ``text`` names a column of ``role``: 0, ``PARTIAL`` or ``EXACT``.

    For ``name`` this folds ``name_strength`` into the same three levels.
    """
    key = header_key(text)
    if not key or len(text) > 40:
        return 0
    tokens = header_tokens(text)
    if role == "name":
        strength = name_strength(text)
        return EXACT if strength >= 5 else PARTIAL if strength else 0
    if role == "country":
        if key in _COUNTRY_EXACT:
            return EXACT
        if "country" in tokens or "国家" in key or "国别" in key:
            return PARTIAL
        return 0
    if role == "address":
        if key in _ADDRESS_EXACT:
            return EXACT
        if tokens & {"address", "addr"} and not tokens & _ADDRESS_NOT:
            return PARTIAL
        if "地址" in key and not any(w in key for w in ("邮箱", "网址", "邮件", "电子", "网站")):
            return PARTIAL
        return 0
    if role == "hs_code":
        if key in _HS_EXACT:
            return EXACT
        if tokens & _HS_WORDS or ("编码" in key and ("商品" in key or "海关" in key)):
            return PARTIAL
        return 0
    if role == "description":
        if key in _DESCRIPTION_EXACT:
            return EXACT
        if tokens & _DESCRIPTION_WORDS and not tokens & {"code", "no", "id", "number"}:
            return PARTIAL
        if any(word in key for word in _DESCRIPTION_ZH) and "编码" not in key:
            return PARTIAL
        return 0
    if role == "identifier":
        if key in _ID_EXACT:
            return EXACT
        if tokens & _ID_WORDS or (
            tokens & {"tax", "registration", "reg"} and tokens & _ID_QUALIFIERS
        ):
            return PARTIAL
        if any(word in key for word in _ID_ZH):
            return PARTIAL
        return 0
    return 0
