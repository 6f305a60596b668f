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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;

/**
 * Writes a JSON array with one object per file: {@code path}, the metadata under plain names
 * ({@code latitude}, {@code make}, {@code sha1}, ...; absent values omitted) and {@code findings}
 * as [{id, severity, message}]. Streamed with the Jackson generator.
 */
public final class JsonReport {

	private JsonReport() {
	}

	/**
	 * @param result the run
	 * @param out    destination, flushed but not closed
	 * @throws IOException on a write error
	 */
	public static void write(InspectionResult result, Writer out) throws IOException {
		try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
			g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
			g.useDefaultPrettyPrinter();
			g.writeStartArray();
			for (ImageRecord r : result.records()) {
				writeRecord(g, r);
			}
			g.writeEndArray();
			g.writeRaw('\n');
		}
		out.flush();
	}

	static void writeRecord(JsonGenerator g, ImageRecord r) throws IOException {
		g.writeStartObject();
		for (RecordFields.Field f : RecordFields.ALL) {
			writeValue(g, f.name(), f.value().apply(r));
		}
		g.writeArrayFieldStart("findings");
		for (Finding f : r.findings()) {
			g.writeStartObject();
			g.writeStringField("id", f.id());
			g.writeStringField("severity", f.severity().name());
			g.writeStringField("message", f.message());
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeEndObject();
	}

	static void writeValue(JsonGenerator g, String name, Object v) throws IOException {
		if (v == null) {
			return;
		}
		if (v instanceof Integer i) {
			g.writeNumberField(name, i);
		} else if (v instanceof Long l) {
			g.writeNumberField(name, l);
		} else if (v instanceof Double d) {
			if (Double.isFinite(d)) {
				g.writeNumberField(name, d);
			}
		} else {
			g.writeStringField(name, v.toString());
		}
	}
}
