/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.oss.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.exif.Digests;

/**
 * The bytes {@code offset .. offset+length} of an object's content as the SDK reads them: the monitor is asked
 * at every read, a failure of the local file is told apart from the transport's, and {@link #given()} says how far
 * the SDK got. {@link #md5(Content, long, long, IProgressMonitor)} reads a window once for its Content-MD5.
 */
final class Window extends InputStream {

	/** Thrown into the SDK when the monitor is canceled. */
	static final class Canceled extends IOException {
		private static final long serialVersionUID = 1L;

		Canceled() {
			super("canceled");
		}
	}

	/** Thrown into the SDK when the local content cannot be read. */
	static final class SourceFailed extends IOException {
		private static final long serialVersionUID = 1L;

		SourceFailed(IOException cause) {
			super("cannot read the local content: " + cause.getMessage(), cause);
		}
	}

	private final Content content;
	private final long offset;
	private final long length;
	private final IProgressMonitor monitor;
	private InputStream in;
	private long given;

	Window(Content content, long offset, long length, IProgressMonitor monitor) {
		this.content = content;
		this.offset = offset;
		this.length = length;
		this.monitor = monitor;
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
		if (given >= length) {
			return -1;
		}
		int n;
		try {
			if (in == null) {
				in = content.open(offset);
			}
			n = in.read(b, off, (int) Math.min(len, length - given));
			if (n < 0) {
				throw new IOException("the content ended after " + (offset + given) + " of " + (offset + length) + " bytes");
			}
		} catch (IOException e) {
			throw e instanceof Canceled || e instanceof SourceFailed ? e : new SourceFailed(e);
		}
		given += n;
		return n;
	}

	/** @return bytes handed to the SDK */
	long given() {
		return given;
	}

	@Override
	public void close() throws IOException {
		if (in != null) {
			in.close();
		}
	}

	/**
	 * @return the bytes of a window (a part: at most the part size)
	 * @throws StorageException {@code PERMANENT} when the local content cannot be read, {@code CANCELED}
	 */
	static byte[] read(Content content, long offset, long length, IProgressMonitor monitor, String what)
			throws StorageException {
		try (Window w = new Window(content, offset, length, monitor)) {
			return w.readNBytes((int) length);
		} catch (Canceled e) {
			throw new StorageException(StorageException.Kind.CANCELED, what + " canceled");
		} catch (IOException e) {
			throw new StorageException(StorageException.Kind.PERMANENT, what + ": " + e.getMessage(), e);
		}
	}

	/**
	 * @return the base64 Content-MD5 of a window, read once
	 * @throws StorageException {@code PERMANENT} when the local content cannot be read, {@code CANCELED}
	 */
	static String md5(Content content, long offset, long length, IProgressMonitor monitor, String what)
			throws StorageException {
		MessageDigest md5 = Digests.md5();
		byte[] buf = new byte[64 * 1024];
		try (Window w = new Window(content, offset, length, monitor)) {
			int n;
			while ((n = w.read(buf, 0, buf.length)) >= 0) {
				md5.update(buf, 0, n);
			}
		} catch (Canceled e) {
			throw new StorageException(StorageException.Kind.CANCELED, what + " canceled");
		} catch (IOException e) {
			throw new StorageException(StorageException.Kind.PERMANENT, what + ": " + e.getMessage(), e);
		}
		return Base64.getEncoder().encodeToString(md5.digest());
	}
}
