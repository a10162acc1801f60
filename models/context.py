"""The application context every service receives: the open database, the acting user, the clock.

Passing the clock in (``today``/``now``) keeps rules about expiry and overdue approvals testable
with fixed dates.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from sqlalchemy.orm import Session

from models.db import Database
from models.schema.base import utcnow
from models.schema.enums import Role


@dataclass(frozen=True)
class Actor:
    """Who is acting. ``store_ids`` matters for keepers only: the stores they may post in."""

    user_id: int | None
    username: str
    role: Role
    store_ids: frozenset[int] = frozenset()

    @classmethod
    def local_reader(cls) -> "Actor":
        """A read-only actor for headless read commands run without credentials."""
        return cls(None, "local-reader", Role.VIEWER)


def _local_today() -> dt.date:
    return dt.date.today()


@dataclass
class ServiceContext:
    db: Database
    actor: Actor
    machine: str = field(default_factory=socket.gethostname)
    today: Callable[[], dt.date] = _local_today
    now: Callable[[], dt.datetime] = utcnow

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self.db.write() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    def as_user(self, actor: Actor) -> "ServiceContext":
        return ServiceContext(self.db, actor, self.machine, self.today, self.now)
