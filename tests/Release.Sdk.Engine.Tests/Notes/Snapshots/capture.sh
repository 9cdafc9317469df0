#!/usr/bin/env bash
# capture.sh PEERS_DIR [WORK_DIR]        (ONLY=REGEX captures only the snapshots whose name matches)
# Regenerates the release-notes snapshots in this directory with the real semantic-release
# (peers/semrel-next: semantic-release 24.2.9, release-notes-generator 14.1.1,
# conventional-changelog-angular 8.3.1, conventional-changelog-conventionalcommits 9.3.1).
# The behaviour scenarios are built exactly as peers/selftest.sh builds them (same messages,
# same fixed dates); the extra scenarios below them use the same commit helper.
# Each snapshot JSON records the peer command, the inputs (commits since the last release
# with their shas, tags, version, repository URL, date, config) and the notes string.
# Tests read these files only; they never run Node or git.
set -euo pipefail
peers="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="${2:-$(mktemp -d "${TMPDIR:-/tmp}/notes-capture.XXXXXX")}"
mkdir -p "$work"
repos="$work/repos"; rm -rf "$repos"; mkdir -p "$repos"
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" TZ=UTC LC_ALL=C
mkdir -p "$HOME"; printf '[user]\n\tname = Self Test\n\temail = selftest@example.com\n[init]\n\tdefaultBranch = main\n' > "$HOME/.gitconfig"
tick=0
c() {  # c "message" : one commit touching one file, dates 2024-01-01 + tick minutes (as in selftest.sh)
  tick=$((tick + 1))
  local d; d="$(date -u -d "2024-01-01 00:00:00 UTC + $tick minutes" +%Y-%m-%dT%H:%M:%SZ)"
  echo "$tick" > "f$((tick % 7)).txt"; git add -A
  GIT_AUTHOR_DATE="$d" GIT_COMMITTER_DATE="$d" git commit -q -m "$1"
}
new() { mkdir -p "$repos/$1"; cd "$repos/$1"; git init -q; tick=0; }

# --- behaviour scenarios: verbatim from peers/selftest.sh ------------------------------------
new no-tags;        c "feat: first feature"; c "fix: first fix"; c "docs: readme"
new tagged-mixed;   c "feat: initial"; git tag v1.2.3
                    c "fix(parser): handle empty input (#42)"$'\n\n'"Closes #17"
                    c "feat(api): add endpoint"; c "perf: faster cache"; c "docs: update readme"
                    c "refactor: tidy"; c "style: format"; c "test: more tests"; c "build: bump sdk"
                    c "ci: cache"; c "chore: deps"; c "feat: second feature"; c "fix(parser): another parser fix"
new perf-only;      c "feat: initial"; git tag v1.2.3; c "perf: faster"
new docs-only;      c "feat: initial"; git tag v1.2.3; c "docs: readme"; c "chore: deps"; c "refactor: x"
new feat-bang;      c "feat: initial"; git tag v1.2.3; c "feat!: drop old runtime"
new scope-bang;     c "feat: initial"; git tag v1.2.3; c "fix(api)!: rename field"
new breaking-footer; c "feat: initial"; git tag v1.2.3
                    c "feat: new config api"$'\n\n'"BREAKING CHANGE: the old config api is removed"
                    c "fix: small fix"
new breaking-hyphen; c "feat: initial"; git tag v1.2.3
                    c "fix: change default"$'\n\n'"BREAKING-CHANGE: default is now off"
new revert-unreleased; c "feat: initial"; git tag v1.2.3; c "feat: add thing"
                    h=$(git rev-parse HEAD); c "Revert \"feat: add thing\""$'\n\n'"This reverts commit $h."
new revert-released; c "feat: initial"; c "fix: old fix"; h=$(git rev-parse HEAD); git tag v1.2.3
                    c "Revert \"fix: old fix\""$'\n\n'"This reverts commit $h."
new revert-lower;   c "feat: initial"; git tag v1.2.3; c "feat: add thing"
                    h=$(git rev-parse HEAD); c "revert: feat: add thing"$'\n\n'"This reverts commit $h."
new non-conventional; c "feat: initial"; git tag v1.2.3; c "Update stuff"; c "WIP"; c "Fixed bug in parser"
new zero-major;     c "feat: initial"; git tag v0.3.0; c "feat!: breaking in 0.x"
new zero-feat;      c "feat: initial"; git tag v0.3.0; c "feat: feature in 0.x"
new beta-first;     c "feat: initial"; git tag v1.0.0; git checkout -q -b beta; c "feat!: new engine"
new beta-second;    c "feat: initial"; git tag v1.0.0; git checkout -q -b beta; c "feat!: new engine"
                    git tag v2.0.0-beta.1; git notes --ref semantic-release-v2.0.0-beta.1 add -f -m '{"channels":["beta"]}' v2.0.0-beta.1
                    c "fix: beta fix"
new maint-1x;       c "feat: initial"; git tag v1.0.0; c "feat: b"; git tag v1.1.0
                    git checkout -q -b 1.x; git checkout -q main; c "feat!: v2"; git tag v2.0.0
                    git checkout -q 1.x; c "fix: backport fix"
new maint-1x-feat;  c "feat: initial"; git tag v1.0.0; c "feat: b"; git tag v1.1.0
                    git checkout -q -b 1.x; git checkout -q main; c "feat!: v2"; git tag v2.0.0
                    git checkout -q 1.x; c "feat: backport feature"
new maint-1x-major; c "feat: initial"; git tag v1.0.0; c "feat: b"; git tag v1.1.0
                    git checkout -q -b 1.x; git checkout -q main; c "feat!: v2"; git tag v2.0.0
                    git checkout -q 1.x; c "feat!: breaking on maintenance"
new custom-rules;   c "feat: initial"; git tag v1.2.3; c "docs(readme): typo"; c "refactor: x"

# --- extra notes scenarios ---------------------------------------------------------------------
new links;          c "feat: initial"; git tag v1.2.3
                    c "fix(parser): handle empty input (#42)"$'\n\n'"Closes #17"
                    c "feat(api): add endpoint for @octocat and \`@not-a-user\` via @org/team"
                    c "fix: resolve crash"$'\n\n'"Fixes #5, #6"$'\n'"Resolves acme/other#7"
                    c "perf(cache): speed up gh-12 lookups"$'\n\n'"Refs gh-13"$'\n'"closes gh-14"
                    c "feat: support JIRA-123 and #abc tags (#43)"$'\n\n'"Closes #43"$'\n'"Closing #44"
                    c "fix(ui)!: rename button"$'\n\n'"Closes #99"
new breaking-mix;   c "feat: initial"; git tag v1.2.3
                    c "feat(core)!: drop node 14"$'\n\n'"BREAKING CHANGE: Node 14 is no longer supported."$'\n'"Use Node 18 or later."$'\n\n'"See the migration guide."
                    c "fix(api)!: rename field"
                    c "refactor!: internal rewrite"
                    c "docs: explain"$'\n\n'"BREAKING CHANGE: docs moved to /site"
                    c "Update everything"$'\n\n'"BREAKING CHANGE: non-conventional breaking"
                    c "chore(deps): bump"$'\n\n'"Release-As: 2.0.0"
                    c "feat(*): star scope"
                    c "fix(db): two notes"$'\n\n'"BREAKING CHANGE: first note"$'\n'"BREAKING-CHANGE: second note"
new scopes;         c "feat: initial"; git tag v1.2.3
                    c "feat(zeta): a"; c "feat(alpha): b"; c "feat: c zulu"; c "feat(Alpha): d"; c "feat(beta): a"
                    c "feat: Apple"; c "feat: apple"; c "feat(a,b): multi"; c "fix(alpha): one"; c "fix: _underscore"
                    c "fix: 1 number"; c "fix(ui): émoji ✨ sparkle"; c "feat(api): add endpoint"; c "feat: api thing"
                    c "fix(ui): Émoji first"; c "perf(z-index): layers"; c "perf(zIndex): camel"; c "feat: apple"
new reverts;        c "feat: initial"; c "fix: old fix"; old=$(git rev-parse HEAD); git tag v1.2.3
                    c "feat: add thing"; h=$(git rev-parse HEAD)
                    c "Revert \"feat: add thing\""$'\n\n'"This reverts commit $h."
                    c "Revert \"fix: old fix\""$'\n\n'"This reverts commit $old."
                    c "revert: fix(api): unreleased elsewhere"$'\n\n'"This reverts commit 1234567."
                    c "feat: keep"
new seed;           c "feat: initial"; git tag v1.2.3
                    c "refactor(core): simplify"; c "docs(README): fix typo"; c "style: format"; c "perf: faster"
                    c "fix(no-release): hidden fix"; c "ci: pipeline"; c "build: deps"; c "test: more"; c "chore: tidy"
                    c "feat(api): add filters"$'\n\n'"BREAKING CHANGES: plural keyword (a note for the analyzer only)"
                    c "fix(db): pool size"$'\n\n'"BREAKING CHANGE: pool defaults to 10"
cd "$work"

seed='{"plugins":[["@semantic-release/commit-analyzer",{"preset":"conventionalcommits"}],["@semantic-release/release-notes-generator",{"preset":"conventionalcommits","presetConfig":{"types":[{"type":"feat","section":"🚀 Features"},{"type":"fix","section":"🐛 Bug Fixes"},{"type":"perf","section":"⚡ Performance Improvements"},{"type":"revert","section":"⏪ Reverts"},{"type":"docs","section":"📚 Documentation"},{"type":"style","section":"💄 Styles"},{"type":"refactor","section":"♻️ Code Refactoring"},{"type":"test","section":"✅ Tests"},{"type":"build","section":"🏗️ Build System"},{"type":"ci","section":"👷 CI/CD"}]}}]]}'
hidden='{"presetConfig":{"types":[{"type":"feat","section":"New"},{"type":"fix","hidden":true},{"type":"docs","section":"Docs"},{"type":"chore","section":"Chores","hidden":false},{"type":"perf","section":"New"},{"type":"build","section":"Build","scope":"sdk"}]}}'
custom_rules='{"releaseRules":[{"type":"docs","scope":"readme","release":"patch"},{"type":"refactor","release":"minor"}]}'
nolinks='{"linkCompare":false,"linkReferences":false}'
sorted='{"writerOpts":{"commitsSort":["subject","scope"]}}'
gh=https://github.com/acme/widget

# snap NAME PRESET CONFIG REPO_URL SCENARIO
snap() {
  local name="$1" preset="$2" cfg="$3" url="$4" scenario="$5"
  if [ -n "${ONLY:-}" ] && ! [[ "$name" =~ $ONLY ]]; then return; fi
  local out="$work/$name.json"
  local cmd="semrel-next --preset $preset --config '$cfg' --date 2024-06-01 --repo-url $url repos/$scenario"
  "$peers/semrel-next" --preset "$preset" --config "$cfg" --date 2024-06-01 --repo-url "$url" "$repos/$scenario" > "$out" 2>/dev/null || true
  node "$here/snapshot.mjs" "$out" "$repos/$scenario" "$name" "$scenario" "$preset" "$cfg" "$url" "$cmd" "$here/$name.json"
}

for s in $(ls "$repos"); do
  case "$s" in links|breaking-mix|scopes|reverts|seed) continue;; esac
  cfg='{}'; [ "$s" = custom-rules ] && cfg="$custom_rules"
  for p in angular conventionalcommits; do snap "$s.$p" "$p" "$cfg" "$gh" "$s"; done
done
for s in links breaking-mix scopes reverts tagged-mixed; do
  for p in angular conventionalcommits; do
    [ "$s" = tagged-mixed ] || snap "$s.$p" "$p" '{}' "$gh" "$s"
    snap "$s.seed-emoji.$p" "$p" "$seed" "$gh" "$s"
  done
  snap "$s.hidden-types.conventionalcommits" conventionalcommits "$hidden" "$gh" "$s"
done
for p in angular conventionalcommits; do
  snap "links.gitlab.$p" "$p" '{}' https://gitlab.com/acme/widget.git links
  snap "links.gitlab-selfhosted.$p" "$p" '{}' https://gitlab.example.com/group/sub/widget.git links
  snap "links.bitbucket.$p" "$p" '{}' https://bitbucket.org/acme/widget links
  snap "links.azure.$p" "$p" '{}' https://dev.azure.com/acme/proj/_git/widget links
  snap "links.ssh.$p" "$p" '{}' git@github.com:acme/widget.git links
  snap "links.credentials.$p" "$p" '{}' https://user:s3cret@github.com/acme/widget.git links
  snap "links.http-port.$p" "$p" '{}' http://git.local:8080/acme/widget links
  snap "links.ssh-url-port.$p" "$p" '{}' ssh://git@git.example.org:2222/acme/widget.git links
  snap "links.single-segment.$p" "$p" '{}' https://git.example.org/widget links
  snap "links.no-links.$p" "$p" "$nolinks" "$gh" links
  snap "scopes.sorted-subject-first.$p" "$p" "$sorted" "$gh" scopes
done
# the seed's whole .releaserc.json (seed-release-automation.md), unchanged
seed_file="$(cat "$here/seed.releaserc")"
for p in conventionalcommits angular; do snap "seed.full-releaserc.$p" "$p" "$seed_file" "$gh" seed; done
echo "snapshots written to $here (work: $work)"
