#!/usr/bin/env bash
# make-repo.sh DIR N_COMMITS N_TAGS — a synthetic history from ../../shared/peers/make-synthetic-repo.sh,
# rewritten once so that it also carries an NBGV version.json (see add-version-json.py). Same commit messages,
# dates and tags; only the tree gains version.json.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 DIR N_COMMITS N_TAGS" >&2; exit 64; }
dir="$1" n="$2" t="$3"
here="$(cd "$(dirname "$0")" && pwd)"
maker="${SYNTHETIC_REPO_SCRIPT:-$here/../../../../shared/peers/make-synthetic-repo.sh}"
[ -x "$maker" ] || maker="/work/shared/peers/make-synthetic-repo.sh"
[ ! -e "$dir" ] || { echo "$dir exists" >&2; exit 1; }
raw="$dir.raw.$$"
rm -rf "$raw"
bash "$maker" "$raw" "$n" "$t" >/dev/null
git init -q -b main "$dir.tmp.$$"
git -C "$raw" fast-export --all | python3 "$here/add-version-json.py" "$n" "$t" | git -C "$dir.tmp.$$" fast-import --quiet
git -C "$dir.tmp.$$" checkout -q -f main
git -C "$dir.tmp.$$" gc -q --auto || true
rm -rf "$raw"
mv "$dir.tmp.$$" "$dir"
echo "$dir: $(git -C "$dir" rev-list --count HEAD) commits, $(git -C "$dir" tag | wc -l) tags, version.json $(git -C "$dir" log --oneline -- version.json | wc -l) revisions"
