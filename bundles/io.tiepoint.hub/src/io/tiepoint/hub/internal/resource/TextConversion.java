/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.ConversionJob;
import io.tiepoint.hub.internal.store.files.ConversionJobs;
import io.tiepoint.hub.internal.store.files.ConversionOutput;
import io.tiepoint.hub.internal.store.files.StoredFile;

import io.tiepoint.hub.internal.store.FileIds;

/**
 * Plain text conversion (seed 003, 2.3): to UTF-8 without a byte order mark. The source's charset is
 * its BOM when it has one (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), else the first of UTF-8, GB18030 (which
 * contains GBK and GB2312) and windows-1252 that decodes it without error. A text already in UTF-8
 * without BOM is its own result. Texts over {@value #MAX_BYTES} bytes are refused.
 */
final class TextConversion {

	/** Extensions of plain text. */
	static final Set<String> TEXT = Set.of("txt", "text", "csv", "log", "md");
	/** Extensions of rich documents, sheets and slides: kept as they are (converting breaks their layout). */
	static final Set<String> KEPT = Set.of("doc", "docx", "pdf", "xls", "xlsx", "ppt", "pptx");
	static final int MAX_BYTES = 64 << 20;
	private static final List<Charset> GUESSES = List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"),
			Charset.forName("windows-1252"));
	private final ChunkStore store;

	TextConversion(ChunkStore store) {
		this.store = store;
	}

	/**
	 * @param job  the job
	 * @param file the source
	 * @param jobs where the result is recorded
	 * @return the Type, Document
	 * @throws IOException when the text cannot be read or is too large
	 */
	String run(ConversionJob job, StoredFile file, ConversionJobs jobs) throws IOException {
		String source = job.source();
		long length = file.length();
		if (length > MAX_BYTES) {
			throw new IOException("text file " + file.filename() + " is " + length
					+ " bytes, over the " + MAX_BYTES + " bytes this hub converts");
		}
		byte[] bytes;
		try (InputStream in = store.open(FileIds.idOf(source), length, 0)) {
			bytes = in.readAllBytes();
		}
		byte[] utf8 = toUtf8(bytes);
		String fid = Arrays.equals(utf8, bytes) ? source
				: new Outputs(store).store(source, file, utf8, file.baseName() + ".utf8.txt", 1);
		jobs.progress(job.key(), new ConversionOutput(fid, 1));
		return "Document";
	}

	/** @param bytes a text in some charset @return it in UTF-8 without BOM */
	static byte[] toUtf8(byte[] bytes) {
		String text = decode(bytes);
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String decode(byte[] b) {
		if (starts(b, 0xEF, 0xBB, 0xBF)) {
			return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
		}
		if (starts(b, 0xFF, 0xFE, 0, 0)) {
			return new String(b, 4, b.length - 4, Charset.forName("UTF-32LE"));
		}
		if (starts(b, 0, 0, 0xFE, 0xFF)) {
			return new String(b, 4, b.length - 4, Charset.forName("UTF-32BE"));
		}
		if (starts(b, 0xFF, 0xFE)) {
			return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
		}
		if (starts(b, 0xFE, 0xFF)) {
			return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
		}
		for (Charset c : GUESSES) {
			try {
				CharBuffer chars = c.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
				return chars.toString();
			} catch (CharacterCodingException e) {
				// the next guess
			}
		}
		return new String(b, StandardCharsets.ISO_8859_1);
	}

	private static boolean starts(byte[] b, int... prefix) {
		if (b.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((b[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
