/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.tiepoint.core.storage.SchemeClients;

/** HTTP clients by scheme: plain http without the JVM's trust store, https with the JVM's TLS defaults. */
class SchemeClientsTest {

	private static HttpClient.Builder settings() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
	}

	@Test
	void plainHttpGoesThroughAClientWithoutTheDefaultTlsContext() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", x -> {
			byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
			x.sendResponseHeaders(200, body.length);
			try (OutputStream out = x.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		try (SchemeClients clients = new SchemeClients(SchemeClientsTest::settings)) {
			URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
			HttpClient plain = clients.forUrl(url);
			assertEquals("ok", plain.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body());
			assertSame(plain, clients.forUrl(URI.create("http://192.0.2.1/other")), "one client a scheme");
			assertNotSame(SSLContext.getDefault(), plain.sslContext(), "the trust store is not loaded for plain http");
			HttpClient tls = clients.forUrl(URI.create("https://s3.example/bucket"));
			assertNotSame(plain, tls);
			assertSame(SSLContext.getDefault(), tls.sslContext(), "https keeps the JVM's TLS defaults");
			HttpClient hub = SchemeClients.forBase(url, settings()).build();
			assertNotSame(SSLContext.getDefault(), hub.sslContext());
			assertSame(SSLContext.getDefault(), SchemeClients.forBase(URI.create("https://hub.example/"), settings()).build()
					.sslContext());
		} finally {
			server.stop(0);
		}
	}
}
