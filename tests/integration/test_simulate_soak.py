#!/usr/bin/env python3
"""Soak test of `tucai simulate` (issue 15).

  test_simulate_soak.py TUCAI PG_FIXTURE postgres   # own throwaway cluster, killed (-9) and restarted twice
  test_simulate_soak.py TUCAI PG_FIXTURE sqlite     # a few seconds on a SQLite file

A demo school is made, opened around the clock, then the simulator plays its students with three
reviewers (two on SQLite). While it runs the collection settings are changed the way staff would (the
daily hours closed for a few seconds, then payment dropped) and on PostgreSQL the postmaster is killed
with SIGKILL and restarted, twice. Afterwards `tucai db check` and `tucai audit verify` must pass and
the simulator's report must match the database row for row: every student action it counted is in the
request journal exactly once (and the journal holds no other action of the run), one liveness attempt
per shot, one submitted photo per submission, one audit entry, one notification and one decided photo
per decision. Uses ../shared/faces when present, labelled placeholders otherwise.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TUCAI, FIXTURE, ENGINE = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def run(args, timeout=120, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kw)


class Pg:
    def __init__(self, url):
        self.url = url

    def sql(self, statement):
        r = run(["psql", self.url, "-v", "ON_ERROR_STOP=1", "-tAq", "-c", statement])
        if r.returncode != 0:
            raise RuntimeError(r.stderr)
        return r.stdout.strip()


class Lite:
    def __init__(self, path):
        self.path = path

    def sql(self, statement):
        for _ in range(50):
            try:
                con = sqlite3.connect(self.path, timeout=10)
                try:
                    rows = con.execute(statement).fetchall()
                    con.commit()
                finally:
                    con.close()
                return "\n".join("|".join(str(v) for v in row) for row in rows)
            except sqlite3.OperationalError as e:  # busy beyond the timeout: try again
                last = e
                time.sleep(0.1)
        raise last


def main():
    tmp = tempfile.mkdtemp(prefix="tucai-soak-")
    os.chmod(tmp, 0o755)
    cluster = os.path.join(tmp, "pg")
    if ENGINE == "postgres":
        # Commits acknowledged only once on disk (the fixture's default is asynchronous commit,
        # which a kill -9 may take back: the simulator would then rightly count an action the
        # server has lost).
        r = run(["bash", FIXTURE, "start", cluster], env=dict(os.environ, PG_FIXTURE_OPTIONS="-c synchronous_commit=on"))
        if r.returncode != 0:
            print(r.stdout, r.stderr)
            return 1
        admin = open(os.path.join(cluster, "url")).read().strip()
        Pg(admin).sql("CREATE DATABASE tucai_soak")
        dburl = admin.rsplit("/", 1)[0] + "/tucai_soak"
        db = Pg(dburl)
        students, duration, reviewers, rate = 250, 62, 3, 150
    else:
        dburl = os.path.join(tmp, "学校 soak.sqlite")
        db = Lite(dburl)
        # Usage and bad input: clear messages, the exit codes of every command.
        r = run([TUCAI, "simulate", "--help"])
        check(r.returncode == 0 and "--reviewers" in r.stdout, "simulate --help exits 0")
        for args, code, words in ([[], 2, "--db is required"], [["--db", dburl, "--rate", "abc"], 2, "--rate"],
                                  [["--db", dburl, "--speed", "0"], 2, "--speed"], [["--db", dburl, "--bogus"], 2, "--bogus"],
                                  [["--db", os.path.join(tmp, "missing.sqlite")], 1, "does not exist"]):
            r = run([TUCAI, "simulate"] + args)
            check(r.returncode == code and words in r.stderr, "simulate %s -> %d (%s)" % (" ".join(args), r.returncode, r.stderr.strip()[:80]))
        empty = os.path.join(tmp, "empty.sqlite")
        run([TUCAI, "db", "migrate", "--db", empty])
        r = run([TUCAI, "simulate", "--db", empty])
        check(r.returncode == 1 and "no school" in r.stderr, "simulate on a database without a school -> %d" % r.returncode)
        students, duration, reviewers, rate = 80, 16, 2, 600
    try:
        t0 = time.time()
        # The school's own photos do not matter here: placeholders make it in seconds (the simulated
        # shots use ../shared/faces when present).
        r = run([TUCAI, "demo", "create", "--db", dburl, "--students", str(students), "--seed", "5", "--no-checks", "--quiet",
                 "--faces", os.path.join(tmp, "no-faces")])
        check(r.returncode == 0, "demo create (%.1f s) %s" % (time.time() - t0, r.stderr.strip()[-300:]))
        # Open around the clock whenever the test runs, with payment and the demo's thresholds.
        db.sql("UPDATE settings SET value = '00:00-24:00' WHERE name = 'daily_hours'")
        db.sql("UPDATE settings SET value = '0' WHERE name IN ('window_start', 'window_end')")
        db.sql("UPDATE settings SET value = '1' WHERE name = 'payment_required'")
        start_ms = int(time.time() * 1000)
        sim = subprocess.Popen([TUCAI, "simulate", "--db", dburl, "--duration", str(duration), "--rate", str(rate),
                                "--reviewers", str(reviewers), "--seed", "7", "--speed", "40", "--json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        err_lines = []
        reader = threading.Thread(target=lambda: err_lines.extend(sim.stderr), daemon=True)
        reader.start()
        # The schedule counts from the simulator's first live line (its accounts and the check
        # engine are ready then).
        waited = time.time()
        while not any(line[:1].isdigit() for line in err_lines) and time.time() - waited < 60 and sim.poll() is None:
            time.sleep(0.05)
        began = time.time()

        def at(seconds):
            time.sleep(max(0, began + seconds - time.time()))

        def crash(n):
            # SIGKILL of the postmaster, the server down for 2.5 s, then up again (crash recovery).
            check(run(["bash", FIXTURE, "kill", cluster]).returncode == 0, "postmaster killed (%d)" % n)
            time.sleep(2.5)
            r = run(["bash", FIXTURE, "restart", cluster])
            check(r.returncode == 0, "restarted (%d) %s" % (n, r.stderr.strip()))

        marks = {}
        if ENGINE == "postgres":
            at(12)
            crash(1)
            closed, reopened, free = 20, 28, 34
        else:
            # The simulator re-reads the settings every 3 s between actions; on a loaded machine (ctest -j2
            # beside other work) a read can come a second or more late, so the closed spell spans two
            # periods and the checks below start 5 s after each change.
            closed, reopened, free = 2, 9, 10
        # Staff close the daily hours for a while (the current China hour excluded), then open them.
        at(closed)
        hour = (time.gmtime().tm_hour + 8) % 24
        db.sql("UPDATE settings SET value = '%s' WHERE name = 'daily_hours'"
               % ("00:00-%02d:00" % hour if hour > 0 else "23:00-24:00"))
        marks["closed"] = int(time.time() * 1000)
        at(reopened)
        marks["reopened"] = int(time.time() * 1000)
        db.sql("UPDATE settings SET value = '00:00-24:00' WHERE name = 'daily_hours'")
        at(free)
        db.sql("UPDATE settings SET value = '0' WHERE name = 'payment_required'")
        marks["free"] = int(time.time() * 1000)
        if ENGINE == "postgres":
            at(40)
            crash(2)
        out, _ = sim.communicate(timeout=duration + 60)
        reader.join(5)
        check(sim.returncode == 0, "simulate exit %s; last lines: %s" % (sim.returncode, "".join(err_lines[-3:])))
        report = json.loads(out)
        print(json.dumps(report, ensure_ascii=False), flush=True)

        # The database keeps every invariant, the audit chain holds.
        r = run([TUCAI, "db", "check", "--db", dburl])
        check(r.returncode == 0, "db check: " + (r.stdout + r.stderr).strip()[-2000:])
        r = run([TUCAI, "audit", "verify", "--db", dburl])
        check(r.returncode == 0, "audit verify: " + (r.stdout + r.stderr).strip()[-500:])

        prefix = report["key_prefix"]
        journal = {}
        for line in db.sql("SELECT kind, COUNT(*) FROM student_requests WHERE idempotency_key >= '%s' AND idempotency_key < '%s~' "
                           "GROUP BY kind" % (prefix, prefix)).splitlines():
            kind, n = line.split("|")
            journal[kind] = int(n)
        check(journal == report["actions"], "request journal %s == actions counted %s" % (journal, report["actions"]))
        check(report["verified"] > 0 and report["shots"] > 0 and report["submitted"] > 0 and report["decisions"] > 0,
              "the students got through: %d verified, %d shots, %d submitted, %d decisions"
              % (report["verified"], report["shots"], report["submitted"], report["decisions"]))
        check(report["abandoned"] == 0, "no action given up (%d)" % report["abandoned"])

        def one(q):
            return int(db.sql(q) or 0)

        attempts = one("SELECT COUNT(*) FROM capture_attempts WHERE kind = 'liveness' AND occurred_at >= %d" % start_ms)
        check(attempts == journal.get("shot", 0), "one liveness attempt per shot: %d attempts, %d shots" % (attempts, journal.get("shot", 0)))
        quality = one("SELECT COUNT(*) FROM capture_attempts WHERE kind = 'quality' AND occurred_at >= %d" % start_ms)
        passed_liveness = one("SELECT COUNT(*) FROM capture_attempts WHERE kind = 'liveness' AND passed = 1 AND occurred_at >= %d" % start_ms)
        check(quality == passed_liveness, "one photo check per shot that passed liveness: %d, %d" % (quality, passed_liveness))
        submitted = one("SELECT COUNT(*) FROM photos WHERE kind = 'submitted' AND submitted_at >= %d" % start_ms)
        check(submitted == journal.get("submit", 0), "one submitted photo per submission: %d, %d" % (submitted, journal.get("submit", 0)))
        ids = ",".join(str(i) for i in report["reviewer_staff_ids"])
        audits = one("SELECT COUNT(*) FROM audit_log WHERE action IN ('photo.approve', 'photo.return') AND staff_id IN (%s)" % ids)
        approves = one("SELECT COUNT(*) FROM audit_log WHERE action = 'photo.approve' AND staff_id IN (%s)" % ids)
        notes = one("SELECT COUNT(*) FROM notification_outbox WHERE kind IN ('photo.approved', 'photo.returned') AND created_at >= %d" % start_ms)
        decided = one("SELECT COUNT(*) FROM photos WHERE decision IS NOT NULL AND reviewer_id IN (%s)" % ids)
        d = report["decisions"]
        check(audits == d, "one audit entry per decision: %d entries, %d decisions" % (audits, d))
        check(approves == report["approved"], "approvals: %d entries, %d reported" % (approves, report["approved"]))
        check(notes == d, "one notification per decision: %d, %d" % (notes, d))
        check(decided == d, "one decided photo per decision: %d, %d" % (decided, d))

        # The settings were obeyed as they changed: no shot while the hours were closed (after the
        # simulator's next read of the settings), and no payment asked for once payment was dropped.
        shots_closed = one("SELECT COUNT(*) FROM capture_attempts WHERE kind = 'liveness' AND occurred_at > %d AND occurred_at < %d"
                           % (marks["closed"] + 5000, marks["reopened"]))
        check(shots_closed == 0 and report["outside_window"] > 0,
              "closed hours obeyed: %d shots while closed, %d refusals" % (shots_closed, report["outside_window"]))
        unpaid_after = one("SELECT COUNT(*) FROM photos WHERE kind = 'submitted' AND status = 'awaiting_payment' AND submitted_at > %d"
                           % (marks["free"] + 5000))
        check(unpaid_after == 0, "no payment asked once dropped: %d" % unpaid_after)
        check(report["settings_changes"] >= 2, "settings changes noticed: %d" % report["settings_changes"])
        if ENGINE == "postgres":
            # Whether a kill meets an action in flight is a matter of timing (4-8 per run usually; once,
            # on a loaded machine, none: every thread was between actions for both outages). The path
            # itself is tested deterministically in test_student_flow (a replayed key applied once);
            # here it is reported, and every count above must add up either way.
            print("note the restarts hit %d actions in flight: %d found committed, %d sent again"
                  % (report["connection_losses"], report["found_committed"], report["retried"]), flush=True)
        print("soak took %.1f s" % (time.time() - t0))
    finally:
        if ENGINE == "postgres":
            run(["bash", FIXTURE, "stop", cluster])
        subprocess.run(["rm", "-rf", tmp])
    if failures:
        print("%d failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
