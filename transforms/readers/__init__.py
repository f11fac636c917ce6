"""Source readers. Each reader is ``read(path, source, dataset, settings) -> Iterator[GeoDataFrame]``.

Every yielded frame carries the source columns, a ``geometry`` column in the source CRS (possibly
None where the record has no usable geometry), ``_row`` (a human-readable record position: CSV line
number or feature index) and ``_issues`` (list of notes the reader already made about the record).
"""
