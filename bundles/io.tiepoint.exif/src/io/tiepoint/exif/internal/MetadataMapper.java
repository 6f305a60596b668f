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
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
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
	/** The properties of {@link #DJI_NS} that Tiepoint reads. */
	static final List<String> DJI_PROPERTIES = List.of("RelativeAltitude", "AbsoluteAltitude", "GimbalYawDegree",
			"GimbalPitchDegree", "GimbalRollDegree", "FlightYawDegree", "FlightPitchDegree", "FlightRollDegree");

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
			mapDji(djiProperties(xmp.getXMPMeta())::get, b);
		}
	}

	/**
	 * @param x a packet XMPCore parsed
	 * @return the DJI properties Tiepoint reads that it holds, by name
	 * @throws XMPException when XMPCore cannot read them
	 */
	static Map<String, String> djiProperties(XMPMeta x) throws XMPException {
		if (XMPMetaFactory.getSchemaRegistry().getNamespacePrefix(DJI_NS) == null) {
			// XMPCore refuses to look up an unregistered namespace: a phone's packet without DJI's was "unreadable"
			XMPMetaFactory.getSchemaRegistry().registerNamespace(DJI_NS, "drone-dji");
		}
		Map<String, String> values = new HashMap<>();
		for (String name : DJI_PROPERTIES) {
			String v = x.getPropertyString(DJI_NS, name);
			if (v != null) {
				values.put(name, v);
			}
		}
		return values;
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

	/**
	 * @param property the text of a property of {@link #DJI_NS} by name, null when absent
	 * @param b        receives the values
	 */
	public static void mapDji(Function<String, String> property, ImageRecord.Builder b) {
		b.relativeAltitude(dji(property.apply("RelativeAltitude")));
		b.absoluteAltitude(dji(property.apply("AbsoluteAltitude")));
		b.gimbalYaw(dji(property.apply("GimbalYawDegree")));
		b.gimbalPitch(dji(property.apply("GimbalPitchDegree")));
		b.gimbalRoll(dji(property.apply("GimbalRollDegree")));
		b.flightYaw(dji(property.apply("FlightYawDegree")));
		b.flightPitch(dji(property.apply("FlightPitchDegree")));
		b.flightRoll(dji(property.apply("FlightRollDegree")));
	}

	private static Double dji(String v) {
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
		LocalDateTime t = exifDate(dto);
		if (t == null) {
			return null;
		}
		if (subSec != null) {
			String digits = subSec.trim();
			if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit)) {
				t = t.plusNanos(Long.parseLong((digits + "000000000").substring(0, 9)));
			}
		}
		return t;
	}

	/**
	 * "yyyy:MM:dd HH:mm:ss" read by hand, as {@code DateTimeFormatter.ofPattern} with its smart resolver reads it
	 * (a day past the month's end is its last day, 24:00:00 the next midnight; any other field out of range is no
	 * date), at a fraction of its cost: it was a tenth of a metadata pass.
	 *
	 * @param dto DateTimeOriginal text, may be null
	 * @return the date time of its first 19 characters, or null
	 */
	public static LocalDateTime exifDate(String dto) {
		if (dto == null || dto.length() < 19 || dto.charAt(4) != ':' || dto.charAt(7) != ':' || dto.charAt(10) != ' '
				|| dto.charAt(13) != ':' || dto.charAt(16) != ':') {
			return null;
		}
		int y = digits(dto, 0, 4);
		int mo = digits(dto, 5, 2);
		int d = digits(dto, 8, 2);
		int h = digits(dto, 11, 2);
		int mi = digits(dto, 14, 2);
		int sec = digits(dto, 17, 2);
		boolean endOfDay = h == 24 && mi == 0 && sec == 0; // the next day's midnight
		if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 && !endOfDay || mi < 0 || mi > 59 || sec < 0
				|| sec > 59) {
			return null; // e.g. "0000:00:00 00:00:00" written by cameras without a clock
		}
		LocalDateTime t = LocalDateTime.of(y, mo, Math.min(d, YearMonth.of(y, mo).lengthOfMonth()), endOfDay ? 0 : h, mi, sec);
		return endOfDay ? t.plusDays(1) : t;
	}

	private static int digits(String s, int from, int n) {
		int v = 0;
		for (int i = from; i < from + n; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			v = v * 10 + (c - '0');
		}
		return v;
	}
}
