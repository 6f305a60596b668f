/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import io.tiepoint.core.storage.Content;

/**
 * A local file as {@link Content}: every stream counts what it gives out (the bytes sent), obeys the
 * run's bandwidth limit and stops when the run is canceled.
 */
final class FileContent implements Content {

	private final Path file;
	private final long length;
	private final RateLimiter limiter;
	private final LongConsumer sent;
	private final AtomicLong mine = new AtomicLong();
	private final BooleanSupplier canceled;

	FileContent(Path file, long length, RateLimiter limiter, LongConsumer sent, BooleanSupplier canceled) {
		this.file = file;
		this.length = length;
		this.limiter = limiter;
		this.sent = sent;
		this.canceled = canceled;
	}

	/** @return the bytes this file's streams gave out (all attempts) */
	long given() {
		return mine.get();
	}

	@Override
	public long length() {
		return length;
	}

	@Override
	public InputStream open(long offset) throws IOException {
		if (offset < 0 || offset > length) {
			throw new IOException(file + ": offset " + offset + " outside 0.." + length);
		}
		FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
		if (ch.size() != length) {
			ch.close();
			throw new IOException(file + ": changed since it was inspected (" + length + " bytes then, " + ch.size()
					+ " now)");
		}
		ch.position(offset);
		return new FilterInputStream(Channels.newInputStream(ch)) {
			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				int n = read(one, 0, 1);
				return n < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (canceled.getAsBoolean()) {
					throw new InterruptedIOException("canceled");
				}
				int n = super.read(b, off, Math.min(len, 64 * 1024));
				if (n > 0) {
					try {
						limiter.acquire(n);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new InterruptedIOException("interrupted");
					}
					sent.accept(n);
					mine.addAndGet(n);
				}
				return n;
			}
		};
	}
}
