"""Catch a refusal and return it, for the message tests."""

from __future__ import annotations

import pytest

from models.errors import DomainError


def refusal(action, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        action(*args, **kwargs)
    return caught.value
