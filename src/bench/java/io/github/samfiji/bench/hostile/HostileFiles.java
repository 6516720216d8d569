package io.github.samfiji.bench.hostile;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Writes the hostile input files of the sweep: broken, odd and malicious images, prompt files, ROI sets and model
 * descriptors, each made from the bundled example ({@code examples/nuclei.png}) and the installed model. Every file
 * is made here, so the sweep is reproducible from a clean checkout.
 */
final class HostileFiles {

	private final Path dir;

	HostileFiles(Path dir) {
		this.dir = dir;
	}

	Path dir() { return dir; }

	Path file(String name) { return dir.resolve(name); }

	/** Images: good, truncated, corrupt, empty, text, 1x1, float with non-finite pixels, 48-bit RGB, a stack, a bomb. */
	void images(Path example) throws IOException {
		byte[] png = Files.readAllBytes(example);
		Files.write(file("good.png"), png);
		Files.write(file("truncated.png"), Arrays.copyOf(png, png.length * 2 / 5));
		byte[] noise = new byte[20_000];
		new Random(16).nextBytes(noise);
		Files.write(file("corrupt.png"), noise);
		Files.write(file("empty.png"), new byte[0]);
		Files.write(file("text.tif"), "this is not an image\n".getBytes(StandardCharsets.UTF_8));
		ImagePlus good = IJ.openImage(file("good.png").toString());
		new FileSaver(new ImagePlus("one", good.getProcessor().resize(1, 1))).saveAsTiff(file("one-pixel.tif")
			.toString());
		new FileSaver(floatWithInfinities(good)).saveAsTiff(file("float-infinity.tif").toString());
		writeRgb48(good, file("rgb48.png"));
		ImageStack stack = new ImageStack(good.getWidth(), good.getHeight());
		for (int s = 0; s < 4; s++) {
			ImageProcessor ip = good.getProcessor().duplicate();
			ip.translate(s, 0);
			stack.addSlice("z" + (s + 1), ip);
		}
		new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(file("stack.tif").toString());
		Files.write(file("dimension-bomb.tif"), tiffHeader(60_000, 60_000));
	}

	/** The example as 32-bit with a third of its pixels +Infinity and a tenth -Infinity. */
	private static ImagePlus floatWithInfinities(ImagePlus good) {
		FloatProcessor fp = good.getProcessor().convertToFloatProcessor();
		float[] px = (float[]) fp.getPixels();
		for (int i = 0; i < px.length; i++)
			if (i % 3 == 0) px[i] = Float.POSITIVE_INFINITY;
			else if (i % 10 == 1) px[i] = Float.NEGATIVE_INFINITY;
		return new ImagePlus("float-infinity", fp);
	}

	/** A 16-bit-per-channel RGB PNG (48 bits per pixel) of the example, red = the example, green = inverted. */
	private static void writeRgb48(ImagePlus good, Path target) throws IOException {
		int w = good.getWidth(), h = good.getHeight();
		ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
			Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
		WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int v = good.getProcessor().get(x, y) * 257;
				raster.setPixel(x, y, new int[] { v, 65535 - v, 30000 });
			}
		if (!ImageIO.write(new BufferedImage(cm, raster, false, null), "png", target.toFile())) throw new IOException(
			"No 48-bit PNG writer");
	}

	/** A valid little-endian TIFF header for an 8-bit {@code w x h} image with a single byte of pixel data. */
	static byte[] tiffHeader(int w, int h) {
		ByteBuffer b = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + 1).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		b.putShort((short) 8);
		int data = 8 + 2 + 8 * 12 + 4;
		entry(b, 256, 4, w);
		entry(b, 257, 4, h);
		entry(b, 258, 3, 8);
		entry(b, 259, 3, 1);
		entry(b, 262, 3, 1);
		entry(b, 273, 4, data);
		entry(b, 278, 4, h);
		entry(b, 279, 4, w * h);
		b.putInt(0).put((byte) 0);
		return b.array();
	}

	private static void entry(ByteBuffer b, int tag, int type, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}

	/** Prompt CSV files: good and every way a hand-made or exported CSV goes wrong. */
	void prompts(Path example) throws IOException {
		Files.copy(example, file("good.csv"));
		String header = "object,kind,x,y,width,height,label,slice\n";
		csv("stack.csv", header + "a,box,28,61,18,18,,1\nb,point,164,126,,,1,1\n");
		csv("stale.csv", header + "stale,box,100,100,30,30,,1\n");
		csv("box-infinity.csv", header + "a,box,10,10,Infinity,20,,1\n");
		csv("box-1e300.csv", header + "a,box,10,10,1e300,20,,1\n");
		csv("box-nan.csv", header + "a,box,10,10,NaN,20,,1\n");
		csv("point-infinity.csv", header + "a,point,Infinity,10,,,1,1\n");
		csv("point-1e300.csv", header + "a,point,1e300,10,,,1,1\n");
		csv("box-negative.csv", header + "a,box,10,10,-20,20,,1\n");
		csv("box-outside.csv", header + "a,box,5000,5000,20,20,,1\n");
		csv("slice-zero.csv", header + "a,box,10,10,20,20,,0\n");
		csv("slice-99.csv", header + "a,box,10,10,20,20,,99\n");
		csv("slice-fraction.csv", header + "a,box,10,10,20,20,,2.9\n");
		csv("label-2.csv", header + "a,point,10,10,,,2,1\n");
		csv("kind-circle.csv", header + "a,circle,10,10,20,20,,1\n");
		csv("two-boxes.csv", header + "a,box,10,10,20,20,,1\na,box,50,50,20,20,,1\n");
		csv("bom.csv", "\ufeff" + header + "a,box,28,61,18,18,,1\n");
		csv("semicolon.csv", header.replace(',', ';') + "a;box;28;61;18;18;;1\n");
		csv("decimal-comma.csv", header.replace(',', ';') + "a;box;28,5;61;18;18;;1\n");
		Files.write(file("latin1.csv"), (header + "caf\u00e9,box,28,61,18,18,,1\n").getBytes(
			StandardCharsets.ISO_8859_1));
		csv("header-only.csv", header);
		csv("empty.csv", "");
		csv("no-header.csv", "a,box,28,61,18,18,,1\n");
		csv("crlf.csv", (header + "a,box,28,61,18,18,,1\n").replace("\n", "\r\n"));
		csv("quoted.csv", header + "\"a,b\",box,28,61,18,18,,1\n");
		StringBuilder many = new StringBuilder(header);
		for (int i = 0; i < 2000; i++)
			many.append("o").append(i).append(",point,").append(10 + i % 300).append(',').append(10 + i % 200).append(
				",,,1,1\n");
		csv("many-prompts.csv", many.toString());
		csv("kill-prompts.csv", many.substring(0, many.indexOf("o300,")));
		byte[] binary = new byte[4096];
		new Random(9).nextBytes(binary);
		Files.write(file("binary.csv"), binary);
	}

	private void csv(String name, String text) throws IOException {
		Files.write(file(name), text.getBytes(StandardCharsets.UTF_8));
	}

	/** ROI sets: good (copied), a zip bomb, many entries, corrupt, truncated, traversal names, not ROIs. */
	void roiSets(Path goodRoiSet) throws IOException {
		Files.copy(goodRoiSet, file("good-RoiSet.zip"));
		byte[] good = Files.readAllBytes(goodRoiSet);
		Files.write(file("truncated-RoiSet.zip"), Arrays.copyOf(good, good.length / 2));
		byte[] noise = new byte[4096];
		new Random(3).nextBytes(noise);
		Files.write(file("corrupt-RoiSet.zip"), noise);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file("bomb-RoiSet.zip")))) {
			byte[] zeros = new byte[1 << 20];
			for (int e = 0; e < 3; e++) {
				zip.putNextEntry(new ZipEntry("bomb" + e + ".roi"));
				for (int i = 0; i < 1024; i++)
					zip.write(zeros);
				zip.closeEntry();
			}
		}
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file("many-entries-RoiSet.zip")))) {
			for (int e = 0; e < 200_000; e++) {
				zip.putNextEntry(new ZipEntry("e" + e + ".roi"));
				zip.closeEntry();
			}
		}
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file("traversal-RoiSet.zip")))) {
			zip.putNextEntry(new ZipEntry("../../escaped.roi"));
			zip.write(firstEntry(good));
			zip.closeEntry();
		}
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file("text-RoiSet.zip")))) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("not a roi".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		try (OutputStream out = Files.newOutputStream(file("empty-RoiSet.zip"));
			ZipOutputStream zip = new ZipOutputStream(out))
		{
			zip.finish();
		}
	}

	private static byte[] firstEntry(byte[] zip) throws IOException {
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			in.getNextEntry();
			return in.readAllBytes();
		}
	}

	/** Label images for refine: good, float with NaN, of another size, RGB. */
	void labelImages(Path truth) throws IOException {
		Files.copy(truth, file("labels-good.png"));
		ImagePlus labels = IJ.openImage(truth.toString());
		FloatProcessor fp = labels.getProcessor().convertToFloatProcessor();
		((float[]) fp.getPixels())[0] = Float.NaN;
		((float[]) fp.getPixels())[1] = -3;
		new FileSaver(new ImagePlus("nan", fp)).saveAsTiff(file("labels-float-nan.tif").toString());
		new FileSaver(new ImagePlus("small", labels.getProcessor().resize(20, 10))).saveAsTiff(file("labels-small.tif")
			.toString());
		new FileSaver(new ImagePlus("rgb", labels.getProcessor().convertToRGB())).saveAsTiff(file("labels-rgb.tif")
			.toString());
	}
}
