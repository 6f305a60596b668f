/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.Content;
import io.tiepoint.exif.Digests;

/**
 * A window of an object's {@link Content} as sent: reads at most {@code length} bytes from
 * {@code offset}, checks the monitor on every read, computes the MD5 of what it gave out (unless the
 * store checks a Content-MD5 itself), and remembers whether the source itself failed (as opposed to the
 * transport).
 */
final class SourceStream extends InputStream {

	/** Thrown into the HTTP client when the monitor is canceled. */
	static final class CanceledIOException extends IOException {
		private static final long serialVersionUID = 1L;

		CanceledIOException() {
			super("canceled");
		}
	}

	/** Thrown into the HTTP client when the local content cannot be read. */
	static final class SourceIOException extends IOException {
		private static final long serialVersionUID = 1L;

		SourceIOException(IOException cause) {
			super("cannot read the local content: " + cause.getMessage(), cause);
		}
	}

	private final Content content;
	private final long offset;
	private final long length;
	private final IProgressMonitor monitor;
	private final MessageDigest md5;
	private InputStream in;
	private volatile long given; // read by the stall watchdog
	private volatile IOException sourceFailure;

	SourceStream(Content content, long offset, long length, IProgressMonitor monitor) {
		this(content, offset, length, monitor, true);
	}

	/** @param md5 whether to compute the MD5 of what is given out */
	SourceStream(Content content, long offset, long length, IProgressMonitor monitor, boolean md5) {
		this.content = content;
		this.offset = offset;
		this.length = length;
		this.monitor = monitor;
		this.md5 = md5 ? Digests.md5() : null;
	}

	private InputStream in() throws IOException {
		if (in == null) {
			try {
				in = content.open(offset);
			} catch (IOException e) {
				sourceFailure = e;
				throw new SourceIOException(e);
			}
		}
		return in;
	}

	@Override
	public int read() throws IOException {
		byte[] b = new byte[1];
		int n = read(b, 0, 1);
		return n < 0 ? -1 : b[0] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (monitor.isCanceled()) {
			throw new CanceledIOException();
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
			n = in().read(b, off, (int) Math.min(len, left));
		} catch (SourceIOException e) {
			throw e;
		} catch (IOException e) {
			sourceFailure = e;
			throw new SourceIOException(e);
		}
		if (n < 0) {
			IOException e = new IOException("the content ended after " + (offset + given) + " of "
					+ (offset + length) + " bytes");
			sourceFailure = e;
			throw new SourceIOException(e);
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
	long given() {
		return given;
	}

	/** @return whether all of the window was given out */
	boolean complete() {
		return given == length;
	}

	/**
	 * @return lower-case hex MD5 of what was given out (call once, after the window is complete), or null
	 *         when not computed
	 */
	String md5Hex() {
		return md5 == null ? null : HexFormat.of().formatHex(md5.digest());
	}

	/** @return the failure of the local content, or null */
	IOException sourceFailure() {
		return sourceFailure;
	}
}
