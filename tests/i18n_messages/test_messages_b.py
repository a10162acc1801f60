"""Refusals from the core services speak English once the desktop installs the English catalogue.

Each test drives a real refusal through a service (receiving, issuing, transfers, stocktake,
reversal, scrapping, catalogue and stores, users and permissions, settings, backup, server
connection, opening a database, demo data) with the compiled Linguist catalogue installed the way the
desktop does it, checks the English text, and checks that the same error is still Chinese without it.
"""

from __future__ import annotations

import datetime as dt


from desktop import i18n
from models.errors import DomainError
from tests.i18n_messages.refusals import refusal
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive


def chinese(error: DomainError) -> str:
    i18n.install_language("zh_CN")
    try:
        return error.message
    finally:
        i18n.install_language("en")


def stock_water(admin, county):
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 100, batch_no="B-GOOD", production_date="2025-01-01"),
        ReceiptLine(county.water, 50, batch_no="B-OLD", expiry_date="2026-05-01"),
    ], supplier="某超市")


# --- receiving, issuing, allocation, ledger ---------------------------------------------------------

def test_issuing_more_than_usable_explains_in_english_with_the_expired_note(admin, county, english):
    stock_water(admin, county)
    error = refusal(issue, admin, county.county_store, [IssueLine(county.water, 120)], receiver="城关镇")
    assert error.message == (
        "Store “县应急物资储备库” has only 100 瓶 of “瓶装饮用水” available (another 50 瓶 has expired and can "
        "only be scrapped); 120 瓶 is needed. Reduce the quantity or transfer from another store.")
    assert chinese(error) == (
        "储备库“县应急物资储备库”的“瓶装饮用水”可用库存只有 100瓶（另有已过期 50瓶，过期物资只能报废），"
        "本次需要 120瓶。请减少数量，或从其他储备库调拨。")


def test_a_bad_receipt_line_names_the_line_and_the_translated_field(admin, county, english):
    error = refusal(receive, admin, county.county_store, [
        ReceiptLine(county.tent, 5),
        ReceiptLine(county.water, 10, production_date="2026-13-45"),
    ])
    assert error.message == (
        "Line 2: Production date “2026-13-45” is not a valid date: write it as 2026-05-01.")
    assert chinese(error) == "第 2 行：生产日期“2026-13-45”不是有效日期，请写成 2026-05-01 的格式。"


def test_an_expired_batch_cannot_be_issued(admin, county, english):
    stock_water(admin, county)
    error = refusal(issue, admin, county.county_store, [IssueLine(county.water, 1, batch_no="B-OLD")],
                    receiver="城关镇")
    assert error.message == ("“瓶装饮用水” batch “B-OLD” expired on 2026-05-01 and cannot be issued. "
                             "Scrap expired goods instead.")


def test_an_unknown_store_is_named_in_english(admin, county, english):
    error = refusal(issue, admin, "NOPE", [IssueLine(county.water, 1)], receiver="城关镇")
    assert error.message == "There is no store with code “NOPE”. Check the store code."
    assert error.field == "储备库编码"  # forms still find the field by its Chinese key


# --- transfers, stocktake, reversal, scrapping -------------------------------------------------------

def test_transfer_and_stocktake_refusals(admin, county, english):
    from models.services.stocktake import CountLine, post_stocktake
    from models.services.transfers import ship_transfer

    stock_water(admin, county)
    error = refusal(ship_transfer, admin, county.county_store, county.county_store,
                    [IssueLine(county.water, 1)])
    assert error.message == "The sending and receiving stores cannot be the same store."
    error = refusal(post_stocktake, admin, county.county_store, [
        CountLine(county.water, "B-GOOD", 99), CountLine(county.water, "B-GOOD", 98)], reason="月末盘点")
    assert error.message == "Line 2: “瓶装饮用水” batch B-GOOD is counted twice. Merge them into one line."


def test_reversing_twice_and_scrapping_without_a_batch_are_refused(admin, county, english):
    from models.services.reversal import reverse
    from models.services.scrapping import ScrapLine, scrap

    posted = receive(admin, county.county_store, [ReceiptLine(county.tent, 5, batch_no="T1")])
    reversal = reverse(admin, posted.number, reason="录错")
    error = refusal(reverse, admin, posted.number, reason="再冲")
    assert error.message == (f"{posted.number} was already reversed by {reversal.number}; "
                             "it cannot be reversed twice.")
    error = refusal(scrap, admin, county.county_store, [ScrapLine(county.tent, "", 1)], reason="破损")
    assert error.message == "Line 1: Scrapping needs a batch number."


# --- catalogue, stores, users, permissions, settings -------------------------------------------------

def test_catalogue_and_store_refusals(admin, county, english):
    from models.services.catalog import ItemInput, create_item
    from models.services.warehouses import StoreInput, create_store

    error = refusal(create_item, admin, ItemInput(county.water, "水", "瓶"))
    assert error.message == "Item code “W500” already exists. Choose another code."
    error = refusal(create_item, admin, ItemInput("NEW1", " ", "瓶"))
    assert error.message == "Item name must not be empty."
    error = refusal(create_store, admin, StoreInput("X01", "新库", "城市", "320101"))
    assert error.message == "Level “城市” is not valid; use county, township or village."


def test_a_viewer_is_told_in_english_with_the_role_translated(admin, county, english):
    from models.services.users import actor_for, add_user
    from tests.conftest import make_ctx

    user = add_user(admin, "guest", "viewer", password="long-enough-1")
    viewer = make_ctx(admin.db, actor_for(user))
    error = refusal(receive, viewer, county.county_store, [ReceiptLine(county.tent, 1)])
    assert error.message == ("You (guest) have the role “Viewer”, which can only view, not post. "
                             "To post, ask an administrator.")
    assert chinese(error) == "您（guest）的角色“查看”只能查看，不能记账。如需记账，请联系管理员。"


def test_user_and_login_refusals(admin, county, english):
    from models.services.user_admin import set_active
    from models.services.users import add_user, authenticate

    error = refusal(add_user, admin, "admin", "officer", password="long-enough-1")
    assert error.message == "User name “admin” already exists. Choose another."
    error = refusal(set_active, admin, "admin", False)
    assert error.message == "You cannot deactivate the account you are using."
    add_user(admin, "clerk", "officer", password="long-enough-1")
    error = refusal(authenticate, admin.db, "clerk", "wrong-password")
    assert error.message == "Wrong user name or password."


def test_a_setting_out_of_range_names_the_setting_in_english(admin, english):
    from models.services.settings_store import BACKUP_KEEP, get_setting, set_setting

    error = refusal(set_setting, admin, "backup.keep", "0")
    assert error.message == "Automatic backups to keep cannot be less than 1 (it is 0)."
    assert chinese(error) == "自动备份保留份数不能小于 1（现为 0）。"
    assert get_setting(admin.db, BACKUP_KEEP) == 30


# --- backup, server connection, opening a database, demo data ----------------------------------------

def test_backup_refusals_and_status_in_english(sqlite_db, tmp_path, english):
    from models.db import sqlite_path
    from models.services.backup import backup, backup_status, restore
    from models.services.settings_store import BACKUP_LAST_AT, put_internal

    current = sqlite_path(sqlite_db.url)
    error = refusal(backup, sqlite_db, current)
    assert error.message == "The backup file cannot be the current database itself. Choose another file name."
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("hello", encoding="utf-8")
    error = refusal(restore, not_a_database, tmp_path / "target.db")
    assert error.message == (f"{not_a_database} is not an SQLite database and cannot be restored. "
                             "Choose a ReserveKeeper backup file (.db).")
    last = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.timezone.utc)
    with sqlite_db.write() as session:
        put_internal(session, BACKUP_LAST_AT, last)
    local = last.astimezone().strftime("%Y-%m-%d %H:%M")
    status = backup_status(sqlite_db, now=last + dt.timedelta(days=10))
    assert status.overdue and status.message == f"Last backup {local}, more than 10 days ago: back up soon"


def test_server_connection_messages_in_english(english):
    from models.services.server_connection import ServerSettings, check_connection

    error = refusal(ServerSettings("db.example", port=70000).validate)
    assert error.message == "Port 70000 is not valid; use 1–65535 (PostgreSQL's default is 5432)."
    error = refusal(ServerSettings(" ").validate)
    assert error.message == "Server address must not be empty."
    check = check_connection(ServerSettings("127.0.0.1", port=1))  # nothing listens on port 1
    assert not check.ok
    assert check.message.startswith("Server 127.0.0.1:1 refused the connection")


def test_opening_a_file_that_is_no_database_and_loading_demo_twice(admin, county, tmp_path, english):
    from models.demo import load_demo
    from models.migrate import open_database

    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all, just text")
    error = refusal(open_database, str(bogus))
    assert error.message == (f"{bogus} is not a ReserveKeeper database (not even an SQLite file). "
                             "Choose the right database file, or restore from a backup.")
    error = refusal(load_demo, admin)
    assert error.message.startswith("The database already has stores or ledger data")
