/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.storage;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * HTTP clients by the scheme of the URLs they reach, each made on first use: one for plain {@code http} (an
 * embedded hub, a storage service on the local network) that does not load the JVM's trust store, one with the
 * JVM's TLS defaults for {@code https}. A {@link HttpClient} built without a TLS context loads the default one
 * (the trust store's certificates): ~80 ms of a cold start, wasted when every URL is plain http.
 */
public final class SchemeClients implements AutoCloseable {

	private final Supplier<HttpClient.Builder> builder;
	private HttpClient plain;
	private HttpClient tls;

	/** @param builder a client's settings (timeouts, version, redirects); called once a scheme */
	public SchemeClients(Supplier<HttpClient.Builder> builder) {
		this.builder = builder;
	}

	/**
	 * @param url where the client goes
	 * @return the client for the URL's scheme
	 */
	public synchronized HttpClient forUrl(URI url) {
		if (plainHttp(url)) {
			if (plain == null) {
				plain = withoutTls(builder.get()).build();
			}
			return plain;
		}
		if (tls == null) {
			tls = builder.get().build();
		}
		return tls;
	}

	/**
	 * @param url     the one base URL a client reaches (e.g. a hub's)
	 * @param builder the client's settings
	 * @return the builder, which builds a client without TLS when the URL is plain http
	 */
	public static HttpClient.Builder forBase(URI url, HttpClient.Builder builder) {
		return plainHttp(url) ? withoutTls(builder) : builder;
	}

	private static boolean plainHttp(URI url) {
		return "http".equalsIgnoreCase(url.getScheme());
	}

	/** A TLS context that trusts no one: the client can reach plain http URLs only (a TLS one fails its handshake). */
	private static HttpClient.Builder withoutTls(HttpClient.Builder b) {
		try {
			SSLContext none = SSLContext.getInstance("TLS");
			none.init(new KeyManager[0], new TrustManager[0], null);
			return b.sslContext(none);
		} catch (GeneralSecurityException e) {
			return b; // the defaults then
		}
	}

	@Override
	public synchronized void close() {
		if (plain != null) {
			plain.close();
		}
		if (tls != null) {
			tls.close();
		}
	}
}
