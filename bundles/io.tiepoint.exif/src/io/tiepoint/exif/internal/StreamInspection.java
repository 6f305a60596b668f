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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;

import com.adobe.internal.xmp.XMPException;
import com.drew.imaging.FileType;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.jpeg.JpegDnlReader;
import com.drew.metadata.jpeg.JpegReader;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageRecord;

/**
 * The single pass over one file: sniff the type from the magic bytes, let metadata-extractor parse
 * the head (recorded), decode the pixels from the recorded head followed by the rest of the
 * stream, then drain what is left through the digests.
 */
public final class StreamInspection {

	/** Most bytes metadata parsing may consume from a JPEG (it stops at the scan data). */
	private static final int JPEG_HEAD_LIMIT = 32 * 1024 * 1024;
	/** Most bytes metadata parsing may consume from other types. */
	private static final int OTHER_HEAD_LIMIT = 8 * 1024 * 1024;

	private final CheckConfig config;
	private final ImageRecord.Builder b;
	private final DigestingInputStream digest;
	private final long expectedSize;
	private final String path;
	private Finding metadataProblem;

	/**
	 * @param config       thresholds and switches
	 * @param b            receives the values and findings
	 * @param digest       the source, already digesting
	 * @param expectedSize file size when known, else -1
	 */
	public StreamInspection(CheckConfig config, ImageRecord.Builder b, DigestingInputStream digest, long expectedSize) {
		this.config = config;
		this.b = b;
		this.digest = digest;
		this.expectedSize = expectedSize;
		this.path = b.path();
	}

	/**
	 * Runs the pass; on return the stream has been read to its end.
	 *
	 * @throws IOException when the source cannot be read
	 */
	public void run() throws IOException {
		boolean metadata = config.isOn(CheckConfig.Key.METADATA_ENABLED);
		if (!metadata) {
			digest.drain(new byte[64 * 1024]);
			if (digest.count() == 0) {
				b.add(Finding.of(FindingIds.EMPTY, Severity.ERROR, path, "empty file (0 bytes)"));
			}
			return;
		}
		String promised = MediaTypes.byExtension(Finding.fileName(path));
		byte[] magic = digest.readNBytes(MediaTypes.MAGIC_LENGTH);
		if (magic.length == 0) {
			b.add(Finding.of(FindingIds.EMPTY, Severity.ERROR, path, "empty file (0 bytes)"));
			return;
		}
		String type = MediaTypes.sniff(magic, magic.length);
		b.mediaType(type);
		if (type == null) {
			digest.drain(new byte[64 * 1024]);
			boolean claims = promised != null;
			b.add(Finding.of(FindingIds.NOT_AN_IMAGE, claims ? Severity.ERROR : Severity.WARNING, path,
					"not an image: content has no " + (claims ? MediaTypes.shortName(promised) + " or other " : "")
							+ "image signature (" + digest.count() + " bytes)"));
			return;
		}
		if (promised != null && !promised.equals(type)) {
			b.add(Finding.of(FindingIds.EXTENSION_MISMATCH, Severity.WARNING, path, "extension ."
					+ MediaTypes.extension(Finding.fileName(path)) + " says " + MediaTypes.shortName(promised)
					+ " but the content is " + MediaTypes.shortName(type)));
		}
		RecordingInputStream rec = new RecordingInputStream(digest,
				MediaTypes.JPEG.equals(type) ? JPEG_HEAD_LIMIT : OTHER_HEAD_LIMIT);
		readMetadata(new SequenceInputStream(new ByteArrayInputStream(magic), rec), type, rec);
		if (!config.isOn(CheckConfig.Key.HASH_ENABLED)) {
			return; // parser benchmark: stop after the head
		}
		InputStream whole = new SequenceInputStream(new ByteArrayInputStream(magic), rec.replay());
		PixelAnalyzer.Outcome outcome = shouldDecode() ? PixelAnalyzer.analyze(whole, type, config, b) : null;
		// the decoder may stop before the end (trailing data): the rest still goes through the digests
		whole.transferTo(OutputStreamSink.INSTANCE);
		boolean jpegEnds = !MediaTypes.JPEG.equals(type) || digest.endsWithJpegEoi();
		if (outcome != null && outcome.findingId() != null) {
			String id = outcome.findingId();
			String reason = outcome.reason();
			if (FindingIds.CORRUPT.equals(id) && !jpegEnds) {
				id = FindingIds.TRUNCATED;
				reason = "file ends without the JPEG end-of-image marker; " + reason;
			}
			b.add(Finding.of(id, FindingIds.NOT_DECODED.equals(id) ? Severity.INFO : Severity.ERROR, path, reason));
		} else if (outcome == null && !jpegEnds) {
			b.add(Finding.of(FindingIds.TRUNCATED, Severity.ERROR, path,
					"JPEG does not end with the end-of-image marker (truncated copy?)"));
		}
		if (metadataProblem != null && b.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
			b.add(metadataProblem); // only when the pixels are fine: otherwise the decode finding says it all
		}
	}

	private boolean shouldDecode() {
		if (!config.isOn(CheckConfig.Key.DECODE_ENABLED)) {
			return false;
		}
		if (expectedSize > config.get(CheckConfig.Key.DECODE_MAX_BYTES)) {
			b.add(Finding.of(FindingIds.NOT_DECODED, Severity.INFO, path, "larger than decode.maxBytes ("
					+ expectedSize + " bytes), pixels not checked"));
			return false;
		}
		return true;
	}

	private void readMetadata(InputStream head, String type, RecordingInputStream rec) {
		try {
			if (MediaTypes.JPEG.equals(type)) {
				// the segments Tiepoint reads, no others (ICC profiles, Photoshop and IPTC blocks are skipped unread)
				DjiXmpReader xmp = new DjiXmpReader();
				Metadata md = JpegMetadataReader.readMetadata(head,
						List.of(new JpegReader(), new JpegDnlReader(), new ExifReader(), xmp));
				MetadataMapper.map(md, b);
				MetadataMapper.mapDji(xmp::property, b);
				if (xmp.problem() != null) {
					metadataProblem = Finding.of(FindingIds.METADATA_ERROR, Severity.WARNING, path,
							"metadata unreadable: " + xmp.problem());
				}
			} else {
				MetadataMapper.map(ImageMetadataReader.readMetadata(head, -1, fileType(type)), b);
			}
		} catch (ImageProcessingException | XMPException | IOException | RuntimeException e) {
			if (rec.limitHit()) {
				metadataProblem = Finding.of(FindingIds.NOT_DECODED, Severity.INFO, path, "metadata beyond the first "
						+ rec.recorded() + " bytes not read");
			} else {
				metadataProblem = Finding.of(FindingIds.METADATA_ERROR, Severity.WARNING, path, "metadata unreadable: "
						+ (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().trim()));
			}
		}
	}

	private static FileType fileType(String type) {
		return switch (type) {
		case MediaTypes.PNG -> FileType.Png;
		case MediaTypes.TIFF -> FileType.Tiff;
		case MediaTypes.HEIC, MediaTypes.AVIF -> FileType.Heif;
		case MediaTypes.GIF -> FileType.Gif;
		case MediaTypes.BMP -> FileType.Bmp;
		case MediaTypes.WEBP -> FileType.WebP;
		default -> FileType.Unknown;
		};
	}
}
