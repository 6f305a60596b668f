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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.ConversionJob;
import io.tiepoint.hub.internal.store.files.ConversionJobs;
import io.tiepoint.hub.internal.store.files.ConversionOutput;
import io.tiepoint.hub.internal.store.files.StoredFile;
import io.tiepoint.hub.internal.store.FileIds;

/**
 * Convert of seed 003 (3.5, 2.3): {@code ConverType} 0 video (H.264 MP4 at 360p/720p/1080p), 1 audio (MP3
 * at 128/256/320 kbps, {@code Level} 1/2/3, 3 by default), 2 document (plain text to UTF-8 without BOM;
 * DOC, DOCX, PDF, XLS, XLSX, PPT, PPTX kept as they are, their own FileID the result), and, the hub's
 * addition, 3 or none: image (PNG and thumbnail). Jobs are queued in the database ({@link ConversionJobs})
 * and run by a bounded pool ({@link ConversionWorkers}, {@code cloud.gridfs.conversionWorkers}, default
 * 1); FFmpeg comes from {@link MediaTools}. A file of another kind than the one asked for is
 * {@code NoSupport}.
 */
public final class Converter implements AutoCloseable {

	private final ChunkStore store;
	private final ConversionJobs jobs;
	private final ImageConversion images;
	private final ConversionWorkers workers;
	private final int capacity;

	/**
	 * The answer of Convert.
	 *
	 * @param type    Video, Audio, Document, Image or NoSupport
	 * @param waiting queue position (&gt; 0), 0 converting, -1 done
	 * @param list    FileID and Level of each result
	 */
	public record Result(String type, int waiting, List<ConversionOutput> list) {
	}

	/**
	 * @param db        the database
	 * @param store     chunks
	 * @param capacity  the most jobs queued at once
	 * @param maxPixels the largest image (width x height) decoded
	 * @param work      the directory conversions work in (emptied at start)
	 * @param settings  the GridFS cloud's settings: {@code ffmpeg} (the program; default: the PATH's),
	 *                  {@code conversionWorkers} (default 1)
	 * @throws IOException when the work directory cannot be made
	 */
	public Converter(Database db, ChunkStore store, int capacity, long maxPixels, Path work, Map<String, String> settings)
			throws IOException {
		this.store = store;
		this.capacity = capacity;
		this.jobs = new ConversionJobs(db);
		this.images = new ImageConversion(store, maxPixels);
		int count;
		try {
			count = Integer.parseInt(settings.getOrDefault("conversionWorkers", "1").trim());
		} catch (NumberFormatException e) {
			count = -1;
		}
		if (count < 1 || count > 64) {
			throw new IllegalArgumentException("cloud.gridfs.conversionWorkers must be a number of threads from 1 to 64, got '"
					+ settings.get("conversionWorkers") + "'");
		}
		this.workers = new ConversionWorkers(jobs, store, work, images, new MediaTools(settings.get("ffmpeg")), count);
	}

	/**
	 * Converts a file, or tells how far its conversion is.
	 *
	 * @param fileId     the FileID
	 * @param converType ConverType: "0".."3", or null for an image
	 * @param level      the audio Level (1..3), or null for the high one
	 * @return the state
	 * @throws ResourceException 503 when the queue is full or FFmpeg is missing, 422 when the image is over the
	 *                           pixel limit or the conversion failed
	 */
	public Result convert(String fileId, String converType, String level) {
		String type = converType == null ? "3" : converType;
		int audioLevel = level == null ? 3 : Integer.parseInt(level);
		String key = switch (type) {
		case "0" -> fileId + ":video";
		case "1" -> fileId + ":audio:" + audioLevel;
		case "2" -> fileId + ":document";
		case "3" -> fileId;
		default -> null;
		};
		if (key == null) {
			return new Result("NoSupport", -1, List.of());
		}
		ConversionJob job = jobs.get(key);
		if (job == null) {
			job = start(key, fileId, type, audioLevel);
		} else if (job.failed() && job.retry()
				&& workers.tools().missing() == null) {
			job = jobs.requeue(key); // it failed on a hub without FFmpeg; this one has it
			workers.wake();
		}
		return answer(job);
	}

	private ConversionJob start(String key, String fileId, String type, int level) {
		StoredFile file = store.file(FileIds.idOf(fileId));
		String name = file == null ? fileId : file.filename();
		switch (type) {
		case "0", "1" -> workers.tools().require(("0".equals(type) ? "video " : "audio ") + name);
		case "2" -> {
			String ext = file == null ? "" : file.extension();
			if (TextConversion.KEPT.contains(ext)) {
				jobs.finished(key, fileId, "Document", List.of(new ConversionOutput(fileId, 1)));
				return jobs.get(key);
			}
			if (!TextConversion.TEXT.contains(ext)) {
				jobs.finished(key, fileId, "NoSupport", List.of());
				return jobs.get(key);
			}
		}
		default -> images.checkSize(fileId);
		}
		if (jobs.queued() >= capacity) {
			throw new ResourceException(503, "the conversion queue is full (" + capacity + " waiting); ask again later");
		}
		String kind = switch (type) {
		case "0" -> "video";
		case "1" -> "audio";
		case "2" -> "text";
		default -> "image";
		};
		String pending = switch (type) {
		case "0" -> "Video";
		case "1" -> "Audio";
		case "2" -> "Document";
		default -> "Image";
		};
		ConversionJob job = jobs.enqueue(key, fileId, kind, pending, level);
		workers.wake();
		return job;
	}

	private Result answer(ConversionJob job) {
		List<ConversionOutput> list = job.list();
		if (job.done()) {
			return new Result(job.type(), -1, list);
		}
		if (job.failed()) {
			throw new ResourceException(422, "the conversion of file " + job.source() + " failed: " + job.error());
		}
		if (job.running()) {
			return new Result(job.type(), 0, list);
		}
		return new Result(job.type(), jobs.position(job), list);
	}

	/**
	 * What was asked of Convert for some files, without starting anything (GetFileInfo, GetUserFiles).
	 *
	 * @param fileIds files
	 * @return by FileID, its conversions: {@code Type}, {@code Waiting} (as Convert answers it, or
	 *         {@code -2} and {@code Error} for a failed one), {@code FileList}
	 */
	public Map<String, List<Map<String, Object>>> conversions(java.util.Collection<String> fileIds) {
		Map<String, List<Map<String, Object>>> out = new java.util.HashMap<>();
		for (ConversionJob job : jobs.ofSources(fileIds)) {
			Map<String, Object> c = new java.util.LinkedHashMap<>();
			c.put("Type", job.type());
			c.put("Waiting", job.done() ? -1 : job.running() ? 0 : job.failed() ? -2 : jobs.position(job));
			List<Map<String, Object>> list = new java.util.ArrayList<>();
			for (ConversionOutput o : job.list()) {
				list.add(Map.of("FileID", o.fileId(), "Level", o.levelOr(0)));
			}
			c.put("FileList", list);
			if (job.failed()) {
				c.put("Error", job.error());
			}
			out.computeIfAbsent(job.sourceOrKey(), k -> new java.util.ArrayList<>()).add(c);
		}
		return out;
	}

	/**
	 * @param fileId a file
	 * @return what online play streams: the best level of its finished video conversion, else the file
	 */
	String playable(String fileId) {
		ConversionJob job = jobs.get(fileId + ":video");
		if (job == null || !ConversionJobs.DONE.equals(job.state())) {
			return fileId;
		}
		ConversionOutput best = null;
		for (ConversionOutput o : job.list()) {
			if (best == null || o.levelOr(0) > best.levelOr(0)) {
				best = o;
			}
		}
		return best == null ? fileId : best.fileId();
	}

	@Override
	public void close() {
		workers.close();
	}
}
