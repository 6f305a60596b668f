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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.store.Database;

/**
 * Image conversion (seed 003, 2.3 and 3.5): a large PNG (level 2, at most {@value #LARGE} pixels on
 * the long side) and a thumbnail (level 1, at most {@value #THUMB}) as derived GridFS files, made by
 * one worker thread from a small bounded queue. Results are kept in {@code resource.conversions}
 * ({@code _id} = source GridFS id, {@code type}, {@code list} of {@code {FileID, Level}}).
 * <p>
 * An image's size is read from its header before anything is decoded: one over the hub's pixel limit is
 * refused (422) instead of queued, since a decoder allocates what the header declares (a 67-byte PNG can
 * declare 46000x46000 pixels, 2 GB). Below the limit, the decoder subsamples to the large level's size as
 * it reads, so a conversion holds at most about {@value #LARGE} x {@value #LARGE} pixels.
 */
public final class Converter implements AutoCloseable {

	static final int LARGE = 4096;
	static final int THUMB = 256;
	private static final HubLog LOG = HubLog.of(Converter.class);
	private final ChunkStore store;
	private final MongoCollection<Document> results;
	private final BlockingQueue<String> queue;
	private final ConcurrentHashMap<String, Boolean> pending = new ConcurrentHashMap<>();
	private volatile String running;
	private final Thread worker;
	private final long maxPixels;
	private volatile boolean closed;

	/**
	 * The answer of Convert.
	 *
	 * @param type    {@code Image} or {@code NoSupport}
	 * @param waiting queue position (&gt; 0), 0 converting, -1 done
	 * @param list    FileID and Level of each result
	 */
	public record Result(String type, int waiting, List<Document> list) {
	}

	/**
	 * @param db        the database
	 * @param store     chunks
	 * @param capacity  queue size
	 * @param maxPixels the largest image (width x height) decoded
	 */
	public Converter(Database db, ChunkStore store, int capacity, long maxPixels) {
		this.store = store;
		this.maxPixels = maxPixels;
		this.results = db.database().getCollection("resource.conversions");
		this.queue = new ArrayBlockingQueue<>(capacity);
		worker = new Thread(this::work, "tiepoint-resource-convert");
		worker.setDaemon(true);
		worker.start();
	}

	/**
	 * Converts a file to PNG, or tells how far its conversion is.
	 *
	 * @param fileId the FileID of an image
	 * @return the state
	 * @throws ResourceException 503 when the queue is full, 422 when the image is over the pixel limit
	 */
	public Result convert(String fileId) {
		Document done = results.find(Filters.eq("_id", fileId)).first();
		if (done != null) {
			return new Result(done.getString("type"), -1, done.getList("list", Document.class));
		}
		if (fileId.equals(running)) {
			return new Result("Image", 0, List.of());
		}
		if (!pending.containsKey(fileId)) {
			checkSize(fileId);
		}
		if (pending.putIfAbsent(fileId, Boolean.TRUE) == null && !queue.offer(fileId)) {
			pending.remove(fileId);
			throw new ResourceException(503, "the conversion queue is full (" + queue.size() + " waiting); ask again later");
		}
		int position = 1;
		for (String q : queue) {
			if (q.equals(fileId)) {
				return new Result("Image", position, List.of());
			}
			position++;
		}
		// taken by the worker meanwhile
		done = results.find(Filters.eq("_id", fileId)).first();
		return done != null ? new Result(done.getString("type"), -1, done.getList("list", Document.class))
				: new Result("Image", 0, List.of());
	}

	private void work() {
		while (!closed) {
			String fileId;
			try {
				fileId = queue.poll(200, TimeUnit.MILLISECONDS);
			} catch (InterruptedException e) {
				return;
			}
			if (fileId == null) {
				continue;
			}
			running = fileId;
			pending.remove(fileId);
			try {
				convertNow(fileId);
			} catch (IOException | RuntimeException e) {
				if (!closed) {
					LOG.error("conversion of file " + fileId + " failed", e);
				}
			} finally {
				running = null;
			}
		}
	}

	/** Refuses an image whose header declares more pixels than the limit; a file no reader knows passes. */
	private void checkSize(String fileId) {
		Document file = store.file(FileIds.idOf(fileId));
		if (file == null) {
			return;
		}
		try (ImageInputStream in = new MemoryCacheImageInputStream(store.open(FileIds.idOf(fileId),
				file.get("length", Number.class).longValue(), 0))) {
			ImageReader reader = reader(in);
			if (reader != null) {
				try {
					refuseOver(reader.getWidth(0), reader.getHeight(0), file.getString("filename"));
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
	private BufferedImage decode(ObjectId id, Document file) {
		try (ImageInputStream in = new MemoryCacheImageInputStream(store.open(id, file.get("length", Number.class).longValue(), 0))) {
			ImageReader reader = reader(in);
			if (reader == null) {
				return null;
			}
			try {
				int w = reader.getWidth(0);
				int h = reader.getHeight(0);
				refuseOver(w, h, file.getString("filename"));
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

	private void convertNow(String fileId) throws IOException {
		ObjectId id = FileIds.idOf(fileId);
		Document file = store.file(id);
		if (file == null) {
			return;
		}
		BufferedImage image = decode(id, file);
		List<Document> list = new ArrayList<>();
		String type = "NoSupport";
		if (image != null) {
			type = "Image";
			String base = file.getString("filename");
			int dot = base.lastIndexOf('.');
			base = dot > 0 ? base.substring(0, dot) : base;
			Document meta = file.get("metadata", Document.class);
			String route = meta == null ? FileIds.routeOf(fileId) : meta.getString("route");
			list.add(new Document("FileID", derive(fileId, route, scale(image, THUMB), base + ".thumb.png", 1, meta))
					.append("Level", 1));
			list.add(new Document("FileID", derive(fileId, route, scale(image, LARGE), base + ".png", 2, meta))
					.append("Level", 2));
		}
		results.replaceOne(Filters.eq("_id", fileId),
				new Document("_id", fileId).append("type", type).append("list", list), new ReplaceOptions().upsert(true));
	}

	private String derive(String source, String route, BufferedImage image, String name, int level, Document meta)
			throws IOException {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", png)) {
			throw new IOException("no PNG writer");
		}
		Document m = new Document("route", route).append("kind", "derived").append("derivedFrom", source)
				.append("level", level).append("user", meta == null ? null : meta.getString("user"))
				.append("pid", meta == null ? null : meta.get("pid"))
				.append("directory", meta == null ? "/" : meta.getString("directory"));
		return FileIds.of(route, store.store(png.toByteArray(), name, m));
	}

	/** Box-filter downscale without Graphics2D (no AWT toolkit needed). */
	private static BufferedImage scale(BufferedImage image, int max) {
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

	@Override
	public void close() {
		closed = true;
		worker.interrupt();
		try {
			worker.join(5000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
