/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The camera centres of a COLMAP model in text form ({@code images.txt} written by
 * {@code model_converter --output_type TXT}).
 */
public final class TextModel {

	private TextModel() {
	}

	/**
	 * Reads {@code images.txt}: per image two lines, {@code IMAGE_ID QW QX QY QZ TX TY TZ CAMERA_ID NAME}
	 * then its 2D points; the centre is {@code -R(q)^T t}.
	 *
	 * @param imagesTxt the file
	 * @return camera centres by image name, in file order
	 * @throws IOException when the file cannot be read or a pose line is malformed (the message names
	 *                     the file and line)
	 */
	public static Map<String, double[]> centres(Path imagesTxt) throws IOException {
		Map<String, double[]> out = new LinkedHashMap<>();
		try (BufferedReader in = Files.newBufferedReader(imagesTxt, StandardCharsets.UTF_8)) {
			String line;
			int no = 0;
			boolean poseLine = true;
			while ((line = in.readLine()) != null) {
				no++;
				if (line.startsWith("#")) {
					continue;
				}
				if (poseLine) {
					if (line.isBlank()) {
						continue;
					}
					String[] f = line.strip().split("\\s+", 10);
					if (f.length < 10) {
						throw new IOException(imagesTxt + ":" + no + ": expected an image pose line, got '" + line + "'");
					}
					try {
						double qw = Double.parseDouble(f[1]);
						double qx = Double.parseDouble(f[2]);
						double qy = Double.parseDouble(f[3]);
						double qz = Double.parseDouble(f[4]);
						double[] t = { Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]) };
						out.put(f[9], centre(qw, qx, qy, qz, t));
					} catch (NumberFormatException e) {
						throw new IOException(imagesTxt + ":" + no + ": bad number in '" + line + "'", e);
					}
				}
				poseLine = !poseLine;
			}
		}
		return out;
	}

	/**
	 * @param qw quaternion w (world to camera) @param qx x @param qy y @param qz z
	 * @param t  translation (world to camera)
	 * @return the camera centre in world coordinates
	 */
	public static double[] centre(double qw, double qx, double qy, double qz, double[] t) {
		double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
		qw /= n;
		qx /= n;
		qy /= n;
		qz /= n;
		double[][] r = { { 1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - qw * qz), 2 * (qx * qz + qw * qy) },
				{ 2 * (qx * qy + qw * qz), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - qw * qx) },
				{ 2 * (qx * qz - qw * qy), 2 * (qy * qz + qw * qx), 1 - 2 * (qx * qx + qy * qy) } };
		double[] c = new double[3];
		for (int i = 0; i < 3; i++) {
			c[i] = -(r[0][i] * t[0] + r[1][i] * t[1] + r[2][i] * t[2]);
		}
		return c;
	}
}
