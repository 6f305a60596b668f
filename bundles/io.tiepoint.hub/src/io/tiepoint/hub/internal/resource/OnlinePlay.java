/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.resource;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Online play of seed 003 (3.8; the stream, 3.9, is {@link OnlinePlayUrl}). GetOnlinePlayUrl hands out
 * {@code OnlinePlayUrl?id=FID&u=USER&host=A|B&exp=SECONDS&sig=HMAC}: the file to stream (for a video with
 * a finished conversion, its best MP4 level), signed like the download links ({@link DownloadLinks}: the
 * server-only secret, bound to the user's current token) together with the {@code host} whitelist. The
 * stream answers ranged GETs (206, so players seek) with the file's media type, only to clients whose
 * address is in the whitelist and until {@code exp}; anybody else gets 403. The whitelist holds IP
 * addresses (the seed's {@code A.B.C.D|E.F.G.H}, IPv6 too), compared with the connection's address
 * (no forwarding header is believed).
 */
final class OnlinePlay {

	static final int MAX_HOSTS = 16;
	private final DownloadLinks links;
	private final FileAccess access;
	private final Converter converter;
	private final Duration validity;
	private final Supplier<URI> base;

	OnlinePlay(DownloadLinks links, FileAccess access, Converter converter, Duration validity,
			Supplier<URI> base) {
		this.links = links;
		this.access = access;
		this.converter = converter;
		this.validity = validity;
		this.base = base;
	}

	/**
	 * @param user  the caller
	 * @param fid   a file
	 * @param hosts the {@code host} parameter
	 * @return the play URL
	 */
	String link(String user, String fid, String hosts) {
		access.readable(user, fid);
		String whitelist = String.join("|", whitelist(hosts));
		String play = converter.playable(fid);
		long exp = System.currentTimeMillis() / 1000 + Math.max(1, validity.toSeconds());
		String token = links.token(user).orElseThrow(() -> new ResourceException(401, "invalid, revoked or expired License"));
		return base.get() + "Resource/OnlinePlayUrl?id=" + play + "&u=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
				+ "&host=" + URLEncoder.encode(whitelist, StandardCharsets.UTF_8) + "&exp=" + exp + "&sig="
				+ links.mac("play", play, user, whitelist, Long.toString(exp), token);
	}

	/** @param hosts {@code A.B.C.D|E.F.G.H} @return the addresses, normalised */
	static Set<String> whitelist(String hosts) {
		if (hosts == null || hosts.isBlank()) {
			throw new ResourceException(400, "host is missing: the addresses allowed to play, A.B.C.D|E.F.G.H");
		}
		Set<String> out = new LinkedHashSet<>();
		for (String h : hosts.split("\\|")) {
			String a = address(h.trim());
			if (a == null) {
				throw new ResourceException(400, "host must be IP addresses separated by |, got '" + Params.abbreviate(h) + "'");
			}
			out.add(a);
		}
		if (out.size() > MAX_HOSTS) {
			throw new ResourceException(400, "host may name at most " + MAX_HOSTS + " addresses, got " + out.size());
		}
		return out;
	}

	/** @param literal an IP address literal @return it normalised, or null when it is not one (never resolved) */
	static String address(String literal) {
		boolean v4 = literal.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
		boolean v6 = literal.matches("\\[?[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?\\]?") && literal.contains(":");
		if (!v4 && !v6) {
			return null;
		}
		try {
			return InetAddress.getByName(literal).getHostAddress().toLowerCase(Locale.ROOT);
		} catch (UnknownHostException e) {
			return null;
		}
	}
}
