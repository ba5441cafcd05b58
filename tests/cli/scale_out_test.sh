#!/usr/bin/env bash
# Shards under GNU parallel (docs/scale-out.md): four shards of a report's
# Monte Carlo run, two at a time; `gpulca mc merge` of them gives the whole
# run's JSON byte for byte; numpy and pandas, without gpulca, read the
# samples and find the report's means.
#   tests/cli/scale_out_test.sh GPULCA DATA_DIR
set -euo pipefail
gpulca="$1"
data="$2"
if ! command -v parallel >/dev/null; then
  echo "scale_out_test: GNU parallel is missing (scripts/setup installs it: apt-get install parallel)" >&2
  exit 1
fi
python=/usr/bin/python3  # Debian's, with python3-numpy and python3-pandas
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
g=("$gpulca" --db "$tmp/gpulca.db" --data "$data")
run=(report nvidia-h100-sxm5 --mc 8000 --seed 4 --format json)

"${g[@]}" "${run[@]}" --out "$tmp/whole.json"
parallel --will-cite --halt now,fail=1 -j 2 \
  "${g[@]}" "${run[@]}" --threads 1 --shard {}/4 --samples "$tmp/shard{}" --out "$tmp/part{}.json" \
  ::: 0 1 2 3
"${g[@]}" mc merge "$tmp"/shard3 "$tmp"/shard1 "$tmp"/shard0 "$tmp"/shard2 --format json \
  --out "$tmp/merged.json"
cmp "$tmp/whole.json" "$tmp/merged.json"

"$python" - "$tmp" <<'PY'
import json, sys
import numpy as np
import pandas as pd

tmp = sys.argv[1]
frames, stages = [], []
for k in range(4):
    d = f"{tmp}/shard{k}"
    m = json.load(open(f"{d}/manifest.json"))
    run = m["runs"][0]
    system = run["systems"][0]
    ids = [c["id"] for c in system["impacts"]]
    iterations = np.load(f"{d}/{run['iterations']['array']}")
    frames.append(pd.DataFrame(np.load(f"{d}/{system['impacts_array']}"), columns=ids, index=iterations))
    stages.append(np.load(f"{d}/{system['stages_array']}"))
    assert m["command"][:4] == ["report", "nvidia-h100-sxm5", "--mc", "8000"], m["command"]
samples = pd.concat(frames).sort_index()
assert list(samples.index) == list(range(8000)), "the shards cover iterations 0 to 7999"
stage = np.concatenate(stages)
report = json.load(open(f"{tmp}/whole.json"))
for impact in ("gwp100", "water"):
    want = report["impacts"][impact]["mean"]
    got = samples[impact].mean()
    assert abs(got - want) <= 1e-9 * abs(want), (impact, got, want)
names = m["stages"]
k = ids.index("gwp100")
want = report["uncertainty"]["monte_carlo"]["stages"]["deployment"]["gwp100"]["mean"]
got = stage[:, k, names.index("deployment")].mean()
assert abs(got - want) <= 1e-9 * abs(want), ("deployment", got, want)
print(f"numpy and pandas read {len(samples)} iterations; gwp100 mean {samples['gwp100'].mean():.6g}")
PY
echo "scale_out_test: 4 shards under GNU parallel merged into the whole run, byte for byte"
