"""The checked 库存 rows kept for the write pass, so the sheet's XML is parsed only once.

A 100,000-row sheet parsed twice by openpyxl was half of an import's time. The check pass now hands
every row it will post to ``StockSpill``: rows are kept as plain tuples, pickled to an anonymous
temporary file every ``CHUNK`` rows, and read back a chunk at a time by the write pass — so memory
stays at one chunk (a few hundred kilobytes) whatever the sheet's size, and reading back costs a
fraction of a second per 100,000 rows.
"""

from __future__ import annotations

import pickle
from operator import attrgetter
import tempfile
from typing import Iterator

from models.documents.excel_rows import StockEntry

CHUNK = 2000
_VALUES = attrgetter(*StockEntry.__slots__)  # an entry's fields as a tuple, in order


class StockSpill:
    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="rk-import-")
        self.buffer: list[tuple] = []
        self.count = 0

    def add(self, entry: StockEntry) -> None:
        self.buffer.append(_VALUES(entry))
        self.count += 1
        if len(self.buffer) >= CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            pickle.dump(self.buffer, self.file, protocol=pickle.HIGHEST_PROTOCOL)
            self.buffer = []

    def entries(self) -> Iterator[StockEntry]:
        """Every row added, in order."""
        self._flush()
        self.file.seek(0)
        while True:
            try:
                chunk = pickle.load(self.file)
            except EOFError:
                return
            for values in chunk:
                yield StockEntry(*values)

    def close(self) -> None:
        self.file.close()
