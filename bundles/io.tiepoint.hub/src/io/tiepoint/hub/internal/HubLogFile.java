/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import io.tiepoint.hub.internal.auth.PrivateFiles;

/**
 * {@code hub.log} in a data directory: mode 600, one line per message ({@code time level class message}),
 * control characters of messages escaped (a client's name cannot forge a line), kept under
 * {@value #MAX_BYTES} bytes by moving it to {@code hub.log.1} when full.
 */
final class HubLogFile {

	/** The file's name in the data directory. */
	static final String NAME = "hub.log";
	private static final long MAX_BYTES = 8L << 20;
	private final Path file;

	HubLogFile(Path file) throws IOException {
		this.file = PrivateFiles.file(file);
	}

	/**
	 * @param level     ERROR, WARN or INFO
	 * @param source    the logging class
	 * @param message   the message
	 * @param error     a cause or null
	 * @param withTrace whether the cause's stack trace follows the line (a failure of the hub itself)
	 */
	synchronized void append(String level, String source, String message, Throwable error, boolean withTrace) {
		StringBuilder line = new StringBuilder(Instant.now().toString()).append(' ').append(level).append(' ')
				.append(source).append(": ").append(escape(message));
		if (error != null && !withTrace) {
			line.append(" (").append(escape(String.valueOf(error))).append(')');
		}
		line.append('\n');
		if (error != null && withTrace) {
			StringWriter trace = new StringWriter();
			error.printStackTrace(new PrintWriter(trace));
			line.append(trace);
		}
		try {
			if (Files.size(file) > MAX_BYTES) {
				Files.move(file, file.resolveSibling(NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
				PrivateFiles.file(file);
			}
			Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		} catch (IOException e) {
			System.err.println("tiepoint hub: cannot write " + file + ": " + e.getMessage());
		}
	}

	private static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isISOControl(c)) {
				b.append(String.format("\\u%04x", (int) c));
			} else {
				b.append(c);
			}
		}
		return b.toString();
	}
}
