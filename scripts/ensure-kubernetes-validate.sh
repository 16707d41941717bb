#!/usr/bin/env bash
# Installs kubernetes-validate (PyPI; it ships the Kubernetes JSON schemas, so validation needs no network) into the
# project-local virtual environment (.local/venv, git-ignored, shared with schemathesis), once; prints its command's path.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
VERSION=1.37.0
VENV="$ROOT/.local/venv"
if [ "$("$VENV/bin/pip" show kubernetes-validate 2>/dev/null | sed -n 's/^Version: //p')" != "$VERSION" ]; then
  command -v python3 >/dev/null || { echo "Python 3.10 or newer is needed for kubernetes-validate (the distribution's python3 and python3-venv)." >&2; exit 1; }
  echo "installing kubernetes-validate $VERSION into $VENV" >&2
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$VERSION" >&2
fi
echo "$VENV/bin/kubernetes-validate"
