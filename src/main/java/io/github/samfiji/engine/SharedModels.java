package io.github.samfiji.engine;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps opened models between commands, so that consecutive runs (a macro loop, interactive prompting) do not pay
 * for loading and checking the ONNX files each time. A model is handed out as a {@link Lease}; close the lease when
 * done. At most one idle model is kept open: acquiring another model closes idle ones (a model still leased stays open
 * until it is idle). Thread-safe.
 */
public final class SharedModels {

	private static final SharedModels INSTANCE = new SharedModels();

	private final Map<String, Entry> entries = new HashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::closeIdle, "SAM model cleanup"));
	}

	/** The JVM-wide instance. */
	public static SharedModels instance() { return INSTANCE; }

	/**
	 * Opens (or reuses) the model with this id or descriptor path from the default {@link ModelStore}.
	 *
	 * @throws IOException when the model is not installed or its files are bad; the message says what to do
	 */
	public Lease acquire(String idOrDescriptor, EngineOptions options) throws IOException {
		ModelDescriptor descriptor = ModelStore.defaultStore().resolve(idOrDescriptor);
		return acquire(descriptor, options);
	}

	public synchronized Lease acquire(ModelDescriptor descriptor, EngineOptions options) throws IOException {
		String key = descriptor.directory() + "|" + descriptor.id() + "|" + options;
		Entry entry = entries.get(key);
		if (entry == null) {
			closeIdle();
			entry = new Entry(SamModel.open(descriptor, options));
			entries.put(key, entry);
		}
		entry.leases++;
		return new Lease(entry);
	}

	/** Closes every model that no lease holds. */
	public synchronized void closeIdle() {
		entries.values().removeIf(e -> {
			if (e.leases > 0) return false;
			e.model.close();
			return true;
		});
	}

	private synchronized void release(Entry entry) {
		entry.leases--;
	}

	private static final class Entry {

		final SamModel model;
		int leases;

		Entry(SamModel model) {
			this.model = model;
		}
	}

	/** A use of a shared model; close it when done (the model itself stays open for the next use). */
	public final class Lease implements AutoCloseable {

		private final Entry entry;
		private boolean closed;

		private Lease(Entry entry) {
			this.entry = entry;
		}

		public SamModel model() { return entry.model; }

		@Override
		public void close() {
			synchronized (SharedModels.this) {
				if (closed) return;
				closed = true;
				release(entry);
			}
		}
	}
}
