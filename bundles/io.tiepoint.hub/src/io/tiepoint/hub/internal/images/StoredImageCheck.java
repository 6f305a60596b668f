/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.images;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Digests;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.ImageInspector;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.spi.HubCloud;

/**
 * Reads one stored image once: recomputes its sha1, lets {@link ImageInspector} decode it and read
 * its metadata, and collects the reasons that make it Invalid.
 */
final class StoredImageCheck {

	/**
	 * What the check found.
	 *
	 * @param size       bytes read
	 * @param sha1       recomputed checksum
	 * @param width      pixels, 0 when unknown
	 * @param height     pixels, 0 when unknown
	 * @param megapixels size in megapixels
	 * @param mediaType  detected media type or null
	 * @param reasons    why the image is Invalid; empty when Ready
	 */
	record Outcome(long size, String sha1, int width, int height, double megapixels, String mediaType,
			List<String> reasons) {
	}

	/** The inspector decodes and reads metadata; the SHA-1 is computed here, once, over every byte stored. */
	/** The stream is hashed here, once; blur and exposure are the client's business (warnings, not errors). */
	private static final CheckConfig NO_DIGESTS = CheckConfig.defaults().with(CheckConfig.Key.DIGESTS_ENABLED, 0)
			.with(CheckConfig.Key.QUALITY_ENABLED, 0);

	private StoredImageCheck() {
	}

	/**
	 * @param cloud   where the bytes are
	 * @param image   the image
	 * @param monitor canceled when the hub closes
	 * @return the outcome
	 * @throws IOException                when the store could not be read (transient: try again later)
	 * @throws OperationCanceledException when canceled
	 */
	static Outcome run(HubCloud cloud, ImageRecord image, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Verifying " + image.filename(), 2);
		progress.split(1);
		MessageDigest sha1 = Digests.sha1();
		List<String> reasons = new ArrayList<>();
		io.tiepoint.exif.ImageRecord record = null;
		long size;
		try (Recording stored = new Recording(cloud.open(CloudImages.of(image)));
				DigestInputStream in = new DigestInputStream(stored, sha1)) {
			InputStream shield = new FilterInputStream(in) {
				@Override
				public void close() {
					// the inspector must not close the stream we still drain
				}
			};
			try {
				record = new ImageInspector(NO_DIGESTS).inspect(shield, image.filename());
			} catch (RuntimeException e) {
				reasons.add("cannot decode image: " + e.getMessage());
			}
			if (stored.failure != null) {
				throw stored.failure;
			}
			progress.split(1);
			in.transferTo(OutputStream.nullOutputStream());
			size = stored.count;
			if (record != null) {
				for (Finding f : record.findings()) {
					if (f.severity() == Finding.Severity.ERROR) {
						reasons.add(f.id() + ": " + f.message());
					}
				}
			}
		}
		String stored = HexFormat.of().formatHex(sha1.digest());
		String registered = image.checksum();
		if (size == 0) {
			reasons.add(0, "empty object");
		}
		if (image.checksumKnown() && !stored.equalsIgnoreCase(registered)) {
			reasons.add(0, "checksum mismatch: registered " + registered + ", stored " + stored);
		}
		if (record != null) {
			int width = record.width() == null ? 0 : record.width();
			int height = record.height() == null ? 0 : record.height();
			if (reasons.isEmpty() && (width <= 0 || height <= 0)) {
				reasons.add("cannot decode image: no dimensions");
			}
			double mp = record.megapixels() == null ? 0 : record.megapixels();
			return new Outcome(size, stored, width, height, mp, record.mediaType(), reasons);
		}
		return new Outcome(size, stored, 0, 0, 0, null, reasons);
	}

	/** Counts bytes and remembers a read failure of the store, to tell it from a decoding failure. */
	private static final class Recording extends FilterInputStream {
		long count;
		IOException failure;

		Recording(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				int b = super.read();
				count += b < 0 ? 0 : 1;
				return b;
			} catch (IOException e) {
				failure = e;
				throw e;
			}
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			try {
				int n = super.read(b, off, len);
				count += Math.max(0, n);
				return n;
			} catch (IOException e) {
				failure = e;
				throw e;
			}
		}
	}
}
