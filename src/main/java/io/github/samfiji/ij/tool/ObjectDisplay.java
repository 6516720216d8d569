package io.github.samfiji.ij.tool;

import io.github.samfiji.engine.result.SegmentedObject;
import io.github.samfiji.ij.SegmentationOutputs;

/**
 * Where {@link AcceptedObjects} shows its outputs after each change: in ImageJ the label image window, the ROI
 * Manager and the results table ({@link ImageJObjectDisplay}); in tests, a recorder. Called with the
 * {@code AcceptedObjects} lock held, so implementations must not call back into it from another thread.
 */
public interface ObjectDisplay {

	/** Shows nothing. */
	ObjectDisplay NONE = new ObjectDisplay() {

		@Override
		public void added(SegmentationOutputs outputs, SegmentedObject object) {}

		@Override
		public void removed(SegmentationOutputs outputs, SegmentedObject object) {}
	};

	/**
	 * @param outputs the outputs of all objects accepted so far, {@code object} last
	 * @param object the object just accepted (its id is its label value)
	 */
	void added(SegmentationOutputs outputs, SegmentedObject object);

	/**
	 * @param outputs the outputs of the objects left (possibly none)
	 * @param object the object just removed
	 */
	void removed(SegmentationOutputs outputs, SegmentedObject object);
}
