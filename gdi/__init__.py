"""The ``gdi`` command line: one entry point for ETL, services, metadata, city model and demo."""
