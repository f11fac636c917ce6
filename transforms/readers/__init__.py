"""Source readers: subclasses of ``core.plugins.Reader``, registered as instances under the names used in
dataset.yml (``csv``, ``vector``, ``citygml``, ``xplan``; entry points ``gdi.readers``). Each declares an
``Options`` model of the keys it reads from ``sources[].options``; ``read(path, source, dataset, settings,
options)`` gets it validated, and calling the reader (``reader(path, source, dataset, settings)``)
validates it first.

Every yielded frame carries the source columns, a ``geometry`` column in the source CRS (possibly
None where the record has no usable geometry), ``_row`` (a human-readable record position: CSV line
number or feature index) and ``_issues`` (list of notes the reader already made about the record).
"""
