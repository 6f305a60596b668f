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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Orders {@code getGeoIPInfo.nearestBuckets} for a caller (seeds 000-002: "query nearestBuckets for hints for
 * auto selecting the best edge"). The table is {@code CIDR=REGION} entries separated by {@code ;}; the first
 * entry whose network holds the caller's address names the caller's region. The buckets of clouds in that
 * region come first, then the others in the hub's order (its own clouds first, then contributed ones). A
 * cloud's region is the one it declares ({@code HubCloud.region()}: S3's signing region, Aliyun's region); the
 * region {@code hub} is the hub's own storage (clouds that declare none: GridFS, the OSS gateway). No table, or
 * no entry for the caller: the hub's order.
 */
public final class RegionTable {

	private record Entry(byte[] network, int bits, String region) {
		boolean holds(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			for (int i = 0; i < bits; i++) {
				int mask = 0x80 >> (i % 8);
				if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}

	/** The region of the hub's own storage. */
	public static final String HUB = "hub";

	private final List<Entry> entries;

	private RegionTable(List<Entry> entries) {
		this.entries = entries;
	}

	/**
	 * @param table {@code CIDR=REGION;...}, or null/blank for none
	 * @return the table
	 * @throws IllegalArgumentException naming the entry that is not {@code CIDR=REGION}
	 */
	public static RegionTable parse(String table) {
		List<Entry> entries = new ArrayList<>();
		if (table != null) {
			for (String raw : table.split(";")) {
				String e = raw.strip();
				if (e.isEmpty()) {
					continue;
				}
				int eq = e.indexOf('=');
				int slash = e.indexOf('/');
				if (eq < 0 || slash < 0 || slash > eq || e.substring(eq + 1).isBlank()) {
					throw new IllegalArgumentException("region table entry '" + e + "' is not CIDR=REGION (e.g. 10.0.0.0/8=cn-hangzhou)");
				}
				try {
					byte[] net = InetAddress.getByName(e.substring(0, slash).strip()).getAddress();
					int bits = Integer.parseInt(e.substring(slash + 1, eq).strip());
					if (bits < 0 || bits > net.length * 8) {
						throw new IllegalArgumentException("region table entry '" + e + "': prefix length out of range");
					}
					entries.add(new Entry(net, bits, e.substring(eq + 1).strip()));
				} catch (UnknownHostException | NumberFormatException ex) {
					throw new IllegalArgumentException("region table entry '" + e + "': " + ex.getMessage());
				}
			}
		}
		return new RegionTable(List.copyOf(entries));
	}

	/**
	 * @param address the caller's address (an IP literal), or null
	 * @return the caller's region, or null when no entry holds it
	 */
	public String regionOf(String address) {
		if (address == null || entries.isEmpty()) {
			return null;
		}
		byte[] a;
		try {
			a = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
		} catch (UnknownHostException e) {
			return null;
		}
		return entries.stream().filter(x -> x.holds(a)).map(Entry::region).findFirst().orElse(null);
	}

	/**
	 * @param <T>     a bucket
	 * @param buckets in the hub's order
	 * @param region  what a bucket's cloud region is (null: the hub's own)
	 * @param address the caller's address
	 * @return the buckets in the caller's region first, then the others, each group in the hub's order
	 */
	public <T> List<T> order(List<T> buckets, Function<T, String> region, String address) {
		String mine = regionOf(address);
		if (mine == null) {
			return buckets;
		}
		List<T> near = new ArrayList<>();
		List<T> far = new ArrayList<>();
		for (T b : buckets) {
			String r = region.apply(b);
			(Objects.equals(r == null ? HUB : r, mine) ? near : far).add(b);
		}
		near.addAll(far);
		return near;
	}
}
