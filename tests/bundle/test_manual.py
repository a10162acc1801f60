"""The user manual: it covers what the issue asks for, opens in the Help window, and a screenshot
that was not generated shows as its caption rather than a broken picture."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.dialogs.manual_dialog import ManualDialog, manual_file, manual_markdown

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_chinese_manual_covers_every_topic():
    text = (DOCS / "manual.md").read_text(encoding="utf-8")
    for topic in ("安装", "第一次启动", "入库", "出库", "调拨单", "轮换", "协议储备", "汛前检查",
                  "Excel", "备份", "服务器模式", "数据保存在哪里", "日志"):
        assert topic in text, topic
    assert (DOCS / "manual.en.md").is_file()


def test_missing_screenshot_becomes_its_caption(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "there.png").write_bytes(b"")
    manual = tmp_path / "manual.md"
    manual.write_text("![首页](images/there.png)\n\n![库存](images/missing.png)\n", encoding="utf-8")
    text = manual_markdown(manual)
    assert "![首页](images/there.png)" in text and "*（库存）*" in text and "missing.png" not in text


def test_help_window_shows_the_manual_in_the_chosen_language(qtbot):
    dialog = ManualDialog(manual_file("zh_CN"))
    qtbot.addWidget(dialog)
    assert "储备管家 用户手册" in dialog.browser.toPlainText()
    assert manual_file("en").name == "manual.en.md"
