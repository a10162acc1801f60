"""Hand-written parts of RESULTS.md (kept here so the runner regenerates the whole file)."""

CHANGES = """
- (filled in as changes are made)
"""

MISSES = """
- (filled in after the final run)
"""
