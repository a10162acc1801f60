"""One module per measured operation; each exposes ``NAME`` and ``run(bench) -> list[Result]``.

``ORDER`` is the order the runner measures them in (cheap reads first, writes and the desktop last).
"""

ORDER = ("stock_view", "ledger_view", "posting", "adequacy", "rotation", "excel", "dispatch_pdf",
         "desktop_start", "desktop_views", "desktop_memory")
