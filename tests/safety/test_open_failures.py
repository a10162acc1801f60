"""A database that cannot be opened is named with the likely cause, never the driver's bare class name."""

from __future__ import annotations

import pytest

from models.errors import DatabaseOpenError
from models.migrate import open_database


def test_a_damaged_file_is_called_damaged(tmp_path):
    path = tmp_path / "县储备.db"
    open_database(str(path)).dispose()
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # the SQLite header survives, the pages do not
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(str(path))
    assert "已损坏" in caught.value.message and str(path) in caught.value.message
    assert "从备份恢复" in caught.value.message


def test_a_server_that_does_not_answer_is_called_unreachable():
    with pytest.raises(DatabaseOpenError) as caught:
        open_database("postgresql+psycopg://rk_app:Top-Secret-99@127.0.0.1:1/reserve")
    assert caught.value.message.startswith("连接不上服务器") and "Top-Secret-99" not in caught.value.message


def test_a_wrong_password_is_called_a_refused_login(postgres_url):
    """The test server trusts local users, so a missing role stands in for a refused login here."""
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url).set(username="rk_nobody_here", password="Wrong-Secret-1")
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url.render_as_string(hide_password=False))
    text = caught.value.message
    assert ("拒绝了登录" in text or "没有这个数据库或用户" in text) and "Wrong-Secret-1" not in text
