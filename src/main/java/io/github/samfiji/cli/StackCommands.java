package io.github.samfiji.cli;

import ij.IJ;
import ij.ImagePlus;

import io.github.samfiji.engine.ChannelChoice;
import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.SegmentationOptions;
import io.github.samfiji.engine.TaskMonitor;
import io.github.samfiji.engine.model.ModelStore;
import io.github.samfiji.engine.preprocess.IntensityMapping;
import io.github.samfiji.engine.propagate.PropagationOptions;
import io.github.samfiji.ij.ObjectPropagation;
import io.github.samfiji.ij.OutputWriter;
import io.github.samfiji.ij.PromptSource;
import io.github.samfiji.ij.SegmentationOutputs;
import io.github.samfiji.ij.StackOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stack options of the command line ({@code --channel}, {@code --every-plane}, {@code --cache-dir}) and the
 * {@code propagate} sub-command. On Ctrl-C (SIGINT, SIGTERM) a propagation stops at the next plane and writes the
 * planes finished before the process ends.
 */
final class StackCommands {

	/** The stack option names, as a regular expression. */
	static final String STACK_OPTIONS = "channel|every-plane|cache-dir";
	/** The propagation option names, as a regular expression. */
	static final String PROPAGATION_OPTIONS = "axis|propagation-prompt|box-margin|min-iou|max-area-change|min-step-iou|max-planes";

	private StackCommands() {}

	static StackOptions stackOptions(Map<String, String> o) {
		String dir = o.get("cache-dir");
		return new StackOptions(ChannelChoice.parse(o.getOrDefault("channel", "all")), o.containsKey("every-plane"),
			dir == null ? null : Paths.get(dir));
	}

	static PropagationOptions propagationOptions(Map<String, String> o) {
		PropagationOptions d = PropagationOptions.defaults();
		return d.withAxis(o.getOrDefault("axis", d.axis())).withPromptMode(PropagationOptions.PromptMode.parse(o
			.getOrDefault("propagation-prompt", d.promptMode().label()))).withBoxMargin(SamCli.number(o, "box-margin",
				d.boxMargin())).withMinPredictedIou(SamCli.number(o, "min-iou", d.minPredictedIou())).withMaxAreaChange(SamCli
					.number(o, "max-area-change", d.maxAreaRatio())).withMaxPlanes(SamCli.integer(o.getOrDefault("max-planes", "0"),
						"max-planes")).withMinStepIou(SamCli.number(o, "min-step-iou", d.minStepIou()));
	}

	static int propagate(Map<String, String> o, PrintStream out, PrintStream err) throws IOException {
		return propagate(o, out, err, new InterruptibleMonitor(err));
	}

	/** The same, with the monitor that the shutdown hook interrupts (tests interrupt it themselves). */
	static int propagate(Map<String, String> o, PrintStream out, PrintStream err, InterruptibleMonitor monitor)
		throws IOException
	{
		Path imagePath = Paths.get(SamCli.require(o, "image"));
		Path prompts = Paths.get(SamCli.require(o, "prompts"));
		Path outDir = Paths.get(SamCli.require(o, "out"));
		if (!Files.isRegularFile(imagePath)) throw new IOException("Image not found: " + imagePath);
		ImagePlus image = IJ.openImage(imagePath.toString());
		if (image == null) throw new IOException("ImageJ cannot read the image " + imagePath);
		SegmentationOptions options = SegmentationOptions.defaults().withIntensityMapping(IntensityMapping.parse(o
			.getOrDefault("intensity", "auto")));
		EngineOptions engine = SamCli.engine(o);
		AtomicBoolean shuttingDown = new AtomicBoolean();
		Thread hook = new Thread(() -> {
			shuttingDown.set(true);
			monitor.interruptAndWait();
		}, "SAM: stop at the next plane");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			SegmentationOutputs outputs = ObjectPropagation.run(image, PromptSource.FILE.read(image, prompts), o
				.getOrDefault("model", ModelStore.DEFAULT_MODEL), options, engine, propagationOptions(o), stackOptions(o),
				monitor);
			OutputWriter.write(outputs, image, outDir);
			for (String note : outputs.notes())
				out.println(note);
			out.println("Propagated " + outputs.result().objects().size() + " object plane(s) in " + imagePath
				.getFileName() + "; wrote " + OutputWriter.LABELS + ", " + OutputWriter.ROIS + ", " + OutputWriter.TABLE +
				", " + OutputWriter.OVERLAY + " to " + outDir);
			if (outputs.failure() != null) outputs.failure().printStackTrace(err);
			return outputs.result().isComplete() ? 0 : 1;
		}
		finally {
			monitor.finished();
			if (!shuttingDown.get()) Runtime.getRuntime().removeShutdownHook(hook);
		}
	}

	/** Progress with time left on stderr; cancelled by the shutdown hook, which waits until the outputs are written. */
	static class InterruptibleMonitor implements TaskMonitor {

		private final PrintStream err;
		private final CountDownLatch done = new CountDownLatch(1);
		private volatile boolean interrupted;

		InterruptibleMonitor(PrintStream err) {
			this.err = err;
		}

		@Override
		public void progress(String message, long done, long total) {
			err.println(total > 0 ? String.format("[%3d%%] %s", 100 * done / total, message) : message);
		}

		@Override
		public void warn(String message) {
			err.println("warning: " + message);
		}

		@Override
		public boolean isCancelled() { return interrupted; }

		/** Asks the run to stop at the next plane. */
		void interrupt() {
			interrupted = true;
			err.println("Interrupted: stopping at the next plane and writing the planes finished so far...");
		}

		/** Interrupts and waits until the outputs are written (at most 10 minutes): for the shutdown hook. */
		void interruptAndWait() {
			interrupt();
			try {
				done.await(10, TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		void finished() {
			done.countDown();
		}
	}
}
