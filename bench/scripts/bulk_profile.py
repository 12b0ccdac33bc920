#!/usr/bin/env python3
"""Where a bulk row's time goes: attributes JFR samples of the BulkIssuance workers to the steps of an award.

  python3 bench/scripts/bulk_profile.py --jfc > /tmp/bulk.jfc     # profile.jfc, native sampling at 10 ms like Java
  java -XX:StartFlightRecording=filename=/tmp/bulk.jfr,settings=/tmp/bulk.jfc \
      -jar bench/target/benchmarks.jar --bulk --bulkRows=10000
  jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 128 /tmp/bulk.jfr > /tmp/samples.txt
  python3 bench/scripts/bulk_profile.py /tmp/samples.txt 'pool-3-thread'   # pool-2 is the warmup file's pool

A sample goes to the first category (in the order below) that any frame of its stack matches. Java samples say where
the workers' CPU goes; native samples are nearly all a worker waiting in a socket read for PostgreSQL's answer.
"""
import re, sys, collections

# (category, regex on a frame), highest priority first: a sample goes to the first category any of its frames matches
CATS = [
    ("idempotency lookup (before the chunk's transaction)", r"IdempotencyKeys\.earlier"),
    ("Ed25519 signature (crypto)", r"rfc8032|Ed25519Signer|EdDSASigner|bouncycastle\.math|bouncycastle\.crypto\.signers"),
    ("JWS: payload serialisation, base64url", r"VcJwtSigner\.sign"),
    ("Open Badges JSON Schema validation", r"OpenBadgesSchema|ValidByDifference|networknt"),
    ("other credential validation", r"CredentialValidator|validation\."),
    ("hashing / canonical JSON", r"sortedSha256|Json\.sha256|MessageDigest|\.sha256\("),
    ("status allocation (SQL)", r"AllocateStatus"),
    ("log append (SQL)", r"AppendToLog"),
    ("idempotency insert (SQL)", r"IdempotencyKeys\.insert"),
    ("credential insert (SQL)", r"StoreIssuedCredential"),
    ("audit events (SQL)", r"AuditLog"),
    ("claim links and emails (SQL)", r"AwardEmails|ClaimLinks|EmailOutbox"),
    ("building the credential (AchievementAward, copies)", r"AchievementAward|AwardQualification\.request|deepCopy"),
    ("issue pipeline, other (IssueCredential)", r"core\.issue\.IssueCredential"),
    ("transaction begin/commit, connection", r"[Tt]ransaction|Hikari|commit|rollback"),
    ("CSV read (BulkFile)", r"BulkFile"),
]
COMPILED = [(n, re.compile(p)) for n, p in CATS]

def events(path):
    ev = None
    frames = []
    for line in open(path, errors="replace"):
        s = line.strip()
        m = re.match(r"(jdk\.\w+) \{", s)
        if m:
            ev = {"type": m.group(1), "thread": "", "frames": []}
            continue
        if ev is None:
            continue
        if s.startswith("sampledThread ="):
            ev["thread"] = s.split("=", 1)[1].strip()
        elif s == "}" and not line.startswith("  "):
            yield ev
            ev = None
        elif re.match(r"^[\w$.<>/]+\(.*\)", s) or "line:" in s:
            ev["frames"].append(s)

def main(path, thread_re):
    tre = re.compile(thread_re)
    counts = {t: collections.Counter() for t in ("jdk.ExecutionSample", "jdk.NativeMethodSample")}
    leaf = collections.Counter()
    threads = collections.Counter()
    for ev in events(path):
        if ev["type"] not in counts or not tre.search(ev["thread"]):
            continue
        threads[(ev["type"], re.sub(r"\(.*", "", ev["thread"]).strip())] += 1
        cat = "other"
        for name, rx in COMPILED:
            if any(rx.search(f) for f in ev["frames"]):
                cat = name
                break
        counts[ev["type"]][cat] += 1
        if cat == "other" and ev["frames"]:
            leaf[ev["frames"][0][:110]] += 1
    for t, c in counts.items():
        total = sum(c.values())
        print(f"\n{t}: {total} samples of threads matching {thread_re!r}")
        for name, n in c.most_common():
            print(f"  {100*n/total:5.1f} %  {n:7d}  {name}")
    both = counts["jdk.ExecutionSample"] + counts["jdk.NativeMethodSample"]
    total = sum(both.values())
    print(f"\nJava + native samples together (native = mostly waiting on PostgreSQL's socket): {total}")
    for name, n in both.most_common():
        print(f"  {100*n/total:5.1f} %  {name}")
    print("\nunattributed leaf frames (top 12):")
    for f, n in leaf.most_common(12):
        print(f"  {n:6d}  {f}")

def jfc():
    import os, shutil
    java = shutil.which("java")
    home = os.path.dirname(os.path.dirname(os.path.realpath(java)))
    text = open(os.path.join(home, "lib", "jfr", "profile.jfc")).read()
    i = text.index('<event name="jdk.NativeMethodSample">')
    j = text.index("20 ms", i)
    sys.stdout.write(text[:j] + "10 ms" + text[j + 5:])

if __name__ == "__main__":
    if sys.argv[1:] == ["--jfc"]:
        jfc()
        sys.exit(0)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else r"pool-\d+-thread")
