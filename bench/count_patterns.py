#!/usr/bin/python3
"""An independent check of `run`'s `linear_regions` from what `run --out DIR` writes, without the app:
reads DIR/weights.json and DIR/data.csv, takes the viewed square (the data's extent, each side widened by 6%
of its length) and counts the distinct activation patterns (the sign of every hidden unit's pre-activation)
at the cell centres of N x N grids over it. A grid can only miss regions, so its count never exceeds
`linear_regions` and approaches it as N grows. Also counts the patterns at the training points
(`linear_regions_data`). Not part of the build or the tests; needs numpy:
    /usr/bin/python3 bench/count_patterns.py DIR [N ...]     (default N: 250 500 1000 2000 4000)"""
import csv
import json
import sys

import numpy as np

out = sys.argv[1]
sizes = [int(a) for a in sys.argv[2:]] or [250, 500, 1000, 2000, 4000]
net = json.load(open(out + "/weights.json"))
hidden = net["layers"][:-1]
constant = net.get("append_constant_input", False)
rows = list(csv.DictReader(open(out + "/data.csv")))
xy = np.array([[float(r["x"]), float(r["y"])] for r in rows])
train = np.array([r.get("split", "train") == "train" for r in rows])
x0, y0 = xy.min(axis=0)
x1, y1 = xy.max(axis=0)
mx, my = 0.06 * (x1 - x0), 0.06 * (y1 - y0)
box = (x0 - mx, x1 + mx, y0 - my, y1 + my)


def patterns(points):
    """One packed row of bits per point: each piecewise linear hidden unit on or off, layer by layer."""
    a = np.hstack([points, np.ones((len(points), 1))]) if constant else points
    bits = []
    for layer in hidden:
        z = a @ np.array(layer["weights"]) + np.array(layer["biases"])
        kind, alpha = layer["activation"]["kind"], layer["activation"]["param"]
        if kind == "linear":
            a = z
            continue
        if kind not in ("relu", "leaky_relu"):
            sys.exit("hidden activation %s is not piecewise linear" % kind)
        on = z > 0
        bits.append(on)
        a = np.where(on, z, 0.0 if kind == "relu" else (alpha or 0.01) * z)
    return np.packbits(np.concatenate(bits, axis=1), axis=1)


def grid_count(n):
    xs = box[0] + (np.arange(n) + 0.5) * (box[1] - box[0]) / n
    ys = box[2] + (np.arange(n) + 0.5) * (box[3] - box[2]) / n
    band = max(1, 2_000_000 // n)  # rows per batch: about 2 million points
    seen = set()
    for j in range(0, n, band):
        gx, gy = np.meshgrid(xs, ys[j:j + band])
        seen.update(map(bytes, np.unique(patterns(np.stack([gx.ravel(), gy.ravel()], axis=1)), axis=0)))
    return len(seen)


print("viewed square x %.6g..%.6g, y %.6g..%.6g; hidden widths %s" % (box + ([len(l["biases"]) for l in hidden],)))
print("patterns at the training points: %d" % len(np.unique(patterns(xy[train]), axis=0)))
for n in sizes:
    print("grid %d x %d: %d distinct patterns" % (n, n, grid_count(n)), flush=True)
