#!/usr/bin/env python3
"""Filter a `git fast-export` stream of a make-synthetic-repo.sh history so that it also carries an
Nerdbank.GitVersioning version.json: added in the first commit ("1.0") and bumped on every tagged commit
("1.<k>" on the commit tagged v1.<k>.0), the way a repo that has always used NBGV and bumps at each release
looks. Without it NBGV would only see a version.json added at the tip and never walk the history.

usage: git fast-export --all SRC | add-version-json.py N_COMMITS N_TAGS | git -C DST fast-import
"""
import re
import sys

n, t = int(sys.argv[1]), int(sys.argv[2])
step = (n - 5) // t if t > 0 else 0          # same spacing as make-synthetic-repo.sh
versions = {1: "1.0"}
for k in range(1, t + 1):
    versions[k * step] = f"1.{k}"

src, out = sys.stdin.buffer, sys.stdout.buffer
in_commit = False
message_seen = False
pending = None
number = re.compile(rb"change number (\d+)")

def inject():
    global pending
    if pending is not None:
        body = ('{ "version": "%s" }\n' % pending).encode()
        out.write(b"M 100644 inline version.json\ndata %d\n" % len(body) + body)
        pending = None

while True:
    line = src.readline()
    if not line:
        break
    if line.startswith(b"data "):
        payload = src.read(int(line[5:]))
        out.write(line + payload)
        if in_commit and not message_seen:
            message_seen = True
            m = number.search(payload)
            if m:
                pending = versions.get(int(m.group(1)))
        continue
    if line.startswith(b"commit "):
        in_commit, message_seen, pending = True, False, None
    elif in_commit and message_seen and not line.startswith((b"from ", b"merge ")):
        inject()
        if line == b"\n":
            in_commit = False
    elif line.startswith((b"blob", b"reset ", b"tag ")):
        in_commit = False
    out.write(line)
inject()
