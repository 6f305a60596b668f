/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** PNG files written byte by byte, for images whose header says more than their data holds. */
final class Pngs {

	private Pngs() {
	}

	/**
	 * @param width  the width the header declares
	 * @param height the height it declares
	 * @return a valid PNG signature and header (8-bit greyscale) followed by one compressed row of one
	 *         pixel: a few dozen bytes that a decoder trusting the header allocates width x height bytes for
	 */
	static byte[] declaring(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a });
		chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
				.put((byte) 0).put((byte) 0).put((byte) 0).array());
		Deflater d = new Deflater(9);
		d.setInput(new byte[] { 0, 0 });
		d.finish();
		byte[] z = new byte[64];
		int n = d.deflate(z);
		d.end();
		chunk(out, "IDAT", java.util.Arrays.copyOf(z, n));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(t);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}
}
