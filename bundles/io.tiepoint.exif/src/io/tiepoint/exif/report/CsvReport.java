/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.report;

import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;

import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;

/**
 * Writes CSV (RFC 4180 quoting): a header, then one row per file with the same fields as the JSON
 * report plus {@code findings} (ids joined with ';') and {@code severity} (the worst one).
 */
public final class CsvReport {

	private CsvReport() {
	}

	/**
	 * @param result the run
	 * @param out    destination, flushed but not closed
	 * @throws IOException on a write error
	 */
	public static void write(InspectionResult result, Writer out) throws IOException {
		StringBuilder line = new StringBuilder();
		for (RecordFields.Field f : RecordFields.ALL) {
			line.append(f.name()).append(',');
		}
		out.write(line.append("findings,severity\r\n").toString());
		for (ImageRecord r : result.records()) {
			line.setLength(0);
			for (RecordFields.Field f : RecordFields.ALL) {
				Object v = f.value().apply(r);
				line.append(v == null ? "" : quote(v.toString())).append(',');
			}
			line.append(quote(r.findings().stream().map(x -> x.id()).distinct().collect(Collectors.joining(";"))));
			line.append(',').append(r.findings().stream().map(x -> x.severity()).min(Enum::compareTo)
					.map(Enum::name).orElse(""));
			out.write(line.append("\r\n").toString());
		}
		out.flush();
	}

	static String quote(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
			return s;
		}
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
