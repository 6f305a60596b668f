/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IExtensionRegistry;

/**
 * How to run a {@link Hub}. Build with {@link #builder(Path)}; every setting but the data directory
 * has a default.
 *
 * @param dataDir             credentials, embedded database and task work directories
 * @param host                address to bind, default {@code 127.0.0.1}
 * @param port                port, {@code 0} for an ephemeral one
 * @param mongoUri            a MongoDB URI, or {@code null} for the embedded server in {@code dataDir}
 * @param s3                  the S3-compatible cloud, or {@code null} when only GridFS is served
 * @param imageExpiry         how long after registration an unfinished image becomes Invalid (65 min)
 * @param sweepInterval       how often expiry and S3 arrival are checked
 * @param verificationThreads size of the verification pool
 * @param extensionRegistry   where engines are contributed, may be {@code null} (outside OSGi)
 * @param engines             engines registered programmatically
 * @param firstStart          receives one line when the credentials are created: the file they are in
 *                            and the command that shows them (never a secret)
 * @param resourceLease       how long the GridFS resource service keeps an upload reserved for the
 *                            client it was handed to without progress (60 s)
 * @param peers               other hubs of a partitioned resource service: lower-case md5 prefix (1 to
 *                            8 hex characters) to the peer's base URI; requests for md5s with such a
 *                            prefix are answered with a client redirect (code 300)
 * @param publicUrl           the base URL clients reach the hub at ({@code http://host:port/}), used in the
 *                            upload and download URLs it hands out; {@code null} for the address it binds
 *                            (never the request's {@code Host} header)
 * @param limits              what one caller may make the hub spend
 */
public record HubConfig(Path dataDir, String host, int port, String mongoUri, S3Settings s3, Duration imageExpiry,
		Duration sweepInterval, int verificationThreads, IExtensionRegistry extensionRegistry,
		List<ReconstructionEngine> engines, Consumer<String> firstStart, Duration resourceLease,
		Map<String, URI> peers, URI publicUrl, HubLimits limits) {

	/** Validates and copies. */
	public HubConfig {
		Objects.requireNonNull(dataDir, "dataDir");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(imageExpiry, "imageExpiry");
		Objects.requireNonNull(sweepInterval, "sweepInterval");
		Objects.requireNonNull(firstStart, "firstStart");
		if (port < 0 || port > 65535 || verificationThreads < 1) {
			throw new IllegalArgumentException("port must be 0..65535 and verificationThreads >= 1");
		}
		engines = List.copyOf(engines);
		resourceLease = resourceLease == null ? Duration.ofSeconds(60) : resourceLease;
		if (resourceLease.isNegative() || resourceLease.isZero()) {
			throw new IllegalArgumentException("resourceLease must be positive");
		}
		limits = limits == null ? HubLimits.DEFAULT : limits;
		if (publicUrl != null && (!"http".equals(publicUrl.getScheme()) && !"https".equals(publicUrl.getScheme())
				|| publicUrl.getHost() == null || publicUrl.getRawQuery() != null)) {
			throw new IllegalArgumentException("public URL must be http(s)://host[:port][/path], got " + publicUrl);
		}
		if (publicUrl != null && !publicUrl.getPath().endsWith("/")) {
			publicUrl = URI.create(publicUrl + "/");
		}
		peers = Map.copyOf(peers == null ? Map.of() : peers);
		peers.forEach((prefix, uri) -> {
			if (!prefix.matches("[0-9a-f]{1,8}") || uri.getHost() == null || uri.getPort() < 0) {
				throw new IllegalArgumentException("peer '" + prefix + "=" + uri
						+ "': the prefix must be 1 to 8 lower-case hex digits and the URI http://host:port");
			}
		});
	}

	/**
	 * @param dataDir the data directory (created when missing)
	 * @return a builder with the defaults
	 */
	public static Builder builder(Path dataDir) {
		return new Builder(dataDir);
	}

	/** Builder of {@link HubConfig}. */
	public static final class Builder {
		private final Path dataDir;
		private String host = "127.0.0.1";
		private int port;
		private String mongoUri;
		private S3Settings s3;
		private Duration imageExpiry = Duration.ofMinutes(65);
		private Duration sweepInterval = Duration.ofSeconds(5);
		private int verificationThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
		private IExtensionRegistry extensionRegistry;
		private final List<ReconstructionEngine> engines = new ArrayList<>();
		private Consumer<String> firstStart = line -> {
			// not printed unless asked for
		};
		private Duration resourceLease = Duration.ofSeconds(60);
		private final Map<String, URI> peers = new LinkedHashMap<>();
		private URI publicUrl;
		private HubLimits limits = HubLimits.DEFAULT;

		private Builder(Path dataDir) {
			this.dataDir = dataDir;
		}

		/** @param value address to bind @return this */
		public Builder host(String value) {
			host = value;
			return this;
		}

		/** @param value port, 0 for ephemeral @return this */
		public Builder port(int value) {
			port = value;
			return this;
		}

		/** @param value MongoDB URI or null for embedded @return this */
		public Builder mongoUri(String value) {
			mongoUri = value;
			return this;
		}

		/** @param value S3 settings or null @return this */
		public Builder s3(S3Settings value) {
			s3 = value;
			return this;
		}

		/** @param value expiry of unfinished images @return this */
		public Builder imageExpiry(Duration value) {
			imageExpiry = value;
			return this;
		}

		/** @param value sweeper period @return this */
		public Builder sweepInterval(Duration value) {
			sweepInterval = value;
			return this;
		}

		/** @param value verification pool size @return this */
		public Builder verificationThreads(int value) {
			verificationThreads = value;
			return this;
		}

		/** @param value the extension registry or null @return this */
		public Builder extensionRegistry(IExtensionRegistry value) {
			extensionRegistry = value;
			return this;
		}

		/** @param value an engine to register @return this */
		public Builder engine(ReconstructionEngine value) {
			engines.add(value);
			return this;
		}

		/** @param value receiver of the one-time credential lines @return this */
		public Builder firstStart(Consumer<String> value) {
			firstStart = value;
			return this;
		}

		/** @param value the resource service's upload lease @return this */
		public Builder resourceLease(Duration value) {
			resourceLease = value;
			return this;
		}

		/**
		 * @param md5Prefix lower-case hex md5 prefix (1 to 8 digits) owned by the peer
		 * @param base      the peer hub's base URI, {@code http://host:port/}
		 * @return this
		 */
		public Builder peer(String md5Prefix, URI base) {
			peers.put(md5Prefix, base);
			return this;
		}

		/** @param value the base URL clients reach the hub at, null for the bound address @return this */
		public Builder publicUrl(URI value) {
			publicUrl = value;
			return this;
		}

		/** @param value what one caller may make the hub spend @return this */
		public Builder limits(HubLimits value) {
			limits = value;
			return this;
		}

		/** @return the configuration */
		public HubConfig build() {
			return new HubConfig(dataDir, host, port, mongoUri, s3, imageExpiry, sweepInterval, verificationThreads,
					extensionRegistry, engines, firstStart, resourceLease, peers, publicUrl, limits);
		}
	}
}
