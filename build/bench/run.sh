#!/usr/bin/env bash
# build/bench/run.sh [--sizes 1000,10000,100000] [--runs N] [--quick] [--tools baseline,release-sdk,minver,nbgv,gitversion]
#                    [--timeout SECONDS] [--nice N]
#
# Measures, side by side in one run, what each versioning package adds to a .NET build on synthetic git
# repositories: (a) no-change build, (b) edit + commit + build, (c) version computation alone, (d) peak memory.
# See build/bench/README.md for what exactly is measured and how to read the table.
set -uo pipefail

# Everything in a function so bash parses the whole script before running it: editing run.sh during a long run
# cannot then change the run.
main() {

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/../.." && pwd)"
sizes="1000,10000,100000"
runs=5
quick=0
tools="baseline,release-sdk,minver,nbgv,gitversion"
build_timeout=150   # one build or computation; a tool slower than this is reported as "> N s (timed out)"
niceness=0          # e.g. --nice -10 (root): measured commands get the CPU first on a machine shared with other work
slow_seconds=30     # a tool whose first build takes longer is measured once per column, not --runs times
orig_args="$*"

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --quick) quick=1; sizes="1000,10000"; runs=1; shift ;;
    --tools) tools="$2"; shift 2 ;;
    --timeout) build_timeout="$2"; shift 2 ;;
    --nice) niceness="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 64 ;;
  esac
done
command_line="build/bench/run.sh${orig_args:+ $orig_args}"

IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a tool_list <<<"$tools"
[ "${tool_list[0]}" = baseline ] || { echo "--tools must start with baseline (every number is relative to it)" >&2; exit 64; }

out="$bench/out"
repos="$bench/repos"
work="$repos/work"
logs="$out/logs"
raw="$out/raw.tsv"           # repo tool metric run value
fails="$out/fail.tsv"        # repo tool reason
info="$out/info.tsv"         # repo tool key value
rm -rf "$logs" "$work"
mkdir -p "$out" "$logs" "$repos/pristine" "$work"
: >"$raw"; : >"$fails"; : >"$info"
started=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# A benchmark run is not a CI run: no CI variables may change what the tools compute.
for v in CI GITHUB_ACTIONS GITHUB_REF GITHUB_REF_NAME GITHUB_HEAD_REF GITHUB_BASE_REF GITHUB_OUTPUT TF_BUILD \
         BUILD_SOURCEBRANCH SYSTEM_PULLREQUEST_SOURCEBRANCH GITLAB_CI CI_COMMIT_REF_NAME BUILD_NUMBER; do unset "$v"; done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
       DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 MSBUILDDISABLENODEREUSE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=0
export NUGET_PACKAGES="$repos/nuget-packages"
export GIT_AUTHOR_NAME="Bench" GIT_AUTHOR_EMAIL="bench@example.com" GIT_COMMITTER_NAME="Bench" GIT_COMMITTER_EMAIL="bench@example.com"
mkdir -p "$NUGET_PACKAGES"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$raw"; }
note() { printf '%s\t%s\t%s\t%s\n' "$@" >>"$info"; }
failed() { grep -q "^$1	$2	" "$fails"; }
fail() { failed "$1" "$2" || printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$fails"; log "FAIL $1/$2: $3"; }
now() { date +%s.%N; }
label() { local s=$1; if [ $((s % 1000)) -eq 0 ]; then echo "$((s / 1000))k"; else echo "$s"; fi; }

# The first error a log shows, short enough for a table cell.
reason_of() {
  local logf=$1 rc=$2 r
  if [ "$rc" = 124 ]; then echo "> ${build_timeout} s (timed out)"; return; fi
  # An exception message says more than MSBuild's "task failed unexpectedly" line around it.
  r=$(grep -m1 -oE '[A-Za-z.]+Exception: [^[]*' "$logf")
  [ -n "$r" ] || r=$(grep -m1 -E 'error [A-Z]+[0-9]+|error:' "$logf")
  r=$(echo "$r" | sed -E 's/^[[:space:]]+//; s#/[^ :]*/##g; s/\|/\//g; s/[[:space:]]+$//' | cut -c1-160)
  echo "${r:-exit code $rc}"
}

# ---------------------------------------------------------------- Release.Sdk package and its in-process bench
rsdk_version=""
rsdk_feed="$out/feed"
bench_dll=""
if [[ ",$tools," == *",release-sdk,"* ]]; then
  rsdk_version="0.0.0-bench.$(date +%Y%m%d%H%M%S)"
  rm -rf "$rsdk_feed"; mkdir -p "$rsdk_feed"
  if [ -x "$root/build/pack.sh" ]; then
    log "packing Release.Sdk $rsdk_version"
    if ! (cd "$root" && timeout 900 build/pack.sh "$rsdk_version" "$rsdk_feed") >"$logs/pack.log" 2>&1 \
       || ! ls "$rsdk_feed"/Release.Sdk."$rsdk_version".nupkg >/dev/null 2>&1; then
      rsdk_pack_error="pack failed: $(reason_of "$logs/pack.log" 1) (out/logs/pack.log)"
    fi
  else
    rsdk_pack_error="build/pack.sh does not exist yet"
  fi
  log "building the in-process benchmark (Release.Sdk.Benchmarks)"
  # On linux-x64 the package loads ReadyToRun images of its dlls (build/PackReadyToRun.targets); so does this benchmark.
  bench_build=(build)
  if [[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]]; then
    bench_build=(publish -r linux-x64 --self-contained false -p:PublishReadyToRun=true)
  fi
  if dotnet "${bench_build[@]}" "$bench/Release.Sdk.Benchmarks/Release.Sdk.Benchmarks.csproj" -c Release -nodeReuse:false \
       -o "$out/bench-bin" >"$logs/bench-build.log" 2>&1; then
    bench_dll="$out/bench-bin/Release.Sdk.Benchmarks.dll"
  else
    bench_error="n/a: Release.Sdk.Benchmarks does not build ($(reason_of "$logs/bench-build.log" 1))"
  fi
fi

minver_cli=""
if [[ ",$tools," == *",minver,"* ]]; then
  if [ ! -x "$repos/tools/minver" ]; then
    dotnet tool install minver-cli --version 8.0.0 --tool-path "$repos/tools" >"$logs/minver-cli.log" 2>&1
  fi
  [ -x "$repos/tools/minver" ] && minver_cli="$repos/tools/minver"
fi

# ---------------------------------------------------------------- per tool: package, version target
package_ref() {
  case "$1" in
    baseline) ;;
    release-sdk) echo "<PackageReference Include=\"Release.Sdk\" Version=\"$rsdk_version\" PrivateAssets=\"all\" />" ;;
    minver) echo '<PackageReference Include="MinVer" Version="8.0.0" PrivateAssets="all" />' ;;
    nbgv) echo '<PackageReference Include="Nerdbank.GitVersioning" Version="3.10.94" PrivateAssets="all" />' ;;
    gitversion) echo '<PackageReference Include="GitVersion.MsBuild" Version="6.8.2" PrivateAssets="all" />' ;;
  esac
}
# The target that only computes the version (for (c) on peers without a CLI served here).
version_target() {
  case "$1" in
    nbgv) echo GetBuildVersion ;;
    gitversion) echo GetVersion ;;
  esac
}

# A tiny class library inside the repository worktree, committed, with its own Directory.Build.* so nothing
# from the Release.Sdk repository around build/bench/repos/ leaks in.
make_consumer() {
  local w=$1 tool=$2 c="$1/bench"
  mkdir -p "$c"
  cat >"$c/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <MinVerTagPrefix>v</MinVerTagPrefix>
  </PropertyGroup>
  <ItemGroup>
    $(package_ref "$tool")
  </ItemGroup>
  <Target Name="BenchNoop" />
  <Target Name="BenchPrintVersion" AfterTargets="Build">
    <Message Importance="high" Text="BENCH-VERSION: \$(PackageVersion)" />
  </Target>
</Project>
EOF
  printf 'namespace Consumer;\n\npublic static class Greeter\n{\n    public static string Hello() => "hello";\n}\n' >"$c/Greeter.cs"
  echo '<Project />' >"$c/Directory.Build.props"
  echo '<Project />' >"$c/Directory.Build.targets"
  echo '<Project />' >"$c/Directory.Packages.props"
  cat >"$c/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
    <add key="release-sdk-bench" value="$rsdk_feed" />
  </packageSources>
</configuration>
EOF
  [ -d "$rsdk_feed" ] || mkdir -p "$rsdk_feed"
  printf 'bin/\nobj/\n' >>"$w/.gitignore"
  git -C "$w" add -A && git -C "$w" -c gc.auto=0 commit -q -m "chore: add benchmark consumer"
}

build_cmd=(dotnet build --no-restore -nodeReuse:false -p:UseSharedCompilation=false -maxcpucount:1 -tl:off -v:m -nologo)

# timed_build DIR LOG [extra msbuild args] -> prints "seconds rss_kib exit_code"
timed_build() {
  local d=$1 logf=$2; shift 2
  local t0 t1 rc
  t0=$(now)
  (cd "$d" && nice -n "$niceness" timeout "$build_timeout" /usr/bin/time -f '%M' -o "$logf.rss" "${build_cmd[@]}" "$@") >"$logf" 2>&1
  rc=$?
  t1=$(now)
  local kib
  kib=$(tail -1 "$logf.rss" 2>/dev/null | tr -dc 0-9)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}') ${kib:-0} $rc"
}

# timed_cmd DIR LOG cmd... -> prints "seconds exit_code"
timed_cmd() {
  local d=$1 logf=$2; shift 2
  local t0 t1 rc
  t0=$(now)
  (cd "$d" && nice -n "$niceness" timeout "$build_timeout" "$@") >"$logf" 2>&1
  rc=$?
  t1=$(now)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}') $rc"
}

commit_change() { # DIR RUN KIND
  local w=$1 r=$2 kind=$3
  if [ "$kind" = code ]; then
    printf '// bench edit %s %s\n' "$r" "$(date +%s%N)" >>"$w/bench/Greeter.cs"
    git -C "$w" -c gc.auto=0 commit -q -am "fix(bench): change $r"
  else
    printf 'note %s %s\n' "$r" "$(date +%s%N)" >>"$w/bench/NOTES.txt"
    git -C "$w" add bench/NOTES.txt && git -C "$w" -c gc.auto=0 commit -q -m "docs(bench): note $r"
  fi
}

# ---------------------------------------------------------------- repositories
repo_specs=()
for s in "${size_list[@]}"; do
  repo_specs+=("$(label "$s") $s $((s / 100))")
  [ "$s" -ge 100000 ] && repo_specs+=("$(label "$s")-notags $s 0")
done

for spec in "${repo_specs[@]}"; do
  read -r name n t <<<"$spec"
  if [ ! -d "$repos/pristine/$name" ]; then
    log "creating synthetic repo $name ($n commits, $t tags)"
    bash "$bench/lib/make-repo.sh" "$repos/pristine/$name" "$n" "$t" >&2 || { log "cannot create $name"; exit 1; }
  fi
done

# ---------------------------------------------------------------- measurements
for spec in "${repo_specs[@]}"; do
  read -r name n t <<<"$spec"
  log "=== $name: $n commits, $t tags"
  active=()
  declare -A runs_of=()
  for tool in "${tool_list[@]}"; do
    w="$work/$name/$tool"
    if [ "$tool" = release-sdk ] && [ -n "${rsdk_pack_error:-}" ]; then fail "$name" "$tool" "$rsdk_pack_error"; continue; fi
    mkdir -p "$work/$name"
    cp -a "$repos/pristine/$name" "$w"
    make_consumer "$w" "$tool"
    if ! (cd "$w/bench" && timeout "$build_timeout" dotnet restore -nodeReuse:false) >"$logs/$name.$tool.restore.log" 2>&1; then
      fail "$name" "$tool" "restore: $(reason_of "$logs/$name.$tool.restore.log" 1)"; continue
    fi
    # Two untimed builds: the first compiles, the second settles whatever a tool writes on its first build.
    read -r s rss rc < <(timed_build "$w/bench" "$logs/$name.$tool.warm1.log")
    if [ "$rc" != 0 ]; then fail "$name" "$tool" "$(reason_of "$logs/$name.$tool.warm1.log" "$rc")"; continue; fi
    note "$name" "$tool" first_build "$s"
    if awk -v s="$s" -v m="$slow_seconds" 'BEGIN{exit !(s > m)}'; then
      runs_of["$tool"]=1; note "$name" "$tool" slow "first build took $s s: measured once per column"
    else
      runs_of["$tool"]=$runs
    fi
    read -r s rss rc < <(timed_build "$w/bench" "$logs/$name.$tool.warm2.log")
    if [ "$rc" != 0 ]; then fail "$name" "$tool" "$(reason_of "$logs/$name.$tool.warm2.log" "$rc")"; continue; fi
    ver=$(grep -m1 -oE 'BENCH-VERSION: [^ ]*' "$logs/$name.$tool.warm2.log" | cut -d' ' -f2)
    note "$name" "$tool" version "${ver:-?}"
    summary=$(grep -m1 -oE 'Release\.Sdk: .*' "$logs/$name.$tool.warm1.log" | sed 's/ \[.*//')
    [ -n "$summary" ] && note "$name" "$tool" summary "$summary"
    active+=("$tool")
  done

  # (a) no-change build, interleaved so drift on the machine hits every tool alike.
  for r in $(seq 1 "$runs"); do
    for tool in "${active[@]}"; do
      failed "$name" "$tool" && continue
      [ "$r" -le "${runs_of[$tool]}" ] || continue
      read -r s rss rc < <(timed_build "$work/$name/$tool/bench" "$logs/$name.$tool.a$r.log")
      if [ "$rc" != 0 ]; then fail "$name" "$tool" "$(reason_of "$logs/$name.$tool.a$r.log" "$rc")"; continue; fi
      record "$name" "$tool" a "$r" "$s"; record "$name" "$tool" rss_nochange "$r" "$rss"
    done
  done
  log "$name: (a) done"

  # (b) edit a source file + conventional commit + build (baseline recompiles too, so only versioning differs).
  for r in $(seq 1 "$runs"); do
    for tool in "${active[@]}"; do
      failed "$name" "$tool" && continue
      [ "$r" -le "${runs_of[$tool]}" ] || continue
      commit_change "$work/$name/$tool" "$r" code
      read -r s rss rc < <(timed_build "$work/$name/$tool/bench" "$logs/$name.$tool.b$r.log")
      if [ "$rc" != 0 ]; then fail "$name" "$tool" "after commit: $(reason_of "$logs/$name.$tool.b$r.log" "$rc")"; continue; fi
      record "$name" "$tool" b "$r" "$s"
    done
  done
  log "$name: (b) done"

  # (d) peak memory right after a commit (the tools' caches are stale), compiler not executed so that the
  # separate csc process cannot hide the MSBuild process's peak in max RSS.
  for r in $(seq 1 "$runs"); do
    for tool in "${active[@]}"; do
      failed "$name" "$tool" && continue
      [ "$r" -le "${runs_of[$tool]}" ] || continue
      commit_change "$work/$name/$tool" "$r" note
      read -r s rss rc < <(timed_build "$work/$name/$tool/bench" "$logs/$name.$tool.d$r.log" -p:SkipCompilerExecution=true)
      if [ "$rc" != 0 ]; then fail "$name" "$tool" "after commit: $(reason_of "$logs/$name.$tool.d$r.log" "$rc")"; continue; fi
      record "$name" "$tool" rss_commit "$r" "$rss"
    done
  done
  log "$name: (d) done"

  # (c) version computation alone.
  for tool in "${active[@]}"; do
    failed "$name" "$tool" && continue
    w="$work/$name/$tool"
    case "$tool" in
      release-sdk)
        if [ -z "$bench_dll" ]; then note "$name" "$tool" c_na "${bench_error:-n/a}"; continue; fi
        clog="$logs/$name.$tool.c.log"
        if (cd "$w" && nice -n "$niceness" timeout "$build_timeout" dotnet "$bench_dll" --repo "$w" --runs "$runs") >"$clog" 2>&1 \
           && (cd "$w" && nice -n "$niceness" timeout "$build_timeout" dotnet "$bench_dll" --repo "$w" --keep-cache) >>"$clog" 2>&1; then
          for m in cold-process:c_cold cold-cache:c_cold_jitted warm-file:c_warm_file warm:c_warm warm-process:c_warm_process; do
            record "$name" "$tool" "${m#*:}" 1 "$(awk -v k="${m%%:*}" '$1==k{print $2; exit}' "$clog")"
          done
          # The cold computation is the first call of a fresh process: one sample per process, so take one per run
          # (the table shows their median, as for the peers' runs).
          for r in $(seq 2 "$runs"); do
            if (cd "$w" && nice -n "$niceness" timeout "$build_timeout" dotnet "$bench_dll" --repo "$w" --cold-only) >>"$clog" 2>&1; then
              record "$name" "$tool" c_cold "$r" "$(awk '$1=="cold-process"{v=$2} END{print v}' "$clog")"
            fi
          done
          # Where the time goes, for the git-layer owner (printed under the table).
          (cd "$w" && nice -n "$niceness" timeout "$build_timeout" dotnet "$bench_dll" --repo "$w" --phases) >"$logs/$name.$tool.phases.log" 2>&1
        else
          note "$name" "$tool" c_na "fails: $(reason_of "$clog" 1)"
        fi ;;
      minver)
        if [ -z "$minver_cli" ]; then note "$name" "$tool" c_na "n/a (minver-cli not installed)"; continue; fi
        for r in $(seq 1 "${runs_of[$tool]}"); do
          read -r s rc < <(timed_cmd "$w" "$logs/$name.$tool.c$r.log" "$minver_cli" -t v)
          [ "$rc" = 0 ] && record "$name" "$tool" c_cold "$r" "$s" || note "$name" "$tool" c_na "fails: $(reason_of "$logs/$name.$tool.c$r.log" "$rc")"
        done ;;
      nbgv|gitversion)
        target=$(version_target "$tool")
        for r in $(seq 1 "${runs_of[$tool]}"); do
          # cold: the tool's own cache removed (GitVersion keeps one under .git/gitversion_cache; NBGV has none).
          rm -rf "$w/.git/gitversion_cache"
          read -r s0 rc0 < <(timed_cmd "$w/bench" "$logs/$name.$tool.c$r.noop.log" dotnet msbuild -nodeReuse:false -maxcpucount:1 -tl:off -nologo -t:BenchNoop)
          read -r s1 rc1 < <(timed_cmd "$w/bench" "$logs/$name.$tool.c$r.cold.log" dotnet msbuild -nodeReuse:false -maxcpucount:1 -tl:off -nologo -t:"$target")
          read -r s2 rc2 < <(timed_cmd "$w/bench" "$logs/$name.$tool.c$r.warm.log" dotnet msbuild -nodeReuse:false -maxcpucount:1 -tl:off -nologo -t:"$target")
          if [ "$rc0$rc1$rc2" = 000 ]; then
            record "$name" "$tool" c_cold "$r" "$(awk -v a="$s1" -v b="$s0" 'BEGIN{printf "%.3f", a-b}')"
            record "$name" "$tool" c_warm "$r" "$(awk -v a="$s2" -v b="$s0" 'BEGIN{printf "%.3f", a-b}')"
          else
            note "$name" "$tool" c_na "fails: $(reason_of "$logs/$name.$tool.c$r.cold.log" "$rc1")"
          fi
        done ;;
    esac
  done
  log "$name: (c) done"
done

elapsed=$(( $(date +%s) - started ))
machine="load average at start ${load_start}, at end $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr), .NET SDK $(dotnet --version), $(git --version)"
python3 "$bench/lib/report.py" --raw "$raw" --fails "$fails" --info "$info" --repos "$(printf '%s;' "${repo_specs[@]}")" \
  --tools "$tools" --runs "$runs" --command "${command_line}" --machine "$machine" --elapsed "$elapsed" \
  --rsdk-version "$rsdk_version" --logs "$logs" >"$out/results.md"
cat "$out/results.md"
# RESULTS.md keeps the last full run that measured Release.Sdk (a run whose pack failed does not replace it).
if [ "$quick" = 0 ] && [ "$tools" = "baseline,release-sdk,minver,nbgv,gitversion" ] && [ "$sizes" = "1000,10000,100000" ] \
   && ! grep -q "	release-sdk	" "$fails"; then
  cp "$out/results.md" "$bench/RESULTS.md"
  log "full run: table copied to build/bench/RESULTS.md"
fi
log "done in ${elapsed}s; table in build/bench/out/results.md, logs in build/bench/out/logs/"
}

main "$@"; exit $?
