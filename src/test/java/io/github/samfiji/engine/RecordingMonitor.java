package io.github.samfiji.engine;

import io.github.samfiji.engine.task.TaskMonitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link TaskMonitor} for tests: records progress messages and warnings (thread-safe lists, since look-ahead work
 * reports from other threads) and reports cancellation once the progress messages so far satisfy a condition.
 */
public final class RecordingMonitor implements TaskMonitor {

	public final List<String> progress = Collections.synchronizedList(new ArrayList<>());
	public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
	private final Predicate<List<String>> cancelWhen;

	/** Never cancels. */
	public RecordingMonitor() {
		this(messages -> false);
	}

	/** @param cancelWhen tested on the progress messages so far at each cancellation check */
	public RecordingMonitor(Predicate<List<String>> cancelWhen) {
		this.cancelWhen = cancelWhen;
	}

	@Override
	public void progress(String message, long done, long total) {
		progress.add(message);
	}

	@Override
	public void warn(String message) {
		warnings.add(message);
	}

	@Override
	public boolean isCancelled() {
		synchronized (progress) {
			return cancelWhen.test(progress);
		}
	}
}
