#!/usr/bin/env bash
# Quick start: installs what is needed, builds dateline, and runs it on the bundled sample
# articles in examples/. Writes out/extract.json (everything extracted, with provenance) and
# out/dates.txt (the dated expressions of each article in time order).
#
# The timeline and upcoming-deadline outputs join this script when the engine lands
# (issue "Engine"); until then the extraction is dateline's main job.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" > /dev/null
dateline=build/tools/dateline

mkdir -p out
# Each sample with the date it was published or saved: a page's own date line wins over --dct,
# and "2 days ago" labels on an aggregator page count back from --captured.
"$dateline" extract --pretty --dct 2025-10-16 --captured 2025-10-16T09:00 \
  examples/aggregator-page-2025-10.txt > out/aggregator.json
"$dateline" extract --pretty --dct 2025-03-14 examples/harbor-contract-2025-03.txt > out/harbor.json
"$dateline" extract --pretty --dct 2025-06-10 examples/water-compact-2025-06.txt > out/water.json

python3 - out/aggregator.json out/harbor.json out/water.json <<'PY'
import json, sys
docs, timexes = [], []
for path in sys.argv[1:]:
    x = json.load(open(path))
    docs += x["documents"]
    timexes += x["timexes"]
json.dump({"documents": docs, "timexes": timexes}, open("out/extract.json", "w"), indent=1)
by_doc = {}
for t in timexes:
    by_doc.setdefault(t["doc"], []).append(t)
with open("out/dates.txt", "w") as out:
    for d in docs:
        pub = (d["published"] or {}).get("value", "unknown")
        out.write(f"{d['title']}\n  {d['source'] or 'main article'}, published {pub} ({d['published_source']})\n")
        dated = [t for t in by_doc.get(d["id"], []) if t["earliest"]]
        dated.sort(key=lambda t: (t["earliest"], t["latest"]))
        for t in dated:
            span = t["earliest"] if t["earliest"] == t["latest"] else f"{t['earliest']}..{t['latest']}"
            out.write(f"    {span:23} {t['granularity']:8} {t['value']:12} \"{t['text']}\"\n")
        out.write("\n")
print(f"dateline: {len(docs)} documents, {len(timexes)} time expressions")
PY
rm -f out/aggregator.json out/harbor.json out/water.json
echo "wrote $root/out/extract.json (documents, time expressions, spans, values)"
echo "wrote $root/out/dates.txt (each article's dated expressions in time order):"
echo
cat out/dates.txt
