#!/usr/bin/env python3
"""Makes the bundled example: a synthetic fluorescence-like image of nuclei and box/point prompts for some of them.

Run with Debian's python3 (numpy, Pillow): /usr/bin/python3 scripts/make_example.py
Writes examples/nuclei.png (8-bit grey, 320x240), examples/nuclei-prompts.csv and examples/nuclei-truth.png (the
label image the nuclei were drawn from). Deterministic (fixed seed). The image is synthetic so that the repository
ships no third-party data; real images with ground truth are used by the tests (../shared/data).
"""
import csv
import os
import sys

import numpy as np
from PIL import Image, ImageFilter

W, H = 320, 240
rng = np.random.default_rng(20261123)
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "examples")

yy, xx = np.mgrid[0:H, 0:W] + 0.5
labels = np.zeros((H, W), np.uint16)
nuclei = []
attempts = 0
while len(nuclei) < 14 and attempts < 2000:
    attempts += 1
    cx, cy = rng.uniform(25, W - 25), rng.uniform(25, H - 25)
    a, b = rng.uniform(9, 17), rng.uniform(7, 12)
    theta = rng.uniform(0, np.pi)
    if any(np.hypot(cx - n[0], cy - n[1]) < n[2] + a + 4 for n in nuclei):
        continue
    dx, dy = xx - cx, yy - cy
    u = dx * np.cos(theta) + dy * np.sin(theta)
    v = -dx * np.sin(theta) + dy * np.cos(theta)
    inside = (u / a) ** 2 + (v / b) ** 2 <= 1
    nuclei.append((cx, cy, a))
    labels[inside] = len(nuclei)

image = np.where(labels > 0, 150.0, 18.0)
for i in range(1, len(nuclei) + 1):  # nucleus-to-nucleus brightness and texture
    image[labels == i] *= rng.uniform(0.7, 1.3)
image += rng.normal(0, 6, image.shape) * (labels > 0)
blurred = Image.fromarray(np.clip(image, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.5))
noisy = np.asarray(blurred, np.float64) + rng.normal(0, 4, image.shape)
Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(os.path.join(out, "nuclei.png"))
Image.fromarray(labels).save(os.path.join(out, "nuclei-truth.png"))

with open(os.path.join(out, "nuclei-prompts.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow("object,kind,x,y,width,height,label,slice".split(","))
    for i in range(1, len(nuclei) + 1):
        ys, xs = np.nonzero(labels == i)
        if i % 2 == 1:  # odd nuclei: the tight bounding box
            w.writerow([f"nucleus{i}", "box", xs.min(), ys.min(), xs.max() - xs.min() + 1, ys.max() - ys.min() + 1, "", 1])
        else:  # even nuclei: a positive point at the pixel nearest the centroid
            k = np.argmin((xs - xs.mean()) ** 2 + (ys - ys.mean()) ** 2)
            w.writerow([f"nucleus{i}", "point", xs[k], ys[k], "", "", 1, 1])
print(f"{len(nuclei)} nuclei written to {out}")
