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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.tiepoint.hub.S3Settings;

/**
 * S3Proxy run out of process ({@code java -jar}, the jar named by the system property
 * {@code tiepoint.s3proxy.jar}) on a free loopback port, with a filesystem blob store. Tests are
 * skipped when the property is absent.
 */
public final class S3ProxyProcess implements AutoCloseable {

	/** System property with the path of s3proxy's jar-with-dependencies. */
	public static final String PROPERTY = "tiepoint.s3proxy.jar";
	private static final String ACCESS = "AKIDLOCAL";
	private static final String SECRET = "SECRETLOCAL";
	private final Process process;
	private final URI endpoint;

	private S3ProxyProcess(Process process, URI endpoint) {
		this.process = process;
		this.endpoint = endpoint;
	}

	/**
	 * @param dir a private directory for the configuration, the blobs and the log
	 * @return the running S3Proxy (skips the test when the jar is not configured)
	 * @throws Exception when it does not come up within 60 s
	 */
	public static S3ProxyProcess start(Path dir) throws Exception {
		String jar = System.getProperty(PROPERTY);
		Assumptions.assumeTrue(jar != null && Files.isRegularFile(Paths.get(jar)), "S3Proxy jar not configured: -D" + PROPERTY);
		int port;
		try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = s.getLocalPort();
		}
		Path blobs = Files.createDirectories(dir.resolve("blobs"));
		Path conf = dir.resolve("s3proxy.conf");
		Files.writeString(conf, String.join("\n", "s3proxy.authorization=aws-v2-or-v4",
				"s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.identity=" + ACCESS, "s3proxy.credential=" + SECRET,
				"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + blobs, ""));
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--properties", conf.toString())
				.redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (!p.isAlive()) {
				throw new IllegalStateException("S3Proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
			}
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress("127.0.0.1", port), 200);
				Thread.sleep(300);
				return new S3ProxyProcess(p, URI.create("http://127.0.0.1:" + port));
			} catch (IOException e) {
				Thread.sleep(200);
			}
		}
		p.destroyForcibly();
		throw new IllegalStateException("S3Proxy did not start within 60 s");
	}

	/** @param bucket bucket name @return settings for the hub */
	public S3Settings settings(String bucket) {
		return new S3Settings(endpoint, bucket, "us-east-1", ACCESS, SECRET);
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}
}
