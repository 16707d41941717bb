#!/usr/bin/env bash
# Renders every Kustomize overlay in deploy/k8s/overlays and validates each resource offline against the Kubernetes
# schemas (kubernetes-validate, PyPI, in .local/venv) and the Strimzi KafkaTopic schema (scripts/validate-k8s.py).
# Renders with `kubectl kustomize` or `kustomize build`; with neither installed it validates the base's files as they
# are (the overlays' patches are then left unchecked, and it says so).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
bash "$ROOT/scripts/ensure-python-tool.sh" kubernetes-validate >/dev/null
PYTHON="$ROOT/.local/venv/bin/python"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

render() {
  if command -v kubectl >/dev/null; then kubectl kustomize "$1"
  elif command -v kustomize >/dev/null; then kustomize build "$1"
  else return 127; fi
}

files=()
if command -v kubectl >/dev/null || command -v kustomize >/dev/null; then
  for overlay in "$ROOT"/deploy/k8s/overlays/*/; do
    name=$(basename "$overlay")
    render "$overlay" >"$OUT/$name.yaml"
    files+=("$OUT/$name.yaml")
  done
else
  echo "validate-k8s: neither kubectl nor kustomize found; validating deploy/k8s/base as written, overlays not rendered" >&2
  for f in "$ROOT"/deploy/k8s/base/*.yaml; do [ "$(basename "$f")" = kustomization.yaml ] || files+=("$f"); done
fi
# The compose file is checked by scripts/deploy/deploy-manifests.spec.ts (no compose CLI here).
"$PYTHON" "$ROOT/scripts/validate-k8s.py" "${files[@]}"
