package io.github.samfiji.engine.decode.rewrite;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ONNX model ({@code onnx.proto}'s {@code ModelProto}) read at the protobuf wire level with protobuf-java's
 * {@link UnknownFieldSet}: only the fields this package needs are decoded (the main graph's nodes and outputs);
 * everything else, initializers included, is kept byte for byte and written back unchanged by
 * {@link #withOutputs}. Field numbers are those of {@code onnx/onnx.proto} (stable since ONNX 1.0).
 */
final class OnnxModelProto {

	private static final int MODEL_GRAPH = 7;
	private static final int GRAPH_NODE = 1;
	private static final int GRAPH_OUTPUT = 12;
	private static final int NODE_INPUT = 1;
	private static final int NODE_OUTPUT = 2;
	private static final int NODE_NAME = 3;
	private static final int NODE_OP_TYPE = 4;
	private static final int NODE_ATTRIBUTE = 5;
	private static final int ATTRIBUTE_NAME = 1;
	private static final int ATTRIBUTE_INT = 3;
	private static final int VALUE_INFO_NAME = 1;
	private static final int VALUE_INFO_TYPE = 2;

	/** One node of the main graph (a read-only view). */
	static final class Node {

		private final String opType;
		private final List<String> inputs;
		private final List<String> outputs;
		private final UnknownFieldSet fields;

		private Node(UnknownFieldSet fields) {
			this.fields = fields;
			this.opType = string(fields, NODE_OP_TYPE);
			this.inputs = strings(fields, NODE_INPUT);
			this.outputs = strings(fields, NODE_OUTPUT);
		}

		String opType() { return opType; }

		/** Input names; an omitted optional input is the empty string. */
		List<String> inputs() { return inputs; }

		List<String> outputs() { return outputs; }

		/** The integer attribute {@code name}, or {@code fallback} when the node does not set it. */
		long intAttribute(String name, long fallback) {
			for (ByteString bytes : fields.getField(NODE_ATTRIBUTE).getLengthDelimitedList()) {
				UnknownFieldSet attribute = parse(bytes);
				if (!name.equals(string(attribute, ATTRIBUTE_NAME))) continue;
				List<Long> values = attribute.getField(ATTRIBUTE_INT).getVarintList();
				return values.isEmpty() ? fallback : values.get(0);
			}
			return fallback;
		}
	}

	/** A graph output to add: a new name for an existing tensor, typed like an existing output. */
	static final class AddedOutput {

		final String name;
		final String tensor;
		final String typeLike;

		AddedOutput(String name, String tensor, String typeLike) {
			this.name = name;
			this.tensor = tensor;
			this.typeLike = typeLike;
		}
	}

	private final UnknownFieldSet model;
	private final UnknownFieldSet graph;
	private final List<Node> nodes = new ArrayList<>();

	private OnnxModelProto(UnknownFieldSet model, UnknownFieldSet graph) {
		this.model = model;
		this.graph = graph;
		for (ByteString bytes : graph.getField(GRAPH_NODE).getLengthDelimitedList())
			nodes.add(new Node(parse(bytes)));
	}

	/**
	 * @throws UnsupportedGraphException when the bytes are not an ONNX model with a graph
	 * @throws IllegalArgumentException when a node of the graph is malformed
	 */
	static OnnxModelProto parse(byte[] bytes) throws UnsupportedGraphException {
		try {
			UnknownFieldSet model = UnknownFieldSet.parseFrom(bytes);
			List<ByteString> graphs = model.getField(MODEL_GRAPH).getLengthDelimitedList();
			if (graphs.size() != 1) throw new UnsupportedGraphException("the file is not an ONNX model with one graph");
			return new OnnxModelProto(model, UnknownFieldSet.parseFrom(graphs.get(0)));
		}
		catch (InvalidProtocolBufferException e) {
			throw new UnsupportedGraphException("the file is not an ONNX model (" + e.getMessage() + ")");
		}
	}

	/** The main graph's nodes, in file (topological) order. */
	List<Node> nodes() { return Collections.unmodifiableList(nodes); }

	/** The names of the main graph's outputs. */
	List<String> outputNames() {
		List<String> names = new ArrayList<>();
		for (ByteString bytes : graph.getField(GRAPH_OUTPUT).getLengthDelimitedList())
			names.add(string(parse(bytes), VALUE_INFO_NAME));
		return names;
	}

	/**
	 * The model with extra graph outputs: for each, an {@code Identity} node from its tensor to its name (appended
	 * after the existing nodes, so the graph stays topologically sorted) and an output whose element type is that of
	 * its {@code typeLike} output and whose shape is of the same rank with every dimension left open. Everything
	 * else is written back as read.
	 */
	byte[] withOutputs(List<AddedOutput> added) throws UnsupportedGraphException {
		UnknownFieldSet.Field.Builder newNodes = UnknownFieldSet.Field.newBuilder();
		UnknownFieldSet.Field.Builder newOutputs = UnknownFieldSet.Field.newBuilder();
		for (AddedOutput a : added) {
			newNodes.addLengthDelimited(UnknownFieldSet.newBuilder().addField(NODE_INPUT, text(a.tensor)).addField(
				NODE_OUTPUT, text(a.name)).addField(NODE_NAME, text(a.name + "/Identity")).addField(NODE_OP_TYPE, text(
					"Identity")).build().toByteString());
			newOutputs.addLengthDelimited(UnknownFieldSet.newBuilder().addField(VALUE_INFO_NAME, text(a.name)).addField(
				VALUE_INFO_TYPE, lengthDelimited(OnnxTypes.openShape(outputType(a.typeLike)))).build().toByteString());
		}
		UnknownFieldSet newGraph = UnknownFieldSet.newBuilder(graph).mergeField(GRAPH_NODE, newNodes.build())
			.mergeField(GRAPH_OUTPUT, newOutputs.build()).build();
		return UnknownFieldSet.newBuilder(model).clearField(MODEL_GRAPH).addField(MODEL_GRAPH, lengthDelimited(newGraph
			.toByteString())).build().toByteArray();
	}

	private ByteString outputType(String output) throws UnsupportedGraphException {
		for (ByteString bytes : graph.getField(GRAPH_OUTPUT).getLengthDelimitedList()) {
			UnknownFieldSet info = parse(bytes);
			List<ByteString> types = info.getField(VALUE_INFO_TYPE).getLengthDelimitedList();
			if (output.equals(string(info, VALUE_INFO_NAME)) && types.size() == 1) return types.get(0);
		}
		throw new UnsupportedGraphException("the graph has no typed output '" + output + "'");
	}

	static UnknownFieldSet parse(ByteString bytes) {
		try {
			return UnknownFieldSet.parseFrom(bytes);
		}
		catch (InvalidProtocolBufferException e) {
			throw new IllegalArgumentException("Malformed ONNX message: " + e.getMessage(), e);
		}
	}

	static String string(UnknownFieldSet fields, int number) {
		List<ByteString> values = fields.getField(number).getLengthDelimitedList();
		return values.isEmpty() ? "" : values.get(0).toStringUtf8();
	}

	private static List<String> strings(UnknownFieldSet fields, int number) {
		List<String> out = new ArrayList<>();
		for (ByteString b : fields.getField(number).getLengthDelimitedList()) out.add(b.toStringUtf8());
		return Collections.unmodifiableList(out);
	}

	static UnknownFieldSet.Field text(String value) {
		return lengthDelimited(ByteString.copyFromUtf8(value));
	}

	static UnknownFieldSet.Field lengthDelimited(ByteString value) {
		return UnknownFieldSet.Field.newBuilder().addLengthDelimited(value).build();
	}
}
