"""The program's log: a rotating file in the user's data folder, never holding a password.

``setup_logging()`` is called once at start-up; the error dialog (desktop/error_handler.py) points
the user at ``log_folder()`` so a support person can be sent ``reserve-keeper.log``.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import tempfile
from pathlib import Path

from models.db import default_data_dir

LOG_FILE = "reserve-keeper.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

# What must never reach the log: the password in a database URL, and anything labelled as a password.
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s]+:)(?P<secret>[^@\s]+)(?=@)", re.IGNORECASE)
_LABELLED = re.compile(
    r"(?P<head>\b(?:password|passwd|pwd|secret|密码)\w*[\"']?\s*[:=]\s*[\"']?)(?P<secret>[^\s,;&\"'}]+)",
    re.IGNORECASE,
)

_handler: logging.Handler | None = None


def redact(text: str) -> str:
    """``text`` with database-URL passwords and ``password=...`` values replaced by ``***``."""
    text = _URL_PASSWORD.sub(lambda m: m.group("head") + "***", text)
    return _LABELLED.sub(lambda m: m.group("head") + "***", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then removes secrets from the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_folder() -> Path:
    """Where the log lives: ``<user data folder>/logs`` (e.g. %LOCALAPPDATA%\\ReserveKeeper\\logs)."""
    return default_data_dir() / "logs"


def log_file() -> Path | None:
    """The file the log is written to, once ``setup_logging`` has run."""
    if isinstance(_handler, logging.handlers.RotatingFileHandler):
        return Path(_handler.baseFilename)
    return None


def _open_handler(folder: Path) -> logging.handlers.RotatingFileHandler:
    folder.mkdir(parents=True, exist_ok=True)
    return logging.handlers.RotatingFileHandler(
        folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
    )


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the root logger to the rotating file (and to stderr when there is one). Idempotent.

    Falls back to the temporary folder if the data folder cannot be written. Returns the log file.
    """
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    target = folder or log_folder()
    try:
        handler = _open_handler(target)
    except OSError:
        handler = _open_handler(Path(tempfile.gettempdir()) / "ReserveKeeper-logs")
    handler.setFormatter(RedactingFormatter(FORMAT))
    root.addHandler(handler)
    _handler = handler
    if sys.stderr is not None and not any(getattr(h, "_rk_console", False) for h in root.handlers):
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(RedactingFormatter(FORMAT))
        console.setLevel(logging.WARNING)
        console._rk_console = True  # type: ignore[attr-defined]
        root.addHandler(console)
    root.setLevel(level)
    logging.getLogger(__name__).info("log started: %s", handler.baseFilename)
    return Path(handler.baseFilename)


def shutdown_logging() -> None:
    """Detach and close the file handler (tests; a language switch keeps it)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
