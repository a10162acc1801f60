"""Fixtures for the safety proofs."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from models.services import users


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch):
    """Still Argon2, with the smallest cost: the default (64 MiB, 3 passes) takes ~1 s per check on a
    busy CI machine and these tests sign in dozens of times."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
