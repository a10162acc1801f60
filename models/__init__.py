"""ReserveKeeper core: schema, rules, services and documents. Never imports Qt."""

__version__ = "0.1.0"
