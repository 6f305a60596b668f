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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.store.files.ConversionJob;
import io.tiepoint.hub.internal.store.files.ConversionJobs;
import io.tiepoint.hub.internal.store.files.ConversionOutput;
import io.tiepoint.hub.internal.store.files.StoredFile;

/**
 * Video and audio conversion with FFmpeg (seed 003, 2.3 and 3.5). Video: H.264 in MP4 with the index at
 * the front (faststart, playable while it downloads) at Level 1, 2, 3 = 360p, 720p, 1080p, never scaled
 * above the source (a source under 360p gives Level 1 at its own height); frame rate, aspect ratio and
 * audio from the source, quality kept high (CRF {@value #CRF}). Audio: MP3 (LAME) at Level 3, 2, 1 =
 * 320, 256, 128 kbps, the level asked for. A level already made (a job half done when the hub stopped)
 * is not made again.
 */
final class MediaConversion {

	/** Heights of video levels 1, 2, 3. */
	static final int[] HEIGHTS = { 360, 720, 1080 };
	/** MP3 bit rates of audio levels 1, 2, 3, in kbps. */
	static final int[] KBPS = { 128, 256, 320 };
	static final int CRF = 20;
	private final MediaTools tools;
	private final Outputs outputs;

	MediaConversion(MediaTools tools, ChunkStore store) {
		this.tools = tools;
		this.outputs = new Outputs(store);
	}

	/**
	 * @param job    the job ({@code kind} video or audio)
	 * @param file   the source
	 * @param local  the source on disk
	 * @param work   the job's work directory
	 * @param jobs   where results are recorded
	 * @param cancel whether to give up
	 * @return the Type: Video, Audio, or NoSupport when the source has no such stream
	 * @throws IOException when FFmpeg fails or is cancelled
	 */
	String run(ConversionJob job, StoredFile file, Path local, Path work, ConversionJobs jobs, BooleanSupplier cancel)
			throws IOException {
		JsonNode probe = tools.probe(local, work, cancel);
		boolean video = "video".equals(job.kind());
		JsonNode stream = stream(probe, video ? "video" : "audio");
		if (stream == null) {
			return "NoSupport";
		}
		long limit = limit(probe);
		return video ? video(job, file, local, work, jobs, cancel, stream.path("height").asInt(), limit)
				: audio(job, file, local, work, jobs, cancel, limit);
	}

	/** @return the first stream of the type (for video: not a still picture nor a cover picture), or null */
	static JsonNode stream(JsonNode probe, String type) {
		String format = probe.path("format").path("format_name").asText();
		if ("video".equals(type) && (format.equals("image2") || format.endsWith("_pipe"))) {
			return null; // a still image: ffprobe sees a one-frame video in it
		}
		for (JsonNode s : probe.path("streams")) {
			if (type.equals(s.path("codec_type").asText()) && s.path("disposition").path("attached_pic").asInt() == 0
					&& (!"video".equals(type) || s.path("height").asInt() > 0)) {
				return s;
			}
		}
		return null;
	}

	/** @return the seconds one FFmpeg run of this source may take: 10 min, plus 20 times its duration */
	static long limit(JsonNode probe) {
		double duration = probe.path("format").path("duration").asDouble(0);
		return 600 + (long) Math.ceil(20 * Math.max(0, duration));
	}

	/** @param height the source's height @return the heights of levels 1..n to make (never upscaled) */
	static List<Integer> levels(int height) {
		List<Integer> out = new ArrayList<>();
		for (int h : HEIGHTS) {
			if (h <= height) {
				out.add(h);
			}
		}
		if (out.isEmpty()) {
			out.add(height - height % 2);
		}
		return out;
	}

	private String video(ConversionJob job, StoredFile file, Path local, Path work, ConversionJobs jobs, BooleanSupplier cancel,
			int height, long limit) throws IOException {
		List<Integer> heights = levels(height);
		for (int level = 1; level <= heights.size(); level++) {
			if (job.has(level)) {
				continue;
			}
			int h = heights.get(level - 1);
			Path out = work.resolve("level" + level + ".mp4");
			tools.ffmpeg(List.of("-i", local.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-c:v", "libx264",
					"-preset", "veryfast", "-crf", String.valueOf(CRF), "-pix_fmt", "yuv420p", "-vf",
					h == height ? "scale=trunc(iw/2)*2:trunc(ih/2)*2" : "scale=-2:" + h, "-c:a", "aac", "-b:a", "192k",
					"-movflags", "+faststart", "-f", "mp4", out.toString()), work, cancel, limit);
			String fid = outputs.store(job.source(), file, out, file.baseName() + "." + h + "p.mp4", level);
			jobs.progress(job.key(), new ConversionOutput(fid, level));
		}
		return "Video";
	}

	private String audio(ConversionJob job, StoredFile file, Path local, Path work, ConversionJobs jobs, BooleanSupplier cancel,
			long limit) throws IOException {
		int level = job.level();
		if (!job.has(level)) {
			int kbps = KBPS[level - 1];
			Path out = work.resolve("level" + level + ".mp3");
			tools.ffmpeg(List.of("-i", local.toString(), "-map", "0:a:0", "-vn", "-c:a", "libmp3lame", "-b:a", kbps + "k",
					"-f", "mp3", out.toString()), work, cancel, limit);
			String fid = outputs.store(job.source(), file, out, file.baseName() + "." + kbps + "k.mp3", level);
			jobs.progress(job.key(), new ConversionOutput(fid, level));
		}
		return "Audio";
	}
}
