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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;

/**
 * An object store in this JVM's memory, the destination of {@link MemoryStorageProvider}'s sessions
 * ({@code mem://NAME/prefix}). Stores are process-wide and found by name ({@link #named(String)}), so
 * that sessions, runs and workspaces of one test see the same objects: a second run finds what the first
 * one sent, a resumed upload finds the parts an abandoned run committed.
 * <p>
 * Besides objects, a store holds the uploads in progress (multipart uploads with their committed parts,
 * offset uploads with the bytes they hold) and the URLs handed out for the platform flow
 * ({@link #lease(String, Duration)}, as a presigned URL). Tests inspect it ({@link #objects()},
 * {@link #bytesReceived()}, {@link #requests(Request)}) and inject faults ({@link #faults()}). Thread-safe.
 */
public final class MemoryStore {

	/** The requests a session makes, as a test counts them or makes them fail. */
	public enum Request {
		/** A whole object in one request (SinglePut). */
		PUT,
		/** Whether an object is there, and its metadata (ExistsByChecksum). */
		HEAD,
		/** Reading an object from an offset (RangedDownload). */
		GET,
		/** Starting a multipart or offset upload. */
		CREATE,
		/** Listing the committed parts of a multipart upload. */
		LIST,
		/** One part of a multipart upload. */
		PART,
		/** Completing a multipart upload. */
		COMPLETE,
		/** Asking an offset upload how many bytes it holds. */
		OFFSET,
		/** Sending the rest of an offset upload; the store commits it chunk by chunk. */
		APPEND,
		/** Committing offset uploads whose bytes all arrived, several at a time (a store in commit mode). */
		COMMIT
	}

	private static final ConcurrentMap<String, MemoryStore> STORES = new ConcurrentHashMap<>();
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
	private static final AtomicLong IDS = new AtomicLong();

	private final String name;
	private final MemoryFaults faults = new MemoryFaults(this);
	private final Map<String, MemoryObject> objects = new TreeMap<>();
	private final Map<String, MemoryUpload> uploads = new HashMap<>();
	private final Map<String, Lease> leases = new HashMap<>();
	private final Map<Request, AtomicLong> requests = new EnumMap<>(Request.class);
	private final AtomicLong received = new AtomicLong();
	private final AtomicLong sent = new AtomicLong();
	private volatile String token;
	/** In commit mode (> 0): how many uploads a commit takes at most. */
	private volatile int commitBatch;

	private MemoryStore(String name) {
		this.name = name;
		for (Request r : Request.values()) {
			requests.put(r, new AtomicLong());
		}
	}

	/**
	 * @param name the store's name, the authority of {@code mem://NAME/...} (letters, digits, '.', '_', '-')
	 * @return the store of that name in this JVM, created empty when there is none
	 */
	public static MemoryStore named(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not a store name (letters, digits, '.', '_', '-'): " + name);
		}
		return STORES.computeIfAbsent(name, MemoryStore::new);
	}

	/**
	 * Empties the store of that name: objects, uploads, URLs, counters, faults and token. References to it
	 * stay valid.
	 *
	 * @param name the store's name
	 */
	public static void reset(String name) {
		MemoryStore s = STORES.get(name);
		if (s != null) {
			s.clear();
		}
	}

	private synchronized void clear() {
		objects.clear();
		uploads.clear();
		leases.clear();
		requests.values().forEach(c -> c.set(0));
		received.set(0);
		sent.set(0);
		token = null;
		commitBatch = 0;
		faults.reset();
	}

	/** @return the name */
	public String name() {
		return name;
	}

	/** @return {@code mem://NAME} */
	public URI uri() {
		return URI.create("mem://" + name);
	}

	/** @return the faults to inject into this store's requests */
	public MemoryFaults faults() {
		return faults;
	}

	/**
	 * From now on requests without a URL must carry this token (a session's {@code mem.token} setting);
	 * requests with a URL are authorized by the URL, as presigned URLs are.
	 *
	 * @param token the token, or null to accept any request
	 * @return this
	 */
	public MemoryStore requireToken(String token) {
		this.token = token;
		return this;
	}

	/**
	 * Commit mode, as Google Photos works: an offset upload whose bytes all arrived is not an object yet; a
	 * commit ({@link io.tiepoint.core.storage.BatchCommit}, with the upload's id as its handle) of at most
	 * {@code batch} uploads at a time makes each an object, once. Sessions then offer no SinglePut or
	 * MultipartPut (they would store objects without a commit).
	 *
	 * @param batch uploads per commit at most, or 0 to store objects as their last byte arrives again
	 * @return this
	 */
	public MemoryStore commitInBatches(int batch) {
		this.commitBatch = Math.max(0, batch);
		return this;
	}

	/** @return uploads per commit at most, 0 when objects are stored as they arrive */
	public int commitBatch() {
		return commitBatch;
	}

	/** @return how many offset uploads hold every byte and wait for a commit (commit mode) */
	public synchronized int uncommitted() {
		return (int) uploads.values().stream().filter(u -> u.completed != null).count();
	}

	/** @return whether requests need a token */
	public boolean requiresToken() {
		return token != null;
	}

	// ------------------------------------------------------------------ inspection

	/** @return every object, ordered by key */
	public synchronized List<MemoryObject> objects() {
		return List.copyOf(objects.values());
	}

	/**
	 * @param key a full key (the destination's prefix included)
	 * @return the object
	 */
	public synchronized Optional<MemoryObject> object(String key) {
		return Optional.ofNullable(objects.get(key));
	}

	/**
	 * Stores an object as another client would (no request is counted).
	 *
	 * @param key   the full key
	 * @param bytes the content; its SHA-1 is declared as its metadata
	 * @return the object
	 */
	public MemoryObject put(String key, byte[] bytes) {
		return store(new MemoryObject(key, bytes, MemoryObject.hex("SHA-1", bytes), null, null));
	}

	/**
	 * @param key a full key
	 * @return whether there was an object to remove
	 */
	public synchronized boolean remove(String key) {
		return objects.remove(key) != null;
	}

	/** @return how many multipart and offset uploads are open (neither completed nor gone) */
	public synchronized int openUploads() {
		return (int) uploads.values().stream().filter(u -> u.completed == null).count();
	}

	/** @return the request body bytes that arrived so far, whatever became of them */
	public long bytesReceived() {
		return received.get();
	}

	/** @return the bytes downloads read so far */
	public long bytesSent() {
		return sent.get();
	}

	/**
	 * @param request a kind of request
	 * @return how many were made (those that failed included)
	 */
	public long requests(Request request) {
		return requests.get(request).get();
	}

	/** @return how many requests were made, of every kind */
	public long requests() {
		return requests.values().stream().mapToLong(AtomicLong::get).sum();
	}

	/**
	 * A URL for one object, as a platform hands out a presigned URL: requests with it need no token; once
	 * it has expired they fail {@code EXPIRED}.
	 *
	 * @param key      the full key
	 * @param validity how long it works
	 * @return {@code mem://NAME/KEY?lease=...}
	 */
	public synchronized URI lease(String key, Duration validity) {
		String id = UUID.randomUUID().toString().replace("-", "");
		leases.put(id, new Lease(key, Instant.now().plus(validity)));
		try {
			return new URI("mem", name, "/" + key, "lease=" + id, null); // the key quoted where a URI needs it
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("not a key: " + key, e);
		}
	}

	@Override
	public synchronized String toString() {
		return "MemoryStore[" + name + ", " + objects.size() + " objects, " + openUploads() + " uploads open]";
	}

	// ------------------------------------------------------------------ used by sessions

	/** Counts a request, injects its faults and checks its credentials. */
	void enter(Call call, Request r) throws StorageException {
		requests.get(r).incrementAndGet();
		Kind failure = faults.failure(r);
		if (failure != null) {
			throw call.error(failure, "injected " + failure + " failure of " + r);
		}
		call.await(faults.waiting());
		if (call.lease != null) {
			Lease l;
			synchronized (this) {
				l = leases.get(call.lease);
			}
			if (l == null || !l.key.equals(call.key)) {
				throw call.error(Kind.UNAUTHORIZED, "the URL is not valid for this object (" + r + ")");
			}
			if (!Instant.now().isBefore(l.expires)) {
				throw call.error(Kind.EXPIRED, "the URL has expired (" + r + ")");
			}
		} else if (token != null && !token.equals(call.token)) {
			throw call.error(Kind.UNAUTHORIZED, call.token == null ? "the store requires a token (mem.token)"
					: "the token was refused (mem.token)");
		}
	}

	void received(int n) {
		received.addAndGet(n);
	}

	void sent(int n) {
		sent.addAndGet(n);
	}

	synchronized MemoryObject store(MemoryObject o) {
		objects.put(o.key(), o);
		return o;
	}

	synchronized MemoryUpload create(String key, StorageObject o, boolean multipart) {
		MemoryUpload u = new MemoryUpload(name + "-upload-" + IDS.incrementAndGet(), key, o, multipart);
		uploads.put(u.id, u);
		return u;
	}

	/** @return the upload, checked to be of this key and kind; an expired one fails once and is gone */
	synchronized MemoryUpload upload(Call call, String id, boolean multipart) throws StorageException {
		MemoryUpload u = uploads.get(id);
		if (u == null || !u.key.equals(call.key) || u.multipart != multipart) {
			throw call.error(Kind.NOT_FOUND, "no " + (multipart ? "multipart" : "offset") + " upload " + id
					+ " (aborted, expired or never started)");
		}
		if (u.expired) {
			uploads.remove(id);
			throw call.error(Kind.EXPIRED, "upload " + id + " has expired: start anew");
		}
		return u;
	}

	synchronized void expireUploads() {
		uploads.values().forEach(u -> u.expired = u.completed == null);
	}

	synchronized void expireUncommitted() {
		uploads.values().forEach(u -> u.expired = u.completed != null);
	}

	/** @return the uploads in progress by id; read and changed under the store's lock only */
	Map<String, MemoryUpload> uploads() {
		return uploads;
	}

	synchronized void expireLeases() {
		leases.replaceAll((id, l) -> new Lease(l.key, Instant.MIN));
	}

	/** @return the sizes of the committed parts by number */
	synchronized Map<Integer, Long> parts(MemoryUpload u) {
		Map<Integer, Long> sizes = new TreeMap<>();
		u.parts.forEach((n, b) -> sizes.put(n, (long) b.length));
		return Collections.unmodifiableMap(sizes);
	}

	/** Commits one part (replacing an earlier part of that number). */
	synchronized void part(Call call, MemoryUpload u, int number, byte[] bytes) throws StorageException {
		live(call, u).parts.put(number, bytes);
	}

	/**
	 * Completes a multipart upload from the parts the client names by size: they must be the committed parts,
	 * in full; the upload is gone afterwards.
	 */
	synchronized MemoryObject complete(Call call, MemoryUpload u, List<Long> sizes) throws StorageException {
		live(call, u);
		Map<Integer, Long> held = parts(u);
		long total = sizes.stream().mapToLong(Long::longValue).sum();
		for (int n = 1; n <= sizes.size(); n++) {
			if (!sizes.get(n - 1).equals(held.get(n))) {
				uploads.remove(u.id);
				throw call.error(Kind.INTEGRITY, "part " + n + " of upload " + u.id + " is not what the client names: "
						+ held.get(n) + " bytes held, " + sizes.get(n - 1) + " named");
			}
		}
		if (held.size() != sizes.size() || total != u.size) {
			uploads.remove(u.id);
			throw call.error(Kind.INTEGRITY, "upload " + u.id + ": " + held.size() + " parts, " + total + " bytes named, "
					+ u.size + " declared");
		}
		ByteArrayOutputStream all = new ByteArrayOutputStream((int) total);
		u.parts.values().forEach(all::writeBytes);
		uploads.remove(u.id);
		return store(new MemoryObject(u.key, all.toByteArray(), u.sha1, null, u.contentType));
	}

	/** @return the object an offset upload completed, or null */
	synchronized MemoryObject completed(MemoryUpload u) {
		return u.completed;
	}

	/** @return the bytes an offset upload holds */
	synchronized long held(MemoryUpload u) {
		return u.completed != null ? u.size : u.data.size();
	}

	/**
	 * Commits a chunk of an offset upload at its offset; the last one completes it (its MD5 checked when the
	 * client declared one).
	 *
	 * @return the object when this chunk completed it, else null
	 */
	synchronized MemoryObject append(Call call, MemoryUpload u, long at, byte[] chunk) throws StorageException {
		live(call, u);
		if (u.completed != null || at != u.data.size() || at + chunk.length > u.size) {
			throw call.error(Kind.INTEGRITY, "upload " + u.id + " holds " + held(u) + " of " + u.size
					+ " bytes; a chunk of " + chunk.length + " at " + at + " does not fit");
		}
		u.data.writeBytes(chunk);
		if (u.data.size() < u.size) {
			return null;
		}
		MemoryObject o = new MemoryObject(u.key, u.data.toByteArray(), u.sha1, null, u.contentType);
		if (u.md5 != null && !u.md5.equals(o.md5())) {
			uploads.remove(u.id);
			throw call.error(Kind.INTEGRITY, "the bytes of upload " + u.id + " have MD5 " + o.md5() + ", not "
					+ u.md5 + " as declared");
		}
		u.completed = commitBatch > 0 ? o : store(o);
		u.data.reset();
		return o;
	}

	private MemoryUpload live(Call call, MemoryUpload u) throws StorageException {
		return upload(call, u.id, u.multipart);
	}

	private record Lease(String key, Instant expires) {
	}
}
