package io.github.samfiji.plugin;

import ij.ImagePlus;

/** The test stack of {@link PropagateObjectsPluginTest}, for tests in other packages. */
public final class PropagateObjectsPluginTestAccess {

	private PropagateObjectsPluginTestAccess() {}

	/** Five slices of 64x64, a bright rectangle shrinking away from slice 3, none on slice 5. */
	public static ImagePlus shrinkingStack() {
		return PropagateObjectsPluginTest.shrinkingStack(1, 5, 1);
	}
}
