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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.ConversionJob;
import io.tiepoint.hub.internal.store.files.ConversionJobs;
import io.tiepoint.hub.internal.store.files.ConversionOutput;
import io.tiepoint.hub.internal.store.files.StoredFile;

import io.tiepoint.hub.internal.store.FileIds;

/**
 * Image conversion (seed 003, 2.3): a large PNG (level 2, at most {@value #LARGE} pixels on the long side)
 * and a thumbnail (level 1, at most {@value #THUMB}).
 * <p>
 * An image's size is read from its header before anything is decoded: one over the hub's pixel limit is
 * refused (422) instead of queued, since a decoder allocates what the header declares (a 67-byte PNG can
 * declare 46000x46000 pixels, 2 GB). Below the limit, the decoder subsamples to the large level's size as
 * it reads, so a conversion holds at most about {@value #LARGE} x {@value #LARGE} pixels.
 */
final class ImageConversion {

	static final int LARGE = 4096;
	static final int THUMB = 256;
	private final ChunkStore store;
	private final long maxPixels;

	ImageConversion(ChunkStore store, long maxPixels) {
		this.store = store;
		this.maxPixels = maxPixels;
	}

	/** Refuses an image whose header declares more pixels than the limit; a file no reader knows passes. */
	void checkSize(String fileId) {
		StoredFile file = store.file(FileIds.idOf(fileId));
		if (file == null) {
			return;
		}
		try (ImageInputStream in = new MemoryCacheImageInputStream(store.open(file.id(), file.length(), 0))) {
			ImageReader reader = reader(in);
			if (reader != null) {
				try {
					refuseOver(reader.getWidth(0), reader.getHeight(0), file.filename());
				} finally {
					reader.dispose();
				}
			}
		} catch (IOException e) {
			// not an image a reader knows: converted as NoSupport
		}
	}

	private void refuseOver(int width, int height, String name) {
		long pixels = (long) width * height;
		if (pixels > maxPixels) {
			throw new ResourceException(422, "image " + name + " is " + width + "x" + height + " (" + pixels / 1_000_000
					+ " megapixels), over this hub's limit for conversion of " + maxPixels / 1_000_000 + " megapixels");
		}
	}

	private static ImageReader reader(ImageInputStream in) {
		Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
		if (!readers.hasNext()) {
			return null;
		}
		ImageReader r = readers.next();
		r.setInput(in, true, true);
		return r;
	}

	/** Decodes an image below the pixel limit, subsampled as it is read to at most {@value #LARGE} on the long side. */
	private BufferedImage decode(String id, StoredFile file) {
		try (ImageInputStream in = new MemoryCacheImageInputStream(store.open(id, file.length(), 0))) {
			ImageReader reader = reader(in);
			if (reader == null) {
				return null;
			}
			try {
				int w = reader.getWidth(0);
				int h = reader.getHeight(0);
				refuseOver(w, h, file.filename());
				ImageReadParam p = reader.getDefaultReadParam();
				int step = (int) Math.ceil(Math.max(w, h) / (double) LARGE);
				if (step > 1) {
					p.setSourceSubsampling(step, step, 0, 0);
				}
				return reader.read(0, p);
			} finally {
				reader.dispose();
			}
		} catch (IOException | ResourceException e) {
			return null;
		}
	}

	/**
	 * @param job  the job
	 * @param file the source
	 * @param jobs where results are recorded
	 * @return the Type: Image, or NoSupport when no reader knows the file
	 * @throws IOException when a PNG cannot be written
	 */
	String run(ConversionJob job, StoredFile file, ConversionJobs jobs) throws IOException {
		String source = job.source();
		BufferedImage image = decode(FileIds.idOf(source), file);
		if (image == null) {
			return "NoSupport";
		}
		Outputs outputs = new Outputs(store);
		String base = file.baseName();
		if (!job.has(1)) {
			jobs.progress(job.key(), new ConversionOutput(
					outputs.store(source, file, png(ImageScaling.scale(image, THUMB)), base + ".thumb.png", 1), 1));
		}
		if (!job.has(2)) {
			jobs.progress(job.key(), new ConversionOutput(
					outputs.store(source, file, png(ImageScaling.scale(image, LARGE)), base + ".png", 2), 2));
		}
		return "Image";
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", png)) {
			throw new IOException("no PNG writer");
		}
		return png.toByteArray();
	}
}
