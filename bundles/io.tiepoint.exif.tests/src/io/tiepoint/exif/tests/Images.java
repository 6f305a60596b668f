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

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

/** Makes small test images in memory (no shared data needed). */
final class Images {

	private Images() {
	}

	/** @return a JPEG of random coloured rectangles (sharp edges) */
	static byte[] sharpJpeg(long seed, int w, int h) throws IOException {
		return jpeg(sharp(seed, w, h));
	}

	static BufferedImage sharp(long seed, int w, int h) {
		Random rnd = new Random(seed);
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D g = img.createGraphics();
		g.setColor(Color.GRAY);
		g.fillRect(0, 0, w, h);
		for (int i = 0; i < 400; i++) {
			g.setColor(new Color(30 + rnd.nextInt(196), 30 + rnd.nextInt(196), 30 + rnd.nextInt(196)));
			g.fillRect(rnd.nextInt(w), rnd.nextInt(h), 4 + rnd.nextInt(w / 8), 4 + rnd.nextInt(h / 8));
		}
		g.dispose();
		return img;
	}

	/** @return the same picture, heavily blurred (three 21x21 box filters) */
	static byte[] blurredJpeg(long seed, int w, int h) throws IOException {
		BufferedImage img = sharp(seed, w, h);
		float[] k = new float[21 * 21];
		Arrays.fill(k, 1f / k.length);
		ConvolveOp op = new ConvolveOp(new Kernel(21, 21, k), ConvolveOp.EDGE_NO_OP, null);
		for (int i = 0; i < 3; i++) {
			img = op.filter(img, null);
		}
		return jpeg(img);
	}

	/** @return a JPEG of one flat grey level */
	static byte[] flatJpeg(int level, int w, int h) throws IOException {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D g = img.createGraphics();
		g.setColor(new Color(level, level, level));
		g.fillRect(0, 0, w, h);
		g.dispose();
		return jpeg(img);
	}

	static byte[] jpeg(BufferedImage img) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(img, "jpeg", out)) {
			throw new IOException("no JPEG writer");
		}
		return out.toByteArray();
	}
}
