/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.HubCloudContext;
import io.tiepoint.hub.spi.HubCloudFactory;
import io.tiepoint.hub.spi.HubImage;
import io.tiepoint.hub.spi.UploadTarget;

/**
 * A cloud that keeps bytes in memory, contributed by this fragment's {@code fragment.xml} and served under
 * {@code uploadImageMinio}: the proof that a cloud plugs in without an edit to the hub. It declines unless the
 * hub has a {@code cloud.memory.bucket} setting; {@code cloud.memory.swept=true} makes it
 * {@link HubCloud.Swept swept}. Tests reach a running one by its bucket ({@link #named(String)}) and put bytes
 * under the key the hub handed out, as a client would.
 */
public final class MemoryCloud implements HubCloud {

	/** The contribution's id. */
	public static final String ID = "memory";
	private static final Map<String, MemoryCloud> RUNNING = new ConcurrentHashMap<>();
	private final String id;
	private final String mutation;
	private final String bucket;
	private final boolean swept;
	private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
	/** Calls by kind, for the tests' assertions. */
	final AtomicInteger registered = new AtomicInteger();
	final AtomicInteger deleted = new AtomicInteger();
	final AtomicInteger closed = new AtomicInteger();
	/** Its region (setting {@code region}), or null. */
	private String region;
	/** When set, reading an object fails as a store that went away would (the hub's verification retries). */
	volatile boolean down;

	/**
	 * @param id       the id it answers
	 * @param mutation the mutation it serves
	 * @param bucket   its one bucket
	 * @param swept    whether the hub must sweep for arrivals
	 */
	MemoryCloud(String id, String mutation, String bucket, boolean swept) {
		this.id = id;
		this.mutation = mutation;
		this.bucket = bucket;
		this.swept = swept;
	}

	/** The factory named in {@code fragment.xml}. */
	public static final class Factory implements HubCloudFactory {
		@Override
		public Optional<HubCloud> create(HubCloudContext context) {
			return context.setting("bucket").map(b -> {
				MemoryCloud c = new MemoryCloud(context.id(), "uploadImageMinio", b,
						Boolean.parseBoolean(context.settings().get("swept")));
				c.region = context.settings().get("region");
				RUNNING.put(b, c);
				return c;
			});
		}
	}

	/** @param bucket a running memory cloud's bucket @return that cloud */
	static MemoryCloud named(String bucket) {
		return Optional.ofNullable(RUNNING.get(bucket)).orElseThrow(() -> new AssertionError("no memory cloud " + bucket));
	}

	/** @param url the url registration handed out @param bytes what the client sends */
	void put(String url, byte[] bytes) {
		String prefix = "memory://" + bucket + "/";
		if (!url.startsWith(prefix)) {
			throw new AssertionError(url + " is not in " + prefix);
		}
		objects.put(url.substring(prefix.length()), bytes.clone());
	}

	/** @return the keys held */
	java.util.Set<String> keys() {
		return objects.keySet();
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String region() {
		return region;
	}

	@Override
	public String mutation() {
		return mutation;
	}

	@Override
	public List<String> buckets() {
		return List.of(bucket);
	}

	@Override
	public UploadTarget register(HubImage image) {
		registered.incrementAndGet();
		return UploadTarget.url("memory://" + image.bucket() + "/" + image.key());
	}

	@Override
	public OptionalLong stored(HubImage image) {
		byte[] b = objects.get(image.key());
		return b == null ? OptionalLong.empty() : OptionalLong.of(b.length);
	}

	@Override
	public InputStream open(HubImage image) throws IOException {
		if (down) {
			throw new IOException("the store is down");
		}
		byte[] b = objects.get(image.key());
		if (b == null) {
			throw new IOException("no object " + image.key());
		}
		return new ByteArrayInputStream(b);
	}

	@Override
	public void delete(HubImage image) {
		if (objects.remove(image.key()) != null) {
			deleted.incrementAndGet();
		}
	}

	@Override
	public <T> Optional<T> feature(Class<T> type) {
		return type == Swept.class && swept ? Optional.of(type.cast(new Swept() {
		})) : HubCloud.super.feature(type);
	}

	@Override
	public void close() {
		closed.incrementAndGet();
		RUNNING.remove(bucket, this);
	}
}
