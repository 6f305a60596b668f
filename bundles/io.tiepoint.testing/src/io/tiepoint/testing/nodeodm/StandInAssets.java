/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.nodeodm;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The {@code all.zip} the stand-in hands out, laid out as NodeODM's {@code Task.js} archives ODM's outputs, made of
 * the uploaded images WITHOUT any reconstruction: {@code odm_orthophoto/odm_orthophoto.tif} is a TIFF mosaic of the
 * images' thumbnails in a grid (not orthorectified, not georeferenced); with {@code dsm}/{@code dtm},
 * {@code odm_dem/dsm.tif}/{@code dtm.tif} are 16-bit grey TIFFs of the mosaic's brightness (not elevations); unless
 * {@code fast-orthophoto}, {@code odm_georeferencing/odm_georeferenced_model.las} is an uncompressed LAS 1.2 point
 * cloud of the mosaic's pixels (ODM writes LAZ, and LAS with {@code pc-las}; there is no LAZ writer here);
 * {@code odm_report/report.pdf} is a one-page PDF saying what the stand-in did, {@code odm_report/stats.json} holds
 * only {@code initial_shots_count} (nothing was reconstructed); {@code images.json} and {@code task_output.txt} as
 * NodeODM writes them.
 */
final class StandInAssets {

	private static final int THUMB = 48;

	private StandInAssets() {
	}

	/**
	 * @param images  the task's files by name
	 * @param options the task's options, as filtered
	 * @param output  the console output so far
	 * @return the archive's bytes
	 * @throws IOException when an image cannot be decoded or a file written
	 */
	static byte[] allZip(Map<String, byte[]> images, Map<String, Object> options, List<String> output) throws IOException {
		int cols = (int) Math.ceil(Math.sqrt(images.size()));
		int rows = (images.size() + cols - 1) / cols;
		BufferedImage mosaic = new BufferedImage(cols * THUMB, rows * THUMB, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = mosaic.createGraphics();
		ArrayNode imagesJson = new ObjectMapper().createArrayNode();
		int i = 0;
		for (Map.Entry<String, byte[]> e : images.entrySet()) {
			BufferedImage img = ImageIO.read(new ByteArrayInputStream(e.getValue()));
			if (img == null) {
				throw new IOException(e.getKey() + " is not an image ImageIO can decode");
			}
			int h = Math.max(1, THUMB * img.getHeight() / img.getWidth());
			g.drawImage(img, (i % cols) * THUMB, (i / cols) * THUMB, THUMB, Math.min(THUMB, h), null);
			imagesJson.addObject().put("filename", e.getKey()).put("width", img.getWidth()).put("height", img.getHeight())
					.put("size", e.getValue().length);
			i++;
		}
		g.dispose();
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(zip)) {
			put(z, "odm_orthophoto/odm_orthophoto.tif", tiff(mosaic));
			for (String dem : List.of("dsm", "dtm")) {
				if (Boolean.TRUE.equals(options.get(dem))) {
					put(z, "odm_dem/" + dem + ".tif", tiff(grey(mosaic)));
				}
			}
			if (!Boolean.TRUE.equals(options.get("fast-orthophoto"))) {
				put(z, "odm_georeferencing/odm_georeferenced_model.las", las(mosaic));
			}
			if (!Boolean.TRUE.equals(options.get("skip-report"))) {
				put(z, "odm_report/report.pdf", pdf(List.of("Tiepoint NodeODM stand-in (a test fixture, not ODM)",
						images.size() + " image(s) received, options " + options,
						"Nothing was reconstructed: the orthophoto is a mosaic of thumbnails.")));
				put(z, "odm_report/stats.json", ("{\"reconstruction_statistics\": {\"initial_shots_count\": " + images.size()
						+ "}}").getBytes(StandardCharsets.UTF_8));
			}
			put(z, "images.json", imagesJson.toString().getBytes(StandardCharsets.UTF_8));
			put(z, "task_output.txt", String.join("\n", output).getBytes(StandardCharsets.UTF_8));
		}
		return zip.toByteArray();
	}

	private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
		z.putNextEntry(new ZipEntry(name));
		z.write(bytes);
		z.closeEntry();
	}

	private static byte[] tiff(BufferedImage img) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(img, "tiff", out)) {
			throw new IOException("no TIFF writer in this JDK");
		}
		return out.toByteArray();
	}

	private static BufferedImage grey(BufferedImage rgb) {
		BufferedImage grey = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
		Graphics2D g = grey.createGraphics();
		g.drawImage(rgb, 0, 0, null);
		g.dispose();
		return grey;
	}

	/** LAS 1.2, point format 2 (x, y, z, intensity, flags, class, angle, user, source, r, g, b: 26 bytes). */
	private static byte[] las(BufferedImage img) {
		int n = img.getWidth() * img.getHeight();
		ByteBuffer b = ByteBuffer.allocate(227 + 26 * n).order(ByteOrder.LITTLE_ENDIAN);
		b.put("LASF".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putShort((short) 0).put(new byte[16]);
		b.put((byte) 1).put((byte) 2).put(fixed("tiepoint stand-in", 32)).put(fixed("tiepoint nodeodm stand-in", 32));
		b.putShort((short) 1).putShort((short) 2026).putShort((short) 227).putInt(227).putInt(0);
		b.put((byte) 2).putShort((short) 26).putInt(n).putInt(n).putInt(0).putInt(0).putInt(0).putInt(0);
		b.putDouble(0.01).putDouble(0.01).putDouble(0.01).putDouble(0).putDouble(0).putDouble(0);
		b.putDouble(img.getWidth() - 1).putDouble(0).putDouble(img.getHeight() - 1).putDouble(0).putDouble(2.55)
				.putDouble(0);
		for (int y = 0; y < img.getHeight(); y++) {
			for (int x = 0; x < img.getWidth(); x++) {
				int rgb = img.getRGB(x, y);
				int r = (rgb >> 16) & 0xff;
				int gr = (rgb >> 8) & 0xff;
				int bl = rgb & 0xff;
				b.putInt(x * 100).putInt(y * 100).putInt((r + gr + bl) / 3).putShort((short) 0).put((byte) 1).put((byte) 1)
						.put((byte) 0).put((byte) 0).putShort((short) 0).putShort((short) (r << 8))
						.putShort((short) (gr << 8)).putShort((short) (bl << 8));
			}
		}
		return b.array();
	}

	private static byte[] fixed(String text, int length) {
		byte[] out = new byte[length];
		byte[] t = text.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(t, 0, out, 0, Math.min(t.length, length));
		return out;
	}

	/** A one-page PDF 1.4 with lines of Helvetica text. */
	private static byte[] pdf(List<String> lines) {
		StringBuilder text = new StringBuilder("BT /F1 11 Tf 50 780 Td 14 TL");
		for (String l : lines) {
			text.append(" (").append(l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") '");
		}
		text.append(" ET");
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
						+ " /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		int[] offsets = new int[objects.length];
		for (int i = 0; i < objects.length; i++) {
			offsets[i] = pdf.length();
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		for (int o : offsets) {
			pdf.append(String.format("%010d 00000 n \n", o));
		}
		pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
				.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
	}
}
