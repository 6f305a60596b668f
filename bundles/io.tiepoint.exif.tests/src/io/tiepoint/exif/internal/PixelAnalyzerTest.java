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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

import io.tiepoint.exif.ImageRecord;

import org.junit.jupiter.api.Test;

/** The luma read straight from the decoder's buffer is the luma of {@code getRGB}, pixel for pixel. */
class PixelAnalyzerTest {

	private static int[] viaGetRgb(BufferedImage img) {
		int w = img.getWidth();
		int h = img.getHeight();
		int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
		int[] grey = new int[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			grey[i] = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff) + 500) / 1000;
		}
		return grey;
	}

	@Test
	void bgrBufferGivesTheSameLumaAsGetRgb() {
		BufferedImage img = new BufferedImage(97, 61, BufferedImage.TYPE_3BYTE_BGR);
		new Random(7).nextBytes(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
		int[] expected = viaGetRgb(img);
		assertArrayEquals(expected, PixelAnalyzer.grey(img));
		// a sub-image shares the buffer at an offset: still the same values
		BufferedImage sub = img.getSubimage(13, 7, 50, 30);
		assertArrayEquals(viaGetRgb(sub), PixelAnalyzer.grey(sub));
	}

	@Test
	void otherLayoutsGoThroughGetRgb() {
		BufferedImage gray = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
		new Random(3).nextBytes(((DataBufferByte) gray.getRaster().getDataBuffer()).getData());
		assertArrayEquals(viaGetRgb(gray), PixelAnalyzer.grey(gray));
		BufferedImage argb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
		argb.setRGB(3, 4, 0xff102030);
		assertEquals(viaGetRgb(argb)[4 * 20 + 3], PixelAnalyzer.grey(argb)[4 * 20 + 3]);
	}

	@Test
	void rowByRowFiguresEqualTheWholeImageOnes() {
		Random random = new Random(11);
		for (int[] size : new int[][] { { 97, 61 }, { 3, 3 }, { 2, 40 }, { 500, 2 }, { 640, 480 } }) {
			BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
			byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
			random.nextBytes(data);
			for (int i = 0; i < 30; i++) { // some clipped pixels, black and white
				int p = random.nextInt(data.length / 3) * 3;
				byte v = (byte) (i % 2 == 0 ? 0 : 255);
				data[p] = v;
				data[p + 1] = v;
				data[p + 2] = v;
			}
			ImageRecord.Builder rows = new ImageRecord.Builder("rows");
			assertTrue(PixelAnalyzer.measureBgr(img, rows));
			ImageRecord.Builder whole = new ImageRecord.Builder("whole");
			PixelAnalyzer.measure(PixelAnalyzer.grey(img), size[0], size[1], whole);
			ImageRecord a = rows.build();
			ImageRecord b = whole.build();
			String at = size[0] + "x" + size[1];
			assertEquals(b.blurVariance(), a.blurVariance(), at);
			assertEquals(b.clippedLow(), a.clippedLow(), at);
			assertEquals(b.clippedHigh(), a.clippedHigh(), at);
			assertTrue((size[0] - 2) * (size[1] - 2) <= 1 || a.blurVariance() > 0, at);
			assertTrue(a.clippedLow() > 0 && a.clippedHigh() > 0, at);
		}
	}
}
