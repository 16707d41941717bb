#!/usr/bin/env bash
# Installs a pinned PyPI tool the tests run (schemathesis, kubernetes-validate) into the project-local virtual
# environment (.local/venv, git-ignored, shared by them), once; prints the path of its command.
#   scripts/ensure-python-tool.sh schemathesis          -> schemathesis 4.32.5
#   scripts/ensure-python-tool.sh kubernetes-validate   -> kubernetes-validate 1.37.0 (ships the Kubernetes schemas)
# One pip at a time in the venv: callers must not run two of these at once.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
VENV="$ROOT/.local/venv"
TOOL=${1:?usage: scripts/ensure-python-tool.sh schemathesis|kubernetes-validate}
case "$TOOL" in
  schemathesis) VERSION=4.32.5 ;;
  kubernetes-validate) VERSION=1.37.0 ;;
  *) echo "unknown tool: $TOOL" >&2; exit 2 ;;
esac
if [ "$("$VENV/bin/pip" show "$TOOL" 2>/dev/null | sed -n 's/^Version: //p')" != "$VERSION" ] || [ ! -x "$VENV/bin/$TOOL" ]; then
  command -v python3 >/dev/null || { echo "Python 3.10 or newer is needed for $TOOL (the distribution's python3 and python3-venv)." >&2; exit 1; }
  echo "installing $TOOL $VERSION into $VENV" >&2
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "$TOOL==$VERSION" >&2
fi
echo "$VENV/bin/$TOOL"
