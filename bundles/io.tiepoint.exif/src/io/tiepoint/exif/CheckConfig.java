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

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Immutable thresholds of the checks. Start from {@link #defaults()} and override with
 * {@link #fromProperties(Properties)} (keys are {@link Key#property()}, values numbers).
 */
public final class CheckConfig {

	/** The configurable thresholds with their property names and defaults. */
	public enum Key {
		/** Variance of the Laplacian (8-bit grey, subsampled decode) below which an image is blurred. */
		BLUR_MIN_VARIANCE("blur.minLaplacianVariance", 50),
		/** Fraction of pixels at 255 above which an image is over-exposed. */
		OVEREXPOSED_MAX_FRACTION("exposure.maxClippedHigh", 0.05),
		/** Fraction of pixels at 0 above which an image is under-exposed. */
		UNDEREXPOSED_MAX_FRACTION("exposure.maxClippedLow", 0.05),
		/**
		 * Long side in pixels the decode is subsampled to (at most: by a whole step, so 1000 px is measured at
		 * 500 and 5472 px at 498), which bounds the pixel statistics' cost per image whatever the camera.
		 */
		DECODE_TARGET_SIZE("decode.targetSize", 512),
		/** Files larger than this many bytes are hashed and parsed but not decoded. */
		DECODE_MAX_BYTES("decode.maxBytes", 64L * 1024 * 1024),
		/** 1 to decode pixels (blur, exposure, truncation), 0 to skip. */
		DECODE_ENABLED("decode.enabled", 1),
		/** 1 to parse metadata, 0 to only hash (benchmarking). */
		METADATA_ENABLED("metadata.enabled", 1),
		/**
		 * 1 to hash the whole file; 0 stops reading after the metadata (benchmarking the parser alone;
		 * no checksums, no decode).
		 */
		HASH_ENABLED("hash.enabled", 1),
		/**
		 * 1 to compute the SHA-1 and MD5 of the bytes read; 0 reads and decodes the same but leaves the
		 * checksums out (a reader that hashes the stream itself, such as the hub's verification).
		 */
		DIGESTS_ENABLED("digests.enabled", 1),
		/**
		 * 1 to measure sharpness and exposure on the decoded pixels; 0 keeps the decode check alone (the
		 * hub's verification, which acts on errors only).
		 */
		QUALITY_ENABLED("quality.enabled", 1),
		/** Maximum angle between the camera axis and the vertical for a nadir image, degrees. */
		NADIR_MAX_OFF_DEGREES("nadir.maxOffNadirDegrees", 15),
		/** Horizontal distance under which two images are at the same spot, metres. */
		NEAR_DUPLICATE_METERS("nearDuplicate.meters", 1.5),
		/** Time difference under which two images are at the same moment, seconds. */
		NEAR_DUPLICATE_SECONDS("nearDuplicate.seconds", 1.0),
		/** A pause this many times the median capture interval is a time gap. */
		TIME_GAP_FACTOR("timeGap.factor", 10),
		/** ... and at least this many seconds. */
		TIME_GAP_MIN_SECONDS("timeGap.minSeconds", 60),
		/** A jump in file numbers larger than this is a numbering gap. */
		NUMBERING_MAX_STEP("numbering.maxStep", 20),
		/** Distance from the set's median position above which an image is an outlier, metres. */
		OUTLIER_MIN_METERS("outlier.minMeters", 500),
		/** ... and this many times the median distance from it. */
		OUTLIER_FACTOR("outlier.factor", 5),
		/** A camera group holding at most this fraction of the set is unlike the rest. */
		CAMERA_MINORITY_FRACTION("camera.minorityFraction", 0.1),
		/** Forward overlap below this fraction is low. */
		OVERLAP_MIN_FORWARD("overlap.minForward", 0.6),
		/** Side overlap below this fraction is low. */
		OVERLAP_MIN_SIDE("overlap.minSide", 0.4);

		private final String property;
		private final double defaultValue;

		Key(String property, double defaultValue) {
			this.property = property;
			this.defaultValue = defaultValue;
		}

		/** @return the property name */
		public String property() {
			return property;
		}

		/** @return the default value */
		public double defaultValue() {
			return defaultValue;
		}
	}

	private static final String PREFIX = "tiepoint.check.";

	private final Map<Key, Double> values;

	private CheckConfig(Map<Key, Double> values) {
		this.values = Collections.unmodifiableMap(new EnumMap<>(values));
	}

	/** @return the default thresholds */
	public static CheckConfig defaults() {
		Map<Key, Double> m = new EnumMap<>(Key.class);
		for (Key k : Key.values()) {
			m.put(k, k.defaultValue());
		}
		return new CheckConfig(m);
	}

	/**
	 * Reads thresholds; keys may carry the optional prefix {@code tiepoint.check.}. Missing keys keep
	 * their defaults.
	 *
	 * @param props properties
	 * @return the configuration
	 * @throws IllegalArgumentException on an unknown key or a value that is not a number
	 */
	public static CheckConfig fromProperties(Properties props) {
		CheckConfig c = defaults();
		for (String name : props.stringPropertyNames()) {
			String plain = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
			Key key = byProperty(plain);
			if (key == null) {
				throw new IllegalArgumentException("Unknown check setting '" + name + "'");
			}
			String raw = props.getProperty(name).trim();
			try {
				c = c.with(key, Double.parseDouble(raw));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("Check setting '" + name + "' is not a number: '" + raw + "'", e);
			}
		}
		return c;
	}

	private static Key byProperty(String property) {
		for (Key k : Key.values()) {
			if (k.property().equals(property)) {
				return k;
			}
		}
		return null;
	}

	/**
	 * @param key   key
	 * @param value new value
	 * @return a copy with one value changed
	 */
	public CheckConfig with(Key key, double value) {
		if (Double.isNaN(value)) {
			throw new IllegalArgumentException(key.property() + " must be a number");
		}
		Map<Key, Double> m = new EnumMap<>(values);
		m.put(key, value);
		return new CheckConfig(m);
	}

	/**
	 * @param key key
	 * @return its value
	 */
	public double get(Key key) {
		return values.get(key);
	}

	/**
	 * @param key key
	 * @return whether the value is non-zero (for switches)
	 */
	public boolean isOn(Key key) {
		return get(key) != 0;
	}

	@Override
	public String toString() {
		return "CheckConfig" + values;
	}
}
