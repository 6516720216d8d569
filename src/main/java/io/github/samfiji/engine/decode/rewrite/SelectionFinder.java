package io.github.samfiji.engine.decode.rewrite;

import io.github.samfiji.engine.decode.rewrite.OnnxModelProto.Node;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in a single-mask SAM decoder graph, the tensor holding all candidates that an output was selected from.
 * The official export ({@code segment_anything/utils/onnx.py}, {@code SamOnnxModel.select_masks}) computes
 * {@code best_idx = argmax(iou_preds + (num_points - 2.5) * [1000, 0, 0, 0])} and keeps
 * {@code masks[arange(B), best_idx]} and {@code iou_preds[arange(B), best_idx]}; PyTorch traces that indexing as
 * {@code Gather(Flatten(x, axis=2), best_idx + arange(B) * K)} followed by reshapes.
 * <p>
 * From the output, the finder walks back through shape-only nodes ({@link #PASS_THROUGH}) to the first
 * {@code Gather}, {@code GatherElements} or {@code GatherND} whose indices are computed from an {@code ArgMax}
 * (searched among at most {@value #MAX_INDEX_ANCESTORS} ancestor nodes); the candidates are that node's data, or
 * the input of the {@code Flatten(axis=2)} that merged the batch and candidate axes for it. Anything else is
 * refused: a graph without such a selection (a 4-mask export, MedSAM's first-mask-only export, another
 * architecture) has no hidden candidates to expose.
 */
final class SelectionFinder {

	/** Nodes that only move or reshape the selected values. */
	static final Set<String> PASS_THROUGH = new HashSet<>(Arrays.asList("Unsqueeze", "Squeeze", "Reshape",
		"Identity", "Flatten", "Cast"));
	private static final Set<String> GATHERS = new HashSet<>(Arrays.asList("Gather", "GatherElements", "GatherND"));
	private static final int MAX_STEPS = 16;
	private static final int MAX_INDEX_ANCESTORS = 64;

	private final Map<String, Node> producers = new HashMap<>();

	SelectionFinder(OnnxModelProto model) {
		for (Node n : model.nodes())
			for (String out : n.outputs()) producers.put(out, n);
	}

	/**
	 * The tensor of all candidates that graph output {@code output} was selected from.
	 *
	 * @throws UnsupportedGraphException naming the output when no argmax selection is found before it
	 */
	String candidatesOf(String output) throws UnsupportedGraphException {
		String tensor = output;
		for (int step = 0; step < MAX_STEPS; step++) {
			Node node = producers.get(tensor);
			if (node == null || node.inputs().isEmpty()) break;
			if (GATHERS.contains(node.opType()) && node.inputs().size() > 1 && fromArgMax(node.inputs().get(1)))
				return unflattened(node.inputs().get(0));
			if (!PASS_THROUGH.contains(node.opType())) break;
			tensor = node.inputs().get(0);
		}
		throw new UnsupportedGraphException("no single-mask selection (an ArgMax-indexed Gather, as in the official " +
			"SAM export with return_single_mask) was found before the output '" + output + "'");
	}

	private String unflattened(String data) {
		Node node = producers.get(data);
		return node != null && node.opType().equals("Flatten") && node.intAttribute("axis", 1) == 2 ? node.inputs()
			.get(0) : data;
	}

	private boolean fromArgMax(String indices) {
		Deque<String> todo = new ArrayDeque<>();
		Set<Node> seen = new HashSet<>();
		todo.add(indices);
		while (!todo.isEmpty() && seen.size() < MAX_INDEX_ANCESTORS) {
			Node node = producers.get(todo.poll());
			if (node == null || !seen.add(node)) continue;
			if (node.opType().equals("ArgMax")) return true;
			List<String> inputs = node.inputs();
			for (String in : inputs)
				if (!in.isEmpty()) todo.add(in);
		}
		return false;
	}
}
