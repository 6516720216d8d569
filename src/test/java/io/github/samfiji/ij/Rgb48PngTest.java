package io.github.samfiji.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.ChannelChoice;
import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.prompt.ObjectPrompt;

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
 * red channel only, with no word about it; {@link StackPlanes#channelNotice} gives that word, for the caller to show.
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
	void todayChannelAllSegmentsOnlyThePromptsChannelSilently() throws IOException {
		ImagePlus image = open48BitPng();
		SegmentationOutputs outputs = PromptSegmentation.run(image, BOX, IjTestFixtures.descriptor().toString(),
			SegmentationOptions.defaults(), EngineOptions.defaults(), StackOptions.defaults(), TaskMonitor.NONE);
		assertEquals(1, outputs.result().objects().size());
		assertEquals(1, outputs.result().objects().get(0).slice(), "channel 1 (red) only");
		assertEquals(3, outputs.labels().getNChannels(), "a 3-channel label image, channels 2 and 3 empty");
		assertEquals(Collections.emptyList(), outputs.result().notes(), "no word about the channels");
	}

	@Test
	void theCompositeIsSegmentedWithChannelOneTwoThree() throws IOException {
		ImagePlus image = open48BitPng();
		StackOptions composite = new StackOptions(ChannelChoice.parse("1,2,3"), false, null);
		SegmentationOutputs outputs = PromptSegmentation.run(image, BOX, IjTestFixtures.descriptor().toString(),
			SegmentationOptions.defaults(), EngineOptions.defaults(), composite, TaskMonitor.NONE);
		assertEquals(1, outputs.result().objects().size());
		assertEquals(1, outputs.labels().getNChannels());
		assertEquals(20 * 15, outputs.result().objects().get(0).mask().area());
	}

	@Test
	void theNoticeSaysWhatChannelAllDoesAndHowToGetTheComposite() throws IOException {
		ImagePlus image = open48BitPng();
		assertEquals("The image has 3 channels (a 48-bit RGB PNG opens as 3 16-bit channels), and channel=all " +
			"segments each channel on its own: only the channels the prompts are on are segmented. For the colour image " +
			"give channel=1,2,3 (--channel 1,2,3 on the command line); for one channel, its number.", StackPlanes
				.channelNotice(image, ChannelChoice.all()));
		assertNull(StackPlanes.channelNotice(image, ChannelChoice.parse("1,2,3")));
		assertNull(StackPlanes.channelNotice(IjTestFixtures.grey8("grey", W, H, 1), ChannelChoice.all()));
	}
}
