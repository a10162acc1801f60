"""The bundled Chinese font, registered once for reportlab (embedded and subset in every PDF)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import resources

CJK_FONT = "WQYMicroHei"


def font_path() -> Path:
    return Path(resources.__file__).parent / "fonts" / "wqy-microhei.ttc"


@lru_cache(maxsize=1)
def register_cjk_font() -> str:
    """Register WenQuanYi Micro Hei with reportlab and return its font name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(CJK_FONT, str(font_path()), subfontIndex=0))
    return CJK_FONT
