package io.github.samfiji.engine.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Crop boxes as SAM's {@code generate_crop_boxes} computes them (values worked out from its code). */
class CropBoxTest {

	private static List<String> describe(List<CropBox> boxes) {
		List<String> s = new ArrayList<>();
		for (CropBox b : boxes)
			s.add(b.x() + "," + b.y() + "," + (b.x() + b.width()) + "," + (b.y() + b.height()) + "@" + b.layer());
		return s;
	}

	@Test
	void layerZeroIsTheWholePlane() {
		assertEquals(Arrays.asList("0,0,1000,600@0"), describe(CropBox.layers(1000, 600, 0, 512 / 1500.0)));
	}

	@Test
	void oneLayerGivesFourOverlappingCropsInSamsOrder() {
		// short side 600, overlap int(512/1500 * 600 * 2/2) = 204, crop 602 x 402, origins 0 and 398 / 0 and 198
		assertEquals(Arrays.asList("0,0,1000,600@0", "0,0,602,402@1", "0,198,602,600@1", "398,0,1000,402@1",
			"398,198,1000,600@1"), describe(CropBox.layers(1000, 600, 1, 512 / 1500.0)));
	}

	@Test
	void twoLayersAddSixteenCropsThatCoverThePlane() {
		List<CropBox> boxes = CropBox.layers(256, 256, 2, 512 / 1500.0);
		assertEquals(1 + 4 + 16, boxes.size());
		// layer 2: overlap int(0.3413 * 256 * 0.5) = 43, crop ceil((43 * 3 + 256) / 4) = 97, origins 0, 54, 108, 162
		CropBox last = boxes.get(boxes.size() - 1);
		assertEquals(Arrays.asList(162, 162, 94, 94, 2), Arrays.asList(last.x(), last.y(), last.width(), last.height(),
			last.layer()));
	}
}
