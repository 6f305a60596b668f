/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.exif.Digests;

/**
 * The bytes {@code offset .. offset+length} of an object's {@link Content} as a provider's HTTP client or SDK reads
 * them: the monitor is asked at every read ({@link Canceled} when it is canceled), a failure of the local content is
 * told apart from the transport's ({@link SourceFailed}, and {@link #sourceFailure()}), {@link #given()} says how
 * far the client got (a stall watchdog may read it from another thread), and the MD5 of what was given out is
 * computed on the way when asked for (the Content-MD5 or ETag to compare).
 */
public final class ContentWindow extends InputStream {

	/** Thrown into the HTTP client when the monitor is canceled. */
	public static final class Canceled extends IOException {
		private static final long serialVersionUID = 1L;

		Canceled() {
			super("canceled");
		}
	}

	/** Thrown into the HTTP client when the local content cannot be read. */
	public static final class SourceFailed extends IOException {
		private static final long serialVersionUID = 1L;

		SourceFailed(IOException cause) {
			super("cannot read the local content: " + cause.getMessage(), cause);
		}
	}

	private final Content content;
	private final long offset;
	private final long length;
	private final IProgressMonitor monitor;
	private final MessageDigest md5;
	private InputStream in;
	private volatile long given;
	private volatile IOException sourceFailure;

	/**
	 * @param content the object's content
	 * @param offset  where the window starts
	 * @param length  its length
	 * @param monitor asked at every read
	 * @param md5     compute the MD5 of what is given out
	 */
	public ContentWindow(Content content, long offset, long length, IProgressMonitor monitor, boolean md5) {
		this.content = content;
		this.offset = offset;
		this.length = length;
		this.monitor = monitor;
		this.md5 = md5 ? Digests.md5() : null;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (monitor.isCanceled()) {
			throw new Canceled();
		}
		if (len == 0) {
			return 0;
		}
		long left = length - given;
		if (left <= 0) {
			return -1;
		}
		int n;
		try {
			if (in == null) {
				in = content.open(offset);
			}
			n = in.read(b, off, (int) Math.min(len, left));
			if (n < 0) {
				throw new IOException("the content ended after " + (offset + given) + " of " + (offset + length) + " bytes");
			}
		} catch (IOException e) {
			sourceFailure = e;
			throw new SourceFailed(e);
		}
		if (md5 != null) {
			md5.update(b, off, n);
		}
		given += n;
		return n;
	}

	@Override
	public void close() throws IOException {
		if (in != null) {
			in.close();
		}
	}

	/** @return bytes given out */
	public long given() {
		return given;
	}

	/** @return whether all of the window was given out */
	public boolean complete() {
		return given == length;
	}

	/**
	 * @return lower-case hex MD5 of what was given out (call once, after the window is complete), or null when not
	 *         computed
	 */
	public String md5Hex() {
		return md5 == null ? null : HexFormat.of().formatHex(md5.digest());
	}

	/** @return the failure of the local content, or null */
	public IOException sourceFailure() {
		return sourceFailure;
	}

	/**
	 * @param content the content
	 * @param offset  where the window starts
	 * @param length  its length (a part: it fits in memory)
	 * @param monitor asked at every read
	 * @param what    what is being sent, for the message
	 * @return the bytes of the window
	 * @throws StorageException {@code PERMANENT} when the local content cannot be read, {@code CANCELED}
	 */
	public static byte[] read(Content content, long offset, long length, IProgressMonitor monitor, String what)
			throws StorageException {
		try (ContentWindow w = new ContentWindow(content, offset, length, monitor, false)) {
			return w.readNBytes((int) length);
		} catch (Canceled e) {
			throw new StorageException(StorageException.Kind.CANCELED, what + " canceled");
		} catch (IOException e) {
			throw new StorageException(StorageException.Kind.PERMANENT, what + ": " + e.getMessage(), e);
		}
	}

	/**
	 * @param content the content
	 * @param offset  where the window starts
	 * @param length  its length
	 * @param monitor asked at every read
	 * @param what    what is being sent, for the message
	 * @return the base64 Content-MD5 of the window, read once
	 * @throws StorageException {@code PERMANENT} when the local content cannot be read, {@code CANCELED}
	 */
	public static String md5Base64(Content content, long offset, long length, IProgressMonitor monitor, String what)
			throws StorageException {
		byte[] buf = new byte[64 * 1024];
		try (ContentWindow w = new ContentWindow(content, offset, length, monitor, true)) {
			while (w.read(buf, 0, buf.length) >= 0) {
				// the digest is computed on the way
			}
			return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(w.md5Hex()));
		} catch (Canceled e) {
			throw new StorageException(StorageException.Kind.CANCELED, what + " canceled");
		} catch (IOException e) {
			throw new StorageException(StorageException.Kind.PERMANENT, what + ": " + e.getMessage(), e);
		}
	}
}
