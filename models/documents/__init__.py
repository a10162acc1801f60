"""Documents: PDF (reportlab) and Excel (openpyxl). Plain data in, file out."""
