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

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageRecord;

/**
 * Decodes a subsampled copy of the image with javax.imageio from the (replayed) stream and measures
 * sharpness (variance of the Laplacian of the grey image) and clipping. Nothing decoded is kept.
 */
public final class PixelAnalyzer {

	/**
	 * Result of a decode.
	 *
	 * @param findingId null when the pixels decoded cleanly, else {@link FindingIds#TRUNCATED},
	 *                  {@link FindingIds#CORRUPT} or {@link FindingIds#NOT_DECODED}
	 * @param reason    text for the finding
	 */
	public record Outcome(String findingId, String reason) {
		static final Outcome OK = new Outcome(null, null);
	}

	/**
	 * Long side kept when only the decode check runs (no blur or exposure): the decoder still reads and
	 * decodes every row, so truncation and corrupt data are found the same, but copies 1/step^2 of the
	 * pixels out.
	 */
	static final int CHECK_ONLY_SIZE = 64;

	private PixelAnalyzer() {
	}

	/**
	 * @param in        the whole file from its first byte; read up to where the decoder stops, not closed
	 * @param mediaType detected type
	 * @param config    thresholds (target size)
	 * @param b         receives dimensions and pixel statistics
	 * @return the outcome
	 */
	public static Outcome analyze(InputStream in, String mediaType, CheckConfig config, ImageRecord.Builder b) {
		String format = MediaTypes.imageIoFormat(mediaType);
		Iterator<ImageReader> readers = format == null ? null : ImageIO.getImageReadersByFormatName(format);
		if (readers == null || !readers.hasNext()) {
			return new Outcome(FindingIds.NOT_DECODED, "no decoder for " + MediaTypes.shortName(mediaType)
					+ " here, pixels not checked");
		}
		ImageReader reader = readers.next();
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
			reader.setInput(iis, true, true);
			int w = reader.getWidth(0);
			int h = reader.getHeight(0);
			b.width(w).height(h);
			boolean quality = config.isOn(CheckConfig.Key.QUALITY_ENABLED);
			// the decoder reads every row whatever it keeps: a decode check alone keeps a thumbnail
			int target = quality ? (int) Math.max(16, config.get(CheckConfig.Key.DECODE_TARGET_SIZE)) : CHECK_ONLY_SIZE;
			int step = Math.max(1, (Math.max(w, h) + target - 1) / target); // long side at most target
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(step, step, 0, 0);
			BufferedImage img = reader.read(0, param);
			if (quality) {
				measure(img, b);
			}
			for (String warning : warnings) {
				if (isTruncation(warning)) {
					return new Outcome(FindingIds.TRUNCATED, "image data ends early (" + warning.trim() + ")");
				}
			}
			if (!warnings.isEmpty()) {
				return new Outcome(FindingIds.CORRUPT, "decoder warning: " + warnings.get(0).trim());
			}
			return Outcome.OK;
		} catch (IIOException e) {
			return classify(e, warnings);
		} catch (IOException | RuntimeException e) {
			return classify(e, warnings);
		} finally {
			reader.dispose();
		}
	}

	private static Outcome classify(Exception e, List<String> warnings) {
		String msg = String.valueOf(e.getMessage());
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof EOFException || isTruncation(String.valueOf(t.getMessage()))) {
				return new Outcome(FindingIds.TRUNCATED, "image data ends early (" + describe(t) + ")");
			}
		}
		for (String warning : warnings) {
			if (isTruncation(warning)) {
				return new Outcome(FindingIds.TRUNCATED, "image data ends early (" + warning.trim() + ")");
			}
		}
		if (msg.contains("Unsupported Image Type") || msg.contains("Unsupported JPEG process")) {
			return new Outcome(FindingIds.NOT_DECODED, "pixel format not supported by the decoder (" + msg
					+ "), pixels not checked");
		}
		return new Outcome(FindingIds.CORRUPT, "cannot decode the image (" + describe(e) + ")");
	}

	private static String describe(Throwable t) {
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().trim();
	}

	private static boolean isTruncation(String message) {
		String m = message.toLowerCase(Locale.ROOT);
		return m.contains("premature end") || m.contains("unexpected end") || m.contains("end of file")
				|| m.contains("eof");
	}

	/**
	 * @param img a decoded image
	 * @return its luma (ITU-R 601 weights, 0..255) per pixel, row by row. What the JPEG decoder gives (3
	 *         bytes a pixel, sRGB) is read straight from its buffer, the same values {@code getRGB} would
	 *         give without its per-pixel colour model calls; any other layout goes through {@code getRGB}.
	 */
	static int[] grey(BufferedImage img) {
		int w = img.getWidth();
		int h = img.getHeight();
		int[] grey = new int[w * h];
		if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
				&& img.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte buffer
				&& img.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel sm
				&& img.getRaster().getSampleModelTranslateX() == 0 && img.getRaster().getSampleModelTranslateY() == 0) {
			byte[] data = buffer.getData();
			int[] offsets = sm.getBandOffsets(); // R, G, B
			int base = buffer.getOffset();
			int pixelStride = sm.getPixelStride();
			int scanline = sm.getScanlineStride();
			for (int y = 0; y < h; y++) {
				int p = base + y * scanline;
				int row = y * w;
				for (int x = 0; x < w; x++, p += pixelStride) {
					grey[row + x] = luma(data[p + offsets[0]] & 0xff, data[p + offsets[1]] & 0xff,
							data[p + offsets[2]] & 0xff);
				}
			}
			return grey;
		}
		int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			grey[i] = luma((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
		}
		return grey;
	}

	private static int luma(int r, int g, int b) {
		// (x + 500) / 1000 for x <= 255,000 as a multiply and a shift: exact over that range
		return (int) (((299 * r + 587 * g + 114 * b + 500) * 4294968L) >>> 32);
	}

	/** Grey conversion, Laplacian variance and clipping fractions of a decoded (subsampled) image. */
	static void measure(BufferedImage img, ImageRecord.Builder b) {
		if (!measureBgr(img, b)) {
			measure(grey(img), img.getWidth(), img.getHeight(), b);
		}
	}

	/** Clipping fractions and the variance of the Laplacian of a grey image (row by row, w x h). */
	static void measure(int[] grey, int w, int h, ImageRecord.Builder b) {
		long low = 0;
		long high = 0;
		for (int g : grey) {
			if (g == 0) {
				low++;
			} else if (g == 255) {
				high++;
			}
		}
		b.clippedLow(low / (double) grey.length);
		b.clippedHigh(high / (double) grey.length);
		if (w < 3 || h < 3) {
			return;
		}
		long sum = 0;
		long sumSq = 0;
		for (int y = 1; y < h - 1; y++) {
			int row = y * w;
			for (int x = 1; x < w - 1; x++) {
				int i = row + x;
				int lap = grey[i - 1] + grey[i + 1] + grey[i - w] + grey[i + w] - 4 * grey[i];
				sum += lap;
				sumSq += lap * lap;
			}
		}
		b.blurVariance(variance(sum, sumSq, (long) (w - 2) * (h - 2)));
	}

	/**
	 * The same figures as {@link #measure(int[], int, int, ImageRecord.Builder)} straight from what the JPEG
	 * decoder gives (3 bytes a pixel), three grey rows at a time: no grey copy of the whole image.
	 *
	 * @return false when the image has another layout
	 */
	static boolean measureBgr(BufferedImage img, ImageRecord.Builder b) {
		if (img.getType() != BufferedImage.TYPE_3BYTE_BGR
				|| !(img.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte buffer)
				|| !(img.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel sm)
				|| img.getRaster().getSampleModelTranslateX() != 0 || img.getRaster().getSampleModelTranslateY() != 0) {
			return false;
		}
		int w = img.getWidth();
		int h = img.getHeight();
		byte[] data = buffer.getData();
		int[] offsets = sm.getBandOffsets(); // R, G, B
		int base = buffer.getOffset();
		int red = offsets[0];
		int green = offsets[1];
		int blue = offsets[2];
		int stride = sm.getPixelStride();
		int scanline = sm.getScanlineStride();
		int[] above = new int[w]; // rows y - 2, y - 1 and y
		int[] here = new int[w];
		int[] below = new int[w];
		long low = 0;
		long high = 0;
		long sum = 0;
		long sumSq = 0;
		for (int y = 0; y < h; y++) {
			int p = base + y * scanline;
			for (int x = 0; x < w; x++, p += stride) {
				int g = luma(data[p + red] & 0xff, data[p + green] & 0xff, data[p + blue] & 0xff);
				below[x] = g;
				if (g == 0) {
					low++;
				} else if (g == 255) {
					high++;
				}
			}
			if (y >= 2) { // the Laplacian of row y - 1
				for (int x = 1; x < w - 1; x++) {
					int lap = here[x - 1] + here[x + 1] + above[x] + below[x] - 4 * here[x];
					sum += lap;
					sumSq += lap * lap;
				}
			}
			int[] free = above;
			above = here;
			here = below;
			below = free;
		}
		long n = (long) w * h;
		b.clippedLow(low / (double) n);
		b.clippedHigh(high / (double) n);
		if (w >= 3 && h >= 3) {
			b.blurVariance(variance(sum, sumSq, (long) (w - 2) * (h - 2)));
		}
		return true;
	}

	private static double variance(long sum, long sumSq, long n) {
		double mean = sum / (double) n;
		return sumSq / (double) n - mean * mean;
	}
}
