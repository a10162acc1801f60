"""Domain errors: each carries a message a keeper can act on, in Chinese first.

Services raise these instead of letting database errors escape; the desktop shows ``message`` and the
command line prints it and exits with status 2.
"""

from __future__ import annotations

from models.messages import localize


class DomainError(Exception):
    """A refused action. ``message`` says what is wrong and what to do."""

    def __init__(self, message: str, *, field: str | None = None, english: str | None = None):
        super().__init__(message)
        self.chinese = message
        self.field = field
        self.english = english

    @property
    def message(self) -> str:
        """The message in the user's language (Chinese unless a screen installed a translator)."""
        return localize(self.chinese)

    def __str__(self) -> str:  # the message is what users see
        return self.message


class ValidationError(DomainError):
    """Bad input: a wrong date, a negative quantity, an empty required field."""


class NotFoundError(DomainError):
    """An unknown store, item, batch, document or user code."""


class InsufficientStockError(DomainError):
    """Not enough usable stock for an issue, transfer, scrap or reversal."""


class PermissionDeniedError(DomainError):
    """The acting user's role or store assignment does not allow the action."""


class AuthenticationError(DomainError):
    """Wrong user name or password, or a locked account."""


class ConflictError(DomainError):
    """The action clashes with the current state (already reversed, already received...)."""


class DatabaseOpenError(DomainError):
    """The database file or server cannot be opened as a ReserveKeeper database."""
