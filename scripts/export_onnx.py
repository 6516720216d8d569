#!/usr/bin/env python3
"""Export a SAM-family checkpoint to the ONNX encoder + decoder pair and the
descriptor that Segment Anything for Fiji loads.

For users who have PyTorch and a checkpoint: official SAM (ViT-B/L/H), MobileSAM,
MedSAM, micro-sam and SAM 2.1.  The model's descriptor in ``models/ID.json``
says which family it is (its ``export`` field) and which tensor names and
preprocessing the plugin expects; this script writes files that match it.

    python3 scripts/export_onnx.py --model sam-vit-b --checkpoint sam_vit_b_01ec64.pth --out exported/sam-vit-b
    scripts/sam models import sam-vit-b --from exported/sam-vit-b

Needs ``torch`` and ``onnx``, plus the family's own package:
``segment_anything`` (sam, medsam), ``mobile_sam`` (mobilesam),
``micro_sam`` (micro-sam; without --checkpoint it fetches its model itself),
``sam2`` (sam2).  The output directory gets ``encoder.onnx``, ``decoder.onnx``
(and ``encoder.onnx.data`` for ViT-H, whose weights exceed ONNX's 2 GB limit)
and ``model.json``: the descriptor with the SHA-256 of every file filled in.

What is exported (see the README's model table and MODEL-INTERFACES):
* encoder: the image encoder alone, input [1,3,1024,1024] already resized and
  normalised by the plugin (SAM2: also the two high-resolution feature maps);
* decoder: the official SAM decoder export (segment_anything.utils.onnx) with
  all four masks (MedSAM: only the single-mask output, as MedSAM predicts), or
  for SAM2 a decoder taking the high-resolution features and returning the
  three multimask low-resolution masks, like samexporter's export.
"""

import argparse
import copy
import hashlib
import json
import os
import shutil
import sys
import tempfile

import torch

OPSET = 17
HERE = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------
# Wrappers (module interfaces the exported graphs have)
# --------------------------------------------------------------------------

class ImageEncoderOnly(torch.nn.Module):
    """input_image [1,3,1024,1024] (normalised, padded) -> image_embeddings."""

    def __init__(self, image_encoder):
        super().__init__()
        self.image_encoder = image_encoder

    def forward(self, input_image):
        return self.image_encoder(input_image)


class FirstMaskOnly(torch.nn.Module):
    """The official decoder export restricted to its single-mask output (token 0)."""

    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size):
        masks, scores, low_res = self.decoder(image_embeddings, point_coords, point_labels, mask_input,
                                              has_mask_input, orig_im_size)
        return masks[:, :1], scores[:, :1], low_res[:, :1]


class Sam2Encoder(torch.nn.Module):
    """image [1,3,1024,1024] -> high_res_feats_0, high_res_feats_1, image_embed (SAM2 image mode, no memory)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, image):
        out = self.model.image_encoder(image)
        fpn = list(out["backbone_fpn"])
        fpn[0] = self.model.sam_mask_decoder.conv_s0(fpn[0])
        fpn[1] = self.model.sam_mask_decoder.conv_s1(fpn[1])
        levels = self.model.num_feature_levels
        fpn = fpn[-levels:]
        # the lowest-resolution level gets the "no memory" embedding, as SAM2 does for a single image
        embed = fpn[-1] + self.model.no_mem_embed.reshape(1, -1, 1, 1)
        return fpn[0], fpn[1], embed


class Sam2Decoder(torch.nn.Module):
    """SAM2 prompt encoder + mask decoder: points in the 1024 frame, padding point appended, 3 multimask outputs."""

    def __init__(self, model):
        super().__init__()
        self.model = model
        self.prompt_encoder = model.sam_prompt_encoder
        self.mask_decoder = model.sam_mask_decoder

    def forward(self, image_embed, high_res_feats_0, high_res_feats_1, point_coords, point_labels, mask_input,
                has_mask_input):
        pe = self.prompt_encoder
        coords = torch.cat([point_coords + 0.5, torch.zeros_like(point_coords[:, :1])], dim=1)
        labels = torch.cat([point_labels, -torch.ones_like(point_labels[:, :1])], dim=1)
        coords = coords / self.model.image_size
        sparse = pe.pe_layer._pe_encoding(coords)
        lab = labels.unsqueeze(-1)
        sparse = sparse * (lab != -1) + pe.not_a_point_embed.weight * (lab == -1)
        for i in range(pe.num_point_embeddings):
            sparse = sparse + pe.point_embeddings[i].weight * (lab == i)
        dense = has_mask_input * pe.mask_downscaling(mask_input) + \
            (1 - has_mask_input) * pe.no_mask_embed.weight.reshape(1, -1, 1, 1)
        masks, iou, _, _ = self.mask_decoder.predict_masks(
            image_embeddings=image_embed, image_pe=pe.get_dense_pe(), sparse_prompt_embeddings=sparse,
            dense_prompt_embeddings=dense, repeat_image=False, high_res_features=[high_res_feats_0, high_res_feats_1])
        return torch.clamp(masks[:, 1:], -32.0, 32.0), iou[:, 1:]


# --------------------------------------------------------------------------
# Family builders: (encoder module, decoder module, encoder args, decoder args)
# --------------------------------------------------------------------------

def sam_decoder_args(embedding):
    return (embedding, torch.randint(0, 1024, (1, 5, 2)).float(), torch.randint(0, 4, (1, 5)).float(),
            torch.randn(1, 1, 256, 256), torch.tensor([1.0]), torch.tensor([1500.0, 2250.0]))


def sam_family_modules(sam, single_mask, onnx_model_class):
    encoder = ImageEncoderOnly(sam.image_encoder).eval()
    decoder = onnx_model_class(sam, return_single_mask=False)
    if single_mask:
        decoder = FirstMaskOnly(decoder)
    return encoder, decoder.eval()


def build(family, variant, checkpoint):
    if family in ("sam", "medsam"):
        from segment_anything import sam_model_registry
        from segment_anything.utils.onnx import SamOnnxModel
        sam = sam_model_registry[variant](checkpoint=checkpoint)
        return sam_family_modules(sam, family == "medsam", SamOnnxModel)
    if family == "mobilesam":
        from mobile_sam import sam_model_registry
        from mobile_sam.utils.onnx import SamOnnxModel
        return sam_family_modules(sam_model_registry[variant](checkpoint=checkpoint), False, SamOnnxModel)
    if family == "micro-sam":
        from micro_sam.util import get_sam_model
        from segment_anything.utils.onnx import SamOnnxModel
        predictor = get_sam_model(model_type=variant, checkpoint_path=checkpoint, device="cpu")
        return sam_family_modules(predictor.model, False, SamOnnxModel)
    if family == "sam2":
        from sam2.build_sam import build_sam2
        model = build_sam2(variant, checkpoint, device="cpu").eval()
        return Sam2Encoder(model).eval(), Sam2Decoder(model).eval()
    raise SystemExit("export_onnx.py: family '%s' is not supported (sam, mobilesam, medsam, micro-sam, sam2)" % family)


def decoder_args(descriptor, embeddings):
    """Example decoder inputs for tracing, given the encoder's outputs."""
    if descriptor["decoder"]["interface"] == "sam2-onnx":
        f0, f1, embed = embeddings
        return (embed, f0, f1, torch.randint(0, 1024, (1, 5, 2)).float(), torch.randint(0, 4, (1, 5)).float(),
                torch.randn(1, 1, 256, 256), torch.tensor([1.0]))
    return sam_decoder_args(embeddings)


def decoder_dynamic_axes(descriptor):
    axes = {"point_coords": {1: "num_points"}, "point_labels": {1: "num_points"}}
    if descriptor["decoder"]["interface"] == "sam-onnx":
        axes["masks"] = {2: "height", 3: "width"}
    return axes


# --------------------------------------------------------------------------
# Export and descriptor
# --------------------------------------------------------------------------

def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export_graph(module, args, part, out_dir, dynamic_axes):
    """Exports one graph with the descriptor part's tensor names; weights go to part['externalData'] if named."""
    import onnx
    target = os.path.join(out_dir, part["file"])
    data = part.get("externalData")
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "model.onnx")
        with torch.no_grad():
            torch.onnx.export(module, args, raw, opset_version=OPSET, input_names=part["inputs"],
                              output_names=part["outputs"], dynamic_axes=dynamic_axes, do_constant_folding=True)
        model = onnx.load(raw)
        names_in = [i.name for i in model.graph.input]
        names_out = [o.name for o in model.graph.output]
        if sorted(names_in) != sorted(part["inputs"]) or not set(part["outputs"]) <= set(names_out):
            raise SystemExit("export_onnx.py: %s has inputs %s and outputs %s, but the descriptor expects %s and %s"
                             % (part["file"], names_in, names_out, part["inputs"], part["outputs"]))
        if data:
            onnx.save_model(model, os.path.join(tmp, "final.onnx"), save_as_external_data=True,
                            all_tensors_to_one_file=True, location=data["file"], size_threshold=1024)
            onnx.checker.check_model(os.path.join(tmp, "final.onnx"))
            shutil.move(os.path.join(tmp, data["file"]), os.path.join(out_dir, data["file"]))
            shutil.move(os.path.join(tmp, "final.onnx"), target)
            data["sha256"] = sha256(os.path.join(out_dir, data["file"]))
        else:
            onnx.checker.check_model(model)
            shutil.move(raw, target)
    part["sha256"] = sha256(target)


def export_pair(descriptor, encoder, decoder, image, out_dir):
    """Exports encoder and decoder under the descriptor's names and writes out_dir/model.json with checksums."""
    d = copy.deepcopy(descriptor)
    os.makedirs(out_dir, exist_ok=True)
    with torch.no_grad():
        embeddings = encoder(image)
    export_graph(encoder, (image,), d["encoder"], out_dir, {})
    export_graph(decoder, decoder_args(d, embeddings), d["decoder"], out_dir, decoder_dynamic_axes(d))
    tmp = os.path.join(out_dir, ".model.json.part")
    with open(tmp, "w") as f:
        json.dump(d, f, indent=2)
        f.write("\n")
    os.replace(tmp, os.path.join(out_dir, "model.json"))
    return d


def load_descriptor(model):
    path = model if model.endswith(".json") else os.path.join(HERE, "..", "models", model + ".json")
    if not os.path.isfile(path):
        known = sorted(f[:-5] for f in os.listdir(os.path.join(HERE, "..", "models")) if f.endswith(".json"))
        raise SystemExit("export_onnx.py: no descriptor %s. Known models: %s" % (path, ", ".join(known)))
    with open(path) as f:
        d = json.load(f)
    if "export" not in d:
        raise SystemExit("export_onnx.py: %s has no 'export' field: this model is not exported by this script" % path)
    return d


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True, help="model id of models/ID.json (or a descriptor path)")
    p.add_argument("--checkpoint", help="the PyTorch checkpoint (micro-sam: optional, it downloads its own)")
    p.add_argument("--out", required=True, help="output directory (created)")
    a = p.parse_args(argv)
    d = load_descriptor(a.model)
    if a.checkpoint is None and d["export"]["family"] != "micro-sam":
        raise SystemExit("export_onnx.py: --checkpoint is needed for %s (%s)" % (d["id"], d.get("checkpointUrl", d["source"])))
    encoder, decoder = build(d["export"]["family"], d["export"]["variant"], a.checkpoint)
    result = export_pair(d, encoder, decoder, torch.randn(1, 3, 1024, 1024), a.out)
    print("Wrote %s: %s. Install with: scripts/sam models import %s --from %s"
          % (a.out, ", ".join(sorted(os.listdir(a.out))), os.path.join(a.out, "model.json"), a.out))
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
