"""Finding stores, items, batches, documents and users by the codes people type."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import NotFoundError
from models.messages import msg
from models.schema.catalog import Item
from models.schema.documents import Document
from models.schema.stock import Batch
from models.schema.users import User
from models.schema.warehouse import Area, Store


def store_by_code(session: Session, code: str) -> Store:
    store = session.scalar(select(Store).where(Store.code == code))
    if store is None:
        raise NotFoundError(msg("没有编码为“{code}”的储备库，请检查储备库编码。", code=code), field=msg("储备库编码"))
    return store


def item_by_code(session: Session, code: str) -> Item:
    item = session.scalar(select(Item).where(Item.code == code))
    if item is None:
        raise NotFoundError(msg("物资目录中没有编码为“{code}”的物资，请检查物资编码或先在目录中添加。", code=code), field=msg("物资编码"))
    return item


def area_by_code(session: Session, code: str) -> Area:
    area = session.scalar(select(Area).where(Area.code == code))
    if area is None:
        raise NotFoundError(msg("没有编码为“{code}”的行政区。", code=code), field=msg("行政区"))
    return area


def batch_by_number(session: Session, item: Item, batch_no: str) -> Batch:
    batch = session.scalar(select(Batch).where(Batch.item_id == item.id, Batch.batch_no == batch_no))
    if batch is None:
        raise NotFoundError(msg("物资“{item}”没有批次号为“{batch_no}”的批次。",
                                item=item.name, batch_no=batch_no), field=msg("批次号"))
    return batch


def document_by_number(session: Session, number: str) -> Document:
    document = session.scalar(select(Document).where(Document.number == number))
    if document is None:
        raise NotFoundError(msg("没有单号为“{number}”的单据。", number=number), field=msg("单号"))
    return document


def user_by_name(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(msg("没有用户名为“{username}”的用户。", username=username), field=msg("用户名"))
    return user
