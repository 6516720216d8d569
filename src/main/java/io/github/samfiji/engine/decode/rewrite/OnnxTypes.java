package io.github.samfiji.engine.decode.rewrite;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;

/**
 * {@code TypeProto} editing for {@link OnnxModelProto}: a tensor type with the same element type and rank as a
 * given one, every dimension open (a named {@code dim_param}), so that the declared shape never contradicts what
 * the graph computes.
 */
final class OnnxTypes {

	private static final int TYPE_TENSOR = 1;
	private static final int TENSOR_ELEM_TYPE = 1;
	private static final int TENSOR_SHAPE = 2;
	private static final int SHAPE_DIM = 1;
	private static final int DIM_PARAM = 2;

	private OnnxTypes() {}

	/** @throws UnsupportedGraphException when {@code type} is not a tensor type with an element type and a shape */
	static ByteString openShape(ByteString type) throws UnsupportedGraphException {
		UnknownFieldSet typeProto = OnnxModelProto.parse(type);
		UnknownFieldSet tensor = single(typeProto, TYPE_TENSOR);
		UnknownFieldSet shape = single(tensor, TENSOR_SHAPE);
		if (tensor.getField(TENSOR_ELEM_TYPE).getVarintList().size() != 1) throw new UnsupportedGraphException(
			"an output of the graph has no element type");
		int rank = shape.getField(SHAPE_DIM).getLengthDelimitedList().size();
		UnknownFieldSet.Field.Builder dims = UnknownFieldSet.Field.newBuilder();
		for (int d = 0; d < rank; d++)
			dims.addLengthDelimited(UnknownFieldSet.newBuilder().addField(DIM_PARAM, OnnxModelProto.text("candidates_dim_" +
				d)).build().toByteString());
		UnknownFieldSet newShape = UnknownFieldSet.newBuilder().addField(SHAPE_DIM, dims.build()).build();
		UnknownFieldSet newTensor = UnknownFieldSet.newBuilder().addField(TENSOR_ELEM_TYPE, tensor.getField(
			TENSOR_ELEM_TYPE)).addField(TENSOR_SHAPE, OnnxModelProto.lengthDelimited(newShape.toByteString())).build();
		return UnknownFieldSet.newBuilder().addField(TYPE_TENSOR, OnnxModelProto.lengthDelimited(newTensor
			.toByteString())).build().toByteString();
	}

	private static UnknownFieldSet single(UnknownFieldSet fields, int number) throws UnsupportedGraphException {
		if (fields.getField(number).getLengthDelimitedList().size() != 1) throw new UnsupportedGraphException(
			"an output of the graph is not a tensor of known rank");
		return OnnxModelProto.parse(fields.getField(number).getLengthDelimitedList().get(0));
	}
}
