/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.storage.memory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.testing.storage.memory.MemoryFaults.Wait;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * One operation of a session on one object: where (store and full key), with which credentials (the URL's
 * lease or the session's token), under which monitor; it makes the requests and carries their bodies,
 * injecting the store's faults on the way.
 */
final class Call {

	private static final int BUFFER = 64 * 1024;

	final MemoryStore store;
	final String key;
	final String lease;
	final String token;
	/** {@code mem://STORE/KEY}: what messages show (never a lease or token). */
	final String shown;
	private final Duration stallTimeout;
	private final IProgressMonitor monitor;

	Call(MemoryStore store, String key, String lease, String token, Duration stallTimeout, IProgressMonitor monitor) {
		this.store = store;
		this.key = key;
		this.lease = lease;
		this.token = token;
		this.shown = "mem://" + store.name() + "/" + key;
		this.stallTimeout = stallTimeout;
		this.monitor = monitor;
	}

	/** Makes a request (counted, maybe failed by a fault), after checking cancellation. */
	void enter(Request r) throws StorageException {
		canceled();
		store.enter(this, r);
	}

	StorageException error(Kind kind, String what) {
		return new StorageException(kind, shown + ": " + what);
	}

	void canceled() throws StorageException {
		if (monitor.isCanceled()) {
			throw error(Kind.CANCELED, "canceled");
		}
	}

	/** Waits as the faults say: a stall longer than the session's stall timeout fails TRANSIENT. */
	void await(Wait wait) throws StorageException {
		sleep(wait.latency());
		if (!wait.stall().isZero()) {
			if (wait.stall().compareTo(stallTimeout) >= 0) {
				sleep(stallTimeout);
				throw error(Kind.TRANSIENT, "no progress for " + stallTimeout.toSeconds() + " s (stalled)");
			}
			sleep(wait.stall());
		}
	}

	private void sleep(Duration d) throws StorageException {
		long end = System.nanoTime() + d.toNanos();
		for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
			canceled();
			try {
				Thread.sleep(Math.max(1, Math.min(20, left / 1_000_000)));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw error(Kind.CANCELED, "interrupted");
			}
		}
	}

	/** Receives what a request body carries, chunk by chunk. */
	@FunctionalInterface
	interface Chunks {
		/**
		 * @param at    the offset in the body of the chunk's first byte
		 * @param chunk the bytes
		 * @throws StorageException when the store refuses it
		 */
		void accept(long at, byte[] chunk) throws StorageException;
	}

	/**
	 * Carries a request body: {@code length} bytes of the content from {@code offset}, handed to the store in
	 * chunks of {@code chunk} bytes (the last may be shorter) as they arrive. A connection cut, a read
	 * failure or a cancellation loses the chunk in flight; the chunks handed over stay.
	 *
	 * @param name  the object's name, for messages about its source
	 * @param toEnd whether the body runs to the end of the content (then a longer content fails INTEGRITY)
	 */
	void body(String name, Content content, long offset, long length, long chunk, boolean toEnd, Chunks into)
			throws StorageException {
		InputStream in;
		try {
			in = content.open(offset);
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, name + ": cannot be read: " + e.getMessage(), e);
		}
		MemoryFaults faults = store.faults();
		try (in) {
			ByteArrayOutputStream current = new ByteArrayOutputStream();
			byte[] buf = new byte[BUFFER];
			long done = 0;
			long first = 0;
			while (done < length) {
				canceled();
				int want = (int) Math.min(buf.length, Math.min(length - done, chunk - current.size()));
				int allowed = faults.allowance(want);
				if (allowed == 0) {
					faults.cut();
					throw error(Kind.TRANSIENT, "connection reset after " + done + " bytes of the request body (injected)");
				}
				int n = read(in, buf, allowed);
				if (n < 0) {
					throw error(Kind.INTEGRITY, "the content of " + name + " ended after " + (offset + done) + " of "
							+ (offset + length) + " bytes");
				}
				faults.arrived(n);
				store.received(n);
				current.write(buf, 0, n);
				done += n;
				if (current.size() == chunk || done == length) {
					byte[] bytes = current.toByteArray();
					current.reset();
					if (bytes.length > 0 && faults.corrupt()) {
						bytes[bytes.length / 2] ^= 0x5a;
					}
					into.accept(first, bytes);
					first = done;
				}
			}
			if (length == 0) {
				into.accept(0, new byte[0]);
			}
			if (toEnd && read(in, buf, 1) > 0) {
				throw error(Kind.INTEGRITY, "the content of " + name + " is longer than its " + (offset + length) + " bytes");
			}
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, name + ": cannot be read: " + e.getMessage(), e);
		}
	}

	private int read(InputStream in, byte[] buf, int len) throws StorageException {
		try {
			return in.read(buf, 0, len);
		} catch (IOException e) {
			canceled();
			throw new StorageException(Kind.TRANSIENT, shown + ": the transfer broke: " + e.getMessage(), e);
		}
	}
}
