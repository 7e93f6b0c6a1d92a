# Sourced by the benchmarks: replicate_corpus SRC DEST TARGET_MB [txt] puts the <id>.txt + <id>.dct
# pairs of SRC into DEST under new names (<id>_<copy>) until the text reaches TARGET_MB, and
# prints the number of copies; with "txt", the texts alone (for extract, which would read a
# .dct as one more article). Hard links: the copies cost no disk and read as ordinary files
# (a symbolic link makes every open resolve a second, longer path, which doubled the kernel's
# share of a run on small files); plain copies where DEST is on another file system.
replicate_corpus() {
  python3 - "$@" << 'PY'
import os, shutil, sys
src, dest, target_mb = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3])
only_txt = len(sys.argv) > 4 and sys.argv[4] == "txt"
ids = sorted(n[:-4] for n in os.listdir(src) if n.endswith(".txt"))
one = sum(os.path.getsize(os.path.join(src, i + ".txt")) for i in ids)
copies = (target_mb * 1000000 + one - 1) // one
os.makedirs(dest, exist_ok=True)
def put(a, b):
    try:
        os.link(a, b)
    except OSError:
        shutil.copyfile(a, b)
for c in range(copies):
    for i in ids:
        put(os.path.join(src, i + ".txt"), os.path.join(dest, f"{i}_{c}.txt"))
        dct = os.path.join(src, i + ".dct")
        if not only_txt and os.path.exists(dct):
            put(dct, os.path.join(dest, f"{i}_{c}.dct"))
print(copies)
PY
}
