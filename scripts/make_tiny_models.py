#!/usr/bin/env python3
"""Export tiny ONNX stand-ins for the Segment Anything (SAM) models.

The files written by this script are used by the Java unit tests of the Fiji
plugin.  They have the same tensor interface as the real SAM encoder / decoder
ONNX files, but compute simple, analytically known functions, so that the
tests can check pre-processing, prompt encoding and post-processing exactly,
without a multi-hundred-megabyte network.

Usage (needs torch and onnx; Debian's python has them)::

    /usr/bin/python3 scripts/make_tiny_models.py [outdir]

``outdir`` defaults to ``src/test/resources/tiny``.  The export is
deterministic (the models have no learned weights; all constants are literal).
All tensors are float32; opset 17.

Models
======

``tiny_encoder.onnx``
    input  ``input``  [batch, 3, 1024, 1024]   (dim 0 is dynamic, named ``batch``)
    output ``output`` [batch, 256, 64, 64]
    Each input channel is average-pooled over non-overlapping 16x16 blocks,
    giving [batch, 3, 64, 64]; output channel c is pooled channel (c % 3).

``tiny_decoder_box.onnx`` (K = 1) and ``tiny_decoder_multimask.onnx`` (K = 4)
    The official SAM decoder ONNX interface:

    inputs  ``image_embeddings`` [1, 256, 64, 64]
            ``point_coords``     [1, N, 2]   (N dynamic, named ``num_points``)
            ``point_labels``     [1, N]
            ``mask_input``       [1, 1, 256, 256]
            ``has_mask_input``   [1]
            ``orig_im_size``     [2]         (H, W as floats)
    outputs ``masks``            [1, K, H, W]
            ``iou_predictions``  [1, K]
            ``low_res_masks``    [1, K, 256, 256]

    Geometry (same as the SAM resize-longest-side-to-1024 transform)::

        s    = 1024 / max(H, W)
        newH = floor(H * s + 0.5);  newW = floor(W * s + 0.5)
        sx   = newW / W;            sy   = newH / H

    Like the official graph, 0.5 is added to ``point_coords``; a point's
    position in ORIGINAL continuous pixel coordinates (pixel column i covers
    [i, i+1), its centre is i + 0.5) is therefore::

        px = (coord_x + 0.5) / sx,  py = (coord_y + 0.5) / sy

    so a caller mapping a continuous original position c to c * s' - 0.5
    (s' = sx or sy) gets px == c back.

    Labels: 1 positive point, 0 negative point, 2 box top-left corner,
    3 box bottom-right corner, -1 padding (ignored; any other value is
    ignored as well).

    ``masks`` is evaluated at each original pixel centre (cx, cy) =
    (i + 0.5, j + 0.5) for column i, row j:

    * box mode -- at least one label-2 and at least one label-3 point exist:
      inside iff x0 - 0.25 <= cx <= x1 + 0.25 and y0 - 0.25 <= cy <= y1 + 0.25
      (BOX_MARGIN = 0.25: SAM's box corners sit on the centres of the box's
      first and last pixels, so the margin keeps those pixels in without
      depending on float rounding), where (x0, y0) is the
      label-2 point and (x1, y1) the label-3 point (if a corner label occurs
      several times, the mean of those points is used).  Point labels 0/1 are
      ignored in box mode.  For K = 4 all four masks are this box.
    * point mode -- otherwise: inside iff the squared distance from the
      centre to at least one positive point is < r2 AND the squared distance
      to every negative point is >= r2.  K = 1: r2 = 20.25 (radius 4.5).
      K = 4: mask k uses r2 = [20.25, 6.25, 20.25, 42.25][k] (radii 4.5, 2.5,
      4.5, 6.5), for positive and negative points alike.  Without positive
      points the mask is empty.

    The logit is exactly +1 inside and -1 outside (threshold at 0).

    ``low_res_masks``: the same rule evaluated at the centres of the
    256 x 256 low-resolution grid mapped to original coordinates: cell
    (u, v) (column u, row v) has its centre at ((u + 0.5) * 4, (v + 0.5) * 4)
    in the 1024 frame, i.e. ((u + 0.5) * 4 / sx, (v + 0.5) * 4 / sy) in the
    original frame; value +1 / -1, PLUS ``mask_input`` (broadcast over K)
    multiplied by ``has_mask_input``, so a caller can verify that its mask
    prompt reaches the graph.

    ``iou_predictions``: K = 1: 0.9 in box mode else 0.8.  K = 4:
    [0.5, 0.6, 0.9, 0.7] (both modes).  Plus 0.05 * has_mask_input, plus
    0 * mean(image_embeddings) (keeps that input in the graph).

``tiny_decoder_content.onnx`` (K = 1)
    Like ``tiny_decoder_box.onnx``, but the mask also depends on the image:
    a pixel is inside iff the box / point rule holds AND the image is bright
    there, read from the embedding: channel 0 of the tiny encoder's output
    (the 16x16-pooled, normalised red channel) at the embedding cell that
    holds the pixel centre in the 1024 frame, cell
    (floor(cx * sx / 16), floor(cy * sy / 16)), is > 0 (i.e. the pooled
    value exceeds the pixel mean 123.675).  For an image of 64 x 64 pixels
    every pixel is exactly one cell, so a 0/255 image whose bright regions
    are at least 2 pixels thick gives exactly those regions.
    ``low_res_masks``: the same at low-res cell (u, v), whose embedding cell
    is (u // 4, v // 4), plus ``mask_input * has_mask_input``.
    ``iou_predictions``: (pixels inside) / max(1, pixels where the box /
    point rule holds), plus 0.05 * has_mask_input.  Used to test
    propagation through stacks, whose stopping rules look at the mask area
    and the predicted IoU.

``tiny_decoder_wrong_names.onnx``
    inputs ``embeddings`` [1, 256, 64, 64], ``coords`` [1, N, 2],
    ``labels`` [1, N]; output ``out`` [1] = mean(embeddings) + sum(coords)
    + sum(labels).  Its tensor names deliberately do not match the SAM
    decoder interface, to test that loading it fails with a clear error.
"""

import os
import sys

import torch
import torch.nn.functional as F

OPSET = 17


BOX_MARGIN = 0.25  # pixels; see the box rule above


class TinyEncoder(torch.nn.Module):
    def forward(self, x):
        pooled = F.avg_pool2d(x, kernel_size=16, stride=16)  # [B,3,64,64]
        # 86 * 3 = 258 >= 256 channels; channel c of the tiled tensor is c % 3.
        return pooled.repeat(1, 86, 1, 1)[:, :256]


class TinyDecoder(torch.nn.Module):
    def __init__(self, r2, iou, box_iou):
        super().__init__()
        self.r2 = list(r2)  # squared radii, one per output mask
        self.iou = list(iou)  # iou in point mode, per mask
        self.box_iou = list(box_iou)  # iou in box mode, per mask

    def _rule(self, gx, gy, px, py, labels):
        """Evaluate the analytic mask rule.

        gx: [W'] x positions, gy: [H'] y positions (original frame),
        px, py, labels: [N].  Returns float logits [K, H', W'] of +1 / -1.
        """
        k = len(self.r2)
        is_pos = labels == 1.0
        is_neg = labels == 0.0
        is_tl = (labels == 2.0).float()
        is_br = (labels == 3.0).float()
        n_tl = is_tl.sum()
        n_br = is_br.sum()
        has_box = (n_tl > 0) & (n_br > 0)
        x0 = (px * is_tl).sum() / torch.clamp(n_tl, min=1.0)
        y0 = (py * is_tl).sum() / torch.clamp(n_tl, min=1.0)
        x1 = (px * is_br).sum() / torch.clamp(n_br, min=1.0)
        y1 = (py * is_br).sum() / torch.clamp(n_br, min=1.0)
        m = BOX_MARGIN
        in_x = (gx >= x0 - m) & (gx <= x1 + m)  # [W']
        in_y = (gy >= y0 - m) & (gy <= y1 + m)  # [H']
        box = in_y.unsqueeze(1) & in_x.unsqueeze(0)  # [H', W']

        dx2 = (gx.unsqueeze(1) - px.unsqueeze(0)) ** 2  # [W', N]
        dy2 = (gy.unsqueeze(1) - py.unsqueeze(0)) ** 2  # [H', N]
        d2 = dy2.unsqueeze(1) + dx2.unsqueeze(0)  # [H', W', N]
        # Squared distance to the nearest positive / negative point; points
        # of the other kinds are pushed out of reach with a huge distance.
        far = torch.full_like(d2, 1.0e30)
        min_pos = torch.where(is_pos, d2, far).amin(dim=-1)  # [H', W']
        min_neg = torch.where(is_neg, d2, far).amin(dim=-1)
        r2 = torch.tensor(self.r2, dtype=torch.float32).view(k, 1, 1)
        points = (min_pos < r2) & (min_neg >= r2)  # [K, H', W']
        # Blend with 0/1 floats (exact) rather than Where on bool tensors,
        # which onnxruntime's CPU provider does not implement.
        hb = has_box.float()
        inside = box.float().unsqueeze(0) * hb + points.float() * (1.0 - hb)
        return inside * 2.0 - 1.0, has_box

    def forward(self, image_embeddings, point_coords, point_labels,
                mask_input, has_mask_input, orig_im_size):
        h = orig_im_size[0]
        w = orig_im_size[1]
        s = 1024.0 / torch.max(h, w)
        new_h = torch.floor(h * s + 0.5)
        new_w = torch.floor(w * s + 0.5)
        sx = new_w / w
        sy = new_h / h

        coords = point_coords[0] + 0.5  # [N, 2]
        px = coords[:, 0] / sx
        py = coords[:, 1] / sy
        labels = point_labels[0]

        # Full-resolution grid: pixel centres of the original image.
        gx = torch.arange(w.to(torch.int64)).float() + 0.5
        gy = torch.arange(h.to(torch.int64)).float() + 0.5
        masks, has_box = self._rule(gx, gy, px, py, labels)

        # Low-res grid: 256 x 256 cells of 4 x 4 in the 1024 frame.  The
        # count 256 is written as (0 * h + 256) only so that the tracer keeps
        # a Range node instead of storing the grid as a constant tensor.
        n_low = (h * 0.0 + 256.0).to(torch.int64)
        u = (torch.arange(n_low).float() + 0.5) * 4.0
        low, _ = self._rule(u / sx, u / sy, px, py, labels)
        low = low.unsqueeze(0) + mask_input[0] * has_mask_input
        # Static reshape so the exported output shape reads [1, K, 256, 256].
        low = low.reshape(1, len(self.r2), 256, 256)

        iou = torch.where(has_box,
                          torch.tensor(self.box_iou, dtype=torch.float32),
                          torch.tensor(self.iou, dtype=torch.float32))
        iou = iou + 0.05 * has_mask_input + 0.0 * image_embeddings.mean()
        return masks.unsqueeze(0), iou.unsqueeze(0), low


class TinyContentDecoder(TinyDecoder):
    """K = 1 box/point rule AND bright image content; see the module docstring."""

    def __init__(self):
        super().__init__(r2=[20.25], iou=[0.8], box_iou=[0.9])

    def forward(self, image_embeddings, point_coords, point_labels,
                mask_input, has_mask_input, orig_im_size):
        h = orig_im_size[0]
        w = orig_im_size[1]
        s = 1024.0 / torch.max(h, w)
        sx = torch.floor(w * s + 0.5) / w
        sy = torch.floor(h * s + 0.5) / h
        coords = point_coords[0] + 0.5
        px = coords[:, 0] / sx
        py = coords[:, 1] / sy
        labels = point_labels[0]
        bright = (image_embeddings[0, 0] > 0.0).float()  # [64, 64]

        gx = torch.arange(w.to(torch.int64)).float() + 0.5
        gy = torch.arange(h.to(torch.int64)).float() + 0.5
        rule, _ = self._rule(gx, gy, px, py, labels)  # [1, H, W] of +-1
        ix = torch.clamp(torch.floor(gx * sx / 16.0), 0, 63).to(torch.int64)
        iy = torch.clamp(torch.floor(gy * sy / 16.0), 0, 63).to(torch.int64)
        fg = bright.index_select(0, iy).index_select(1, ix)  # [H, W]
        ruled = (rule + 1.0) * 0.5
        inside = ruled * fg.unsqueeze(0)
        masks = inside * 2.0 - 1.0

        n_low = (h * 0.0 + 256.0).to(torch.int64)
        cells = torch.arange(n_low)
        u = (cells.float() + 0.5) * 4.0
        low_rule, _ = self._rule(u / sx, u / sy, px, py, labels)
        quarter = torch.div(cells, 4, rounding_mode="floor")
        fg_low = bright.index_select(0, quarter).index_select(1, quarter)
        low = ((low_rule + 1.0) * 0.5 * fg_low.unsqueeze(0)) * 2.0 - 1.0
        low = low.unsqueeze(0) + mask_input[0] * has_mask_input
        low = low.reshape(1, 1, 256, 256)

        iou = inside.sum() / torch.clamp(ruled.sum(), min=1.0)
        iou = iou.reshape(1) + 0.05 * has_mask_input
        return masks.unsqueeze(0), iou.unsqueeze(0), low


class WrongNames(torch.nn.Module):
    def forward(self, embeddings, coords, labels):
        return (embeddings.mean() + coords.sum() + labels.sum()).reshape(1)


def export_encoder(path):
    x = torch.zeros(1, 3, 1024, 1024)
    torch.onnx.export(
        TinyEncoder(), (x,), path, opset_version=OPSET,
        input_names=["input"], output_names=["output"],
        dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
        do_constant_folding=True)


def decoder_dummy_inputs():
    return (
        torch.zeros(1, 256, 64, 64),
        torch.tensor([[[100.0, 200.0], [300.0, 400.0]]]),
        torch.tensor([[2.0, 3.0]]),
        torch.zeros(1, 1, 256, 256),
        torch.zeros(1),
        torch.tensor([480.0, 640.0]),
    )


def export_decoder(model, path):
    torch.onnx.export(
        model, decoder_dummy_inputs(), path, opset_version=OPSET,
        input_names=["image_embeddings", "point_coords", "point_labels",
                     "mask_input", "has_mask_input", "orig_im_size"],
        output_names=["masks", "iou_predictions", "low_res_masks"],
        dynamic_axes={"point_coords": {1: "num_points"},
                      "point_labels": {1: "num_points"},
                      "masks": {2: "height", 3: "width"}},
        do_constant_folding=False)


def export_wrong_names(path):
    args = (torch.zeros(1, 256, 64, 64), torch.zeros(1, 2, 2),
            torch.zeros(1, 2))
    torch.onnx.export(
        WrongNames(), args, path, opset_version=OPSET,
        input_names=["embeddings", "coords", "labels"], output_names=["out"],
        dynamic_axes={"coords": {1: "num_points"},
                      "labels": {1: "num_points"}},
        do_constant_folding=True)


def check(path, expected_inputs):
    import onnx
    model = onnx.load(path)
    onnx.checker.check_model(model)
    names = [i.name for i in model.graph.input]
    if names != expected_inputs:
        raise RuntimeError("%s: inputs %s, expected %s"
                           % (path, names, expected_inputs))
    print("%-34s %6d bytes  inputs=%s outputs=%s" % (
        os.path.basename(path), os.path.getsize(path), names,
        [o.name for o in model.graph.output]))


def main(argv):
    outdir = argv[1] if len(argv) > 1 else os.path.join(
        "src", "test", "resources", "tiny")
    os.makedirs(outdir, exist_ok=True)
    torch.manual_seed(0)  # no randomness is used; belt and braces

    dec_inputs = ["image_embeddings", "point_coords", "point_labels",
                  "mask_input", "has_mask_input", "orig_im_size"]

    p = os.path.join(outdir, "tiny_encoder.onnx")
    export_encoder(p)
    check(p, ["input"])

    p = os.path.join(outdir, "tiny_decoder_box.onnx")
    export_decoder(TinyDecoder(r2=[20.25], iou=[0.8], box_iou=[0.9]), p)
    check(p, dec_inputs)

    p = os.path.join(outdir, "tiny_decoder_multimask.onnx")
    export_decoder(TinyDecoder(r2=[20.25, 6.25, 20.25, 42.25],
                               iou=[0.5, 0.6, 0.9, 0.7],
                               box_iou=[0.5, 0.6, 0.9, 0.7]), p)
    check(p, dec_inputs)

    p = os.path.join(outdir, "tiny_decoder_content.onnx")
    export_decoder(TinyContentDecoder(), p)
    check(p, dec_inputs)

    p = os.path.join(outdir, "tiny_decoder_wrong_names.onnx")
    export_wrong_names(p)
    check(p, ["embeddings", "coords", "labels"])


if __name__ == "__main__":
    main(sys.argv)
