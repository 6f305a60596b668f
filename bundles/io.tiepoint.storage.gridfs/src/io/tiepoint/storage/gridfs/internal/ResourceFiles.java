/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * A user's files on a resource server of seed 003, headless: list (GetUserFiles), info (GetFileInfo),
 * get (GetDownloadUrl and a ranged download that resumes from the bytes already on disk, then checks
 * the md5), put (the resumable upload, with a description), convert (Convert) and play-url
 * (GetOnlinePlayUrl). The APPID and License are sent as headers only, never shown.
 */
public final class ResourceFiles {

	private final ResourceClient client;
	private final GridFsSession session;

	/** What a get did. @param size the file's size @param fetched bytes fetched by this call @param md5 the checked md5 */
	public record Fetched(long size, long fetched, String md5) {
	}

	/**
	 * @param server      the service's base URI
	 * @param appId       the APPID (secret)
	 * @param license     the License (secret)
	 * @param packageName the PackageName
	 * @param timeout     per request
	 */
	public ResourceFiles(URI server, String appId, String license, String packageName, Duration timeout) {
		this.client = new ResourceClient(server, appId, license, packageName, Set.of(ResourceClient.authority(server)), timeout);
		this.session = new GridFsSession(client, "", 5000);
	}

	/** @return GetUserFiles's data ({@code Count}, {@code FileList}) @throws StorageException on failure */
	public JsonNode list() throws StorageException {
		return client.call("GetUserFiles", Map.of(), "the file list").path("data");
	}

	/** @param fid a FileID @return GetFileInfo's data @throws StorageException on failure */
	public JsonNode info(String fid) throws StorageException {
		return client.call("GetFileInfo", ResourceClient.params("fileid", fid), "file " + fid).path("data");
	}

	/**
	 * @param fid        a FileID
	 * @param converType 0 video, 1 audio, 2 document, 3 image
	 * @param level      the audio level, or null
	 * @return Convert's data
	 * @throws StorageException on failure
	 */
	public JsonNode convert(String fid, int converType, Integer level) throws StorageException {
		return client.call("Convert", ResourceClient.params("fileid", fid, "ConverType", String.valueOf(converType),
				"Level", level == null ? null : String.valueOf(level)), "file " + fid).path("data");
	}

	/** @param fid a FileID @param hosts {@code A.B.C.D|E.F.G.H} @return the play URL @throws StorageException on failure */
	public String playUrl(String fid, String hosts) throws StorageException {
		return client.call("GetOnlinePlayUrl", ResourceClient.params("FID", fid, "host", hosts), "file " + fid)
				.path("data").asText();
	}

	/**
	 * Downloads a file, resuming from the bytes already in {@code to} (seed 003, 2.2), and checks its md5.
	 *
	 * @param fid     a FileID
	 * @param to      the local file (partial from an interrupted get, or absent)
	 * @param monitor for cancellation
	 * @return the size, the bytes this call fetched and the md5
	 * @throws StorageException on failure (a broken transfer leaves the partial file for the next get)
	 */
	public Fetched get(String fid, Path to, IProgressMonitor monitor) throws StorageException {
		long have;
		try {
			have = Files.exists(to) ? Files.size(to) : 0;
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, to + ": cannot be read (" + e.getMessage() + ")", e);
		}
		StoredObject got = session.download(fid, to, monitor);
		return new Fetched(got.size(), have <= got.size() ? got.size() - have : got.size(), got.md5());
	}

	/**
	 * Uploads a file with the resumable upload (3.1, 3.2).
	 *
	 * @param file        the local file
	 * @param directory   the directory on the server ("/" when null)
	 * @param description the FileInfo, or null
	 * @param monitor     for cancellation
	 * @return the FileID
	 * @throws StorageException on failure
	 */
	public String put(Path file, String directory, String description, IProgressMonitor monitor) throws StorageException {
		return put(file, directory, description, null, monitor);
	}

	/**
	 * Uploads a file with the resumable upload (3.1, 3.2), keeping its UUrl in {@code resumeDir} while it is
	 * unfinished ({@code <md5>.uurl}, not a secret): a put run again after an interruption resumes the same
	 * upload at once, from the server's offset, instead of waiting for the server to release it.
	 *
	 * @param file        the local file
	 * @param directory   the directory on the server ("/" when null)
	 * @param description the FileInfo, or null
	 * @param resumeDir   where UUrls of unfinished uploads are kept, or null
	 * @param monitor     for cancellation
	 * @return the FileID
	 * @throws StorageException on failure
	 */
	public String put(Path file, String directory, String description, Path resumeDir, IProgressMonitor monitor)
			throws StorageException {
		String name = file.getFileName().toString();
		String[] sums = sums(file);
		String dir = directory == null || directory.isBlank() ? "/" : directory;
		Path token = resumeDir == null ? null : resumeDir.resolve(sums[0] + ".uurl");
		String uurl = token != null && Files.isRegularFile(token) ? readToken(token) : null;
		if (description != null && uurl == null) {
			// the description goes with the first GetUploadState; its UUrl is then this client's to resume
			JsonNode data = client.call("GetUploadState", ResourceClient.params("md5", sums[0], "filename", name,
					"directory", dir, "fileinfo", description), name).path("data");
			if (data.path("AllowUpload").asInt() == 1) {
				uurl = data.path("UUrl").asText(null);
			}
		}
		Content content = new Content() {
			@Override
			public long length() {
				try {
					return Files.size(file);
				} catch (IOException e) {
					return -1;
				}
			}

			@Override
			public InputStream open(long offset) throws IOException {
				SeekableByteChannel c = Files.newByteChannel(file);
				c.position(offset);
				return Channels.newInputStream(c);
			}
		};
		String key = (dir.endsWith("/") ? dir : dir + "/") + name;
		StorageObject object = new StorageObject(name, key.startsWith("/") ? key.substring(1) : key, content, sums[1],
				sums[0], "application/octet-stream", null, null);
		TransferListener keep = token == null ? TransferListener.NONE : new TransferListener() {
			@Override
			public void resumeToken(String t) {
				try {
					Files.createDirectories(token.getParent());
					Files.writeString(token, t);
				} catch (IOException e) {
					// no resume at once next time: the server releases the upload after its lease
				}
			}
		};
		String fid = session.upload(object, uurl, keep, monitor).key();
		if (token != null) {
			try {
				Files.deleteIfExists(token);
			} catch (IOException e) {
				// a stale UUrl is harmless: the server answers the upload complete
			}
		}
		return fid;
	}

	private static String readToken(Path token) {
		try {
			String t = Files.readString(token).trim();
			return t.isEmpty() ? null : t;
		} catch (IOException e) {
			return null;
		}
	}

	private static String[] sums(Path file) throws StorageException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			byte[] buf = new byte[1 << 16];
			for (int n; (n = in.read(buf)) > 0;) {
				md5.update(buf, 0, n);
				sha1.update(buf, 0, n);
			}
			return new String[] { HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha1.digest()) };
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, file + ": cannot be read (" + e.getMessage() + ")", e);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
