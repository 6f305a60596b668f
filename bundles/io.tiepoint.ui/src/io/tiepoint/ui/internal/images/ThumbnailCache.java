/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Display;

/**
 * Thumbnails of image files, decoded subsampled on background threads (the most recently asked first)
 * and kept in a bounded LRU cache whose evicted images are disposed. {@link #get} never blocks: it
 * answers null until the thumbnail is ready, then calls the given callback on the UI thread.
 * Owners draw thumbnails themselves (never hand them to widgets that keep them), so evicting is safe.
 */
public final class ThumbnailCache implements AutoCloseable {

	private static final Image FAILED = null;

	private final Display display;
	private final int width;
	private final int height;
	private final int capacity;
	private final Map<String, Image> images;
	private final Map<String, Boolean> failed;
	private final Map<String, Boolean> queued = new java.util.concurrent.ConcurrentHashMap<>();
	private final ThreadPoolExecutor pool;
	private final AtomicInteger decoded = new AtomicInteger();
	private boolean closed;

	/**
	 * @param display  the display
	 * @param width    thumbnail width
	 * @param height   thumbnail height
	 * @param capacity thumbnails kept
	 */
	public ThumbnailCache(Display display, int width, int height, int capacity) {
		this.display = display;
		this.width = width;
		this.height = height;
		this.capacity = capacity;
		this.images = new LinkedHashMap<>(64, 0.75f, true);
		this.failed = new LinkedHashMap<>(64, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
				return size() > 4 * capacity;
			}
		};
		LinkedBlockingDeque<Runnable> stack = new LinkedBlockingDeque<>() {
			private static final long serialVersionUID = 1L;

			@Override
			public boolean offer(Runnable r) {
				// newest first: rows scrolled past are not worth decoding before the visible ones
				while (size() > 2 * capacity) {
					pollLast();
				}
				return offerFirst(r);
			}
		};
		AtomicInteger n = new AtomicInteger();
		pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, stack, r -> {
			Thread t = new Thread(r, "tiepoint-thumbnail-" + n.incrementAndGet());
			t.setDaemon(true);
			t.setPriority(Thread.NORM_PRIORITY - 1);
			return t;
		});
		pool.allowCoreThreadTimeOut(true);
	}

	/** @return thumbnail width */
	public int width() {
		return width;
	}

	/** @return thumbnail height */
	public int height() {
		return height;
	}

	/** @return thumbnails decoded so far */
	public int decodedCount() {
		return decoded.get();
	}

	/** @return thumbnails in memory */
	public int size() {
		return images.size();
	}

	/**
	 * @param path  an image file
	 * @param ready called on the UI thread once the thumbnail is decoded (not called when it cannot be)
	 * @return the thumbnail, or null (not ready or not decodable); call on the UI thread
	 */
	public Image get(String path, Runnable ready) {
		if (closed) {
			return null;
		}
		Image img = images.get(path);
		if (img != null || failed.containsKey(path)) {
			return img;
		}
		if (queued.putIfAbsent(path, Boolean.TRUE) == null) {
			pool.execute(() -> {
				ImageData data = decode(Path.of(path));
				if (display.isDisposed()) {
					return;
				}
				display.asyncExec(() -> {
					queued.remove(path);
					if (closed) {
						return;
					}
					if (data == null) {
						failed.put(path, Boolean.TRUE);
						return;
					}
					put(path, new Image(display, data));
					decoded.incrementAndGet();
					ready.run();
				});
			});
		}
		return FAILED;
	}

	private void put(String path, Image img) {
		Image old = images.put(path, img);
		if (old != null) {
			old.dispose();
		}
		Iterator<Map.Entry<String, Image>> it = images.entrySet().iterator();
		while (images.size() > capacity && it.hasNext()) {
			Map.Entry<String, Image> e = it.next();
			e.getValue().dispose();
			it.remove();
		}
	}

	/**
	 * Decodes a file subsampled to about the thumbnail size and fits it, letterboxed, into
	 * {@code width x height} (any thread).
	 *
	 * @param file the image
	 * @return the pixels, or null when the file cannot be decoded
	 */
	ImageData decode(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) {
				return null;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int w = reader.getWidth(0);
				int h = reader.getHeight(0);
				int step = Math.max(1, Math.min(w / width, h / height));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				java.awt.image.BufferedImage src = reader.read(0, param);
				return fit(src);
			} finally {
				reader.dispose();
			}
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private ImageData fit(java.awt.image.BufferedImage src) {
		int sw = src.getWidth();
		int sh = src.getHeight();
		double scale = Math.min((double) width / sw, (double) height / sh);
		int dw = Math.max(1, (int) Math.round(sw * scale));
		int dh = Math.max(1, (int) Math.round(sh * scale));
		int ox = (width - dw) / 2;
		int oy = (height - dh) / 2;
		ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int rgb = 0xF0F0F0;
				if (x >= ox && x < ox + dw && y >= oy && y < oy + dh) {
					int sx = Math.min(sw - 1, (int) ((x - ox) / scale));
					int sy = Math.min(sh - 1, (int) ((y - oy) / scale));
					rgb = src.getRGB(sx, sy) & 0xFFFFFF;
				}
				row[x] = rgb;
			}
			data.setPixels(0, y, width, row, 0);
		}
		return data;
	}

	/** Stops decoding and disposes every thumbnail (UI thread). */
	@Override
	public void close() {
		closed = true;
		pool.shutdownNow();
		images.values().forEach(Image::dispose);
		images.clear();
	}
}
