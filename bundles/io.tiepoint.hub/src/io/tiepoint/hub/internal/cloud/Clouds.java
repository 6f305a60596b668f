/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.cloud;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.spi.HubCloud;

/**
 * The clouds a running hub serves, in the order clients see them ({@code supportedCloud},
 * {@code nearestBuckets}); ids and mutations are unique. Everything that depends on a cloud asks here, by the
 * image's {@code cloud}, the mutation, or a feature, never by a cloud's name.
 */
public final class Clouds implements AutoCloseable {

	private static final HubLog LOG = HubLog.of(Clouds.class);
	private final List<HubCloud> all;
	private final Set<String> declined;

	/**
	 * @param all      the started clouds, ids and mutations unique
	 * @param declined the ids of contributions that declined (not configured on this hub)
	 */
	public Clouds(List<HubCloud> all, Set<String> declined) {
		this.all = List.copyOf(all);
		this.declined = Set.copyOf(declined);
	}

	/** @param id a cloud's id @return whether it is contributed but not configured on this hub */
	public boolean declined(String id) {
		return declined.contains(id);
	}

	/** @return every cloud, in order */
	public List<HubCloud> all() {
		return all;
	}

	/** @return their ids, in order */
	public List<String> ids() {
		return all.stream().map(HubCloud::id).toList();
	}

	/** @param id an image's {@code cloud} @return that cloud, when served */
	public Optional<HubCloud> get(String id) {
		return all.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	/** @param mutation a GraphQL mutation name @return the cloud serving it */
	public Optional<HubCloud> serving(String mutation) {
		return all.stream().filter(c -> c.mutation().equals(mutation)).findFirst();
	}

	/** @param feature a feature interface of {@link HubCloud} @return the clouds having it, in order */
	public List<HubCloud> with(Class<?> feature) {
		return all.stream().filter(c -> c.feature(feature).isPresent()).toList();
	}

	/**
	 * @param id      an image's {@code cloud}
	 * @param feature a feature interface
	 * @return whether that cloud is served and has the feature
	 */
	public boolean has(String id, Class<?> feature) {
		return get(id).flatMap(c -> c.feature(feature)).isPresent();
	}

	@Override
	public void close() {
		for (HubCloud c : all.reversed()) {
			try {
				c.close();
			} catch (RuntimeException e) {
				LOG.error("closing cloud " + c.id() + " failed", e);
			}
		}
	}
}
