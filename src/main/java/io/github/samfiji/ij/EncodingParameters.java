package io.github.samfiji.ij;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;

import io.github.samfiji.engine.region.EncodingMode;
import io.github.samfiji.engine.region.EncodingOptions;

/**
 * The encoding parameters shared by "Segment with Prompts" and "Segment Everything": macro keys
 * {@code encoding} ({@code auto}, {@code whole}, {@code crop}, {@code tiles}), {@code tile_size},
 * {@code tile_halo} and (with prompts only) {@code crop_margin}; left-out keys take
 * {@link EncodingOptions#defaults()}. Dialog choices are remembered in the ImageJ preferences under the entry's
 * prefix.
 */
final class EncodingParameters {

	private static final String[] WITH_PROMPTS = { "auto", "whole", "crop", "tiles" };
	private static final String[] WITHOUT_PROMPTS = { "auto", "whole", "tiles" };

	private EncodingParameters() {}

	/** @throws IllegalArgumentException naming the key of a bad value */
	static EncodingOptions fromMacroOptions(String options) {
		return fromMacroOptions(options, EncodingOptions.defaults());
	}

	/**
	 * The same with left-out keys taken from {@code d}.
	 *
	 * @throws IllegalArgumentException naming the key of a bad value
	 */
	static EncodingOptions fromMacroOptions(String options, EncodingOptions d) {
		return EncodingOptions.of(EncodingMode.parse(Macro.getValue(options, "encoding", d.mode().key())), MacroValues
			.integer(options, "tile_size", d.tileSize()), MacroValues.integer(options, "tile_halo", d.tileHalo()),
			MacroValues.integer(options, "crop_margin", d.cropMargin()));
	}

	/** Adds the fields (remembered values first); {@code withPrompts} offers crops and their margin. */
	static void addTo(GenericDialog gd, String prefs, boolean withPrompts) {
		EncodingOptions d = EncodingOptions.defaults();
		gd.addChoice("Encoding", withPrompts ? WITH_PROMPTS : WITHOUT_PROMPTS, Prefs.get(prefs + "encoding", d.mode()
			.key()));
		gd.addNumericField("Tile_size", Prefs.get(prefs + "tileSize", d.tileSize()), 0, 6, "pixels");
		gd.addNumericField("Tile_halo", Prefs.get(prefs + "tileHalo", d.tileHalo()), 0, 6, "pixels");
		if (withPrompts) gd.addNumericField("Crop_margin", Prefs.get(prefs + "cropMargin", d.cropMargin()), 0, 6,
			"pixels");
	}

	/** The options remembered under {@code prefs} (defaults where none or invalid values are saved). */
	static EncodingOptions load(String prefs) {
		EncodingOptions d = EncodingOptions.defaults();
		try {
			return EncodingOptions.of(EncodingMode.parse(Prefs.get(prefs + "encoding", d.mode().key())), (int) Prefs.get(
				prefs + "tileSize", d.tileSize()), (int) Prefs.get(prefs + "tileHalo", d.tileHalo()), (int) Prefs.get(
					prefs + "cropMargin", d.cropMargin()));
		}
		catch (IllegalArgumentException e) {
			return d; // an edited preferences file
		}
	}

	/** Remembers {@code e} under {@code prefs}, where {@link #addTo} and {@link #load} find it. */
	static void save(EncodingOptions e, String prefs) {
		Prefs.set(prefs + "encoding", e.mode().key());
		Prefs.set(prefs + "tileSize", e.tileSize());
		Prefs.set(prefs + "tileHalo", e.tileHalo());
		Prefs.set(prefs + "cropMargin", e.cropMargin());
	}

	/** Reads the fields added by {@link #addTo}, in order, and remembers them. */
	static EncodingOptions readFrom(GenericDialog gd, String prefs, boolean withPrompts) {
		EncodingMode mode = EncodingMode.parse(gd.getNextChoice());
		int size = (int) gd.getNextNumber(), halo = (int) gd.getNextNumber();
		int margin = withPrompts ? (int) gd.getNextNumber() : EncodingOptions.defaults().cropMargin();
		EncodingOptions e = EncodingOptions.of(mode, size, halo, margin);
		Prefs.set(prefs + "encoding", mode.key());
		Prefs.set(prefs + "tileSize", size);
		Prefs.set(prefs + "tileHalo", halo);
		if (withPrompts) Prefs.set(prefs + "cropMargin", margin);
		return e;
	}
}
