#!/usr/bin/env bash
# Release.Sdk in two minutes: packs the SDK into a local feed, makes a sample git repository with Conventional
# Commits, and at four moments of its history builds a consumer project and shows the version it gets — the build's
# summary line, the version stamped into the assembly, and `dotnet-release version --json` / `explain`.
# Needs only the .NET SDK and git. Everything happens in a temp directory that is removed at the end.
#
#   build/demo.sh            run the demo
#   KEEP_DEMO=1 build/demo.sh  keep the temp directory to look around afterwards
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v dotnet >/dev/null || { echo "demo: the .NET SDK (dotnet) is required" >&2; exit 1; }
command -v git >/dev/null || { echo "demo: git is required" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/release-sdk-demo.XXXXXX")"
cleanup() {
  if [[ "${KEEP_DEMO:-}" == "1" ]]; then echo "demo: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The sample is its own repository: the host's CI variables (a pull-request build, a detached checkout, a
# $GITHUB_OUTPUT file) must not change what it computes or leak into the host's CI outputs.
for variable in CI GITHUB_ACTIONS GITHUB_REF_NAME GITHUB_HEAD_REF GITHUB_EVENT_NAME GITHUB_OUTPUT GITHUB_REF \
  TF_BUILD BUILD_SOURCEBRANCH BUILD_SOURCEBRANCHNAME SYSTEM_PULLREQUEST_SOURCEBRANCH SYSTEM_PULLREQUEST_PULLREQUESTID \
  GITLAB_CI CI_COMMIT_REF_NAME CI_COMMIT_BRANCH CI_MERGE_REQUEST_IID CI_MERGE_REQUEST_SOURCE_BRANCH_NAME GIT_DIR GIT_WORK_TREE; do
  unset "$variable"
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
# A unique version per run: MSBuild nodes and NuGet caches never serve a stale package of the same version.
version="0.0.0-demo.$(date -u +%Y%m%d%H%M%S)"
feed="$work/feed"
log="$work/log.txt"
mkdir -p "$feed"

started=$SECONDS
step() { printf '\n\033[1m== %s\033[0m  (%ss)\n' "$*" "$((SECONDS - started))"; }
fail() { echo "demo: FAILED: $*" >&2; [[ -f "$log" ]] && tail -n 40 "$log" >&2; exit 1; }
run_logged() { "$@" >"$log" 2>&1 || fail "$* (log tail below)"; }

step "Packing Release.Sdk $version into a local feed"
if [[ -x "$repo_root/build/pack.sh" ]]; then
  run_logged "$repo_root/build/pack.sh" "$version" "$feed"
else
  run_logged dotnet pack "$repo_root/src/Release.Sdk/Release.Sdk.csproj" -c Release -o "$feed" -p:Version="$version" -nodeReuse:false
fi
ls "$feed"/Release.Sdk.*.nupkg >/dev/null 2>&1 || fail "no Release.Sdk package in $feed"
echo "   $(cd "$feed" && ls Release.Sdk.*.nupkg)"

step "Building the dotnet-release CLI"
run_logged dotnet build "$repo_root/src/Release.Sdk.Cli/Release.Sdk.Cli.csproj" -c Release -nodeReuse:false -o "$work/cli"
dotnet_release() { dotnet "$work/cli/dotnet-release.dll" "$@"; }

# --- the sample: a console app that opts in with one line, in its own git repository ---------------------------
sample="$work/sample"
mkdir -p "$sample"
cat >"$sample/Greeter.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Sdk Name="Release.Sdk" Version="$version" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
</Project>
EOF
cat >"$sample/Program.cs" <<'EOF'
using System;
using System.Reflection;

var assembly = typeof(Program).Assembly;
Console.WriteLine($"Greeter {assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion} (assembly version {assembly.GetName().Version})");
EOF
cat >"$sample/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="demo-feed" value="$feed" />
  </packageSources>
</configuration>
EOF
printf 'bin/\nobj/\n' >"$sample/.gitignore"
export NUGET_PACKAGES="$work/nuget-packages"

tick=0
git_in_sample() {
  GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
  GIT_AUTHOR_NAME="Demo Author" GIT_AUTHOR_EMAIL="demo@example.com" \
  GIT_COMMITTER_NAME="Demo Author" GIT_COMMITTER_EMAIL="demo@example.com" \
  GIT_AUTHOR_DATE="2025-01-01T00:$(printf %02d "$tick"):00Z" GIT_COMMITTER_DATE="2025-01-01T00:$(printf %02d "$tick"):00Z" \
  git -C "$sample" -c commit.gpgsign=false -c tag.gpgsign=false "$@"
}
commit() {
  tick=$((tick + 1))
  echo "$1" >>"$sample/CHANGES.txt"
  git_in_sample add -A
  git_in_sample commit -q -m "$1"
  printf '   commit %s  %s\n' "$(git_in_sample rev-parse --short HEAD)" "$1"
}
# The JSON is one flat line; a regex is enough and needs no jq on a fresh machine.
json_field() {
  local pattern="\"$1\":(\"([^\"]*)\"|null|[0-9]+)"
  [[ "$2" =~ $pattern ]] || return 0
  if [[ "${BASH_REMATCH[1]}" == \"* ]]; then echo "${BASH_REMATCH[2]}"; else echo "${BASH_REMATCH[1]}"; fi
}

# Builds the sample and shows what it got; checks the computed next version against what semantic-release would do.
show() {
  local expected_next="$1"
  # restore once: the package (and so its version) stays the same, only the history moves
  local restore=()
  [[ -d "$sample/obj" ]] && restore=(--no-restore)
  run_logged dotnet build "$sample/Greeter.csproj" "${restore[@]}" -nodeReuse:false -tl:off -v:minimal
  local summary
  summary="$(grep -o 'Release.Sdk: .*' "$log" | head -n 1 || true)"
  [[ -n "$summary" ]] || fail "the build printed no 'Release.Sdk:' summary line"
  echo "   dotnet build     → $summary"
  echo "   the app says     → $(dotnet "$sample/bin/Debug/net10.0/Greeter.dll")"
  local json
  json="$(dotnet_release version --json --cwd "$sample")" || fail "dotnet-release version --json"
  echo "   dotnet-release version --json"
  echo "     $json"
  local next
  next="$(json_field next "$json")"
  [[ "$next" == "$expected_next" ]] || fail "expected next release '$expected_next', dotnet-release says '$next'"
}

step "1. A new project: three commits, no release yet → the first release will be 1.0.0"
git_in_sample init -q -b main
commit "chore: scaffold the greeter app"
commit "feat: greet the user by name"
commit "fix: handle an empty name"
show "1.0.0"

step "2. Released: tag v1.0.0 on HEAD → the build is exactly 1.0.0, nothing new to release"
git_in_sample tag v1.0.0
show "null"

step "3. A feature and a fix land on main → 1.1.0 is due; every build until then is an ordered 1.1.0-alpha.0.N"
commit "fix(output): trim trailing whitespace"
commit "feat(cli): add a --shout option"
commit "docs: describe --shout"
show "1.1.0"
echo "   dotnet-release explain — which commit asked for what, and why:"
dotnet_release explain --cwd "$sample" | sed 's/^/     /' || fail "dotnet-release explain"

step "4. A breaking change on the beta branch → a 2.0.0-beta.1 prerelease on the beta channel"
git_in_sample tag v1.1.0
git_in_sample checkout -q -b beta
commit "feat(cli)!: rename --shout to --loud"
show "2.0.0-beta.1"

step "Done"
echo "   The same computation runs inside every dotnet build (CLI or IDE) of a project that adds"
echo "   <Sdk Name=\"Release.Sdk\" Version=\"…\" /> — see README.md for the options."
