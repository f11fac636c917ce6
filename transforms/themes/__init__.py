"""INSPIRE mappers, one module per theme (sd, elu, am, bu, plu)."""
