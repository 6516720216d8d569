package io.github.samfiji.batch;

import io.github.samfiji.options.ErrorMessages;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Runs a batch as an Apache Spark job: one task per row ({@link SparkRowTask}), so Spark spreads the images over the
 * executors, retries a task whose attempt died (each attempt stages under its own name; see {@link ImageSets}) and
 * shows the job in its web UI. Each executor JVM opens the model once and its tasks reuse it; ONNX Runtime gets
 * {@code spark.task.cpus} threads per task unless {@code --threads} is given, so that tasks x threads stays within the
 * executor's cores. The driver prints the progress line from two accumulators.
 * <p>
 * Spark is not a dependency of the plugin (provided scope): this class is only loaded for a batch with a master, or
 * under {@code spark-submit}, where Spark is on the class path.
 */
public final class SparkBatch implements BatchRunner {

	/** Tries per task in local mode, as {@code spark.task.maxFailures} defaults to on a cluster. */
	static final int LOCAL_TRIES = 4;
	private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)\\]");
	private static final String LOG_CONFIG = "log4j2.configurationFile";

	private final String master;
	private final JavaSparkContext shared;

	/**
	 * A runner that starts its own Spark context and stops it when the batch ends.
	 *
	 * @param master {@code local[N]}, {@code spark://...}, {@code yarn}...; {@code null} under {@code spark-submit}, which
	 *          gives the master itself
	 */
	public SparkBatch(String master) {
		this.master = master;
		this.shared = null;
	}

	/** A runner on a context that exists already (left running). */
	public SparkBatch(JavaSparkContext context) {
		this.master = null;
		this.shared = context;
	}

	@Override
	public List<RowOutcome> run(BatchJob job, List<BatchRow> rows, BatchProgress progress) throws BatchException {
		JavaSparkContext sc = shared != null ? shared : start(job, rows.size());
		try {
			int cpus = sc.getConf().getInt("spark.task.cpus", 1);
			BatchJob j = job.threadsGiven() ? job : job.withThreads(cpus);
			LongAccumulator done = sc.sc().longAccumulator("images done");
			LongAccumulator failed = sc.sc().longAccumulator("images failed");
			sc.setJobDescription(job.operation().title() + " over " + rows.size() + " images into " + job.output());
			JavaFutureAction<List<RowOutcome>> action = sc.parallelize(rows, rows.size()).map(new SparkRowTask(j,
				tasksPerExecutor(sc, cpus), done, failed)).collectAsync();
			return new ArrayList<>(await(action, done, failed, progress));
		}
		finally {
			if (shared == null) sc.stop();
		}
	}

	private List<RowOutcome> await(JavaFutureAction<List<RowOutcome>> action, LongAccumulator done,
		LongAccumulator failed, BatchProgress progress) throws BatchException
	{
		while (true) {
			try {
				List<RowOutcome> outcomes = action.get(500, TimeUnit.MILLISECONDS);
				progress.update(done.value(), failed.value());
				return outcomes;
			}
			catch (TimeoutException e) {
				progress.update(done.value(), failed.value());
			}
			catch (InterruptedException e) {
				action.cancel(true);
				Thread.currentThread().interrupt();
				throw new BatchException("Interrupted: the Spark job was cancelled", e);
			}
			catch (ExecutionException e) {
				Throwable cause = e.getCause() == null ? e : e.getCause();
				throw new BatchException("The Spark job failed: " + ErrorMessages.oneLine(cause), cause);
			}
		}
	}

	private JavaSparkContext start(BatchJob job, int rows) {
		if (System.getProperty(LOG_CONFIG) == null) {
			URL config = SparkBatch.class.getResource("spark-log4j2.properties");
			if (config != null) System.setProperty(LOG_CONFIG, config.toString());
		}
		SparkConf conf = new SparkConf().setAppName("SAM batch " + job.operation().key() + " (" + rows + " images)");
		if (master != null) conf.setMaster(withRetries(master));
		conf.setIfMissing("spark.ui.showConsoleProgress", "false");
		if (conf.get("spark.master", "").startsWith("local")) conf.setIfMissing("spark.ui.enabled", "false");
		return new JavaSparkContext(conf);
	}

	/** {@code local[N]} as {@code local[N,4]}: a task whose attempt died is tried again, as on a cluster. */
	static String withRetries(String master) {
		Matcher m = LOCAL.matcher(master.trim());
		return m.matches() ? "local[" + m.group(1) + "," + LOCAL_TRIES + "]" : master.trim();
	}

	/** How many tasks run at once in one executor JVM. */
	private static int tasksPerExecutor(JavaSparkContext sc, int cpus) {
		boolean local = sc.master().startsWith("local");
		int cores = local ? sc.defaultParallelism() : sc.getConf().getInt("spark.executor.cores", 1);
		return Math.max(1, cores / Math.max(1, cpus));
	}
}
