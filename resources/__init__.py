"""Bundled resources: fonts, icons, translations, templates. Located through this package's path."""
