/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Update;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageRecord;

/**
 * The one rule that decides which inspected images are held back, used by every front (the command line's
 * {@code ingest}, the workbench's jobs): an image is {@code Rejected} for any error finding, for not being
 * an image, and for the warnings listed in the setting {@value #SETTING}; it records the inspection's
 * results in the journal the same way everywhere.
 */
public final class RejectPolicy {

	/** The setting listing the warning ids that reject an image (comma separated). */
	public static final String SETTING = "ingest.reject";
	/**
	 * Warnings that hold an image back by default: without a position or with another camera's intrinsics it
	 * misleads the reconstruction, and a lying extension gets the wrong type on the platform.
	 */
	public static final Set<String> DEFAULT = Set.of("no-gps", "gps-zero", "extension-mismatch", "camera-mismatch");

	private final Set<String> warnings;

	/** @param warnings the warning ids that reject an image */
	public RejectPolicy(Set<String> warnings) {
		this.warnings = Set.copyOf(warnings);
	}

	/** @return the policy of the defaults */
	public static RejectPolicy defaults() {
		return new RejectPolicy(DEFAULT);
	}

	/**
	 * @param config the effective settings
	 * @return the policy they set ({@value #SETTING}), or the defaults
	 */
	public static RejectPolicy of(TiepointConfig config) {
		return config.get(SETTING).map(v -> new RejectPolicy(Arrays.stream(v.split("\\s*,\\s*")).map(String::strip)
				.filter(s -> !s.isEmpty()).collect(Collectors.toSet()))).orElse(defaults());
	}

	/** @return the warning ids that reject an image */
	public Set<String> warnings() {
		return warnings;
	}

	/**
	 * @param r an inspection's record
	 * @return why it is held back ({@code id: message} each), empty when it passes
	 */
	public List<String> reasons(ImageRecord r) {
		List<String> out = new ArrayList<>();
		for (Finding f : r.findings()) {
			if (f.severity() == Finding.Severity.ERROR
					|| f.severity() == Finding.Severity.WARNING && warnings.contains(f.id())) {
				out.add(f.id() + ": " + f.message());
			}
		}
		if (out.isEmpty() && r.mediaType() == null) {
			out.add("not an image");
		}
		return out;
	}

	/**
	 * The journal change that records an inspection. An image already on its way or arrived keeps its state
	 * (only its inspection fields change): a re-check never claims it was not sent.
	 *
	 * @param r       the record
	 * @param current the image as the journal holds it, or null for a new one
	 * @return the update
	 */
	public Update update(ImageRecord r, ImageEntry current) {
		List<String> reasons = reasons(r);
		ImageState state = reasons.isEmpty() ? ImageState.INSPECTED : ImageState.REJECTED;
		boolean keepState = current != null && !(current.state() == ImageState.DISCOVERED || current.state().sendable());
		Update u = keepState ? Update.fields() : Update.to(state);
		u.sha1(r.sha1()).md5(r.md5()).mediaType(r.mediaType()).camera(r.make(), r.model())
				.taken(r.dateTimeOriginal() == null ? null : r.dateTimeOriginal().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
				.position(r.latitude(), r.longitude(), r.altitude(), r.relativeAltitude())
				.attitude(r.gimbalYaw() != null ? r.gimbalYaw() : r.flightYaw(), r.gimbalPitch())
				.dimensions(r.width(), r.height()).findings(findingLines(r.findings()));
		return keepState ? u : u.error(reasons.isEmpty() ? null : String.join("; ", reasons), false);
	}

	/**
	 * @param findings findings
	 * @return one {@code SEVERITY id: message} line each, as the journal keeps them
	 */
	public static String findingLines(List<Finding> findings) {
		return findings.stream().map(f -> f.severity().name() + " " + f.id() + ": " + f.message().replace('\n', ' '))
				.collect(Collectors.joining("\n"));
	}
}
