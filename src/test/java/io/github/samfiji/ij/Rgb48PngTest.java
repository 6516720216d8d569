package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.SamEngine;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.operation.RunSettings;
import io.github.samfiji.engine.operation.SegmentRequest;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.prompt.ObjectPrompt;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.engine.task.TaskMonitor;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 48-bit RGB PNG (16 bits per colour) opens in ImageJ as a 3-channel 16-bit image, not as an RGB image. With the
 * default channel choice ({@code all}) each channel is a plane of its own, so prompts on the first plane segment the
 * red channel only, with no word about it; {@code ChosenPlanes#channelNotice} gives that word, and every run shows it as a warning and a note.
 * {@code channel=1,2,3} segments the colour composite.
 */
class Rgb48PngTest {

	private static final int W = 64, H = 48;
	private static final List<ObjectPrompt> BOX = Collections.singletonList(ObjectPrompt.builder().box(10, 12, 20, 15)
		.build());

	@TempDir
	Path dir;

	private ImagePlus open48BitPng() throws IOException {
		ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
			Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
		WritableRaster raster = cm.createCompatibleWritableRaster(W, H);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				raster.setPixel(x, y, new int[] { x * 1000, y * 1000, 30000 });
		Path png = dir.resolve("rgb48.png");
		ImageIO.write(new BufferedImage(cm, raster, false, null), "png", png.toFile());
		return IJ.openImage(png.toString());
	}

	@Test
	void opensAsThreeSixteenBitChannels() throws IOException {
		ImagePlus image = open48BitPng();
		assertEquals(16, image.getBitDepth());
		assertEquals(3, image.getNChannels());
		assertEquals(1000 * 5, image.getStack().getProcessor(1).get(5, 7), "red");
		assertEquals(1000 * 7, image.getStack().getProcessor(2).get(5, 7), "green");
	}

	@Test
	void channelAllSegmentsOnlyThePromptsChannelAndSaysSo() throws IOException {
		ImagePlus image = open48BitPng();
		RecordingMonitorForIj monitor = new RecordingMonitorForIj();
		SegmentationOutputs outputs = run(image, ChannelChoice.all(), monitor);
		assertEquals(1, outputs.result().objects().size());
		assertEquals(1, outputs.result().objects().get(0).slice(), "channel 1 (red) only");
		assertEquals(3, outputs.labels().getNChannels(), "a 3-channel label image, channels 2 and 3 empty");
		assertTrue(outputs.notes().get(0).startsWith("The image has 3 channels"), outputs.notes().toString());
		assertEquals(1, monitor.warnings.size(), "and a warning while it runs");
	}

	private static SegmentationOutputs run(ImagePlus image, ChannelChoice channels, TaskMonitor monitor)
		throws IOException
	{
		try (SamEngine engine = new SamEngine()) {
			return new SegmentationOutputs(engine.segment(new SegmentRequest(ImageRequests.input(image), BOX, RunSettings
				.of(IjTestFixtures.descriptor().toString()).withChannels(channels)), monitor), image);
		}
	}

	/** Keeps the warnings. */
	private static final class RecordingMonitorForIj implements TaskMonitor {

		final java.util.List<String> warnings = new java.util.ArrayList<>();

		@Override
		public void progress(String message, long done, long total) {}

		@Override
		public void warn(String message) { warnings.add(message); }

		@Override
		public boolean isCancelled() { return false; }
	}

	@Test
	void theCompositeIsSegmentedWithChannelOneTwoThree() throws IOException {
		ImagePlus image = open48BitPng();
		SegmentationOutputs outputs = run(image, ChannelChoice.parse("1,2,3"), TaskMonitor.NONE);
		assertEquals(1, outputs.result().objects().size());
		assertEquals(1, outputs.labels().getNChannels());
		assertEquals(20 * 15, outputs.result().objects().get(0).mask().area());
	}

	@Test
	void theNoticeSaysWhatChannelAllDoesAndHowToGetTheComposite() throws IOException {
		ImagePlus image = open48BitPng();
		assertEquals("The image has 3 channels (a 48-bit RGB PNG opens as 3 16-bit channels), each segmented as a plane " +
			"of its own: only the channels the prompts are on are segmented. Choose the channels to see the colour image " +
			"(1,2,3) or one channel.", notice(image, ChannelChoice.all()));
		assertNull(notice(image, ChannelChoice.parse("1,2,3")));
		assertNull(notice(IjTestFixtures.grey8("grey", W, H, 1), ChannelChoice.all()));
	}

	private static String notice(ImagePlus image, ChannelChoice channels) {
		return io.github.samfiji.engine.operation.ChosenPlanes.of(ImageRequests.input(image), channels,
			io.github.samfiji.engine.preprocess.IntensityMapping.auto()).channelNotice();
	}
}
