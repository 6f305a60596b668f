/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageInspector;
import io.tiepoint.exif.ImageRecord;

/** The stream variant, the single pass and the pixel checks, on images made here. */
class InspectorTest {

	private final ImageInspector inspector = new ImageInspector();

	/** Counts bytes and whether end of stream was seen. */
	static final class Counting extends FilterInputStream {
		long count;
		boolean eof;
		int closes;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b < 0) {
				eof = true;
			} else {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n < 0) {
				eof = true;
			} else {
				count += n;
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			closes++;
			super.close();
		}
	}

	@Test
	void streamIsReadOnceToItsEndAndHashed() throws Exception {
		byte[] jpeg = Images.sharpJpeg(1, 640, 480);
		byte[] withTrailer = new byte[jpeg.length + 1000]; // data after EOI: decoder stops early, digests must not
		System.arraycopy(jpeg, 0, withTrailer, 0, jpeg.length);
		Counting in = new Counting(new ByteArrayInputStream(withTrailer));
		ImageRecord r = inspector.inspect(in, "upload.jpg");
		assertTrue(in.eof, "read to the end");
		assertEquals(withTrailer.length, in.count, "every byte read exactly once");
		assertEquals(0, in.closes, "caller's stream not closed");
		assertEquals(withTrailer.length, r.size());
		HexFormat hex = HexFormat.of();
		assertEquals(hex.formatHex(MessageDigest.getInstance("SHA-1").digest(withTrailer)), r.sha1());
		assertEquals(hex.formatHex(MessageDigest.getInstance("MD5").digest(withTrailer)), r.md5());
		assertEquals("image/jpeg", r.mediaType());
		assertEquals(640, r.width());
		assertEquals(480, r.height());
		assertEquals("upload.jpg", r.name());
		assertFalse(r.has(Severity.ERROR), r.findings().toString());
	}

	@Test
	void hashOnlyModeStillReadsEverything() throws Exception {
		byte[] jpeg = Images.sharpJpeg(2, 320, 240);
		CheckConfig c = CheckConfig.defaults().with(CheckConfig.Key.METADATA_ENABLED, 0);
		ImageRecord r = new ImageInspector(c).inspect(new ByteArrayInputStream(jpeg), "x.jpg");
		assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(jpeg)), r.sha1());
		assertNull(r.mediaType());
		assertEquals(jpeg.length, r.size());
	}

	@Test
	void sharpImageIsNotBlurredButBlurredOneIs() throws Exception {
		ImageRecord sharp = inspector.inspect(new ByteArrayInputStream(Images.sharpJpeg(3, 1024, 768)), "sharp.jpg");
		ImageRecord blurred = inspector.inspect(new ByteArrayInputStream(Images.blurredJpeg(3, 1024, 768)), "blur.jpg");
		assertFalse(sharp.has(FindingIds.BLUR), sharp.findings().toString());
		assertTrue(blurred.has(FindingIds.BLUR), "variance " + blurred.blurVariance());
		assertTrue(sharp.blurVariance() > 10 * blurred.blurVariance());
	}

	@Test
	void clippedImagesAreFlagged() throws Exception {
		ImageRecord white = inspector.inspect(new ByteArrayInputStream(Images.flatJpeg(255, 400, 300)), "white.jpg");
		ImageRecord black = inspector.inspect(new ByteArrayInputStream(Images.flatJpeg(0, 400, 300)), "black.jpg");
		ImageRecord grey = inspector.inspect(new ByteArrayInputStream(Images.flatJpeg(128, 400, 300)), "grey.jpg");
		assertTrue(white.has(FindingIds.OVEREXPOSED) && !white.has(FindingIds.UNDEREXPOSED), white.findings().toString());
		assertTrue(black.has(FindingIds.UNDEREXPOSED) && !black.has(FindingIds.OVEREXPOSED), black.findings().toString());
		assertFalse(grey.has(FindingIds.OVEREXPOSED) || grey.has(FindingIds.UNDEREXPOSED));
	}

	@Test
	void truncatedStreamIsTruncated() throws Exception {
		byte[] jpeg = Images.sharpJpeg(4, 800, 600);
		byte[] half = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
		ImageRecord r = inspector.inspect(new ByteArrayInputStream(half), "half.jpg");
		assertTrue(r.has(FindingIds.TRUNCATED), r.findings().toString());
		assertEquals(half.length, r.size());
	}
}
