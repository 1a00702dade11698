"""CSV files in every accepted encoding screen with the right rows flagged; ``--encoding``
overrides the guess; a file in none of them is a clear one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.cli import main
from core.spreadsheets.encodings import ENCODINGS, decode_text, encoding_named, preview

# One file per encoding, each with a listed name on line 2 and unlisted names after it.
FILES: dict[str, str] = {
    "gb18030": "供应商名称,国家\n洛克希德·马丁公司,美国\n深圳市某某电子有限公司,中国\n"
    "北京某某贸易有限公司,中国\n",
    "big5hkscs": "供應商名稱,國家\n洛克希德·馬丁公司,美國\n漢民科技股份有限公司,台灣\n"
    "某某國際貿易有限公司,香港\n",
    "cp932": "仕入先名,国\nロッキード・マーティン Lockheed Martin Corporation,アメリカ\n"
    "株式会社日本某某製作所,日本\n三和精密工業株式会社,日本\n",
    "euc-kr": "공급업체 Supplier,국가\nLockheed Martin Corporation,미국\n삼성전자 주식회사,한국\n"
    "현대중공업 주식회사,한국\n",
    "cp1252": "Supplier Name,Country\nLockheed Martin Corporation,USA\n"
    "Müller Präzision GmbH,Deutschland\nSociété Générale Équipements,France\n"
    "Café Señor S.L.,España\n",
    "utf-8": "Supplier Name,Country\nLockheed Martin Corporation,美国\nMüller GmbH,DE\n",
    "utf-8-sig": "Supplier Name,Country\nLockheed Martin Corporation,美国\nMüller GmbH,DE\n",
    "utf-16": "Supplier Name,Country\nLockheed Martin Corporation,美国\nMüller GmbH,DE\n",
}


@pytest.mark.parametrize("codec", list(FILES))
def test_each_encoding_is_detected(codec: str) -> None:
    text = FILES[codec]
    data = text.encode(codec)
    decoded, used = decode_text("x.csv", data)
    assert decoded.lstrip("\ufeff") == text, used
    assert encoding_named(used).codec == encoding_named(codec).codec


def _screen(path: Path, tmp_path: Path, *extra: str) -> list[int]:
    out = tmp_path / "out.json"
    assert main(["screen", str(path), "--as-of", "2025-05-20", "--json", str(out), *extra]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    return sorted({hit["row"] for hit in data["hits"]})


@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs", "cp932", "euc-kr", "cp1252", "utf-16"])
def test_a_file_in_each_encoding_screens_with_the_right_rows_flagged(
    tmp_path: Path, codec: str
) -> None:
    path = tmp_path / f"suppliers-{codec}.csv"
    path.write_bytes(FILES[codec].encode(codec))
    assert _screen(path, tmp_path) == [2]


def test_half_width_katakana_are_shift_jis() -> None:
    text = "Supplier,Country\nｶﾌﾞｼｷｶﾞｲｼｬ ﾆｯﾎﾟﾝ,JP\nﾐﾂﾋﾞｼ ｼｮｳｼﾞ,JP\n"
    assert decode_text("x.csv", text.encode("cp932")) == (text, "cp932")


def test_encoding_overrides_the_guess(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big5.csv"
    path.write_bytes(FILES["big5hkscs"].encode("big5hkscs"))
    assert _screen(path, tmp_path, "--encoding", "Big5") == [2]
    # Read as cp1252 the headers are mojibake, and the error shows them: never silent.
    capsys.readouterr()
    assert main(["screen", str(path), "--as-of", "2025-05-20", "--encoding", "cp1252"]) == 1
    assert "no supplier-name column found (headers seen: '¨ÑÀ³°Ó¦WºÙ'" in capsys.readouterr().err


def test_a_wrong_encoding_shows_in_the_preview() -> None:
    data = FILES["big5hkscs"].encode("big5hkscs")
    assert "洛克希德·馬丁公司,美國" in preview(data, "big5hkscs")
    assert "洛克希德" not in "\n".join(preview(data, "gb18030"))


def test_an_unknown_encoding_name_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Supplier\nAcme\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["screen", str(path), "--as-of", "2025-05-20", "--encoding", "ebcdic"])
    assert exit_info.value.code == 2
    assert "unknown encoding 'ebcdic'" in capsys.readouterr().err


def test_bytes_not_in_the_encoding_given_are_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sjis.csv"
    path.write_bytes(FILES["cp932"].encode("cp932"))
    assert main(["screen", str(path), "--as-of", "2025-05-20", "--encoding", "utf-8"]) == 1
    err = capsys.readouterr().err.strip()
    assert "sjis.csv" in err and "UTF-8" in err and len(err.splitlines()) == 1


def test_every_encoding_has_a_label() -> None:
    assert [e.label for e in ENCODINGS][:3] == ["UTF-8", "UTF-16", "GB18030 (GBK)"]


# Words of company names per encoding; the property draws names made of them. (Characters
# drawn one by one can be read in two encodings alike, "丁丁丁丁" in GB18030 is Big5 "嘛嘛":
# such a file is what the preview of the encoding choice is for.)
_WORDS = {
    "gb18030": "深圳 北京 上海 华为 电子 科技 贸易 有限公司 集团 航空 技术 国际 股份 工业 马丁",
    "big5hkscs": "臺灣 香港 台北 華為 電子 科技 貿易 有限公司 集團 航空 技術 國際 股份 工業 漢翔",
    "cp932": "株式会社 東京 大阪 日立 製作所 三菱 電機 工業 ロッキード マーティン トヨタ 商事 精密",
    "euc-kr": "삼성 전자 주식회사 현대 자동차 중공업 서울 부산 한국 전력 기술 산업",
}


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_names_in_each_east_asian_encoding_are_detected(data: st.DataObject) -> None:
    for codec, words in _WORDS.items():
        word = st.sampled_from(words.split())
        names = data.draw(st.lists(st.lists(word, min_size=2, max_size=4), min_size=3))
        text = "Supplier,Country\n" + "".join(f"{''.join(name)},XX\n" for name in names)
        decoded, used = decode_text("x.csv", text.encode(codec))
        assert (decoded, used) == (text, codec)
