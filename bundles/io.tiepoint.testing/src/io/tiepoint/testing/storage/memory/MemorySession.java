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

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.testing.storage.memory.MemoryStore.Request;

/**
 * A session of {@link MemoryStorageProvider}: every capability, on the store of its target (direct
 * flow) or on the store and key of an object's URL (platform flow). Thread-safe: it keeps no state of its
 * own but its settings.
 */
final class MemorySession implements StorageSession, SinglePut, ExistsByChecksum, RangedDownload {

	/** Sizes and timeouts of a session. */
	record Settings(long threshold, long partSize, long chunkSize, Duration stallTimeout) {
	}

	private final MemoryStore store;
	private final String prefix;
	private final String token;
	final Settings settings;
	private final MultipartPut multipart = new MemoryMultipart(this);
	private final OffsetResumable offset = new MemoryOffset(this);
	private final BatchCommit commit;
	private volatile boolean closed;

	/**
	 * @param store    the target's store, or null for a platform session (objects carry URLs)
	 * @param prefix   the key prefix, "" or ending with '/'
	 * @param token    the token requests carry, or null
	 * @param settings sizes and timeouts
	 */
	MemorySession(MemoryStore store, String prefix, String token, Settings settings) {
		this.store = store;
		this.prefix = prefix;
		this.token = token;
		this.settings = settings;
		this.commit = store == null ? null : new MemoryCommit(this, store);
	}

	@Override
	public <T> Optional<T> feature(Class<T> capability) {
		if (store != null && store.commitBatch() > 0) {
			// commit mode: objects exist once committed; a single or multipart put would store them at once
			if (capability == SinglePut.class || capability == MultipartPut.class) {
				return Optional.empty();
			}
			if (capability == BatchCommit.class) {
				return Optional.of(capability.cast(commit));
			}
		}
		Object f = capability == MultipartPut.class ? multipart : capability == OffsetResumable.class ? offset : this;
		return capability.isInstance(f) ? Optional.of(capability.cast(f)) : Optional.empty();
	}

	@Override
	public void close() {
		closed = true;
	}

	/**
	 * @return the call of an operation on this object: to its URL when it has one, else to the target's store
	 */
	Call call(StorageObject object, IProgressMonitor monitor) throws StorageException {
		URI url = object.url();
		if (url == null) {
			return call(object.name(), object.key(), monitor);
		}
		String shown = url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
		if (!"mem".equals(url.getScheme()) || url.getRawAuthority() == null || url.getRawPath() == null
				|| url.getRawPath().length() < 2) {
			throw new StorageException(Kind.PERMANENT, object.name() + ": not a mem://STORE/KEY URL: " + shown);
		}
		String lease = null;
		for (String p : url.getRawQuery() == null ? new String[0] : url.getRawQuery().split("&")) {
			lease = p.startsWith("lease=") ? p.substring(6) : lease;
		}
		open(object.name());
		return new Call(named(object.name(), url.getRawAuthority()), url.getPath().substring(1), lease,
				lease == null ? token : null, settings.stallTimeout(), monitor);
	}

	/** @return the call of an operation on a key of the target's store */
	Call call(String name, String key, IProgressMonitor monitor) throws StorageException {
		open(name);
		if (store == null) {
			throw new StorageException(Kind.PERMANENT, name + ": this session has no store of its own (a platform"
					+ " session sends to the URLs the platform hands out)");
		}
		return new Call(store, prefix + key, null, token, settings.stallTimeout(), monitor);
	}

	private void open(String name) throws StorageException {
		if (closed) {
			throw new StorageException(Kind.PERMANENT, name + ": the session is closed");
		}
	}

	private static MemoryStore named(String name, String store) throws StorageException {
		try {
			return MemoryStore.named(store);
		} catch (IllegalArgumentException e) {
			throw new StorageException(Kind.PERMANENT, name + ": " + e.getMessage());
		}
	}

	static StoredObject stored(String key, MemoryObject o) {
		return new StoredObject(key, o.size(), o.sha1(), o.md5());
	}

	@Override
	public StoredObject put(StorageObject object, TransferListener listener, IProgressMonitor monitor)
			throws StorageException {
		Call call = call(object, monitor);
		call.enter(Request.PUT);
		byte[][] body = new byte[1][];
		call.body(object.name(), object.content(), 0, object.size(), Long.MAX_VALUE, true, (at, b) -> body[0] = b);
		MemoryObject o = new MemoryObject(call.key, body[0], object.sha1(), null, object.contentType());
		if (object.md5() != null && !object.md5().equals(o.md5())) {
			throw call.error(Kind.INTEGRITY, "BadDigest: the bytes received have MD5 " + o.md5() + ", the request"
					+ " declared " + object.md5());
		}
		call.store.store(o);
		listener.committed(o.size());
		return stored(object.key(), o);
	}

	@Override
	public Optional<StoredObject> find(StorageObject object, IProgressMonitor monitor) throws StorageException {
		Call call = call(object, monitor);
		call.enter(Request.HEAD);
		return call.store.object(call.key).filter(o -> object.sha1().equals(o.sha1())).map(o -> stored(object.key(), o));
	}

	@Override
	public StoredObject download(String key, Path to, IProgressMonitor monitor) throws StorageException {
		Call call = call(key, key, monitor);
		call.enter(Request.GET);
		MemoryObject o = call.store.object(call.key).orElseThrow(() -> call.error(Kind.NOT_FOUND, "no such object"));
		try {
			long from = Files.isRegularFile(to) ? Files.size(to) : 0;
			if (from > o.size()) {
				from = 0; // not a part of this object: start over
			}
			try (OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					from == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND)) {
				for (long at = from; at < o.size(); at += 64 * 1024) {
					call.canceled();
					byte[] b = o.range(at, Math.min(o.size(), at + 64 * 1024));
					out.write(b);
					call.store.sent(b.length);
				}
			}
			if (!MemoryObject.hex("MD5", Files.readAllBytes(to)).equals(o.md5())) {
				Files.delete(to);
				throw call.error(Kind.INTEGRITY, "the local file " + to.getFileName() + " was not a part of this object;"
						+ " deleted, download it again");
			}
		} catch (IOException e) {
			throw new StorageException(Kind.PERMANENT, call.shown + ": cannot write " + to + ": " + e.getMessage(), e);
		}
		return stored(key, o);
	}

	@Override
	public String toString() {
		return "MemorySession[" + (store == null ? "platform" : store.uri() + "/" + prefix) + "]";
	}
}
