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

import java.util.List;
import java.util.function.Function;

import io.tiepoint.exif.ImageRecord;

/** The per-file fields written by the JSON and CSV writers, in order, under their plain names. */
final class RecordFields {

	record Field(String name, Function<ImageRecord, Object> value) {
	}

	static final List<Field> ALL = List.of(new Field("path", ImageRecord::path), new Field("name", ImageRecord::name),
			new Field("size", ImageRecord::size), new Field("sha1", ImageRecord::sha1), new Field("md5", ImageRecord::md5),
			new Field("mediaType", ImageRecord::mediaType), new Field("width", ImageRecord::width),
			new Field("height", ImageRecord::height), new Field("megapixels", ImageRecord::megapixels),
			new Field("make", ImageRecord::make), new Field("model", ImageRecord::model),
			new Field("serial", ImageRecord::serial), new Field("lens", ImageRecord::lens),
			new Field("focalLength", ImageRecord::focalLength), new Field("focalLength35", ImageRecord::focalLength35),
			new Field("dateTimeOriginal", r -> r.dateTimeOriginal() == null ? null : r.dateTimeOriginal().toString()),
			new Field("offsetTimeOriginal", ImageRecord::offsetTimeOriginal),
			new Field("exposureTime", ImageRecord::exposureTime), new Field("iso", ImageRecord::iso),
			new Field("fNumber", ImageRecord::fNumber), new Field("orientation", ImageRecord::orientation),
			new Field("latitude", ImageRecord::latitude), new Field("longitude", ImageRecord::longitude),
			new Field("altitude", ImageRecord::altitude), new Field("relativeAltitude", ImageRecord::relativeAltitude),
			new Field("absoluteAltitude", ImageRecord::absoluteAltitude), new Field("gimbalYaw", ImageRecord::gimbalYaw),
			new Field("gimbalPitch", ImageRecord::gimbalPitch), new Field("gimbalRoll", ImageRecord::gimbalRoll),
			new Field("flightYaw", ImageRecord::flightYaw), new Field("flightPitch", ImageRecord::flightPitch),
			new Field("flightRoll", ImageRecord::flightRoll), new Field("sensorWidth", ImageRecord::sensorWidth),
			new Field("blurVariance", ImageRecord::blurVariance), new Field("clippedLow", ImageRecord::clippedLow),
			new Field("clippedHigh", ImageRecord::clippedHigh));

	private RecordFields() {
	}
}
