#!/usr/bin/env bash
# Installs schemathesis (PyPI), which the adversarial e2e test runs against every service's OpenAPI document, into a
# project-local virtual environment (.local/venv, git-ignored), once; prints the path of its command.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
VERSION=4.32.5
VENV="$ROOT/.local/venv"
if [ "$("$VENV/bin/schemathesis" --version 2>/dev/null | grep -o '[0-9][0-9.]*$')" != "$VERSION" ]; then
  command -v python3 >/dev/null || { echo "Python 3.10 or newer is needed for schemathesis (the distribution's python3 and python3-venv)." >&2; exit 1; }
  echo "installing schemathesis $VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
fi
echo "$VENV/bin/schemathesis"
