package io.github.samfiji.engine.sam;

import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.onnx.EngineOptions;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps opened models between runs, so that consecutive runs (a macro loop, interactive prompting) do not pay for
 * loading and checking the ONNX files each time. A model is handed out as a {@link Lease}; close the lease when
 * done. At most one idle model is kept open: acquiring another model closes idle ones (a model still leased stays
 * open until it is idle), and a model idle for longer than the idle timeout is closed, so that an unused Fiji does
 * not hold a model's memory. {@link #close()} closes the idle models at once and the leased ones when their last
 * lease is closed. Thread-safe.
 */
public final class ModelPool implements AutoCloseable {

	/** How long an idle model stays open by default. */
	public static final long DEFAULT_IDLE_MILLIS = 10 * 60 * 1000L;
	private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "SAM idle model closer");
		t.setDaemon(true);
		return t;
	});

	private final Supplier<ModelStore> store;
	private final long idleMillis;
	private final Map<String, Entry> entries = new HashMap<>();
	private boolean closed;

	/** A pool over the models of {@code store}, closing idle models after {@link #DEFAULT_IDLE_MILLIS}. */
	public ModelPool(ModelStore store) {
		this(() -> store, DEFAULT_IDLE_MILLIS);
	}

	/** A pool over the default store as configured when a model is asked for ({@link ModelStore#defaultStore()}). */
	public static ModelPool ofDefaultStore() {
		return new ModelPool(ModelStore::defaultStore, DEFAULT_IDLE_MILLIS);
	}

	/**
	 * @param store the store model ids are resolved in, asked for at each {@link #acquire(String, EngineOptions)}
	 * @param idleMillis how long an unleased model stays open
	 */
	public ModelPool(Supplier<ModelStore> store, long idleMillis) {
		this.store = store;
		this.idleMillis = idleMillis;
	}

	/** The store models are resolved in now. */
	public ModelStore store() { return store.get(); }

	/**
	 * Opens (or reuses) the model with this id or descriptor path ({@code null}: the default model).
	 *
	 * @throws IOException when the model is not installed or its files are bad; the message says what to do
	 */
	public Lease acquire(String idOrDescriptor, EngineOptions options) throws IOException {
		ModelDescriptor descriptor = store.get().resolve(idOrDescriptor);
		return acquire(descriptor, options);
	}

	public synchronized Lease acquire(ModelDescriptor descriptor, EngineOptions options) throws IOException {
		if (closed) throw new IllegalStateException("The model pool is closed");
		String key = descriptor.directory() + "|" + descriptor.id() + "|" + options;
		Entry entry = entries.get(key);
		if (entry == null) {
			closeIdle();
			entry = new Entry(key, SamModel.open(descriptor, options));
			entries.put(key, entry);
		}
		entry.leases++;
		entry.idleSince = -1;
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

	/** The number of models open now. */
	public synchronized int openCount() { return entries.size(); }

	/** Closes the idle models now and every other one when its last lease is closed; no model can be acquired after. */
	@Override
	public synchronized void close() {
		closed = true;
		closeIdle();
	}

	private synchronized void release(Entry entry) {
		if (--entry.leases > 0) return;
		if (closed) {
			entries.remove(entry.key);
			entry.model.close();
			return;
		}
		long since = System.nanoTime();
		entry.idleSince = since;
		TIMER.schedule(() -> closeIfStillIdle(entry, since), idleMillis, TimeUnit.MILLISECONDS);
	}

	private synchronized void closeIfStillIdle(Entry entry, long since) {
		if (entry.leases > 0 || entry.idleSince != since || entries.get(entry.key) != entry) return;
		entries.remove(entry.key);
		entry.model.close();
	}

	private static final class Entry {

		final String key;
		final SamModel model;
		int leases;
		long idleSince = -1;

		Entry(String key, SamModel model) {
			this.key = key;
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
			synchronized (ModelPool.this) {
				if (closed) return;
				closed = true;
				release(entry);
			}
		}
	}
}
