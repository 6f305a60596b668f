/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.operations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.platform.PlatformApi;
import io.tiepoint.platform.PlatformException;
import io.tiepoint.platform.RemoteImage;

/**
 * What a reconstruction started now would leave out: the images the journal meant to send (every image of
 * the project that is neither rejected nor excluded) whose content the hub does not hold {@code Ready}, each
 * with the reason. Seeds 000-002: start the reconstruction once the {@code Ready} count matches what was
 * meant to be sent; or let the platform start when what arrived is verified ({@code preStartReconstruction}),
 * for which images whose bytes are on the hub, being verified, are not missing.
 *
 * @param missing the images left out, by name
 * @param meant   how many images the journal meant to send
 * @param ready   how many of them the hub holds Ready
 */
public record ReadyCheck(List<Missing> missing, int meant, int ready) {

	/** Hub states of an image whose bytes arrived and are being verified. */
	private static final Set<String> ARRIVING = Set.of("Uploaded");

	/**
	 * @param name the image's file name
	 * @param path its path
	 * @param why  why the hub does not hold it Ready
	 */
	public record Missing(String name, String path, String why) {
	}

	/**
	 * @param journal   the workspace's journal
	 * @param project   the project
	 * @param api       the project's hub
	 * @param pid       the project's id on the hub
	 * @param whenReady count images being verified as arriving (for {@code preStartReconstruction})
	 * @return what a reconstruction would leave out
	 * @throws IOException when the journal or the hub cannot be read
	 */
	public static ReadyCheck of(Journal journal, String project, PlatformApi api, String pid, boolean whenReady)
			throws IOException {
		Map<String, RemoteImage> onHub = new HashMap<>();
		try {
			for (RemoteImage i : api.allImages(pid, null)) {
				if (i.checksum() != null) {
					onHub.merge(i.checksum(), i, (a, b) -> a.ready() ? a : b);
				}
			}
		} catch (PlatformException e) {
			throw new IOException("cannot list the images of " + project + " on its hub: " + e.getMessage(), e);
		}
		List<Missing> missing = new ArrayList<>();
		int meant = 0;
		for (ImageEntry e : journal.images(project)) {
			if (e.excluded() || e.state() == ImageState.REJECTED) {
				continue;
			}
			meant++;
			RemoteImage remote = e.sha1() == null ? null : onHub.get(e.sha1());
			if (remote != null && (remote.ready() || whenReady && ARRIVING.contains(remote.state()))) {
				continue;
			}
			missing.add(new Missing(e.name(), e.path(), why(e, remote)));
		}
		missing.sort(Comparator.comparing(Missing::name).thenComparing(Missing::path));
		return new ReadyCheck(List.copyOf(missing), meant, meant - missing.size());
	}

	private static String why(ImageEntry e, RemoteImage remote) {
		if (remote != null && remote.invalid()) {
			return "Invalid on the hub" + (remote.error().isEmpty() ? "" : ": " + String.join("; ", remote.error()));
		}
		if (remote != null) {
			return remote.state() + " on the hub, not Ready";
		}
		return switch (e.state()) {
		case DISCOVERED, INSPECTED -> "not sent yet";
		case FAILED -> "not sent" + (e.error() == null ? "" : ": " + e.error());
		case REGISTERED, UPLOADING -> "not completely sent";
		default -> "not on the hub (the journal says " + e.state().label() + ")";
		};
	}

	/** @return whether nothing is missing */
	public boolean complete() {
		return missing.isEmpty();
	}

	/**
	 * @param max list at most this many images
	 * @return e.g. {@code 3 of 40 images are not Ready on the hub: a.jpg (not sent yet), ...}
	 */
	public String describe(int max) {
		StringBuilder b = new StringBuilder().append(missing.size()).append(" of ").append(meant)
				.append(" images meant to be sent are not Ready on the hub:");
		missing.stream().limit(max).forEach(m -> b.append("\n  ").append(m.name()).append(" (").append(m.why()).append(')'));
		if (missing.size() > max) {
			b.append("\n  ... and ").append(missing.size() - max).append(" more");
		}
		return b.toString();
	}

	/** A reconstruction refused because images are missing; the caller may start it anyway. */
	public static final class Incomplete extends IOException {
		private static final long serialVersionUID = 1L;
		private final transient ReadyCheck check;

		/** @param check what is missing */
		public Incomplete(ReadyCheck check) {
			super(check.describe(20));
			this.check = check;
		}

		/** @return what is missing */
		public ReadyCheck check() {
			return check;
		}
	}
}
