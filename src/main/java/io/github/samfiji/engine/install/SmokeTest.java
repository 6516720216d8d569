package io.github.samfiji.engine.install;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.sam.SamModel;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.engine.segment.SegmentationOptions;

import java.io.IOException;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

/**
 * The check a freshly downloaded model passes before it is installed: open it (files, checksums, tensor names,
 * decoder interface), encode a small synthetic image (a bright rectangle on a dark background) and segment it with
 * a box around the rectangle; the mask must not be empty. It proves the files and the descriptor fit together on
 * this machine's onnxruntime, not that the model is good: a model's quality is measured on real images.
 */
final class SmokeTest {

	static final int WIDTH = 96, HEIGHT = 64;
	/** The bright rectangle: columns 30-65, rows 20-43. */
	static final int X = 30, Y = 20, W = 36, H = 24;

	private SmokeTest() {}

	/**
	 * @return one line for the user, e.g. {@code segmented a box on a 96x64 test image: 812 pixels, 3.2 s}
	 * @throws IOException when the model cannot be opened or run, or gives an empty mask; the message says which
	 */
	static String run(ModelDescriptor d) throws IOException {
		long start = System.nanoTime();
		List<SegmentedObject> objects;
		try (SamModel model = SamModel.open(d, EngineOptions.defaults())) {
			PromptSegmenter segmenter = new PromptSegmenter(model, SegmentationOptions.defaults());
			ImageEmbedding e = segmenter.encode(image());
			objects = segmenter.decode(e, ObjectPrompt.builder().box(X - 2, Y - 2, W + 4, H + 4).name("smoke test")
				.build(), 1);
		}
		catch (RuntimeException e) {
			throw new IOException("the model failed on a " + WIDTH + "x" + HEIGHT + " test image (" + e.getMessage() + ")",
				e);
		}
		int area = objects.isEmpty() ? 0 : objects.get(0).mask().area();
		if (area == 0) throw new IOException("the model gave an empty mask for a box around a bright rectangle on a " +
			WIDTH + "x" + HEIGHT + " test image");
		return String.format(java.util.Locale.ROOT, "segmented a box on a %dx%d test image: %d pixels, %.1f s", WIDTH,
			HEIGHT, area, (System.nanoTime() - start) / 1e9);
	}

	private static net.imglib2.img.array.ArrayImg<?, ?> image() {
		byte[] pixels = new byte[WIDTH * HEIGHT];
		for (int y = 0; y < HEIGHT; y++)
			for (int x = 0; x < WIDTH; x++)
				pixels[y * WIDTH + x] = (byte) (x >= X && x < X + W && y >= Y && y < Y + H ? 220 : 30);
		return ArrayImgs.unsignedBytes(pixels, WIDTH, HEIGHT);
	}
}
