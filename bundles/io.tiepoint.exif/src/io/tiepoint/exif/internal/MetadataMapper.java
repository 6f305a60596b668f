/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import io.tiepoint.exif.ImageRecord;

/** Copies the fields Tiepoint needs out of a metadata-extractor {@link Metadata} into a builder. */
public final class MetadataMapper {

	/** The DJI drone XMP namespace. */
	public static final String DJI_NS = "http://www.dji.com/drone-dji/1.0/";

	private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private MetadataMapper() {
	}

	/**
	 * @param md parsed metadata
	 * @param b  receives the values
	 * @throws XMPException when the XMP packet is malformed
	 */
	public static void map(Metadata md, ImageRecord.Builder b) throws XMPException {
		ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
		ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
		if (ifd0 != null) {
			b.make(text(ifd0, ExifDirectoryBase.TAG_MAKE));
			b.model(text(ifd0, ExifDirectoryBase.TAG_MODEL));
			b.orientation(ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION));
		}
		if (sub != null) {
			mapSubIfd(sub, b);
		}
		JpegDirectory jpeg = md.getFirstDirectoryOfType(JpegDirectory.class);
		if (jpeg != null) {
			b.width(jpeg.getInteger(JpegDirectory.TAG_IMAGE_WIDTH));
			b.height(jpeg.getInteger(JpegDirectory.TAG_IMAGE_HEIGHT));
		}
		PngDirectory png = md.getFirstDirectoryOfType(PngDirectory.class);
		if (png != null && png.containsTag(PngDirectory.TAG_IMAGE_WIDTH)) {
			b.width(png.getInteger(PngDirectory.TAG_IMAGE_WIDTH));
			b.height(png.getInteger(PngDirectory.TAG_IMAGE_HEIGHT));
		}
		GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
		if (gps != null) {
			mapGps(gps, b);
		}
		XmpDirectory xmp = md.getFirstDirectoryOfType(XmpDirectory.class);
		if (xmp != null && xmp.getXMPMeta() != null) {
			mapDji(xmp.getXMPMeta(), b);
		}
	}

	private static void mapSubIfd(ExifSubIFDDirectory sub, ImageRecord.Builder b) {
		b.serial(text(sub, ExifDirectoryBase.TAG_BODY_SERIAL_NUMBER));
		b.lens(text(sub, ExifDirectoryBase.TAG_LENS_MODEL));
		b.focalLength(number(sub, ExifDirectoryBase.TAG_FOCAL_LENGTH));
		Double f35 = number(sub, ExifDirectoryBase.TAG_35MM_FILM_EQUIV_FOCAL_LENGTH);
		b.focalLength35(f35 != null && f35 > 0 ? f35 : null);
		b.exposureTime(number(sub, ExifDirectoryBase.TAG_EXPOSURE_TIME));
		b.fNumber(number(sub, ExifDirectoryBase.TAG_FNUMBER));
		b.iso(sub.getInteger(ExifDirectoryBase.TAG_ISO_EQUIVALENT));
		b.dateTimeOriginal(dateTime(text(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL),
				text(sub, ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL)));
		b.offsetTimeOriginal(text(sub, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL));
		Double xres = number(sub, ExifDirectoryBase.TAG_FOCAL_PLANE_X_RESOLUTION);
		Integer unit = sub.getInteger(ExifDirectoryBase.TAG_FOCAL_PLANE_RESOLUTION_UNIT);
		Integer exifWidth = sub.getInteger(ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH);
		if (xres != null && xres > 0 && unit != null && exifWidth != null && exifWidth > 0) {
			double mmPerUnit = switch (unit) {
			case 2 -> 25.4;
			case 3 -> 10;
			case 4 -> 1;
			case 5 -> 0.001;
			default -> Double.NaN;
			};
			double w = exifWidth / xres * mmPerUnit;
			b.sensorWidth(Double.isFinite(w) && w > 0.5 && w < 100 ? w : null);
		}
	}

	private static void mapGps(GpsDirectory gps, ImageRecord.Builder b) {
		GeoLocation g = gps.getGeoLocation();
		if (g != null && Double.isFinite(g.getLatitude()) && Double.isFinite(g.getLongitude())) {
			b.latitude(g.getLatitude());
			b.longitude(g.getLongitude());
		}
		Rational alt = gps.getRational(GpsDirectory.TAG_ALTITUDE);
		if (alt != null && alt.getDenominator() != 0) {
			Integer ref = gps.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
			b.altitude(ref != null && ref == 1 ? -alt.doubleValue() : alt.doubleValue());
		}
	}

	private static void mapDji(XMPMeta x, ImageRecord.Builder b) throws XMPException {
		b.relativeAltitude(dji(x, "RelativeAltitude"));
		b.absoluteAltitude(dji(x, "AbsoluteAltitude"));
		b.gimbalYaw(dji(x, "GimbalYawDegree"));
		b.gimbalPitch(dji(x, "GimbalPitchDegree"));
		b.gimbalRoll(dji(x, "GimbalRollDegree"));
		b.flightYaw(dji(x, "FlightYawDegree"));
		b.flightPitch(dji(x, "FlightPitchDegree"));
		b.flightRoll(dji(x, "FlightRollDegree"));
	}

	private static Double dji(XMPMeta x, String name) throws XMPException {
		String v = x.getPropertyString(DJI_NS, name);
		if (v == null || v.isBlank()) {
			return null;
		}
		try {
			double d = Double.parseDouble(v.trim());
			return Double.isFinite(d) ? d : null;
		} catch (NumberFormatException e) {
			return null; // DJI writes "+80.10"; anything else is not a number and stays absent
		}
	}

	private static String text(Directory d, int tag) {
		String s = d.getString(tag);
		if (s == null) {
			return null;
		}
		s = s.replace('\0', ' ').trim();
		return s.isEmpty() ? null : s;
	}

	private static Double number(Directory d, int tag) {
		Rational r = d.getRational(tag);
		if (r != null) {
			return r.getDenominator() == 0 ? null : r.doubleValue();
		}
		Double v = d.getDoubleObject(tag);
		return v != null && Double.isFinite(v) ? v : null;
	}

	/**
	 * @param dto    DateTimeOriginal text
	 * @param subSec SubSecTimeOriginal digits, may be null
	 * @return the local date time, or null when absent or invalid
	 */
	static LocalDateTime dateTime(String dto, String subSec) {
		if (dto == null || dto.length() < 19) {
			return null;
		}
		LocalDateTime t;
		try {
			t = LocalDateTime.parse(dto.substring(0, 19), EXIF_DATE);
		} catch (DateTimeParseException e) {
			return null; // e.g. "0000:00:00 00:00:00" written by cameras without a clock
		}
		if (subSec != null) {
			String digits = subSec.trim();
			if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit)) {
				t = t.plusNanos(Long.parseLong((digits + "000000000").substring(0, 9)));
			}
		}
		return t;
	}
}
