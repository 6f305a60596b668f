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

import io.tiepoint.exif.Footprint;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.exif.InspectionResult;

/**
 * Writes a GeoJSON FeatureCollection (RFC 7946, WGS84 lon/lat): a Point per image with a position
 * and a Polygon per nadir footprint, with overlap estimates as properties.
 */
public final class GeoJsonReport {

	private GeoJsonReport() {
	}

	/**
	 * @param result the run
	 * @param out    destination, flushed but not closed
	 * @throws IOException on a write error
	 */
	public static void write(InspectionResult result, Writer out) throws IOException {
		try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
			g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
			g.writeStartObject();
			g.writeStringField("type", "FeatureCollection");
			g.writeArrayFieldStart("features");
			for (ImageRecord r : result.records()) {
				if (r.hasPosition()) {
					point(g, r);
				}
			}
			for (Footprint f : result.overlap().footprints()) {
				polygon(g, f);
			}
			g.writeEndArray();
			g.writeEndObject();
			g.writeRaw('\n');
		}
		out.flush();
	}

	private static void point(JsonGenerator g, ImageRecord r) throws IOException {
		g.writeStartObject();
		g.writeStringField("type", "Feature");
		g.writeObjectFieldStart("geometry");
		g.writeStringField("type", "Point");
		g.writeArrayFieldStart("coordinates");
		g.writeNumber(r.longitude());
		g.writeNumber(r.latitude());
		if (r.altitude() != null) {
			g.writeNumber(r.altitude());
		}
		g.writeEndArray();
		g.writeEndObject();
		g.writeObjectFieldStart("properties");
		g.writeStringField("kind", "image");
		g.writeStringField("path", r.path());
		JsonReport.writeValue(g, "make", r.make());
		JsonReport.writeValue(g, "model", r.model());
		JsonReport.writeValue(g, "dateTimeOriginal", r.dateTimeOriginal() == null ? null : r.dateTimeOriginal().toString());
		JsonReport.writeValue(g, "relativeAltitude", r.relativeAltitude());
		JsonReport.writeValue(g, "gimbalPitch", r.gimbalPitch());
		g.writeNumberField("findings", r.findings().size());
		g.writeEndObject();
		g.writeEndObject();
	}

	private static void polygon(JsonGenerator g, Footprint f) throws IOException {
		g.writeStartObject();
		g.writeStringField("type", "Feature");
		g.writeObjectFieldStart("geometry");
		g.writeStringField("type", "Polygon");
		g.writeArrayFieldStart("coordinates");
		g.writeStartArray();
		// RFC 7946: exterior rings counter-clockwise; the footprint corners run clockwise
		for (int i = f.ring().size() - 1; i >= 0; i--) {
			g.writeStartArray();
			g.writeNumber(f.ring().get(i)[0]);
			g.writeNumber(f.ring().get(i)[1]);
			g.writeEndArray();
		}
		g.writeEndArray();
		g.writeEndArray();
		g.writeEndObject();
		g.writeObjectFieldStart("properties");
		g.writeStringField("kind", "footprint");
		g.writeStringField("path", f.path());
		g.writeNumberField("line", f.line());
		JsonReport.writeValue(g, "forwardOverlap", f.forwardOverlap());
		JsonReport.writeValue(g, "sideOverlap", f.sideOverlap());
		g.writeEndObject();
		g.writeEndObject();
	}
}
