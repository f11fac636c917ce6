"""CSW 2.0.2 (ISO AP 1.0, INSPIRE discovery) at /csw: pycsw 2.6.2 from its own venv as a sidecar process,
behind a thin reverse proxy in the main web app."""
