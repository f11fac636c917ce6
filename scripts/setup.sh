#!/usr/bin/env bash
# Installs everything the demo and the tests need, and nothing twice.
#  1. Debian packages (when root; otherwise prints the one apt command to run)
#  2. a venv from Debian's /usr/bin/python3 with --system-site-packages (MapScript, GDAL, SpatiaLite)
#  3. the project (pip install -e .[test]) and pycsw in its own venv
#  4. npm packages (CesiumJS, gltf-validator, axe-core) from the committed package-lock
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

APT_PACKAGES="python3-venv python3-dev cgi-mapserver mapserver-bin python3-mapscript gdal-bin python3-gdal \
libsqlite3-mod-spatialite chromium fonts-dejavu-core nodejs npm python3-qgis postgresql postgresql-15-postgis-3 nginx \
proj-data strace systemd openssl logrotate"
missing=()
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v node >/dev/null && command -v npm >/dev/null; then
    # node/npm may come from elsewhere (e.g. NodeSource); do not fight over them
    filtered=(); for p in "${missing[@]}"; do case $p in nodejs|npm) ;; *) filtered+=("$p");; esac; done
    missing=("${filtered[@]+"${filtered[@]}"}")
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages. Run:"
    echo "  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

stamp="$VENV/.gdi-installed"
want="$(cat pyproject.toml scripts/setup.sh | sha1sum | cut -c1-12)"
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV from /usr/bin/python3 (--system-site-packages)"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: pip install -e .[test] (quiet)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
fi

# pycsw pins OWSLib<0.29 and SQLAlchemy 1.x: it lives in its own venv and runs as its own process
PYCSW_VENV=${PYCSW_VENV:-.venv-pycsw}
if [ -f services/csw/requirements.txt ]; then
  pwant="$(sha1sum services/csw/requirements.txt | cut -c1-12)"
  if [ ! -f "$PYCSW_VENV/.installed" ] || [ "$(cat "$PYCSW_VENV/.installed")" != "$pwant" ]; then
    echo "setup: pycsw venv"
    /usr/bin/python3 -m venv --system-site-packages "$PYCSW_VENV"
    "$PYCSW_VENV/bin/python" -m pip install -q -r services/csw/requirements.txt
    echo "$pwant" > "$PYCSW_VENV/.installed"
  fi
fi

if [ -f package.json ]; then
  nwant="$(cat package.json package-lock.json 2>/dev/null | sha1sum | cut -c1-12)"
  if [ ! -f node_modules/.gdi-installed ] || [ "$(cat node_modules/.gdi-installed)" != "$nwant" ]; then
    echo "setup: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$nwant" > node_modules/.gdi-installed
  fi
fi

# PROJ grids: Debian's proj-data (BETA2007 for Gauss-Krüger -> ETRS89) must be what PROJ uses (core/crs.py)
"$VENV/bin/python" -c "
from core.crs import describe_transformation, transformation_info
t = transformation_info('EPSG:31467', 'EPSG:25832', (9.8, 52.0, 10.1, 52.3))
assert t['grids'] == ['de_adv_BETA2007.tif'], 'setup: the BETA2007 grid is not found by PROJ: ' + describe_transformation(t)
" || exit 1
