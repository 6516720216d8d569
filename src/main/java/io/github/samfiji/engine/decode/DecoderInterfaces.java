package io.github.samfiji.engine.decode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import io.github.samfiji.engine.EngineOptions;
import io.github.samfiji.engine.OnnxSessions;
import io.github.samfiji.engine.model.ModelDescriptor;

import java.io.IOException;
import java.util.HashSet;

/** Chooses the {@link MaskDecoder} implementation named by a descriptor's {@code decoder.interface}. */
public final class DecoderInterfaces {

	private DecoderInterfaces() {}

	/**
	 * Opens the descriptor's decoder file with the implementation of its interface.
	 *
	 * @throws IOException for an unknown interface, a descriptor whose tensors contradict the interface, or a file
	 *           that does not match the descriptor
	 */
	public static MaskDecoder open(OrtEnvironment env, ModelDescriptor descriptor, EngineOptions options)
		throws IOException
	{
		ModelDescriptor.OnnxFile file = descriptor.decoder();
		String name = descriptor.decoderInterface();
		if (!SamOnnxDecoder.NAME.equals(name)) throw new IOException("Model '" + descriptor.id() +
			"' uses decoder interface '" + name + "', which this version does not know. Known: " +
			SamOnnxDecoder.NAME);
		if (!new HashSet<>(file.inputs()).equals(new HashSet<>(SamOnnxDecoder.INPUTS)) || !file.outputs().containsAll(
			SamOnnxDecoder.OUTPUTS)) throw new IOException("Model '" + descriptor.id() + "': decoder interface " + name +
				" needs inputs " + SamOnnxDecoder.INPUTS + " and outputs " + SamOnnxDecoder.OUTPUTS +
				", but the descriptor lists " + file.inputs() + " and " + file.outputs());
		OrtSession session = OnnxSessions.open(env, descriptor.decoderPath(), file.inputs(), file.outputs(), options);
		return new SamOnnxDecoder(env, session, descriptor.multimask());
	}
}
