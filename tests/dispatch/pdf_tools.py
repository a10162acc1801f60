"""Reading PDFs back with poppler-utils and zbar, the way a person checking a printout would."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(args + [str(path), "-"], check=True, capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts rows as dicts: name, type, emb, sub."""
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni id gen: read from the right
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "type": parts[1]})
    return rows


def qr_codes(path: Path, page: int, workdir: Path) -> list[str]:
    """Render one page at 150 dpi and decode every QR code on it."""
    prefix = workdir / f"{path.stem}-p{page}"
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(path), str(prefix)], check=True)
    result = subprocess.run(["zbarimg", "--raw", "-q", f"{prefix}.png"], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line.strip()]


def assert_embedded_cjk_only(path: Path) -> None:
    rows = fonts(path)
    assert rows, "no fonts in the PDF"
    assert all(row["emb"] == "yes" for row in rows), rows
    assert any("WenQuanYi" in row["name"] for row in rows), rows
