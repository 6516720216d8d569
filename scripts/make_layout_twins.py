#!/usr/bin/env python3
"""Tiny twins of the PUBLISHED ONNX exports in the model catalogue.

Each twin has exactly the tensor names, shapes and dtypes of one published
export (facts and sources in ../shared/MODEL-INTERFACES.md, in the Javadoc of
the decoder classes and in each descriptor's "source"), so that the Java tests
can prove the plugin's pre- and post-processing for that layout exactly:

* the ENCODER twins have random weights (fixed seeds): a box filter down to the
  64x64 grid (the 16x16 patch grid of a 1024 input; 8x8 for the 512 input of
  EfficientViT-SAM L0/L1), then a random 1x1 convolution to 256 channels.  The
  script also writes ``encoder-references.json``: for a synthetic RGB image
  (``pattern`` below), the input tensor built the way the export's OWN
  reference caller builds it (cited per entry), and the PyTorch module's output
  for it.  The Java test builds the input with the catalogue descriptor and
  must reproduce these outputs; the image sizes are chosen so that no resize
  happens (the reference callers resize with cv2/PIL, which we do not mirror).
* the DECODER twins evaluate the frame rule of ``make_family_twins.py`` (boxes
  and discs in the 1024 frame, logits exactly +1/-1), so the expected masks are
  computed independently in Java (FamilyTwins).  Four candidates use squared
  radii R2_QUAD and predicted IoU IOU_QUAD (+0.05 * has_mask_input where there
  is a mask input, +0.1 per fed point labelled -1, so a test sees whether the
  caller appended SAM's padding point).

Usage (Debian's python has torch and onnx)::

    /usr/bin/python3 scripts/make_layout_twins.py [outdir]   # default src/test/resources/twins/published

Twins
=====
``sam_x_encoder.onnx``            labelme SAM int8 encoders: ``x`` [1,3,1024,1024]
                                  -> ``image_embeddings`` [1,256,64,64].
``samexporter_hwc_encoder.onnx``  samexporter ``export_encoder.py --use-preprocess``
                                  (AnyLabeling zips): ``input_image`` [H,W,3] float
                                  RGB 0-255 (H, W dynamic), normalised with SAM's
                                  mean/std, permuted and zero-padded to 1024 INSIDE
                                  the graph (code of samexporter/onnx_utils.py) ->
                                  ``image_embeddings``.
``osam_sam2_encoder.onnx``        osam SAM 2.1 ``*_preprocess.onnx`` (ryouchinsa
                                  export_onnx.py): ``input`` [1,3,1024,1024] ->
                                  ``image_embeddings`` [1,256,64,64],
                                  ``high_res_features1`` [1,32,256,256],
                                  ``high_res_features2`` [1,64,128,128].
``osam_sam2_decoder.onnx``        inputs image_embeddings, high_res_features1,
                                  high_res_features2, point_coords [1,N,2],
                                  point_labels [1,N], mask_input [1,1,256,256],
                                  has_mask_input [1], orig_im_size int64 [2]; appends
                                  the padding point itself; outputs ``masks``
                                  [1,4,H,W] (rule at the pixel centres mapped into
                                  the stretched frame), ``iou_predictions`` [1,4],
                                  ``low_res_masks`` [1,4,256,256] (rule at the cell
                                  centres + mask_input * has_mask_input).
``efficientvit_encoder.onnx``     EfficientViT-SAM L0/L1: ``input_image``
                                  [1,3,512,512] -> ``image_embeddings``.
``efficientvit_decoder.onnx``     inputs image_embeddings, point_coords [1,N,2],
                                  point_labels [1,N] (1024 frame); outputs
                                  ``masks`` [1,4,256,256], ``iou_predictions`` [1,4].
``edgesam_encoder.onnx``          EdgeSAM: ``image`` [1,3,1024,1024] ->
                                  ``image_embeddings``.
``edgesam_decoder.onnx``          as the EfficientViT twin, outputs in EdgeSAM's
                                  order and names: ``scores`` [1,4], ``masks``
                                  [1,4,256,256].
``efficientsam_hw_encoder.onnx``  labelme EfficientSAM: ``batched_images`` [1,3,H,W]
                                  (H, W dynamic), bilinear resize to 1024 inside the
                                  graph -> ``image_embeddings``.
``encoder-references.json``       per encoder: catalogue id, image size, reference
                                  caller, channel 0 of every output
                                  (base64 float32 little-endian, row-major; the
                                  high-resolution maps sampled every 4th / 2nd
                                  row and column, i.e. on the 64x64 grid).

Deterministic for a given torch version (seeds fixed).  Opset 17.
"""

import base64
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

OPSET = 17
SAM_MEAN = [123.675, 116.28, 103.53]
SAM_STD = [58.395, 57.12, 57.375]
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]
FRAME_MARGIN = 1.0
R2_QUAD = [256.0, 64.0, 576.0, 1024.0]
IOU_QUAD = [0.5, 0.6, 0.9, 0.7]


# ---------------------------------------------------------------------------
# Encoders (random weights)
# ---------------------------------------------------------------------------

class Embed(torch.nn.Module):
    """Box filter to the 64x64 grid, then a random 1x1 convolution to `channels`."""

    def __init__(self, seed, pool, channels=256):
        super().__init__()
        torch.manual_seed(seed)
        self.pool = pool
        self.conv = torch.nn.Conv2d(3, channels, 1)

    def forward(self, x):
        return self.conv(F.avg_pool2d(x, kernel_size=self.pool, stride=self.pool))


class NchwEncoder(torch.nn.Module):
    def __init__(self, seed, pool=16):
        super().__init__()
        self.embed = Embed(seed, pool)

    def forward(self, x):
        return self.embed(x)


class SamexporterHwcEncoder(torch.nn.Module):
    """samexporter onnx_utils.ImageEncoderOnnxModel.preprocess, then the random embedding."""

    def __init__(self, seed):
        super().__init__()
        self.embed = Embed(seed, 16)
        self.pixel_mean = torch.tensor(SAM_MEAN, dtype=torch.float)
        self.pixel_std = torch.tensor(SAM_STD, dtype=torch.float)

    def forward(self, input_image):
        x = (input_image - self.pixel_mean) / self.pixel_std
        x = torch.permute(x, (2, 0, 1))
        h, w = x.shape[-2:]
        x = F.pad(x, (0, 1024 - w, 0, 1024 - h))
        return self.embed(torch.unsqueeze(x, 0))


class OsamSam2Encoder(torch.nn.Module):
    def __init__(self, seed):
        super().__init__()
        self.embed = Embed(seed, 16)
        self.feats1 = Embed(seed + 1, 4, 32)
        self.feats2 = Embed(seed + 2, 8, 64)

    def forward(self, input):
        return self.embed(input), self.feats1(input), self.feats2(input)


class EfficientSamHwEncoder(torch.nn.Module):
    """EfficientSAM's get_image_embeddings resizes to 1024 inside the graph; the normalisation is folded into the weights."""

    def __init__(self, seed):
        super().__init__()
        self.embed = Embed(seed, 16)

    def forward(self, batched_images):
        x = F.interpolate(batched_images, (1024, 1024), mode="bilinear", align_corners=False)
        return self.embed(x)


# ---------------------------------------------------------------------------
# Decoders (frame rule)
# ---------------------------------------------------------------------------

def frame_rule(gx, gy, px, py, labels, r2):
    """+1/-1 logits [K, len(gy), len(gx)] (the rule of make_family_twins.py)."""
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


def quad_iou(point_labels, image_embeddings):
    fed_padding = (point_labels[0] == -1.0).float().sum()
    return torch.tensor(IOU_QUAD) + 0.1 * fed_padding + 0.0 * image_embeddings.mean()


class OsamSam2Decoder(torch.nn.Module):
    def forward(self, image_embeddings, high_res_features1, high_res_features2, point_coords, point_labels,
                mask_input, has_mask_input, orig_im_size):
        iou = quad_iou(point_labels, image_embeddings) + 0.05 * has_mask_input \
            + 0.0 * high_res_features1.mean() + 0.0 * high_res_features2.mean()
        coords = torch.cat([point_coords + 0.5, torch.zeros(1, 1, 2)], dim=1)[0]
        labels = torch.cat([point_labels, -torch.ones(1, 1)], dim=1)[0]
        g = low_res_grid(image_embeddings)
        low = frame_rule(g, g, coords[:, 0], coords[:, 1], labels, R2_QUAD)
        low = (low.unsqueeze(0) + mask_input[0] * has_mask_input).reshape(1, 4, 256, 256)
        h = orig_im_size[0]
        w = orig_im_size[1]
        gx = (torch.arange(w).float() + 0.5) * 1024.0 / w.float()
        gy = (torch.arange(h).float() + 0.5) * 1024.0 / h.float()
        masks = frame_rule(gx, gy, coords[:, 0], coords[:, 1], labels, R2_QUAD).unsqueeze(0)
        return masks, iou.reshape(1, 4), low


class PointsOnlyDecoder(torch.nn.Module):
    """EdgeSAM / EfficientViT-SAM: no padding appended by the graph, low-resolution masks out."""

    def __init__(self, scores_first):
        super().__init__()
        self.scores_first = scores_first

    def forward(self, image_embeddings, point_coords, point_labels):
        coords = (point_coords + 0.5)[0]
        g = low_res_grid(image_embeddings)
        low = frame_rule(g, g, coords[:, 0], coords[:, 1], point_labels[0], R2_QUAD).reshape(1, 4, 256, 256)
        iou = quad_iou(point_labels, image_embeddings).reshape(1, 4)
        return (iou, low) if self.scores_first else (low, iou)


# ---------------------------------------------------------------------------
# Export and references
# ---------------------------------------------------------------------------

def export(model, args, path, inputs, outputs, dynamic):
    torch.onnx.export(model, args, path, opset_version=OPSET, input_names=inputs,
                      output_names=outputs, dynamic_axes=dynamic, do_constant_folding=False)
    import onnx
    m = onnx.load(path)
    onnx.checker.check_model(m)
    names = [i.name for i in m.graph.input]
    if names != inputs:
        raise RuntimeError("%s: inputs %s, expected %s" % (path, names, inputs))
    outs = [o.name for o in m.graph.output]
    if outs != outputs:
        raise RuntimeError("%s: outputs %s, expected %s" % (path, outs, outputs))
    print("%-32s %7d bytes  inputs=%s outputs=%s" % (os.path.basename(path), os.path.getsize(path), names, outs))


def pattern(width, height):
    """The synthetic RGB image [H, W, 3] uint8 that the Java test draws too (PublishedEncoderReferenceTest)."""
    y, x = np.mgrid[0:height, 0:width]
    r = (3 * x + 5 * y) % 256
    g = (7 * x + 2 * y + 40) % 256
    b = (x * y + 11) % 256
    return np.stack([r, g, b], axis=-1).astype(np.uint8)


def pad_nchw(x, size):
    """[H, W, 3] float -> [1, 3, size, size], zero padding bottom-right."""
    h, w = x.shape[:2]
    out = np.zeros((1, 3, size, size), dtype=np.float32)
    out[0, :, :h, :w] = x.transpose(2, 0, 1)
    return out


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f4").tobytes()).decode("ascii")


def reference(model_id, caller, width, height, model, tensor, output_names, strides):
    with torch.no_grad():
        outs = model(torch.from_numpy(tensor))
    if not isinstance(outs, tuple):
        outs = (outs,)
    entry = dict(id=model_id, caller=caller, width=width, height=height, outputs=[])
    for name, out, stride in zip(output_names, outs, strides):
        a = out.numpy()[0, :1, ::stride, ::stride]
        entry["outputs"].append(dict(name=name, shape=list(out.shape), channels=1, stride=stride,
                                     rows=a.shape[1], columns=a.shape[2], values=b64(a)))
    return entry


def write_references(out, encoders):
    refs = []
    sam_mean = np.array(SAM_MEAN, dtype=np.float32)
    sam_std = np.array(SAM_STD, dtype=np.float32)

    img = pattern(1024, 768).astype(np.float32)
    refs.append(reference("sam-vit-b-int8", "osam _models/sam/_encoding.py (labelme files): (rgb - SAM mean) / SAM std,"
                          " zero pad bottom-right, NCHW, fed as 'x'", 1024, 768, encoders["x"],
                          pad_nchw((img - sam_mean) / sam_std, 1024), ["image_embeddings"], [1]))
    refs.append(reference("mobilesam-anylabeling", "samexporter inference: resized RGB 0-255 as [H, W, 3] float; the"
                          " graph normalises and pads", 1024, 768, encoders["hwc"], img.copy(),
                          ["image_embeddings"], [1]))
    refs.append(reference("edgesam", "EdgeSAM edge_sam/onnx/predictor_onnx.py: (rgb - SAM mean) / SAM std, zero pad"
                          " bottom-right", 1024, 768, encoders["edgesam"], pad_nchw((img - sam_mean) / sam_std, 1024),
                          ["image_embeddings"], [1]))

    img = pattern(1024, 1024).astype(np.float32)
    imagenet = (img / 255.0 - np.array(IMAGENET_MEAN, dtype=np.float32)) / np.array(IMAGENET_STD, dtype=np.float32)
    refs.append(reference("sam2.1-tiny-osam", "ryouchinsa sam-cpp-macos export_onnx.py import_onnx: stretch to 1024,"
                          " (rgb / 255 - ImageNet mean) / ImageNet std", 1024, 1024, encoders["osam"],
                          pad_nchw(imagenet.astype(np.float32), 1024),
                          ["image_embeddings", "high_res_features1", "high_res_features2"], [1, 4, 2]))

    img = pattern(512, 384).astype(np.float32)
    refs.append(reference("efficientvit-sam-l0", "mit-han-lab/efficientvit run_efficientvit_sam_onnx.py preprocess:"
                          " longest side 512, rgb / 255, normalised by SAM mean / 255 and std / 255, zero pad",
                          512, 384, encoders["efficientvit"],
                          pad_nchw(((img / 255.0 - sam_mean / 255.0) / (sam_std / 255.0)).astype(np.float32), 512),
                          ["image_embeddings"], [1]))

    img = pattern(640, 480).astype(np.float32)
    refs.append(reference("efficientsam-ti-labelme", "labelme ai/efficient_sam.py: rgb / 255 at the image's own size,"
                          " NCHW", 640, 480, encoders["efficientsam"],
                          (img / 255.0).transpose(2, 0, 1)[None].astype(np.float32), ["image_embeddings"], [1]))

    path = os.path.join(out, "encoder-references.json")
    with open(path, "w") as f:
        json.dump(dict(generator="scripts/make_layout_twins.py, torch %s" % torch.__version__, encoders=refs), f)
    print("%-32s %7d bytes" % (os.path.basename(path), os.path.getsize(path)))


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join("src", "test", "resources", "twins", "published")
    os.makedirs(out, exist_ok=True)
    image = torch.zeros(1, 3, 1024, 1024)
    emb = torch.zeros(1, 256, 64, 64)
    coords = torch.tensor([[[100.0, 200.0], [300.0, 400.0]]])
    labels = torch.tensor([[2.0, 3.0]])
    points = {"point_coords": {1: "num_points"}, "point_labels": {1: "num_points"}}
    encoders = dict(x=NchwEncoder(1401), hwc=SamexporterHwcEncoder(1402), osam=OsamSam2Encoder(1403),
                    efficientvit=NchwEncoder(1406, pool=8), edgesam=NchwEncoder(1407),
                    efficientsam=EfficientSamHwEncoder(1408))

    export(encoders["x"], (image,), os.path.join(out, "sam_x_encoder.onnx"), ["x"], ["image_embeddings"], {})
    export(encoders["hwc"], (torch.zeros(768, 1024, 3),), os.path.join(out, "samexporter_hwc_encoder.onnx"),
           ["input_image"], ["image_embeddings"], {"input_image": {0: "image_height", 1: "image_width"}})
    export(encoders["osam"], (image,), os.path.join(out, "osam_sam2_encoder.onnx"), ["input"],
           ["image_embeddings", "high_res_features1", "high_res_features2"], {})
    export(OsamSam2Decoder(), (emb, torch.zeros(1, 32, 256, 256), torch.zeros(1, 64, 128, 128), coords, labels,
                               torch.zeros(1, 1, 256, 256), torch.zeros(1), torch.tensor([480, 640], dtype=torch.int64)),
           os.path.join(out, "osam_sam2_decoder.onnx"),
           ["image_embeddings", "high_res_features1", "high_res_features2", "point_coords", "point_labels",
            "mask_input", "has_mask_input", "orig_im_size"], ["masks", "iou_predictions", "low_res_masks"],
           dict(points, masks={2: "height", 3: "width"}))
    export(encoders["efficientvit"], (torch.zeros(1, 3, 512, 512),), os.path.join(out, "efficientvit_encoder.onnx"),
           ["input_image"], ["image_embeddings"], {})
    export(PointsOnlyDecoder(scores_first=False), (emb, coords, labels), os.path.join(out, "efficientvit_decoder.onnx"),
           ["image_embeddings", "point_coords", "point_labels"], ["masks", "iou_predictions"], points)
    export(encoders["edgesam"], (image,), os.path.join(out, "edgesam_encoder.onnx"), ["image"], ["image_embeddings"],
           {})
    export(PointsOnlyDecoder(scores_first=True), (emb, coords, labels), os.path.join(out, "edgesam_decoder.onnx"),
           ["image_embeddings", "point_coords", "point_labels"], ["scores", "masks"], points)
    export(encoders["efficientsam"], (torch.zeros(1, 3, 480, 640),), os.path.join(out, "efficientsam_hw_encoder.onnx"),
           ["batched_images"], ["image_embeddings"], {"batched_images": {2: "height", 3: "width"}})
    write_references(out, encoders)


if __name__ == "__main__":
    main(sys.argv)
