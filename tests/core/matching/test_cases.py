"""The matcher's behaviour as a table: supplier text (and country) -> the listed entity it
must find, or None when it must find nothing at all. Every expected id is an entity of the
bundled list (the newest release in resources/lists/bundled/); matching runs at the default
threshold.

Read it as a specification: each block names the rule, each row one way suppliers write it.
"""

from __future__ import annotations

import pytest

from core.lists.model import Entity
from core.matching import EntityMatcher

Case = tuple[str, str | None, str | None]

CASES: list[Case] = [
    # legal forms EN
    ("Lockheed Martin Corporation", "US", "lockheed-martin"),
    ("Lockheed Martin Corp.", "US", "lockheed-martin"),
    ("LOCKHEED MARTIN CORP", None, "lockheed-martin"),
    ("Lockheed Martin Inc.", "US", "lockheed-martin"),
    ("Lockheed Martin", None, "lockheed-martin"),
    ("Cubic Corp", "US", "cubic"),
    ("Cubic Corporation", "US", "cubic"),
    ("Skydio Inc", "US", "skydio"),
    ("Skydio, Incorporated", "US", "skydio"),
    ("Skydio LLC", "US", "skydio"),
    ("Rapid Flight L.L.C.", "US", "rapid-flight"),
    ("TCOM LP", "US", "tcom"),
    ("TCOM, L.P.", "US", "tcom"),
    ("Huntington Ingalls Industries Inc", "US", "huntington-ingalls-industries"),
    ("Hudson Technologies Company", "US", "hudson-technologies"),
    ("Hudson Technologies Co", "US", "hudson-technologies"),
    ("Jong Shyn Shipbuilding Co Ltd", "TW", "jong-shyn-shipbuilding"),
    ("Jong Shyn Shipbuilding Company Limited", "TW", "jong-shyn-shipbuilding"),
    ("Hensoldt GmbH", "DE", "hensoldt"),
    ("HENSOLDT AG", "DE", "hensoldt"),
    ("Rheinmetall Aktiengesellschaft", "DE", "rheinmetall"),  # issue 17: the long form
    ("Rheinmetall AG", "DE", "rheinmetall"),
    ("Inpact SA", "FR", "inpact"),
    ("InPACT S.A.", "FR", "inpact"),
    ("Vigo Photonics SA", "PL", "vigo-photonics"),
    ("Excalibur Army s.r.o.", "CZ", "excalibur-army"),
    ("Excalibur Army spol. s.r.o.", "CZ", "excalibur-army"),
    ("Excalibur Army, spol. s r.o.", "CZ", "excalibur-army"),  # the usual Czech spelling
    ("EXCALIBUR ARMY spol. s r. o.", "CZ", "excalibur-army"),
    ("Omnipol a.s.", "CZ", "omnipol"),
    ("Lafert SpA", "IT", "lafert"),
    ("Garnet Srl", "IT", "garnet"),
    ("IHC Merwede Holding BV", "NL", "ihc-merwede-holding"),
    ("Ekspla UAB", "LT", "ekspla"),
    ("Avicopter plc", "CN", "avicopter"),
    ("Subaru Corp", "JP", "subaru"),
    ("TDK Corp.", "JP", "tdk"),
    ("Hino Motors Ltd", "JP", "hino-motors"),
    # & / and
    ("Raytheon Missiles and Defense", "US", "raytheon-missiles-defense"),
    ("Raytheon Missiles & Defense", "US", "raytheon-missiles-defense"),
    ("Boeing Defense Space and Security", "US", "boeing-defense-space-security"),
    ("Fujitsu Defense & National Security Ltd", "JP", "fujitsu-defense-national-security"),
    ("Gibbs & Cox", "US", "gibbs-cox"),
    ("Gibbs and Cox Inc", "US", "gibbs-cox"),
    ("Gibbs&Cox, Inc.", "US", "gibbs-cox"),
    ("System Studies and Simulation", "US", "system-studies-simulation"),
    ("Ball Aerospace and Technologies Corp", "US", "ball-aerospace-technologies"),
    # abbreviations
    ("Oceaneering Intl Inc", "US", "oceaneering-international"),
    ("Oceaneering Int'l", "US", "oceaneering-international"),
    ("Huawei Tech Co Ltd", "CN", "huawei-technologies"),
    ("Saronic Tech Inc", "US", "saronic-technologies"),
    ("IHI Aero Mfg Co Ltd", "JP", "ihi-aero-manufacturing"),
    ("Aerospace Industrial Dev Corp", "TW", "aerospace-industrial-development"),
    ("Teledyne Brown Eng Inc", "US", "teledyne-brown-engineering"),
    ("Alliant Techsystems Ops LLC", "US", None),
    # typos
    ("Lockhead Martin Corporation", "US", "lockheed-martin"),
    ("Lokheed Martin", "US", "lockheed-martin"),
    ("Raytheon Missle Systems", "US", "raytheon-missile-systems"),
    ("Saronic Technolgies", "US", "saronic-technologies"),
    ("Huntingdon Ingalls Industries", "US", "huntington-ingalls-industries"),
    ("Anduril Industires", "US", "anduril-industries"),
    ("Oceaneering Internatonal", "US", "oceaneering-international"),
    ("Rheinmetal AG", "DE", "rheinmetall"),
    ("Hangzhou Hikvsion Digital Technology", "CN", "hangzhou-hikvision-digital-technology"),
    ("Kratos Unmaned Aerial Systems", "US", "kratos-unmanned-aerial-systems"),
    # word order
    ("Martin Lockheed", "US", "lockheed-martin"),
    ("Systems Mission General Dynamics", "US", "general-dynamics-mission-systems"),
    ("Ingalls Huntington Industries", "US", "huntington-ingalls-industries"),
    # spacing
    ("L3Harris Technologies", "US", "l3-harris-technologies"),
    ("L3 Harris Technologies Inc", "US", "l3-harris-technologies"),
    ("L3 Harris Maritime Services", "US", "l3harris-maritime-services"),
    ("L3Harris Maritime Services", "US", "l3harris-maritime-services"),
    # an abbreviation glued to a word in the listed name, written apart by the supplier
    ("Tech Insights Inc", "CA", "techinsights"),
    ("Tech-Insights Inc.", "", "techinsights"),
    ("Tech Insights Korea Co Ltd", "KR", "techinsights-korea"),
    ("Havoc AI", "US", "havocai"),
    ("HavocAI", "US", "havocai"),
    ("Aero Vironment Inc", "US", "aerovironment"),
    ("AeroVironment", "US", "aerovironment"),
    ("Iron Mountain Solutions", "US", "ironmountain-solutions"),
    ("Red Six Solutions", "US", "red-six-solutions"),
    ("Red Cat Holdings Inc", "US", "red-cat-holdings"),
    ("RedCat Holdings", "US", "red-cat-holdings"),
    # acronyms and short aliases
    ("CATL", "CN", "contemporary-amperex-technology"),
    ("SMIC", "CN", "semiconductor-manufacturing-international"),
    ("YMTC", "CN", "yangtze-memory-technologies"),
    ("AVIC", "CN", "aviation-industry-corporation-of-china"),
    ("CETC", "CN", "china-electronics-technology-group"),
    ("CNOOC", "CN", "china-national-offshore-oil"),
    ("COMAC", "CN", "commercial-aircraft-corporation-of-china"),
    ("JAXA", "JP", "japan-aerospace-exploration-agency"),
    ("CXMT", "CN", "changxin-memory-technologies"),
    ("Hikvision", "CN", "hangzhou-hikvision-digital-technology"),
    ("Huawei", "CN", "huawei-technologies"),
    ("Tencent", "CN", "tencent-holdings"),
    ("DJI", "CN", "shenzhen-dji-technology"),
    ("SMIC Beijing", "CN", "semiconductor-manufacturing-international-beijing"),
    ("Unitree", "CN", "hangzhou-yushu-technology"),
    ("Megvii", "CN", "beijing-megvii-technology"),
    # acronyms must not flood
    ("Catlin Insurance Company", "GB", None),
    ("Smicro Devices Ltd", "US", None),
    ("Avicenna Pharmaceuticals", "US", None),
    ("Cetcon Engineering", "US", None),
    ("Comac Foods", "US", None),
    ("DJ Instruments", "US", None),
    ("Huaweida Trading", "CN", None),
    ("Tencentral Holdings", "US", None),
    ("CATL Catering Services", "US", None),
    ("Amazon Web Services", "US", None),
    # look-alikes
    ("General Motors", "US", None),
    ("General Motors Company", "US", None),
    ("General Electric Company", "US", None),
    ("General Mills Inc", "US", None),
    ("Huntington Bancshares", "US", None),
    ("Huntington National Bank", "US", None),
    ("Sierra Nevada Brewing Co.", "US", None),
    ("Sierra Pacific Industries", "US", None),
    ("Lockheed Federal Credit Union", "US", None),
    ("Boeing Employees Credit Union", "US", None),
    ("Raytheon Technologies Retirees Club", "US", None),
    ("Red Cat Coffee Roasters", "US", None),
    ("Teal Health Inc", "US", None),
    ("Clear Channel Outdoor", "US", None),
    ("Epiroc AB", "SE", None),
    ("Cubic Zirconia Jewelers", "US", None),
    ("Summit Materials Inc", "US", None),
    ("Global Payments Inc", "US", None),
    ("China Southern Airlines", "CN", None),
    ("China Mobile Games and Entertainment", "CN", None),
    ("Mitsubishi UFJ Financial Group", "JP", None),
    ("Oki Doki Toys Ltd", "GB", None),
    ("Kawasaki Motors Corp USA", "US", None),
    ("Alibaba Pictures Group", "CN", None),
    ("Novo Nordisk", "DK", None),
    # ordinary suppliers
    ("Siemens AG", "DE", None),
    ("Acme Office Supplies Ltd", "GB", None),
    ("Johnson & Sons Plumbing", "US", None),
    ("Shenzhen Huaqiang Electronics Co., Ltd.", "CN", None),
    ("Ningbo Sunrise Plastic Products Co Ltd", "CN", None),
    ("Toyota Tsusho Corporation", "JP", None),
    # Chinese names
    ("洛克希德·马丁公司", "CN", "lockheed-martin"),
    ("洛克希德马丁公司", "CN", "lockheed-martin"),
    ("洛克希德·马丁", "CN", "lockheed-martin"),
    ("洛克希德・马丁有限公司", "CN", "lockheed-martin"),
    ("雷神导弹系统公司", "CN", "raytheon-missile-systems"),
    ("亨廷顿·英格尔斯工业公司", "US", "huntington-ingalls-industries"),
    ("亨廷顿英格尔斯工业", "US", "huntington-ingalls-industries"),
    ("通用动力公司", "US", "general-dynamics"),
    ("三菱电机软件株式会社", "JP", "mitsubishi-electric-software"),
    ("美国IMSAR公司", "US", "imsar"),
    ("IMSAR公司", "US", "imsar"),
    ("PVH集团", "US", "pvh-group"),
    ("美国PVH集团有限公司", "US", "pvh-group"),
    ("Lockheed Martin 洛克希德·马丁公司", "US", "lockheed-martin"),
    ("洛克希德·马丁公司 Lockheed Martin Corp", "US", "lockheed-martin"),
    (
        "Huntington Ingalls Industries 亨廷顿·英格尔斯工业公司",
        "US",
        "huntington-ingalls-industries",
    ),
    ("青岛雷神科技股份有限公司", "CN", None),
    ("通用汽车公司", "US", None),
    ("三菱日联银行", "JP", None),
    # the 2026.12.04 release gives 134 1260H companies their Chinese names
    ("华为技术有限公司", "CN", "huawei-technologies"),
    ("北京小米科技有限责任公司", "CN", None),
    # country corroboration never hides a hit
    ("Lockheed Martin Corporation", "CN", "lockheed-martin"),
    ("Huntington Ingalls Industries", "JP", "huntington-ingalls-industries"),
    ("Huawei Technologies Co Ltd", "US", "huawei-technologies"),
    ("Rheinmetall AG", "United States", "rheinmetall"),
]


def test_the_table_is_large_and_its_ids_are_listed(entities: list[Entity]) -> None:
    listed = {e.entity_id for e in entities}
    assert len(CASES) >= 120
    assert {expected for _, _, expected in CASES if expected} <= listed
    assert sum(1 for *_, expected in CASES if expected is None) >= 40


@pytest.mark.parametrize(("supplier", "country", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case(
    matcher: EntityMatcher, supplier: str, country: str | None, expected: str | None
) -> None:
    hits = matcher.match(supplier, country)
    found = [(h.entity_id, h.score) for h in hits]
    if expected is None:
        assert hits == [], f"{supplier!r} must match nothing, got {found}"
    else:
        assert expected in [h.entity_id for h in hits], f"{supplier!r} -> {expected}, got {found}"
