// node snapshot.mjs RESULT_JSON REPO NAME SCENARIO PRESET CONFIG REPO_URL COMMAND OUT
// Turns one semrel-next result into a snapshot file: the inputs the notes were generated from
// (commits since the last release, newest first, exactly as `git log` gives them to
// semantic-release) and the notes. Writes nothing when semantic-release made no release.
import fs from "node:fs";
import { execFileSync } from "node:child_process";

const [resultPath, repo, name, scenario, preset, config, repoUrl, command, out] = process.argv.slice(2);
const result = JSON.parse(fs.readFileSync(resultPath, "utf8"));
if (typeof result.notes !== "string") {
  if (fs.existsSync(out)) fs.unlinkSync(out);
  console.log(`${name}: no release (${result.error ? result.error.code : "none"})`);
  process.exit(0);
}
const range = result.lastReleaseTag ? [`${result.lastReleaseTag}..HEAD`] : ["HEAD"];
const log = execFileSync("git", ["-C", repo, "log", "-z", "--format=%H%x1f%B", ...range], { encoding: "utf8" });
const commits = log.split("\0").filter((e) => e.length > 0).map((e) => {
  const [sha, message] = e.split("\x1f");
  return { sha, message };
});
const snapshot = {
  name,
  scenario,
  peer: "semantic-release 24.2.9, @semantic-release/release-notes-generator 14.1.1, conventional-changelog-angular 8.3.1, conventional-changelog-conventionalcommits 9.3.1",
  command,
  preset,
  config: JSON.parse(config),
  repositoryUrl: repoUrl,
  date: "2024-06-01",
  lastReleaseTag: result.lastReleaseTag,
  nextReleaseTag: result.nextReleaseTag,
  version: result.nextRelease,
  type: result.type,
  commits,
  notes: result.notes,
};
fs.writeFileSync(out, JSON.stringify(snapshot, null, 2) + "\n");
console.log(`${name}: ${result.nextRelease} (${commits.length} commits)`);
