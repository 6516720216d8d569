#!/usr/bin/env python3
"""Export tiny "interface twins" of the SAM model families for the Java tests.

Each twin has exactly the tensor names, shapes and dtypes of one family's
real ONNX export (see MODEL-INTERFACES in the README's model table), but
computes an analytic rule, so the tests can check prompt encoding, tensor
plumbing and post-processing exactly.  The SAM / MobileSAM / micro-sam
families share the official decoder export, whose twins are the models of
``scripts/make_tiny_models.py``; this script adds the rest.

Usage (Debian's python has torch and onnx)::

    /usr/bin/python3 scripts/make_family_twins.py [outdir]   # default src/test/resources/twins

Deterministic: no learned weights, all constants literal.  Opset 17.

The frame rule
==============
Every decoder here evaluates one rule in the 1024 x 1024 model frame
(the stretched or padded model input), at positions given below:

* box mode (a label-2 and a label-3 point exist): inside iff
  x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1 (FRAME_MARGIN = 1),
  (x0, y0) the label-2 point, (x1, y1) the label-3 point (means if repeated);
* point mode: inside iff the squared distance to some label-1 point is
  < r2 and to every label-0 point is >= r2, with r2 per candidate.

Points are where the graph sees them: ``coords + 0.5`` (SAM, SAM2), or
``coords * 1024 / (W, H) + 0.5`` (EfficientSAM, which takes original
pixels).  Logits are exactly +1 inside and -1 outside.

Models
======
``sam_encoder.onnx``        official/samexporter names: ``input_image``
                            [1,3,1024,1024] -> ``image_embeddings``
                            [1,256,64,64]; 16x16 average pooling, channel c
                            = pooled channel c % 3 (as tiny_encoder.onnx).
``sam_frame_decoder.onnx``  the official SAM decoder interface (inputs
                            image_embeddings, point_coords, point_labels,
                            mask_input, has_mask_input, orig_im_size; outputs
                            masks, iou_predictions, low_res_masks), K = 1:
                            ``low_res_masks`` = rule (r2 = 256) at the cell
                            centres ((u+0.5)*4, (v+0.5)*4) plus
                            mask_input * has_mask_input; ``masks`` is -1
                            everywhere at [1,1,H,W] (a stretched model must
                            not use it); iou 0.8 + 0.05 * has_mask_input.
                            The twin of MedSAM (stretched input).
``sam2_encoder.onnx``       ``image`` [1,3,1024,1024] -> ``high_res_feats_0``
                            [1,32,256,256] = 1, ``high_res_feats_1``
                            [1,64,128,128] = 2, ``image_embed``
                            [1,256,64,64] = pooling as above.
``sam2_decoder.onnx``       inputs image_embed, high_res_feats_0,
                            high_res_feats_1, point_coords [1,N,2],
                            point_labels [1,N], mask_input [1,1,256,256],
                            has_mask_input [1]; the graph appends the padding
                            point like the real export.  Outputs ``masks``
                            [1,3,256,256]: rule at the low-res cell centres
                            with r2 = 256, 64, 1024, plus
                            mask_input * has_mask_input; ``iou_predictions``
                            [1,3] = [0.6, 0.9, 0.7] + 0.05 * has_mask_input
                            + 0.01 * mean(high_res_feats_0)
                            + 0.001 * mean(high_res_feats_1)
                            + 0.1 * (number of input labels equal to -1).
``efficientsam_encoder.onnx`` ``batched_images`` [1,3,H,W] (H, W dynamic),
                            bilinear resize to 1024 x 1024 (identity for a
                            1024 input), then pooling as above ->
                            ``image_embeddings`` [1,256,64,64].
``efficientsam_decoder.onnx`` inputs image_embeddings,
                            batched_point_coords [1,1,N,2] (original pixels),
                            batched_point_labels [1,1,N], orig_im_size int64
                            [2] (H, W).  ``output_masks`` [1,1,3,H,W]: rule
                            at the pixel centres ((i+0.5)*1024/W,
                            (j+0.5)*1024/H) with r2 = 256, 64, 1024;
                            ``iou_predictions`` [1,1,3] = [0.6, 0.9, 0.7]
                            + 0.1 * (number of labels equal to -1).
``bilinear-golden.json``    PyTorch's F.interpolate(mode="bilinear",
                            align_corners=False) of a few random planes, the
                            reference the Java mask upsampler is tested against.
"""

import os
import sys

import torch
import torch.nn.functional as F

OPSET = 17
FRAME_MARGIN = 1.0
R2_MULTI = [256.0, 64.0, 1024.0]
R2_SINGLE = [256.0]
IOU_MULTI = [0.6, 0.9, 0.7]


def frame_rule(gx, gy, px, py, labels, r2):
    """+1/-1 logits [K, len(gy), len(gx)] of the frame rule (see module doc)."""
    k = len(r2)
    is_pos = labels == 1.0
    is_neg = labels == 0.0
    is_tl = (labels == 2.0).float()
    is_br = (labels == 3.0).float()
    n_tl = is_tl.sum()
    n_br = is_br.sum()
    has_box = ((n_tl > 0) & (n_br > 0)).float()
    x0 = (px * is_tl).sum() / torch.clamp(n_tl, min=1.0)
    y0 = (py * is_tl).sum() / torch.clamp(n_tl, min=1.0)
    x1 = (px * is_br).sum() / torch.clamp(n_br, min=1.0)
    y1 = (py * is_br).sum() / torch.clamp(n_br, min=1.0)
    m = FRAME_MARGIN
    in_x = ((gx >= x0 - m) & (gx <= x1 + m)).float()
    in_y = ((gy >= y0 - m) & (gy <= y1 + m)).float()
    box = in_y.unsqueeze(1) * in_x.unsqueeze(0)
    dx2 = (gx.unsqueeze(1) - px.unsqueeze(0)) ** 2
    dy2 = (gy.unsqueeze(1) - py.unsqueeze(0)) ** 2
    d2 = dy2.unsqueeze(1) + dx2.unsqueeze(0)
    far = torch.full_like(d2, 1.0e30)
    min_pos = torch.where(is_pos, d2, far).amin(dim=-1)
    min_neg = torch.where(is_neg, d2, far).amin(dim=-1)
    radii = torch.tensor(r2, dtype=torch.float32).view(k, 1, 1)
    points = ((min_pos < radii) & (min_neg >= radii)).float()
    inside = box.unsqueeze(0) * has_box + points * (1.0 - has_box)
    return inside * 2.0 - 1.0


def low_res_grid(like):
    """Cell centres (u + 0.5) * 4 of the 256 grid; (0 * like + 256) keeps a Range node."""
    n = (like.reshape(-1)[0] * 0.0 + 256.0).to(torch.int64)
    return (torch.arange(n).float() + 0.5) * 4.0


def pooled(x):
    return F.avg_pool2d(x, kernel_size=16, stride=16).repeat(1, 86, 1, 1)[:, :256]


class SamEncoder(torch.nn.Module):
    def forward(self, input_image):
        return pooled(input_image)


class SamFrameDecoder(torch.nn.Module):
    def forward(self, image_embeddings, point_coords, point_labels,
                mask_input, has_mask_input, orig_im_size):
        coords = point_coords[0] + 0.5
        g = low_res_grid(orig_im_size)
        low = frame_rule(g, g, coords[:, 0], coords[:, 1], point_labels[0], R2_SINGLE)
        low = (low.unsqueeze(0) + mask_input[0] * has_mask_input).reshape(1, 1, 256, 256)
        h = orig_im_size[0].to(torch.int64)
        w = orig_im_size[1].to(torch.int64)
        masks = torch.zeros(1, 1, h, w) - 1.0
        iou = (torch.tensor([0.8]) + 0.05 * has_mask_input + 0.0 * image_embeddings.mean()).reshape(1, 1)
        return masks, iou, low


class Sam2Encoder(torch.nn.Module):
    def forward(self, image):
        p4 = F.avg_pool2d(image, kernel_size=4, stride=4)[:, :1]
        p8 = F.avg_pool2d(image, kernel_size=8, stride=8)[:, :1]
        f0 = (p4 * 0.0 + 1.0).repeat(1, 32, 1, 1)
        f1 = (p8 * 0.0 + 2.0).repeat(1, 64, 1, 1)
        return f0, f1, pooled(image)


class Sam2Decoder(torch.nn.Module):
    def forward(self, image_embed, high_res_feats_0, high_res_feats_1,
                point_coords, point_labels, mask_input, has_mask_input):
        fed_padding = (point_labels[0] == -1.0).float().sum()
        coords = torch.cat([point_coords + 0.5, torch.zeros(1, 1, 2)], dim=1)[0]
        labels = torch.cat([point_labels, -torch.ones(1, 1)], dim=1)[0]
        g = low_res_grid(image_embed)
        low = frame_rule(g, g, coords[:, 0], coords[:, 1], labels, R2_MULTI)
        low = (low.unsqueeze(0) + mask_input[0] * has_mask_input).reshape(1, 3, 256, 256)
        iou = (torch.tensor(IOU_MULTI) + 0.05 * has_mask_input
               + 0.01 * high_res_feats_0.mean() + 0.001 * high_res_feats_1.mean()
               + 0.1 * fed_padding + 0.0 * image_embed.mean()).reshape(1, 3)
        return low, iou


class EfficientSamEncoder(torch.nn.Module):
    def forward(self, batched_images):
        x = F.interpolate(batched_images, (1024, 1024), mode="bilinear", align_corners=False)
        return pooled(x)


class EfficientSamDecoder(torch.nn.Module):
    def forward(self, image_embeddings, batched_point_coords, batched_point_labels, orig_im_size):
        h = orig_im_size[0]
        w = orig_im_size[1]
        pts = batched_point_coords[0, 0]
        labels = batched_point_labels[0, 0]
        px = pts[:, 0] * 1024.0 / w.float() + 0.5
        py = pts[:, 1] * 1024.0 / h.float() + 0.5
        gx = (torch.arange(w).float() + 0.5) * 1024.0 / w.float()
        gy = (torch.arange(h).float() + 0.5) * 1024.0 / h.float()
        masks = frame_rule(gx, gy, px, py, labels, R2_MULTI).unsqueeze(0).unsqueeze(0)
        fed_padding = (labels == -1.0).float().sum()
        iou = (torch.tensor(IOU_MULTI) + 0.1 * fed_padding + 0.0 * image_embeddings.mean()).reshape(1, 1, 3)
        return masks, iou


def export(model, args, path, inputs, outputs, dynamic):
    torch.onnx.export(model, args, path, opset_version=OPSET, input_names=inputs,
                      output_names=outputs, dynamic_axes=dynamic, do_constant_folding=False)
    import onnx
    m = onnx.load(path)
    onnx.checker.check_model(m)
    names = [i.name for i in m.graph.input]
    if names != inputs:
        raise RuntimeError("%s: inputs %s, expected %s" % (path, names, inputs))
    print("%-30s %7d bytes  inputs=%s outputs=%s" % (
        os.path.basename(path), os.path.getsize(path), names, [o.name for o in m.graph.output]))


def write_bilinear_golden(path):
    """PyTorch's bilinear resize (align_corners=False) of random planes: the reference for MaskUpsampler."""
    import json
    torch.manual_seed(7)
    cases = []
    for (sh, sw, dh, dw) in [(5, 6, 11, 17), (5, 6, 3, 4), (4, 4, 9, 9), (7, 3, 7, 3)]:
        src = torch.rand(sh, sw) * 8 - 4
        dst = F.interpolate(src[None, None], (dh, dw), mode="bilinear", align_corners=False)[0, 0]
        cases.append(dict(srcWidth=sw, srcHeight=sh, dstWidth=dw, dstHeight=dh,
                          src=[float(v) for v in src.flatten()], dst=[float(v) for v in dst.flatten()]))
    with open(path, "w") as f:
        json.dump(dict(generator="torch %s F.interpolate(mode='bilinear', align_corners=False), float32"
                       % torch.__version__, cases=cases), f)
    print("%-30s %7d bytes" % (os.path.basename(path), os.path.getsize(path)))


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join("src", "test", "resources", "twins")
    os.makedirs(out, exist_ok=True)
    image = torch.zeros(1, 3, 1024, 1024)
    emb = torch.zeros(1, 256, 64, 64)
    coords = torch.tensor([[[100.0, 200.0], [300.0, 400.0]]])
    labels = torch.tensor([[2.0, 3.0]])
    mask = torch.zeros(1, 1, 256, 256)
    has = torch.zeros(1)
    points = {"point_coords": {1: "num_points"}, "point_labels": {1: "num_points"}}

    export(SamEncoder(), (image,), os.path.join(out, "sam_encoder.onnx"),
           ["input_image"], ["image_embeddings"], {})
    export(SamFrameDecoder(), (emb, coords, labels, mask, has, torch.tensor([480.0, 640.0])),
           os.path.join(out, "sam_frame_decoder.onnx"),
           ["image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input", "orig_im_size"],
           ["masks", "iou_predictions", "low_res_masks"],
           dict(points, masks={2: "height", 3: "width"}))
    export(Sam2Encoder(), (image,), os.path.join(out, "sam2_encoder.onnx"),
           ["image"], ["high_res_feats_0", "high_res_feats_1", "image_embed"], {})
    export(Sam2Decoder(), (emb, torch.zeros(1, 32, 256, 256), torch.zeros(1, 64, 128, 128), coords, labels,
                           mask, has),
           os.path.join(out, "sam2_decoder.onnx"),
           ["image_embed", "high_res_feats_0", "high_res_feats_1", "point_coords", "point_labels",
            "mask_input", "has_mask_input"],
           ["masks", "iou_predictions"], points)
    export(EfficientSamEncoder(), (torch.zeros(1, 3, 1024, 1024),), os.path.join(out, "efficientsam_encoder.onnx"),
           ["batched_images"], ["image_embeddings"],
           {"batched_images": {2: "height", 3: "width"}})
    export(EfficientSamDecoder(), (emb, torch.tensor([[[[100.0, 200.0], [300.0, 400.0]]]]),
                                   torch.tensor([[[2.0, 3.0]]]), torch.tensor([480, 640], dtype=torch.int64)),
           os.path.join(out, "efficientsam_decoder.onnx"),
           ["image_embeddings", "batched_point_coords", "batched_point_labels", "orig_im_size"],
           ["output_masks", "iou_predictions"],
           {"batched_point_coords": {2: "num_points"}, "batched_point_labels": {2: "num_points"},
            "output_masks": {3: "height", 4: "width"}})
    write_bilinear_golden(os.path.join(out, "bilinear-golden.json"))


if __name__ == "__main__":
    main(sys.argv)
