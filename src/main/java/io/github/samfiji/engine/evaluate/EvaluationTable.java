package io.github.samfiji.engine.evaluate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An {@link Evaluation} as a table: one row per plane (or one for the volume), then, for several planes, the row
 * {@code all} of their pooled counts. Columns: {@link #COLUMNS}. The same rows go to an ImageJ results table, a CSV
 * file and the command line.
 */
public final class EvaluationTable {

	/** The column names. */
	public static final List<String> COLUMNS = Collections.unmodifiableList(Arrays.asList("plane", "truth_objects",
		"predicted_objects", "tp", "fp", "fn", "precision", "recall", "f1", "sa50", "msa", "mean_matched_iou"));

	private EvaluationTable() {}

	/** The rows: the plane (1-based, {@code volume} or {@code all}) as text, then counts and scores as numbers. */
	public static List<Object[]> rows(Evaluation e) {
		List<Object[]> rows = new ArrayList<>();
		List<MatchScores> scores = e.scores();
		for (int i = 0; i < scores.size(); i++)
			rows.add(row(e.mode() == SegmentationEvaluator.Mode.VOLUME ? "volume" : String.valueOf(i + 1), scores.get(i)));
		if (scores.size() > 1) rows.add(row("all", e.pooled()));
		return rows;
	}

	private static Object[] row(String plane, MatchScores s) {
		return new Object[] { plane, s.truthObjects(), s.predictedObjects(), s.truePositives(), s.falsePositives(), s
			.falseNegatives(), s.precision(), s.recall(), s.f1(), s.accuracy50(), s.meanAccuracy(), s.meanMatchedIou() };
	}

	/** The rows as CSV with a header, numbers with four decimals ({@code NaN} where a ratio has no objects). */
	public static void writeCsv(Evaluation e, OutputStream out) throws IOException {
		Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		w.write(String.join(",", COLUMNS) + "\n");
		for (Object[] row : rows(e)) {
			List<String> cells = new ArrayList<>();
			for (Object cell : row)
				cells.add(format(cell));
			w.write(String.join(",", cells) + "\n");
		}
		w.flush();
	}

	/** A cell as text: whole numbers as they are, ratios with four decimals. */
	public static String format(Object cell) {
		if (cell instanceof Double) {
			double d = (Double) cell;
			return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : "NaN";
		}
		return String.valueOf(cell);
	}
}
