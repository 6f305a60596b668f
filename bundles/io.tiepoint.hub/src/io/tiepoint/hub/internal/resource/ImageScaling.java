/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.awt.image.BufferedImage;

/** Box-filter downscaling without Graphics2D (no AWT toolkit needed). */
final class ImageScaling {

	private ImageScaling() {
	}

	/** @param image an image @param max the longest side wanted @return it scaled down, or itself when small enough */
	static BufferedImage scale(BufferedImage image, int max) {
		int w = image.getWidth();
		int h = image.getHeight();
		if (Math.max(w, h) <= max) {
			return image;
		}
		double f = (double) max / Math.max(w, h);
		int tw = Math.max(1, (int) Math.round(w * f));
		int th = Math.max(1, (int) Math.round(h * f));
		boolean alpha = image.getColorModel().hasAlpha();
		BufferedImage out = new BufferedImage(tw, th, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		int[] row = new int[w];
		long[] acc = new long[tw * 4];
		int[] count = new int[tw];
		int ty = 0;
		for (int y = 0; y < h; y++) {
			image.getRGB(0, y, w, 1, row, 0, w);
			for (int x = 0; x < w; x++) {
				int tx = Math.min(tw - 1, (int) (x * f));
				int p = row[x];
				acc[tx * 4] += p >>> 24;
				acc[tx * 4 + 1] += (p >> 16) & 0xff;
				acc[tx * 4 + 2] += (p >> 8) & 0xff;
				acc[tx * 4 + 3] += p & 0xff;
				count[tx]++;
			}
			int nextTy = Math.min(th - 1, (int) ((y + 1) * f));
			if (y == h - 1 || nextTy != ty) {
				for (int tx = 0; tx < tw; tx++) {
					int c = Math.max(1, count[tx]);
					int a = alpha ? (int) (acc[tx * 4] / c) : 0xff;
					out.setRGB(tx, ty, a << 24 | (int) (acc[tx * 4 + 1] / c) << 16 | (int) (acc[tx * 4 + 2] / c) << 8
							| (int) (acc[tx * 4 + 3] / c));
				}
				java.util.Arrays.fill(acc, 0);
				java.util.Arrays.fill(count, 0);
				ty = nextTy;
			}
		}
		return out;
	}
}
