/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.s3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * S3Proxy (a real S3 server) run out of process ({@code java -jar}, the jar named by the system property
 * {@code tiepoint.s3proxy.jar}, which a test fragment's pom copies into {@code target/}) on a free
 * loopback port, with a filesystem blob store and AWS v2/v4 signatures enforced. Tests are skipped when
 * the property is absent. The credentials are local test values; still, tests do not print them.
 */
public final class S3ProxyProcess implements AutoCloseable {

	/** System property with the path of s3proxy's jar-with-dependencies. */
	public static final String PROPERTY = "tiepoint.s3proxy.jar";
	private static final String ACCESS = "AKIDLOCAL";
	private static final String SECRET = "SECRETLOCAL";
	private final Process process;
	private final URI endpoint;
	private final Path log;

	private S3ProxyProcess(Process process, URI endpoint, Path log) {
		this.process = process;
		this.endpoint = endpoint;
		this.log = log;
	}

	/**
	 * @param dir a private directory for the configuration, the blobs and the log
	 * @return the running S3Proxy (skips the test when the jar is not configured)
	 * @throws Exception when it does not come up within 60 s
	 */
	public static S3ProxyProcess start(Path dir) throws Exception {
		String jar = System.getProperty(PROPERTY);
		Assumptions.assumeTrue(jar != null && !jar.isBlank() && Files.isRegularFile(Paths.get(jar)),
				"S3Proxy jar not configured: -D" + PROPERTY);
		int port;
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = s.getLocalPort();
		}
		Path blobs = Files.createDirectories(dir.resolve("blobs"));
		Path conf = dir.resolve("s3proxy.conf");
		Files.writeString(conf, String.join("\n", "s3proxy.authorization=aws-v2-or-v4",
				"s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.identity=" + ACCESS, "s3proxy.credential=" + SECRET,
				"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + blobs, ""));
		Path log = dir.resolve("s3proxy.log");
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-Xmx256m", "-jar", jar, "--properties", conf.toString())
				.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (!p.isAlive()) {
				throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
			}
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress("127.0.0.1", port), 200);
				Thread.sleep(300);
				return new S3ProxyProcess(p, URI.create("http://127.0.0.1:" + port), log);
			} catch (IOException e) {
				Thread.sleep(200);
			}
		}
		p.destroyForcibly();
		throw new IllegalStateException("S3Proxy did not start within 60 s");
	}

	/** @return the endpoint, {@code http://127.0.0.1:PORT} */
	public URI endpoint() {
		return endpoint;
	}

	/** @return the signing region S3Proxy accepts */
	public String region() {
		return "us-east-1";
	}

	/** @return the access key id */
	public String accessKey() {
		return ACCESS;
	}

	/** @return the secret key (never print it) */
	public String secretKey() {
		return SECRET;
	}

	/** @return S3Proxy's log file */
	public Path log() {
		return log;
	}

	/**
	 * Kills S3Proxy at once, as {@code kill -9} would: connections in flight break, nothing more is answered.
	 *
	 * @throws InterruptedException when interrupted while waiting for it to end
	 */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Override
	public String toString() {
		return "S3Proxy at " + endpoint;
	}
}
