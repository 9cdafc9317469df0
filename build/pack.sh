#!/usr/bin/env bash
# Packs the Release.Sdk package into a local folder feed and prints the .nupkg path.
# Usage: build/pack.sh [VERSION] [FEED_DIR]   (defaults: 0.0.0-dev.<UTC timestamp>, artifacts/feed)
# Use a new VERSION for every pack you test: MSBuild nodes and NuGet caches keep running an older package of the same version.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-0.0.0-dev.$(date -u +%Y%m%d%H%M%S)}"
feed="${2:-$root/artifacts/feed}"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"
dotnet pack "$root/src/Release.Sdk/Release.Sdk.csproj" -c Release -nologo -v:q -nodeReuse:false \
  -p:Version="$version" -o "$feed" >&2
nupkg="$feed/Release.Sdk.$version.nupkg"
[ -f "$nupkg" ] || { echo "pack.sh: expected $nupkg was not produced" >&2; exit 1; }
echo "$nupkg"
