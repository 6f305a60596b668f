/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's settings (the hub's {@code engine.nodeodm.*}; {@code nodeodm.*} in Tiepoint's settings files,
 * {@code TIEPOINT_NODEODM_*} in the environment):
 * <ul>
 * <li>{@code url}: the nodes, comma-separated: NodeODM nodes or ClusterODM instances alike (required);</li>
 * <li>{@code token}: the token NodeODM takes as the {@code token} query parameter (optional; never logged);</li>
 * <li>{@code choose}: {@code order} (the first node that answers {@code /info}, default) or {@code capacity} (the
 * node with the most free task slots in {@code /info});</li>
 * <li>{@code parallel} uploads (4), {@code upload.retries} per image (5, as PyODM) with {@code retry.wait.ms} (2000)
 * times the attempt between tries;</li>
 * <li>{@code poll.ms} (2000) between looks at the task; {@code node.timeout.s} (120): how long a node may stay
 * unreachable during a task before it is submitted elsewhere; {@code resubmits} (2): how often a task is submitted
 * again after a node lost it;</li>
 * <li>{@code options}: ODM options for every task, {@code name=value} separated by commas; {@code options.TYPE}: the
 * same for one task type (any case), over the type's defaults ({@link OdmOptions}).</li>
 * </ul>
 *
 * @param nodes         the nodes, in order
 * @param token         the token, or null
 * @param byCapacity    choose by free capacity rather than in order
 * @param parallel      parallel uploads
 * @param uploadRetries attempts after the first for one image
 * @param retryWait     wait before the n-th retry: n times this
 * @param poll          between looks at a running task
 * @param nodeTimeout   how long a node may stay unreachable during a task
 * @param resubmits     how many times a lost task is submitted again
 * @param options       options for every task
 * @param typeOptions   options by task type
 */
public record NodeSettings(List<URI> nodes, String token, boolean byCapacity, int parallel, int uploadRetries,
		Duration retryWait, Duration poll, Duration nodeTimeout, int resubmits, Map<String, String> options,
		Map<String, Map<String, String>> typeOptions) {

	/**
	 * @param settings the engine's settings
	 * @return them, checked
	 * @throws IllegalArgumentException naming the setting that is missing or wrong (never its secret value)
	 */
	public static NodeSettings parse(Map<String, String> settings) {
		String urls = settings.getOrDefault("url", "").strip();
		if (urls.isEmpty()) {
			throw new IllegalArgumentException("no NodeODM node: set nodeodm.url (tiepoint hub --nodeodm-url URL, "
					+ "the settings file, or TIEPOINT_NODEODM_URL)");
		}
		List<URI> nodes = new ArrayList<>();
		for (String u : urls.split("[,\\s]+")) {
			if (!u.isEmpty()) {
				nodes.add(node(u));
			}
		}
		String token = settings.get("token");
		String choose = settings.getOrDefault("choose", "order").strip().toLowerCase(Locale.ROOT);
		if (!choose.equals("order") && !choose.equals("capacity")) {
			throw new IllegalArgumentException("nodeodm.choose must be order or capacity, not " + choose);
		}
		Map<String, Map<String, String>> byType = new LinkedHashMap<>();
		settings.forEach((k, v) -> {
			if (k.startsWith("options.")) {
				// by type in lower case: keys from the environment (TIEPOINT_NODEODM_OPTIONS_NATIVE) are lower case
				byType.put(k.substring("options.".length()).toLowerCase(Locale.ROOT), options("nodeodm." + k, v));
			}
		});
		return new NodeSettings(List.copyOf(nodes), token == null || token.isBlank() ? null : token.strip(),
				choose.equals("capacity"), number(settings, "parallel", 4, 1, 64),
				number(settings, "upload.retries", 5, 0, 100), Duration.ofMillis(number(settings, "retry.wait.ms", 2000, 0, 600_000)),
				Duration.ofMillis(number(settings, "poll.ms", 2000, 10, 600_000)),
				Duration.ofSeconds(number(settings, "node.timeout.s", 120, 1, 86_400)), number(settings, "resubmits", 2, 0, 100),
				options("nodeodm.options", settings.getOrDefault("options", "")), Map.copyOf(byType));
	}

	private static URI node(String text) {
		try {
			URI u = new URI(text.endsWith("/") ? text : text + "/");
			if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
				throw new IllegalArgumentException("nodeodm.url: " + text + " is not an http(s)://host:port URL");
			}
			if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
				throw new IllegalArgumentException("nodeodm.url: a node URL holds no credentials, query or fragment ("
						+ u.getScheme() + "://" + u.getHost() + "...); the token goes into nodeodm.token");
			}
			return u;
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("nodeodm.url: not a URL: " + e.getMessage(), e);
		}
	}

	private static int number(Map<String, String> settings, String key, int fallback, int min, int max) {
		String v = settings.get(key);
		if (v == null || v.isBlank()) {
			return fallback;
		}
		try {
			int n = Integer.parseInt(v.strip());
			if (n < min || n > max) {
				throw new IllegalArgumentException("nodeodm." + key + " must be " + min + ".." + max + ", not " + n);
			}
			return n;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("nodeodm." + key + " must be a whole number, not " + v, e);
		}
	}

	/**
	 * @param key  the setting, for messages
	 * @param text {@code name=value} pairs separated by commas
	 * @return them in order
	 */
	static Map<String, String> options(String key, String text) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String pair : text.split(",")) {
			String p = pair.strip();
			if (p.isEmpty()) {
				continue;
			}
			int eq = p.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException(key + ": '" + p + "' is not name=value");
			}
			out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
		}
		return out;
	}

	/** @return the settings, the token masked */
	@Override
	public String toString() {
		return "NodeSettings[nodes=" + nodes + ", token=" + (token == null ? "none" : "***") + ", choose="
				+ (byCapacity ? "capacity" : "order") + ", parallel=" + parallel + ", uploadRetries=" + uploadRetries
				+ ", poll=" + poll + ", nodeTimeout=" + nodeTimeout + ", resubmits=" + resubmits + ", options=" + options
				+ ", typeOptions=" + typeOptions + "]";
	}
}
