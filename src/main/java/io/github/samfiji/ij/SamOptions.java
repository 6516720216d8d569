package io.github.samfiji.ij;

import ij.plugin.Colors;

import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.plane.ChannelChoice;
import io.github.samfiji.engine.segment.SegmentationOptions;
import io.github.samfiji.options.EngineSettings;
import io.github.samfiji.options.Front;
import io.github.samfiji.options.Operation;
import io.github.samfiji.options.OptionTable;
import io.github.samfiji.options.OptionValues;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The interactive tool's options ({@link Operation#TOOL} in the option table: model, device, threads, intensity
 * mapping, multimask choice, encoding, cache directory, overlay colour and opacity), remembered in the ImageJ
 * preferences; the options shared by every operation (model, threads, intensity, encoding, cache directory...) are
 * also the defaults of the other dialogs. Recorded as {@code run("SAM Options...", "...")}. Immutable.
 */
public final class SamOptions {

	private final OptionValues values;

	private SamOptions(OptionValues values) {
		this.values = values;
	}

	/** The remembered options (defaults where none or an invalid value is remembered). */
	public static SamOptions load() {
		return new SamOptions(FijiOptions.remembered(Operation.TOOL));
	}

	/** Remembers these options in the ImageJ preferences (written when ImageJ quits). */
	public void save() {
		FijiOptions.remember(values);
	}

	/**
	 * Parses macro options; keys left out keep these values.
	 *
	 * @throws IllegalArgumentException naming the bad value
	 */
	public SamOptions withMacroOptions(String options) {
		return new SamOptions(FijiOptions.fromMacro(options, values));
	}

	/** Shows the options dialog (recorded by the Macro Recorder); the new options, or {@code null} when cancelled. */
	public SamOptions showDialog(String title) {
		OptionValues v = FijiOptions.dialog(title, values, Collections.singletonMap(OptionTable.MODEL, installedModels()),
			Collections.emptySet());
		return v == null ? null : new SamOptions(v);
	}

	/** Installed model ids, or an empty list when the store cannot be read. */
	public static List<String> installedModels() {
		try {
			return ModelStore.defaultStore().installedIds();
		}
		catch (IOException e) {
			return new ArrayList<>();
		}
	}

	public OptionValues values() { return values; }

	public String model() { return values.get(OptionTable.MODEL); }

	public Color overlayColor() { return Colors.decode(values.get(OptionTable.OVERLAY), Color.YELLOW); }

	/** Opacity of the mask overlay, 0-100 %. */
	public int overlayOpacity() { return values.get(OptionTable.OPACITY); }

	/** What the tool's model sees of a multi-channel image. */
	public ChannelChoice channels() { return values.get(OptionTable.CHANNEL); }

	/** The disk cache directory, or {@code null}. */
	public Path cacheDirectory() { return values.get(OptionTable.CACHE_DIRECTORY); }

	public SegmentationOptions segmentationOptions() { return EngineSettings.segmentation(values); }

	public EngineOptions engineOptions() { return EngineSettings.engine(values); }

	/** The macro options that give these values to {@code run("SAM Options...", ...)}. */
	public String toMacroOptions() {
		return values.toMacroOptions(OptionTable.of(Operation.TOOL, Front.FIJI));
	}
}
