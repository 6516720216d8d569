package io.github.samfiji.options;

/**
 * Where an option is given. Each front spells an option its own way: Fiji dialogs and macros by its macro key
 * ({@code tile_size}), SciJava by a field name ({@code tileSize}), the command line by a flag
 * ({@code --tile-size}).
 */
public enum Front {

	/** ImageJ 1 dialogs, macro options (recorded by the Macro Recorder) and the preferences that remember them. */
	FIJI,
	/** SciJava command parameters (scripts, SciJava-aware hosts). */
	SCIJAVA,
	/** The command line ({@code scripts/sam}). */
	CLI
}
