package io.github.samfiji.batch;

import io.github.samfiji.engine.io.AtomicFiles;
import io.github.samfiji.engine.result.ObjectTable;
import io.github.samfiji.ij.OutputWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The batch's own files in its output directory, written (each atomically) when the batch ends: {@value #STATUS}, one
 * row per image ({@value #STATUS_HEADER}), and {@value #OBJECTS}, every object of the images whose set is there (run
 * now or skipped), with the image's column before those of its {@code results.csv}.
 */
public final class BatchReport {

	public static final String STATUS = "status.csv";
	public static final String OBJECTS = "objects.csv";
	public static final String STATUS_HEADER = "image,status,message,objects,encoder_runs,seconds";

	private BatchReport() {}

	/** Writes both files into {@code dir}. */
	public static void write(Path dir, List<RowOutcome> outcomes) throws IOException {
		AtomicFiles.write(dir.resolve(STATUS), out -> {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write(STATUS_HEADER + "\n");
			for (RowOutcome o : outcomes)
				w.write(Csv.quote(o.row().image()) + "," + o.status().word() + "," + Csv.quote(o.message()) + "," + o
					.objects() + "," + o.encoderRuns() + "," + String.format(Locale.ROOT, "%.3f", o.seconds()) + "\n");
			w.flush();
		});
		AtomicFiles.write(dir.resolve(OBJECTS), out -> {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write("image," + ObjectTable.HEADER + "\n");
			for (RowOutcome o : outcomes)
				if (o.status() != RowOutcome.Status.FAILED) copyRows(dir.resolve(o.row().name()).resolve(OutputWriter.TABLE),
					Csv.quote(o.row().image()), w);
			w.flush();
		});
	}

	private static void copyRows(Path table, String image, Writer w) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
			r.readLine();
			for (String line; (line = r.readLine()) != null;)
				if (!line.isEmpty()) w.write(image + "," + line + "\n");
		}
	}
}
