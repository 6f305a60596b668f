/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one inspection found out about one file. Immutable and small (no pixels, no metadata
 * objects), so that tens of thousands fit in memory. Absent values are {@code null}.
 */
public final class ImageRecord {
	private final String path;
	private final String name;
	private final long size;
	private final String sha1;
	private final String md5;
	private final String mediaType;
	private final Integer width;
	private final Integer height;
	private final String make;
	private final String model;
	private final String serial;
	private final String lens;
	private final Double focalLength;
	private final Double focalLength35;
	private final LocalDateTime dateTimeOriginal;
	private final String offsetTimeOriginal;
	private final Double exposureTime;
	private final Integer iso;
	private final Double fNumber;
	private final Integer orientation;
	private final Double latitude;
	private final Double longitude;
	private final Double altitude;
	private final Double relativeAltitude;
	private final Double absoluteAltitude;
	private final Double gimbalYaw;
	private final Double gimbalPitch;
	private final Double gimbalRoll;
	private final Double flightYaw;
	private final Double flightPitch;
	private final Double flightRoll;
	private final Double sensorWidth;
	private final Double blurVariance;
	private final Double clippedLow;
	private final Double clippedHigh;
	private final List<Finding> findings;

	private ImageRecord(Builder b, List<Finding> findings) {
		this.path = b.path;
		this.name = b.name;
		this.size = b.size;
		this.sha1 = b.sha1;
		this.md5 = b.md5;
		this.mediaType = b.mediaType;
		this.width = b.width;
		this.height = b.height;
		this.make = b.make;
		this.model = b.model;
		this.serial = b.serial;
		this.lens = b.lens;
		this.focalLength = b.focalLength;
		this.focalLength35 = b.focalLength35;
		this.dateTimeOriginal = b.dateTimeOriginal;
		this.offsetTimeOriginal = b.offsetTimeOriginal;
		this.exposureTime = b.exposureTime;
		this.iso = b.iso;
		this.fNumber = b.fNumber;
		this.orientation = b.orientation;
		this.latitude = b.latitude;
		this.longitude = b.longitude;
		this.altitude = b.altitude;
		this.relativeAltitude = b.relativeAltitude;
		this.absoluteAltitude = b.absoluteAltitude;
		this.gimbalYaw = b.gimbalYaw;
		this.gimbalPitch = b.gimbalPitch;
		this.gimbalRoll = b.gimbalRoll;
		this.flightYaw = b.flightYaw;
		this.flightPitch = b.flightPitch;
		this.flightRoll = b.flightRoll;
		this.sensorWidth = b.sensorWidth;
		this.blurVariance = b.blurVariance;
		this.clippedLow = b.clippedLow;
		this.clippedHigh = b.clippedHigh;
		this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
	}

	/** @return path of the file as given (or the name for streams) */
	public String path() {
		return path;
	}

	/** @return file name */
	public String name() {
		return name;
	}

	/** @return size in bytes */
	public long size() {
		return size;
	}

	/** @return SHA-1 of the bytes, lowercase hex (null when unreadable) */
	public String sha1() {
		return sha1;
	}

	/** @return MD5 of the bytes, lowercase hex (null when unreadable) */
	public String md5() {
		return md5;
	}

	/** @return media type detected from the content (magic bytes), null when unknown */
	public String mediaType() {
		return mediaType;
	}

	/** @return width in pixels */
	public Integer width() {
		return width;
	}

	/** @return height in pixels */
	public Integer height() {
		return height;
	}

	/** @return camera make */
	public String make() {
		return make;
	}

	/** @return camera model */
	public String model() {
		return model;
	}

	/** @return camera body serial number */
	public String serial() {
		return serial;
	}

	/** @return lens model */
	public String lens() {
		return lens;
	}

	/** @return focal length, mm */
	public Double focalLength() {
		return focalLength;
	}

	/** @return 35 mm equivalent focal length, mm */
	public Double focalLength35() {
		return focalLength35;
	}

	/** @return DateTimeOriginal with SubSecTimeOriginal applied, camera local time */
	public LocalDateTime dateTimeOriginal() {
		return dateTimeOriginal;
	}

	/** @return OffsetTimeOriginal such as +02:00 */
	public String offsetTimeOriginal() {
		return offsetTimeOriginal;
	}

	/** @return exposure time, seconds */
	public Double exposureTime() {
		return exposureTime;
	}

	/** @return ISO speed */
	public Integer iso() {
		return iso;
	}

	/** @return f-number */
	public Double fNumber() {
		return fNumber;
	}

	/** @return EXIF orientation 1..8 */
	public Integer orientation() {
		return orientation;
	}

	/** @return GPS latitude, degrees, south negative */
	public Double latitude() {
		return latitude;
	}

	/** @return GPS longitude, degrees, west negative */
	public Double longitude() {
		return longitude;
	}

	/** @return GPS altitude, metres, below sea level negative */
	public Double altitude() {
		return altitude;
	}

	/** @return DJI RelativeAltitude (above take-off), metres */
	public Double relativeAltitude() {
		return relativeAltitude;
	}

	/** @return DJI AbsoluteAltitude, metres */
	public Double absoluteAltitude() {
		return absoluteAltitude;
	}

	/** @return DJI GimbalYawDegree */
	public Double gimbalYaw() {
		return gimbalYaw;
	}

	/** @return DJI GimbalPitchDegree (-90 looks straight down) */
	public Double gimbalPitch() {
		return gimbalPitch;
	}

	/** @return DJI GimbalRollDegree */
	public Double gimbalRoll() {
		return gimbalRoll;
	}

	/** @return DJI FlightYawDegree */
	public Double flightYaw() {
		return flightYaw;
	}

	/** @return DJI FlightPitchDegree */
	public Double flightPitch() {
		return flightPitch;
	}

	/** @return DJI FlightRollDegree */
	public Double flightRoll() {
		return flightRoll;
	}

	/** @return sensor width derived from FocalPlaneXResolution, mm */
	public Double sensorWidth() {
		return sensorWidth;
	}

	/** @return variance of the Laplacian of the subsampled grey decode */
	public Double blurVariance() {
		return blurVariance;
	}

	/** @return fraction of decoded grey pixels at 0 */
	public Double clippedLow() {
		return clippedLow;
	}

	/** @return fraction of decoded grey pixels at 255 */
	public Double clippedHigh() {
		return clippedHigh;
	}

	/** @return the findings about this file, in the order they were made */
	public List<Finding> findings() {
		return findings;
	}

	/** @return megapixels, or null when the dimensions are unknown */
	public Double megapixels() {
		return width == null || height == null ? null : width * (double) height / 1e6;
	}

	/** @return whether latitude and longitude are known */
	public boolean hasPosition() {
		return latitude != null && longitude != null;
	}

	/** @return capture time in seconds since the epoch, using the offset when known, else UTC */
	public Double captureSeconds() {
		if (dateTimeOriginal == null) {
			return null;
		}
		ZoneOffset off = ZoneOffset.UTC;
		if (offsetTimeOriginal != null) {
			try {
				off = ZoneOffset.of(offsetTimeOriginal.trim());
			} catch (java.time.DateTimeException e) {
				off = ZoneOffset.UTC; // malformed offsets are kept verbatim in offsetTimeOriginal()
			}
		}
		return dateTimeOriginal.toEpochSecond(off) + dateTimeOriginal.getNano() / 1e9;
	}

	/**
	 * @param severity a severity
	 * @return whether a finding of this severity exists
	 */
	public boolean has(Finding.Severity severity) {
		return findings.stream().anyMatch(f -> f.severity() == severity);
	}

	/**
	 * @param id a finding id
	 * @return whether a finding with this id exists
	 */
	public boolean has(String id) {
		return findings.stream().anyMatch(f -> f.id().equals(id));
	}

	/**
	 * @param more findings to add
	 * @return a copy with the findings appended (this instance if none)
	 */
	public ImageRecord withFindings(List<Finding> more) {
		if (more.isEmpty()) {
			return this;
		}
		List<Finding> all = new ArrayList<>(findings);
		all.addAll(more);
		return new ImageRecord(toBuilder(), all);
	}

	/** @return a builder holding this record's values (without findings) */
	public Builder toBuilder() {
		Builder b = new Builder(path);
		b.name = name;
		b.size = size;
		b.sha1 = sha1;
		b.md5 = md5;
		b.mediaType = mediaType;
		b.width = width;
		b.height = height;
		b.make = make;
		b.model = model;
		b.serial = serial;
		b.lens = lens;
		b.focalLength = focalLength;
		b.focalLength35 = focalLength35;
		b.dateTimeOriginal = dateTimeOriginal;
		b.offsetTimeOriginal = offsetTimeOriginal;
		b.exposureTime = exposureTime;
		b.iso = iso;
		b.fNumber = fNumber;
		b.orientation = orientation;
		b.latitude = latitude;
		b.longitude = longitude;
		b.altitude = altitude;
		b.relativeAltitude = relativeAltitude;
		b.absoluteAltitude = absoluteAltitude;
		b.gimbalYaw = gimbalYaw;
		b.gimbalPitch = gimbalPitch;
		b.gimbalRoll = gimbalRoll;
		b.flightYaw = flightYaw;
		b.flightPitch = flightPitch;
		b.flightRoll = flightRoll;
		b.sensorWidth = sensorWidth;
		b.blurVariance = blurVariance;
		b.clippedLow = clippedLow;
		b.clippedHigh = clippedHigh;
		return b;
	}

	@Override
	public String toString() {
		return "ImageRecord[" + path + ", " + mediaType + ", " + width + "x" + height + ", " + make + " " + model
				+ ", findings=" + findings + "]";
	}

	/** Collects the values of a record; not thread-safe. */
	public static final class Builder {
		String path;
		String name;
		long size;
		String sha1;
		String md5;
		String mediaType;
		Integer width;
		Integer height;
		String make;
		String model;
		String serial;
		String lens;
		Double focalLength;
		Double focalLength35;
		LocalDateTime dateTimeOriginal;
		String offsetTimeOriginal;
		Double exposureTime;
		Integer iso;
		Double fNumber;
		Integer orientation;
		Double latitude;
		Double longitude;
		Double altitude;
		Double relativeAltitude;
		Double absoluteAltitude;
		Double gimbalYaw;
		Double gimbalPitch;
		Double gimbalRoll;
		Double flightYaw;
		Double flightPitch;
		Double flightRoll;
		Double sensorWidth;
		Double blurVariance;
		Double clippedLow;
		Double clippedHigh;
		private final List<Finding> findings = new ArrayList<>();

		/** @param path path of the file as given */
		public Builder(String path) {
			this.path = path;
			this.name = Finding.fileName(path);
		}

		/** @return the path */
		public String path() {
			return path;
		}

		/** @param f finding to add */
		public void add(Finding f) {
			findings.add(f);
		}

		/** @return the findings added so far (live view) */
		public List<Finding> findings() {
			return Collections.unmodifiableList(findings);
		}

		/** @return the record */
		public ImageRecord build() {
			return new ImageRecord(this, findings);
		}

		/** Sets the file name. @param v value @return this */
		public Builder name(String v) {
			name = v;
			return this;
		}

		/** Sets the size in bytes. @param v value @return this */
		public Builder size(long v) {
			size = v;
			return this;
		}

		/** Sets the SHA-1 of the bytes, lowercase hex (null when unreadable). @param v value @return this */
		public Builder sha1(String v) {
			sha1 = v;
			return this;
		}

		/** Sets the MD5 of the bytes, lowercase hex (null when unreadable). @param v value @return this */
		public Builder md5(String v) {
			md5 = v;
			return this;
		}

		/** Sets the media type detected from the content (magic bytes), null when unknown. @param v value @return this */
		public Builder mediaType(String v) {
			mediaType = v;
			return this;
		}

		/** @return media type detected from the content (magic bytes), null when unknown */
		public String getMediaType() {
			return mediaType;
		}

		/** Sets the width in pixels. @param v value @return this */
		public Builder width(Integer v) {
			width = v;
			return this;
		}

		/** @return width in pixels */
		public Integer getWidth() {
			return width;
		}

		/** Sets the height in pixels. @param v value @return this */
		public Builder height(Integer v) {
			height = v;
			return this;
		}

		/** @return height in pixels */
		public Integer getHeight() {
			return height;
		}

		/** Sets the camera make. @param v value @return this */
		public Builder make(String v) {
			make = v;
			return this;
		}

		/** Sets the camera model. @param v value @return this */
		public Builder model(String v) {
			model = v;
			return this;
		}

		/** Sets the camera body serial number. @param v value @return this */
		public Builder serial(String v) {
			serial = v;
			return this;
		}

		/** Sets the lens model. @param v value @return this */
		public Builder lens(String v) {
			lens = v;
			return this;
		}

		/** Sets the focal length, mm. @param v value @return this */
		public Builder focalLength(Double v) {
			focalLength = v;
			return this;
		}

		/** Sets the 35 mm equivalent focal length, mm. @param v value @return this */
		public Builder focalLength35(Double v) {
			focalLength35 = v;
			return this;
		}

		/** Sets the DateTimeOriginal with SubSecTimeOriginal applied, camera local time. @param v value @return this */
		public Builder dateTimeOriginal(LocalDateTime v) {
			dateTimeOriginal = v;
			return this;
		}

		/** Sets the OffsetTimeOriginal such as +02:00. @param v value @return this */
		public Builder offsetTimeOriginal(String v) {
			offsetTimeOriginal = v;
			return this;
		}

		/** Sets the exposure time, seconds. @param v value @return this */
		public Builder exposureTime(Double v) {
			exposureTime = v;
			return this;
		}

		/** Sets the ISO speed. @param v value @return this */
		public Builder iso(Integer v) {
			iso = v;
			return this;
		}

		/** Sets the f-number. @param v value @return this */
		public Builder fNumber(Double v) {
			fNumber = v;
			return this;
		}

		/** Sets the EXIF orientation 1..8. @param v value @return this */
		public Builder orientation(Integer v) {
			orientation = v;
			return this;
		}

		/** Sets the GPS latitude, degrees, south negative. @param v value @return this */
		public Builder latitude(Double v) {
			latitude = v;
			return this;
		}

		/** Sets the GPS longitude, degrees, west negative. @param v value @return this */
		public Builder longitude(Double v) {
			longitude = v;
			return this;
		}

		/** Sets the GPS altitude, metres, below sea level negative. @param v value @return this */
		public Builder altitude(Double v) {
			altitude = v;
			return this;
		}

		/** Sets the DJI RelativeAltitude (above take-off), metres. @param v value @return this */
		public Builder relativeAltitude(Double v) {
			relativeAltitude = v;
			return this;
		}

		/** Sets the DJI AbsoluteAltitude, metres. @param v value @return this */
		public Builder absoluteAltitude(Double v) {
			absoluteAltitude = v;
			return this;
		}

		/** Sets the DJI GimbalYawDegree. @param v value @return this */
		public Builder gimbalYaw(Double v) {
			gimbalYaw = v;
			return this;
		}

		/** Sets the DJI GimbalPitchDegree (-90 looks straight down). @param v value @return this */
		public Builder gimbalPitch(Double v) {
			gimbalPitch = v;
			return this;
		}

		/** Sets the DJI GimbalRollDegree. @param v value @return this */
		public Builder gimbalRoll(Double v) {
			gimbalRoll = v;
			return this;
		}

		/** Sets the DJI FlightYawDegree. @param v value @return this */
		public Builder flightYaw(Double v) {
			flightYaw = v;
			return this;
		}

		/** Sets the DJI FlightPitchDegree. @param v value @return this */
		public Builder flightPitch(Double v) {
			flightPitch = v;
			return this;
		}

		/** Sets the DJI FlightRollDegree. @param v value @return this */
		public Builder flightRoll(Double v) {
			flightRoll = v;
			return this;
		}

		/** Sets the sensor width derived from FocalPlaneXResolution, mm. @param v value @return this */
		public Builder sensorWidth(Double v) {
			sensorWidth = v;
			return this;
		}

		/** Sets the variance of the Laplacian of the subsampled grey decode. @param v value @return this */
		public Builder blurVariance(Double v) {
			blurVariance = v;
			return this;
		}

		/** Sets the fraction of decoded grey pixels at 0. @param v value @return this */
		public Builder clippedLow(Double v) {
			clippedLow = v;
			return this;
		}

		/** Sets the fraction of decoded grey pixels at 255. @param v value @return this */
		public Builder clippedHigh(Double v) {
			clippedHigh = v;
			return this;
		}
	}
}
