// node generate.mjs PEERS_DIR [CASES] [SEED] > corpus.json
// A generated corpus for differential testing: random commit histories (conventional and not, scopes, `!`,
// breaking notes, references, mentions, reverts, Release-As) rendered by the real
// @semantic-release/release-notes-generator 14.1.1 `generateNotes` (the function semrel-next calls), called
// directly with semantic-release-shaped commits, for both presets, several configs and repository URLs.
// `subject` is given as git's %s (first paragraph joined with spaces), as git-log-parser reports it, and the
// message trimmed, as semantic-release's getCommits does.
import path from "node:path";
import os from "node:os";
import fs from "node:fs";

const [peers, casesArg, seedArg] = process.argv.slice(2);
const fixed = new Date("2024-06-01T12:00:00Z").getTime();
const RealDate = Date;
globalThis.Date = class extends RealDate {
  constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
  static now() { return fixed; }
};
const { generateNotes } = await import(path.join(path.resolve(peers), "node_modules/@semantic-release/release-notes-generator/index.js"));

let seed = Number(seedArg ?? 20240601);
// mulberry32
const rnd = (n) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) % n);
};
const pick = (a) => a[rnd(a.length)];
const sha = () => Array.from({ length: 40 }, () => "0123456789abcdef"[rnd(16)]).join("");

const types = ["feat", "feat", "fix", "fix", "perf", "revert", "docs", "style", "chore", "refactor", "test", "build", "ci", "feature", "Feat", "FIX", "custom", ""];
const scopes = [null, null, null, "api", "parser", "ui", "*", "a,b", "Alpha", "alpha", "z-index", "with space", "API"];
const words = ["add", "remove", "Update", "handle", "empty", "input", "zeta", "alpha", "Émoji", "émoji", "✨", "🚀", "_x", "1.2", "über",
  "#12", "(#42)", "gh-7", "@octocat", "@user-name", "@a--b", "x@y.z", "@UPPER", "$1", "$&", "{{host}}", "tab\there", "trailing  ", "`@code`", "@org/team", "JIRA-9", "#abc", "closes", "a@b.c", "#", "@", "x#1", "--", "(scope)", "Apple", "apple"];
const footers = ["BREAKING CHANGE: the api changed", "BREAKING-CHANGE: hyphen note", "BREAKING CHANGE: multi\nline note\n\nwith paragraph",
  "Closes #17", "Fixes #1, #2", "Resolves acme/other#3", "Refs #4", "closes gh-14", "Closing #44", "Release-As: 2.0.0", "fix #5",
  "BREAKING CHANGE: first\nBREAKING-CHANGE: second", "Reviewed-by: someone", "Closes #42",
  "BREAKING CHANGES: plural is not a keyword", "  BREAKING CHANGE: indented", "BREAKING CHANGE:no space", "Closes: #8", "closes acme/widget#9 and #10",
  "BREAKING CHANGE: note with trailing spaces   ", "-hash-\n0123456789abcdef0123456789abcdef01234567"];
const urls = ["https://github.com/acme/widget", "https://github.com/acme/widget.git", "git@github.com:acme/widget.git",
  "https://user:token@github.com/acme/widget.git", "https://gitlab.com/acme/widget.git", "https://gitlab.example.com/group/sub/widget.git",
  "https://bitbucket.org/acme/widget", "https://dev.azure.com/acme/proj/_git/widget", "http://git.local:8080/acme/widget",
  "ssh://git@git.example.org:2222/acme/widget.git", "https://git.example.org/widget", "https://GitHub.com/Acme/Widget",
  "git+https://github.com/acme/widget.git", "https://github.com/acme/widget/", "github.com:acme/widget", "https://example.com:443/acme/widget",
  "https://gitlab.com/group/subgroup/project", "git@bitbucket.org:acme/widget.git", "https://acme.visualstudio.com/proj/_git/widget"];
const configs = [
  {}, {}, {},
  { presetConfig: { types: [{ type: "feat", section: "🚀 Features" }, { type: "fix", section: "🐛 Bug Fixes" }, { type: "perf", section: "⚡ Performance Improvements" }, { type: "revert", section: "⏪ Reverts" }, { type: "docs", section: "📚 Documentation" }, { type: "style", section: "💄 Styles" }, { type: "refactor", section: "♻️ Code Refactoring" }, { type: "test", section: "✅ Tests" }, { type: "build", section: "🏗️ Build System" }, { type: "ci", section: "👷 CI/CD" }] } },
  { presetConfig: { types: [{ type: "feat", section: "New" }, { type: "fix", hidden: true }, { type: "docs", section: "Docs" }, { type: "chore", section: "Chores", hidden: false }, { type: "perf", section: "New" }, { type: "build", section: "Build", scope: "sdk" }, { type: "custom" }] } },
  { linkCompare: false }, { linkReferences: false }, { linkCompare: false, linkReferences: false },
  { presetConfig: { issuePrefixes: ["JIRA-", "#"] } },
  { presetConfig: { scope: "api" } }, { presetConfig: { scope: ["api", "ui"], scopeOnly: true } },
  { writerOpts: { commitsSort: ["subject", "scope"] } }, { writerOpts: { commitsSort: "header" } },
  { parserOpts: { noteKeywords: ["BREAKING CHANGE", "BREAKING CHANGES"] } },
  { presetConfig: { commitUrlFormat: "{{host}}/{{owner}}/{{repository}}/commits/{{hash}}", compareUrlFormat: "{{host}}/{{owner}}/{{repository}}/branchCompare?baseVersion=GT{{previousTag}}&targetVersion=GT{{currentTag}}", issueUrlFormat: "https://jira.example.com/browse/{{prefix}}{{id}}", userUrlFormat: "https://people.example.com/{{user}}" } },
  { presetConfig: { ignoreCommits: "^chore" } },
  { preset: "angular", presetConfig: { ignoreCommits: "^(chore|fix)" } },
  { host: "https://mirror.example.com", commit: "commits", issue: "tickets" }, { linkCompare: true },
];

const gitSubject = (message) => {
  const parts = [];
  for (const line of message.split("\n")) { const t = line.replace(/[ \t\r\v\f]+$/, ""); if (!t) break; parts.push(t); }
  return parts.join(" ");
};

function header() {
  if (rnd(8) === 0) return pick(["Update stuff", "WIP", "Fixed bug in parser (#9)", "Merge branch 'x'", "feat:no space", "feat(api):", "Update @docs for #3",
    "Merge pull request #12 from acme/feature", "feat: subject\r\n\r\nCRLF body", "fix:  double space", "feat(): empty scope", "feat(api)!: (#5) first"]);
  const type = pick(types), scope = pick(scopes), bang = rnd(6) === 0 ? "!" : "";
  const subject = Array.from({ length: 1 + rnd(5) }, () => pick(words)).join(" ");
  return `${type}${scope === null ? "" : `(${scope})`}${bang}: ${subject}`;
}

function message(earlier) {
  if (earlier.length > 0 && rnd(7) === 0) {
    const target = pick(earlier);
    const reverted = target.message.split("\n")[0];
    return rnd(2) ? `Revert "${reverted}"\n\nThis reverts commit ${target.hash}.` : `revert: ${reverted}\n\nThis reverts commit ${rnd(3) ? target.hash : target.hash.slice(0, 7)}.`;
  }
  if (earlier.length > 0 && rnd(12) === 0) {
    const target = pick(earlier);
    return `Revert "${target.message.split("\n")[0]}"\n\nThis reverts commit ${target.hash}.\n\nBREAKING CHANGE: revert with a note`;
  }
  let m = header();
  if (rnd(3) === 0) m += "\n\n" + pick(["Some body text.", "Body with #77 and @someone", "line one\nline two"]);
  const n = rnd(3);
  if (n > 0) m += "\n\n" + Array.from({ length: n }, () => pick(footers)).join("\n");
  return m;
}

const total = Number(casesArg ?? 400);
const cases = [];
const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "notes-corpus-"));
for (let id = 0; id < total; id++) {
  const preset = rnd(2) ? "conventionalcommits" : "angular";
  const config = pick(configs);
  const repositoryUrl = pick(urls);
  const major = rnd(3), minor = rnd(4), patch = rnd(2) ? 0 : rnd(5);
  const version = `${major}.${minor}.${patch}${rnd(6) === 0 ? "-beta." + (1 + rnd(3)) : ""}`;
  const lastReleaseTag = rnd(5) === 0 ? null : `v${major}.${minor}.${Math.max(0, patch - 1)}`;
  const oldestFirst = [];
  for (let i = 0, n = 1 + rnd(12); i < n; i++) {
    const msg = message(oldestFirst);
    oldestFirst.push({ hash: sha(), message: msg });
  }
  const commits = oldestFirst.slice().reverse();
  const pluginConfig = { ...config, ...(preset === "angular" ? {} : { preset }) };
  const context = {
    commits: commits.map((c) => ({ hash: c.hash, message: c.message.trim(), subject: gitSubject(c.message), commit: { long: c.hash, short: c.hash.slice(0, 7) } })),
    lastRelease: lastReleaseTag ? { gitTag: lastReleaseTag, version: lastReleaseTag.slice(1) } : {},
    nextRelease: { version, gitTag: `v${version}` },
    options: { repositoryUrl },
    cwd,
    logger: console,
  };
  try {
    const notes = await generateNotes(pluginConfig, context);
    cases.push({ id, preset, config, repositoryUrl, version, lastReleaseTag, nextReleaseTag: `v${version}`, commits: commits.map(({ hash, message }) => ({ sha: hash, message })), notes });
  } catch (e) {
    console.error(`case ${id}: ${e.message}`);
  }
}
process.stdout.write(JSON.stringify({
  peer: "@semantic-release/release-notes-generator 14.1.1 generateNotes (conventional-changelog-writer 8.4.0, conventionalcommits 9.3.1, angular 8.3.1), date frozen at 2024-06-01",
  command: `node generate.mjs PEERS_DIR ${total} ${seedArg ?? 20240601}`,
  cases,
}, null, 1) + "\n");
