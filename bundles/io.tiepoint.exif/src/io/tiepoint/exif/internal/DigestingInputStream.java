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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

import io.tiepoint.exif.Digests;

/**
 * Feeds every byte read through SHA-1 and MD5, counts them and remembers the last two bytes
 * (for end-marker checks). Mark/reset is not supported: each byte is digested exactly once.
 */
public final class DigestingInputStream extends FilterInputStream {

	private final MessageDigest sha1;
	private final MessageDigest md5;
	private long count;
	private int last = -1;
	private int beforeLast = -1;

	/** @param in the source, read once */
	public DigestingInputStream(InputStream in) {
		this(in, true);
	}

	/**
	 * @param in      the source, read once
	 * @param digests whether to compute SHA-1 and MD5 (else only the count and the last bytes are kept)
	 */
	public DigestingInputStream(InputStream in, boolean digests) {
		super(in);
		sha1 = digests ? Digests.sha1() : null;
		md5 = digests ? Digests.md5() : null;
	}

	@Override
	public int read() throws IOException {
		int b = in.read();
		if (b >= 0) {
			if (sha1 != null) {
				sha1.update((byte) b);
				md5.update((byte) b);
			}
			count++;
			beforeLast = last;
			last = b;
		}
		return b;
	}

	@Override
	public int read(byte[] buf, int off, int len) throws IOException {
		int n = in.read(buf, off, len);
		if (n > 0) {
			if (sha1 != null) {
				sha1.update(buf, off, n);
				md5.update(buf, off, n);
			}
			count += n;
			if (n >= 2) {
				beforeLast = buf[off + n - 2] & 0xff;
			} else {
				beforeLast = last;
			}
			last = buf[off + n - 1] & 0xff;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		return ReadingSkip.skip(this, n);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	@Override
	public synchronized void mark(int readlimit) {
		// not supported: every byte must be digested once
	}

	@Override
	public synchronized void reset() throws IOException {
		throw new IOException("mark/reset not supported");
	}

	/**
	 * Reads the rest of the stream through the digests.
	 *
	 * @param buf scratch buffer
	 * @throws IOException on a read error
	 */
	public void drain(byte[] buf) throws IOException {
		while (read(buf, 0, buf.length) >= 0) {
			// digesting
		}
	}

	/** @return bytes read so far */
	public long count() {
		return count;
	}

	/** @return whether the last two bytes read were the JPEG end marker FF D9 */
	public boolean endsWithJpegEoi() {
		return beforeLast == 0xff && last == 0xd9;
	}

	/** @return lowercase hex SHA-1 of everything read (call once, at the end) */
	public String sha1Hex() {
		return sha1 == null ? null : hex(sha1.digest());
	}

	/** @return lowercase hex MD5 of everything read (call once, at the end) */
	public String md5Hex() {
		return md5 == null ? null : hex(md5.digest());
	}

	private static String hex(byte[] d) {
		char[] digits = "0123456789abcdef".toCharArray();
		char[] out = new char[d.length * 2];
		for (int i = 0; i < d.length; i++) {
			out[2 * i] = digits[(d[i] >> 4) & 0xf];
			out[2 * i + 1] = digits[d[i] & 0xf];
		}
		return new String(out);
	}
}
