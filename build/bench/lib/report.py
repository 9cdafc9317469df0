#!/usr/bin/env python3
"""Turns build/bench/out/raw.tsv (+ fail.tsv, info.tsv) into the Markdown table printed by run.sh."""
import argparse
import datetime
import statistics
from collections import defaultdict

ap = argparse.ArgumentParser()
for name in ("logs", "raw", "fails", "info", "repos", "tools", "runs", "command", "machine", "elapsed", "rsdk-version"):
    ap.add_argument("--" + name, default="")
args = ap.parse_args()

raw = defaultdict(dict)          # (repo, tool, metric) -> {run: value}
for line in open(args.raw):
    repo, tool, metric, run, value = line.rstrip("\n").split("\t")
    if value != "":
        raw[(repo, tool, metric)][run] = float(value)
fails = {}
for line in open(args.fails):
    repo, tool, reason = line.rstrip("\n").split("\t", 2)
    fails[(repo, tool)] = reason
info = {}
for line in open(args.info):
    repo, tool, key, value = line.rstrip("\n").split("\t", 3)
    info[(repo, tool, key)] = value

repos = [r.split()[0] for r in args.repos.split(";") if r.strip()]
repo_desc = {r.split()[0]: r.split() for r in args.repos.split(";") if r.strip()}
tools = args.tools.split(",")
NAMES = {"baseline": "baseline", "release-sdk": "Release.Sdk", "minver": "MinVer 8.0.0",
         "nbgv": "Nerdbank.GitVersioning 3.10.94", "gitversion": "GitVersion.MsBuild 6.8.2"}
NOISE = 0.01   # s: below this an added time is indistinguishable from zero on this machine


def med(repo, tool, metric):
    values = raw.get((repo, tool, metric), {})
    return statistics.median(values.values()) if values else None


def added(repo, tool, metric):
    """Median over runs of (tool - baseline) for the same round: rounds are interleaved, so pairing cancels drift."""
    t, b = raw.get((repo, tool, metric), {}), raw.get((repo, "baseline", metric), {})
    diffs = [t[r] - b[r] for r in t if r in b]
    return statistics.median(diffs) if diffs else None


def extra_mib(repo, tool, metric):
    t, b = med(repo, tool, metric), med(repo, "baseline", metric)
    return None if t is None or b is None else (t - b) / 1024.0


def secs(v, sign=True):
    return "—" if v is None else (f"{v:+.2f} s" if sign else f"{v:.2f} s")


def cell(repo, tool, text):
    return f"fails: {fails[(repo, tool)]}" if (repo, tool) in fails else text


def c_cell(repo, tool):
    if tool == "baseline":
        return "—"
    na = info.get((repo, tool, "c_na"))
    cold, warm = med(repo, tool, "c_cold"), med(repo, tool, "c_warm")
    if cold is None:
        return na or "n/a"
    if tool == "release-sdk":
        jitted, wp = med(repo, tool, "c_cold_jitted"), med(repo, tool, "c_warm_process")
        return (f"cold {cold:.3f} s (JIT warm {jitted:.3f} s) / warm: new process {wp:.3f} s, "
                f"in-memory {warm:.4f} s")
    if tool == "minver":
        return f"{cold:.2f} s (minver-cli process, no cache)"
    return f"cold {cold:.2f} s / warm {warm:.2f} s (target −noop)"


def d_cell(repo, tool):
    if tool == "baseline":
        c, n = med(repo, tool, "rss_commit"), med(repo, tool, "rss_nochange")
        return "—" if c is None else f"{c / 1024:.0f} / {n / 1024:.0f} MiB"
    c, n = extra_mib(repo, tool, "rss_commit"), extra_mib(repo, tool, "rss_nochange")
    return "—" if c is None else f"{c:+.0f} / {n:+.0f} MiB"


out = []
w = out.append
w("# Release.Sdk benchmark results")
w("")
w(f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
w(f"- machine: {args.machine}")
w(f"- command: `{args.command}` ({args.runs} run(s) per cell, {int(args.elapsed) // 60} min {int(args.elapsed) % 60} s in all)")
if args.rsdk_version:
    w(f"- Release.Sdk package: {args.rsdk_version} (packed from this working tree by build/pack.sh)")
w("- builds: `dotnet build --no-restore -nodeReuse:false -p:UseSharedCompilation=false -maxcpucount:1`, isolated NUGET_PACKAGES")
w("- (a), (b): median over runs of (tool − baseline) in the same round; baseline rows are absolute.")
w("  (c): Release.Sdk in-process `VersionComputation.Compute` (cold = first call in a fresh process, history cache")
w("  deleted; JIT warm = later calls, caches dropped again; warm: first call of a new process with the on-disk cache,")
w("  and calls with the in-memory cache); MinVer: minver-cli process;")
w("  NBGV/GitVersion: `dotnet msbuild -t:GetBuildVersion|GetVersion` minus `-t:BenchNoop` (cold = GitVersion cache removed).")
w("  (d): extra max RSS over baseline, after a commit / on a no-change build (MiB).")
w("")
w("| repo | tool | version computed | (a) no-change build | (b) edit + commit + build | (c) version computation | (d) peak RSS, after commit / no-change |")
w("|---|---|---|---|---|---|---|")
for repo in repos:
    name, n, t = repo_desc[repo]
    rlabel = f"{repo} ({int(n):,} commits, {int(t):,} tags)"
    for tool in tools:
        version = info.get((repo, tool, "version"), "")
        shown = NAMES.get(tool, tool) + (" (slow: 1 run)" if (repo, tool, "slow") in info else "")
        if tool == "baseline":
            a, b = med(repo, tool, "a"), med(repo, tool, "b")
            row = [secs(a, False) + " (absolute)", secs(b, False) + " (absolute)", "—", d_cell(repo, tool)]
        else:
            row = [secs(added(repo, tool, "a")), secs(added(repo, tool, "b")), c_cell(repo, tool), d_cell(repo, tool)]
        if (repo, tool) in fails:
            row = [cell(repo, tool, "")] + ["fails (reason in (a))"] * 3
        w(f"| {rlabel} | {shown} | {version or '—'} | " + " | ".join(row) + " |")

# Noise: how much the baseline itself moves between runs.
w("")
w("Baseline spread (no-change build, min–max over runs): " + "; ".join(
    f"{repo} {min(v.values()):.2f}–{max(v.values()):.2f} s" for repo in repos
    if (v := raw.get((repo, "baseline", "a")))))

if "release-sdk" in tools:
    w("")
    w("## Ratios: peer ÷ Release.Sdk (added time / extra memory; ≥ means Release.Sdk is below the noise floor of "
      f"{NOISE:.2f} s or 1 MiB and was counted as that)")
    w("")
    w("| repo | tool | (a) no-change | (b) after commit | (c) cold computation | (d) memory after commit |")
    w("|---|---|---|---|---|---|")

    def ratio(peer, mine, floor):
        if peer is None or mine is None:
            return "—"
        if peer <= 0:
            return "≤ 0 (peer adds nothing measurable)"
        if mine < floor:
            return f"≥ {peer / floor:.0f}×"
        return f"{peer / mine:.1f}×"

    for repo in repos:
        for tool in tools:
            if tool in ("baseline", "release-sdk"):
                continue
            if (repo, tool) in fails or (repo, "release-sdk") in fails:
                w(f"| {repo} | {NAMES[tool]} | " + " | ".join(["—"] * 4) + " |")
                continue
            cells = [ratio(added(repo, tool, "a"), added(repo, "release-sdk", "a"), NOISE),
                     ratio(added(repo, tool, "b"), added(repo, "release-sdk", "b"), NOISE),
                     ratio(med(repo, tool, "c_cold"), med(repo, "release-sdk", "c_cold"), 0.001),
                     ratio(extra_mib(repo, tool, "rss_commit"), extra_mib(repo, "release-sdk", "rss_commit"), 1.0)]
            w(f"| {repo} | {NAMES[tool]} | " + " | ".join(cells) + " |")

    w("")
    w("## Release.Sdk against its targets")
    w("")
    w("| repo | (a) ≤ 0.05 s | (b) ≤ 0.15 s | (c) cold ≤ 0.5 s (100k) | (d) ≤ 30 MiB |")
    w("|---|---|---|---|---|")

    def verdict(v, limit, unit, fmt):
        if v is None:
            return "—"
        return f"{'✓' if v <= limit else '✗'} {fmt.format(v)}{unit}"

    for repo in repos:
        if (repo, "release-sdk") in fails:
            w(f"| {repo} | fails: {fails[(repo, 'release-sdk')]} | | | |")
            continue
        mem = [x for x in (extra_mib(repo, "release-sdk", "rss_commit"), extra_mib(repo, "release-sdk", "rss_nochange")) if x is not None]
        cold = med(repo, "release-sdk", "c_cold")
        if cold is None:
            c_text = info.get((repo, "release-sdk", "c_na"), "—")
        elif int(repo_desc[repo][1]) >= 100000:
            c_text = verdict(cold, 0.5, " s", "{:.3f}")
        else:
            c_text = f"{cold:.3f} s (target is for 100k)"
        w(f"| {repo} | {verdict(added(repo, 'release-sdk', 'a'), 0.05, ' s', '{:+.3f}')} | "
          f"{verdict(added(repo, 'release-sdk', 'b'), 0.15, ' s', '{:+.3f}')} | {c_text} | "
          f"{verdict(max(mem) if mem else None, 30, ' MiB', '{:+.0f}')} |")
    summaries = [f"{repo}: `{info[(repo, 'release-sdk', 'summary')]}`" for repo in repos if (repo, "release-sdk", "summary") in info]
    if summaries:
        w("")
        w("Release.Sdk summary lines: " + "; ".join(summaries))

    phase_lines = []
    for repo in repos:
        try:
            lines = [l.strip() for l in open(f"{args.logs}/{repo}.release-sdk.phases.log") if l.startswith("phases ")]
        except OSError:
            continue
        if lines:
            phase_lines.append(f"{repo}:")
            phase_lines += [f"  {l[len('phases '):]}" for l in lines]
    if phase_lines:
        w("")
        w("## Where Release.Sdk's computation spends its time (`Release.Sdk.Benchmarks --phases`)")
        w("")
        w("```")
        out.extend(phase_lines)
        w("```")

print("\n".join(out))
