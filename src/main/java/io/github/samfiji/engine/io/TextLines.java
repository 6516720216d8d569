package io.github.samfiji.engine.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a small UTF-8 text file (a prompt table), decoded strictly: bytes that are not UTF-8 are reported with
 * the file, the line and the byte, not replaced. Line ends may be LF or CRLF; a leading byte order mark (as Excel
 * writes) is dropped.
 */
final class TextLines {

	/** The largest file read (a prompt table of a million rows is about 40 MB). */
	static final long MAX_BYTES = 256L << 20;

	private TextLines() {}

	/** @throws IOException naming the file and line that is not UTF-8, or a file too large to be a table */
	static List<String> read(Path file) throws IOException {
		long size = Files.size(file);
		if (size > MAX_BYTES) throw new IOException(file + " has " + (size >> 20) + " MB, more than a prompt table can " +
			"have (" + (MAX_BYTES >> 20) + " MB): is it the right file?");
		byte[] bytes = Files.readAllBytes(file);
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < bytes.length; i++)
			if (bytes[i] == '\n') {
				lines.add(decode(bytes, start, i, file, lines.size() + 1));
				start = i + 1;
			}
		if (start < bytes.length) lines.add(decode(bytes, start, bytes.length, file, lines.size() + 1));
		return withoutBom(lines);
	}

	/** The lines of already decoded text. */
	static List<String> read(Reader reader) throws IOException {
		BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
		List<String> lines = new ArrayList<>();
		for (String line; (line = in.readLine()) != null;)
			lines.add(line);
		return withoutBom(lines);
	}

	private static List<String> withoutBom(List<String> lines) {
		if (!lines.isEmpty() && lines.get(0).startsWith("\ufeff")) lines.set(0, lines.get(0).substring(1));
		return lines;
	}

	private static String decode(byte[] bytes, int start, int end, Path file, int lineNumber) throws IOException {
		if (end > start && bytes[end - 1] == '\r') end--;
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
		CharBuffer out = CharBuffer.allocate(end - start);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) result = decoder.flush(out);
		if (result.isError()) throw new IOException(String.format("%s, line %d: not UTF-8 text (byte 0x%02X at " +
			"column %d): save the file as UTF-8 (in Excel: CSV UTF-8)", file, lineNumber, bytes[in.position()] & 0xff, out
				.position() + 1));
		return out.flip().toString();
	}
}
