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

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The other hubs of seed 003's client redirect (3.10): md5s and FileIDs whose prefix is a peer's are
 * answered {@code code 300} with its {@code HostName} and {@code Port}; the longest prefix wins.
 *
 * @param peers md5 prefix to peer hub
 */
record Peers(Map<String, URI> peers) {

	/**
	 * @param response the response, answered with the redirect
	 * @param callback completed when it is written
	 * @param hex      an md5 or FileID
	 * @return whether it was redirected (answered) to a peer
	 * @throws IOException when the answer cannot be written
	 */
	boolean redirect(Response response, Callback callback, String hex) throws IOException {
		URI peer = null;
		int best = 0;
		for (Map.Entry<String, URI> e : peers.entrySet()) {
			if (hex.startsWith(e.getKey()) && e.getKey().length() > best) {
				best = e.getKey().length();
				peer = e.getValue();
			}
		}
		if (peer == null) {
			return false;
		}
		Replies.redirect(response, callback, peer);
		return true;
	}
}
