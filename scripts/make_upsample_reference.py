#!/usr/bin/env python3
"""Reference output of SAM's mask post-processing, for MaskUpsamplerTest.

SAM's ``Sam.postprocess_masks`` brings 256x256 low-resolution logits back to the
original image: bilinear (align_corners=False) to 1024x1024, crop to the resized
image (longest side 1024, other side floor(side * 1024 / longest + 0.5)), bilinear
to the original size.  This script applies exactly that with PyTorch to a
deterministic input and writes the results as little-endian float32 files::

    /usr/bin/python3 scripts/make_upsample_reference.py [outdir]

``outdir`` defaults to ``src/test/resources/upsample``.  The input is
``low[v, u] = float32(8 * sin(0.11 * u + 0.05 * v) * cos(0.07 * v) + ((u * v) % 7) - 3)``
for row v and column u, computed in double precision, which the Java test
recomputes.  Output files are ``postprocess_<W>x<H>.f32`` (row-major, H rows of W).
"""

import math
import os
import sys

import torch
import torch.nn.functional as F

SIZES = [(37, 23), (50, 300), (640, 40), (128, 128)]


def low_res():
    data = [[8 * math.sin(0.11 * u + 0.05 * v) * math.cos(0.07 * v) + ((u * v) % 7) - 3 for u in range(256)]
            for v in range(256)]
    return torch.tensor(data, dtype=torch.float64).to(torch.float32)[None, None]


def postprocess(low, width, height):
    scale = 1024 / max(width, height)
    new_w, new_h = int(width * scale + 0.5), int(height * scale + 0.5)
    masks = F.interpolate(low, (1024, 1024), mode="bilinear", align_corners=False)
    masks = masks[..., :new_h, :new_w]
    return F.interpolate(masks, (height, width), mode="bilinear", align_corners=False)[0, 0]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/upsample"
    os.makedirs(out, exist_ok=True)
    low = low_res()
    for w, h in SIZES:
        result = postprocess(low, w, h).contiguous().numpy().astype("<f4")
        result.tofile(os.path.join(out, "postprocess_%dx%d.f32" % (w, h)))
        print("wrote", w, "x", h)


if __name__ == "__main__":
    main()
