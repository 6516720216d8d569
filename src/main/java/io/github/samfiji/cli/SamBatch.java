package io.github.samfiji.cli;

/**
 * The batch's driver class for {@code spark-submit}: {@code spark-submit --class io.github.samfiji.cli.SamBatch
 * [spark options] Segment_Anything.jar OP --manifest M.csv --out DIR [options of OP]} runs {@code sam batch OP ...} as
 * a Spark application (spark-submit gives the master; {@code --master} among the batch's options is then not needed).
 */
public final class SamBatch {

	private SamBatch() {}

	public static void main(String[] args) {
		String[] batch = new String[args.length + 1];
		batch[0] = "batch";
		System.arraycopy(args, 0, batch, 1, args.length);
		System.exit(new SamCli(System.out, System.err).run(batch));
	}
}
