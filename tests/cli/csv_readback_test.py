#!/usr/bin/env python3
"""Every command's CSV read back with a real CSV parser (Python's csv module).

Runs report (two GPUs, one with --mc), compare (with --mc), fleet --year
(with --mc), fleet --assets, validate, calc (with --mc), audit and audit show
on the bundled data in a temporary database, and checks the shape docs/interop.md ("CSV") promises: one
header everywhere; every row as wide as the header; `value` empty or a
finite number; a unit wherever there is a value; a text exactly where there
is no value; dimension columns that hold ids, not prose or packed keys; one
row per observation. Then a few figures against the JSON of the same run.
With pandas importable, also that pd.read_csv gives a float64 `value`.

usage: csv_readback_test.py GPULCA DATA_DIR
Exit 0 when every check holds; else 1, listing the failures.
"""
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HEADER = ["section", "gpu", "line", "year", "vendor", "region", "stage", "process", "flow",
          "input", "source", "category", "scenario", "impact", "measure", "statistic",
          "value", "unit", "text"]
DIMENSIONS = HEADER[:HEADER.index("value")]
# Ids: no spaces, no commas, no quotes. `scenario` names an audit what-if
# in words ("sea instead of air"); `input` is an uncertain input's own id
# ("param:pue", "exchange:PROCESS:FLOW"), the one dimension with ':'.
ID = re.compile(r"^[^\s,\"]*$")
PACKED = re.compile(r":")
ASSETS = ("product,count,region,deployed,retired,utilization\n"
          "nvidia-h100-sxm5,512,US,2023-03-15,,0.7\n"
          "amd-mi300x,64,SE,2024-01-01,2027-01-01,0.55\n")

failures = []


def fail(name, message):
    failures.append(f"{name}: {message}")


def run(binary, db, data, args):
    done = subprocess.run([binary, "--db", db, "--data", data] + args, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise SystemExit(f"gpulca {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def check_shape(name, text):
    """The checks every command's CSV must pass; returns the rows as dicts."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or rows[0] != HEADER:
        fail(name, f"header {rows[0] if rows else None}")
        return []
    seen = {}
    out = []
    for n, row in enumerate(rows[1:], start=2):
        where = f"row {n} {row}"
        if len(row) != len(HEADER):
            fail(name, f"{where}: {len(row)} fields, not {len(HEADER)}")
            continue
        r = dict(zip(HEADER, row))
        out.append(r)
        value, unit, note = r["value"], r["unit"], r["text"]
        if value:
            try:
                number = float(value)
            except ValueError:
                fail(name, f"{where}: value {value!r} is no number")
                continue
            if not math.isfinite(number):
                fail(name, f"{where}: value {value!r} is not finite")
            if not unit:
                fail(name, f"{where}: a value without a unit")
            if note:
                fail(name, f"{where}: a value and a text")
        elif not note:
            fail(name, f"{where}: neither value nor text")
        if not r["section"] or not r["measure"]:
            fail(name, f"{where}: no section or measure")
        for column in DIMENSIONS:
            field = r[column]
            if column != "scenario" and not ID.match(field):
                fail(name, f"{where}: {column} {field!r} is not an id")
            if column != "input" and PACKED.search(field):
                fail(name, f"{where}: {column} {field!r} packs a key")
        for column in ("year", "line"):
            if r[column] and not r[column].isdigit():
                fail(name, f"{where}: {column} {r[column]!r} is not a whole number")
        key = tuple(r[c] for c in DIMENSIONS)
        if key in seen:
            fail(name, f"{where}: the same dimensions as row {seen[key]}")
        seen[key] = n
    return out


def check_pandas(name, text):
    try:
        import pandas as pd
    except ImportError:
        return False
    frame = pd.read_csv(io.StringIO(text))
    if str(frame["value"].dtype) != "float64":
        fail(name, f"pandas reads value as {frame['value'].dtype}")
    if list(frame.columns) != HEADER:
        fail(name, f"pandas columns {list(frame.columns)}")
    return True


def value_of(name, rows, **where):
    """The value of the one row whose columns hold `where`."""
    found = [r for r in rows if all(r[k] == v for k, v in where.items())]
    if len(found) != 1:
        fail(name, f"{len(found)} rows hold {where}")
        return None
    return float(found[0]["value"]) if found[0]["value"] else None


def expect(name, got, want):
    if got != want:
        fail(name, f"{got!r} where {want!r} was expected")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    binary, data = sys.argv[1], sys.argv[2]
    order = os.path.join(data, "examples", "order-h100-cluster.toml")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "csv.db")
        assets = os.path.join(tmp, "assets.csv")
        with open(assets, "w") as f:
            f.write(ASSETS)
        commands = {
            "report h100": ["report", "nvidia-h100-sxm5", "--query-wh", "0.5", "--eol-credits"],
            "report mi300x --mc": ["report", "amd-mi300x", "--mc", "50", "--seed", "1"],
            "report h100 gate": ["report", "nvidia-h100-sxm5", "--boundary", "cradle-to-gate"],
            "compare --mc": ["compare", "nvidia-h100-sxm5", "amd-mi300x", "--mc", "50", "--seed",
                             "1"],
            "fleet --year --mc": ["fleet", "--year", "2023", "--mc", "20", "--seed", "1"],
            "fleet --assets": ["fleet", "--assets", assets],
            "validate": ["validate", "--mc", "20"],
            "calc --mc": ["calc", "--demand", "nvidia-h100-sxm5", "--mc", "20", "--seed", "1"],
            "audit": ["audit", order],
            "audit show": ["audit", "show", "1"],
            "workload --mc": ["workload", os.path.join(data, "examples", "workload-gpt3-training.toml"),
                              "--mc", "20", "--seed", "1"],
        }
        texts, rows, pandas = {}, {}, False
        for name, args in commands.items():
            texts[name] = run(binary, db, data, args + ["--format", "csv"])
            rows[name] = check_shape(name, texts[name])
            pandas = check_pandas(name, texts[name]) or pandas

        # A few figures against the JSON of the same command.
        report = json.loads(run(binary, db, data, commands["report h100"] + ["--format", "json"]))
        r = rows["report h100"]
        for impact in ("gwp100", "water", "adp"):
            expect("report h100", value_of("report h100", r, section="impacts", impact=impact,
                                           measure="total"),
                   report["impacts"][impact]["value"])
        expect("report h100", value_of("report h100", r, section="assumptions",
                                       measure="utilization"), 0.6)
        regions = [x["text"] for x in r if x["section"] == "assumptions" and x["measure"] == "region"]
        expect("report h100", regions, ["US"])
        fleet = rows["fleet --year --mc"]
        expect("fleet", value_of("fleet", fleet, section="fleet", year="2022", measure="units"),
               2670000.0)
        expect("fleet", value_of("fleet", fleet, section="by_vendor", year="2022", vendor="nvidia",
                                 measure="units"), 2640000.0)
        change = value_of("fleet", fleet, section="change", year="2023", impact="", measure="units")
        if change is None or abs(change - (3.85 / 2.67 - 1)) > 1e-12:
            fail("fleet", f"change in units {change}")
        compare = rows["compare --mc"]
        expect("compare", value_of("compare", compare, section="mc", gpu="nvidia-h100-sxm5",
                                   impact="gwp100", measure="p_below_first"), 0.5)
        workload = rows["workload --mc"]
        facility = value_of("workload", workload, section="workload", scenario="stated",
                            category="electricity", measure="facility_kwh", statistic="")
        if facility is None or abs(facility - 10000 * 14.8 * 24 * 0.330 * 1.10) > 1e-6:
            fail("workload", f"facility electricity {facility}")
        expect("workload", value_of("workload", workload, section="published", measure="facility_kwh",
                                    statistic="published"), 1287.0)
        audit = rows["audit"]
        expect("audit", value_of("audit", audit, section="lines", line="1", impact="",
                                 measure="quantity"), 256.0)
        expect("audit", value_of("audit", audit, section="lines", line="1", impact="gwp100",
                                 measure="declared_per_unit"), 164.0)
    if failures:
        print("\n".join(failures[:50]))
        print(f"{len(failures)} failures")
        return 1
    print(f"{len(commands)} CSVs read back"
          + (" (and with pandas)" if pandas else " (pandas not installed: csv module only)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
