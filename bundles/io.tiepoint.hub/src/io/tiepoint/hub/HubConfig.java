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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IExtensionRegistry;

/**
 * How to run a {@link Hub}. Build with {@link #builder(Path)}; every setting but the data directory
 * has a default.
 *
 * @param dataDir             credentials, embedded database and task work directories
 * @param host                address to bind, default {@code 127.0.0.1}
 * @param port                port, {@code 0} for an ephemeral one
 * @param mongoUri            a MongoDB URI, or {@code null} for the embedded server in {@code dataDir}
 * @param imageExpiry         how long after registration an unfinished image becomes Invalid (65 min)
 * @param sweepInterval       how often expiry and the arrivals of swept clouds (S3) are checked
 * @param verificationThreads size of the verification pool
 * @param extensionRegistry   where engines and clouds are contributed, may be {@code null}: then engines are
 *                            only those registered programmatically, and clouds come from the platform's
 *                            registry (outside OSGi: the hub's own S3 and GridFS clouds)
 * @param engines             engines registered programmatically
 * @param firstStart          receives one line when the credentials are created: the file they are in
 *                            and the command that shows them (never a secret)
 * @param resourceLease       how long the GridFS resource service keeps an upload reserved for the
 *                            client it was handed to without progress (60 s)
 * @param peers               other hubs of a partitioned resource service: lower-case md5 prefix (1 to
 *                            8 hex characters) to the peer's base URI; requests for md5s with such a
 *                            prefix are answered with a client redirect (code 300)
 * @param cloudSettings       the clouds' settings, {@code cloud.<id>.<key>} to value (e.g.
 *                            {@code cloud.s3.bucket}); a cloud without settings may decline to be served
 * @param defaultEngine       the id of the engine that runs a task whose client names none, when it runs the
 *                            task's type (else the first engine that does), or {@code null}; the hub does not start
 *                            when no such engine is installed or it refuses its settings
 * @param engineSettings      the engines' settings, {@code engine.<id>.<key>} to value (e.g.
 *                            {@code engine.nodeodm.url}); an engine reads its own through {@link TaskContext#settings()}
 * @param publicUrl           the base URL clients reach the hub at ({@code http://host:port/}), used in the
 *                            upload and download URLs it hands out; {@code null} for the address it binds
 *                            (never the request's {@code Host} header)
 * @param limits              what one caller may make the hub spend
 * @param regions             the region table that orders {@code getGeoIPInfo.nearestBuckets} for a caller:
 *                            {@code CIDR=REGION} entries separated by {@code ;} (e.g.
 *                            {@code 10.0.0.0/8=cn-hangzhou;0.0.0.0/0=us-east-1}; {@code hub} names the hub's own
 *                            storage); null or blank: the hub's order for everyone
 */
public record HubConfig(Path dataDir, String host, int port, String mongoUri, Duration imageExpiry,
		Duration sweepInterval, int verificationThreads, IExtensionRegistry extensionRegistry,
		List<ReconstructionEngine> engines, Consumer<String> firstStart, Duration resourceLease,
		Map<String, URI> peers, Map<String, String> cloudSettings, String defaultEngine,
		Map<String, String> engineSettings, URI publicUrl, HubLimits limits, String regions) {

	private static final Pattern SETTING = Pattern.compile("cloud\\.([a-z0-9][a-z0-9_-]*)\\.([A-Za-z0-9][A-Za-z0-9._-]*)");
	private static final Pattern ENGINE_SETTING = Pattern.compile("engine\\.([a-z0-9][a-z0-9_-]*)\\.([A-Za-z0-9][A-Za-z0-9._-]*)");

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
		regions = regions == null || regions.isBlank() ? null : regions.strip();
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
		cloudSettings = Collections.unmodifiableMap(new TreeMap<>(cloudSettings == null ? Map.of() : cloudSettings));
		cloudSettings.forEach((key, value) -> {
			if (!SETTING.matcher(key).matches() || value == null) {
				throw new IllegalArgumentException("cloud setting '" + key + "': the key must be cloud.<id>.<key> and the value present");
			}
		});
		engineSettings = Collections.unmodifiableMap(new TreeMap<>(engineSettings == null ? Map.of() : engineSettings));
		engineSettings.forEach((key, value) -> {
			if (!ENGINE_SETTING.matcher(key).matches() || value == null) {
				throw new IllegalArgumentException("engine setting '" + key + "': the key must be engine.<id>.<key> and the value present");
			}
		});
		if (defaultEngine != null && !defaultEngine.matches("[a-z0-9][a-z0-9_-]*")) {
			throw new IllegalArgumentException(
					"default engine '" + defaultEngine + "': an engine id is lower-case letters, digits, - and _");
		}
	}

	/**
	 * The configuration as it was before the region table.
	 *
	 * @param dataDir             see the record
	 * @param host                see the record
	 * @param port                see the record
	 * @param mongoUri            see the record
	 * @param imageExpiry         see the record
	 * @param sweepInterval       see the record
	 * @param verificationThreads see the record
	 * @param extensionRegistry   see the record
	 * @param engines             see the record
	 * @param firstStart          see the record
	 * @param resourceLease       see the record
	 * @param peers               see the record
	 * @param cloudSettings       see the record
	 * @param defaultEngine       see the record
	 * @param engineSettings      see the record
	 * @param publicUrl           see the record
	 * @param limits              see the record
	 */
	public HubConfig(Path dataDir, String host, int port, String mongoUri, Duration imageExpiry, Duration sweepInterval,
			int verificationThreads, IExtensionRegistry extensionRegistry, List<ReconstructionEngine> engines,
			Consumer<String> firstStart, Duration resourceLease, Map<String, URI> peers, Map<String, String> cloudSettings,
			String defaultEngine, Map<String, String> engineSettings, URI publicUrl, HubLimits limits) {
		this(dataDir, host, port, mongoUri, imageExpiry, sweepInterval, verificationThreads, extensionRegistry, engines,
				firstStart, resourceLease, peers, cloudSettings, defaultEngine, engineSettings, publicUrl, limits, null);
	}

	/**
	 * The configuration as it was before engines had settings: no default engine, no engine settings.
	 *
	 * @param dataDir             see the record
	 * @param host                see the record
	 * @param port                see the record
	 * @param mongoUri            see the record
	 * @param imageExpiry         see the record
	 * @param sweepInterval       see the record
	 * @param verificationThreads see the record
	 * @param extensionRegistry   see the record
	 * @param engines             see the record
	 * @param firstStart          see the record
	 * @param resourceLease       see the record
	 * @param peers               see the record
	 * @param cloudSettings       see the record
	 */
	public HubConfig(Path dataDir, String host, int port, String mongoUri, Duration imageExpiry, Duration sweepInterval,
			int verificationThreads, IExtensionRegistry extensionRegistry, List<ReconstructionEngine> engines,
			Consumer<String> firstStart, Duration resourceLease, Map<String, URI> peers, Map<String, String> cloudSettings) {
		this(dataDir, host, port, mongoUri, imageExpiry, sweepInterval, verificationThreads, extensionRegistry, engines,
				firstStart, resourceLease, peers, cloudSettings, null, Map.of(), null, null, null);
	}

	/**
	 * The configuration as it was before clouds had generic settings.
	 *
	 * @param dataDir             see the record
	 * @param host                see the record
	 * @param port                see the record
	 * @param mongoUri            see the record
	 * @param s3                  the S3-compatible cloud, or {@code null} when only GridFS is served
	 * @param imageExpiry         see the record
	 * @param sweepInterval       see the record
	 * @param verificationThreads see the record
	 * @param extensionRegistry   see the record
	 * @param engines             see the record
	 * @param firstStart          see the record
	 * @param resourceLease       see the record
	 * @param peers               see the record
	 * @deprecated use {@link #builder(Path)}; S3 settings are {@code cloud.s3.*} entries of {@link #cloudSettings()}
	 */
	@Deprecated(since = "0.1.0")
	public HubConfig(Path dataDir, String host, int port, String mongoUri, S3Settings s3, Duration imageExpiry,
			Duration sweepInterval, int verificationThreads, IExtensionRegistry extensionRegistry,
			List<ReconstructionEngine> engines, Consumer<String> firstStart, Duration resourceLease,
			Map<String, URI> peers) {
		this(dataDir, host, port, mongoUri, imageExpiry, sweepInterval, verificationThreads, extensionRegistry, engines,
				firstStart, resourceLease, peers, s3 == null ? Map.of() : prefixed(S3Settings.CLOUD, s3.toSettings()));
	}

	/**
	 * @param id a cloud's id
	 * @return its settings by key, without the {@code cloud.<id>.} prefix; empty when it has none
	 */
	public Map<String, String> cloudSettings(String id) {
		String prefix = "cloud." + id + ".";
		Map<String, String> out = new TreeMap<>();
		cloudSettings.forEach((k, v) -> {
			if (k.startsWith(prefix)) {
				out.put(k.substring(prefix.length()), v);
			}
		});
		return Collections.unmodifiableMap(out);
	}

	/**
	 * @param id an engine's id
	 * @return its settings by key, without the {@code engine.<id>.} prefix; empty when it has none
	 */
	public Map<String, String> engineSettings(String id) {
		String prefix = "engine." + id + ".";
		Map<String, String> out = new TreeMap<>();
		engineSettings.forEach((k, v) -> {
			if (k.startsWith(prefix)) {
				out.put(k.substring(prefix.length()), v);
			}
		});
		return Collections.unmodifiableMap(out);
	}

	/**
	 * @return the S3 cloud's settings ({@code cloud.s3.*}), or {@code null} when there are none
	 * @throws IllegalArgumentException when they are incomplete
	 */
	public S3Settings s3() {
		Map<String, String> s = cloudSettings(S3Settings.CLOUD);
		return s.isEmpty() ? null : S3Settings.fromSettings(s);
	}

	private static Map<String, String> prefixed(String id, Map<String, String> settings) {
		Map<String, String> out = new TreeMap<>();
		settings.forEach((k, v) -> out.put("cloud." + id + "." + k, v));
		return out;
	}

	/** @return the configuration, secrets masked (the same rule as the workspace configuration's) */
	@Override
	public String toString() {
		Map<String, String> masked = new TreeMap<>();
		cloudSettings.forEach((k, v) -> masked.put(k, secret(k) ? "***" : v));
		engineSettings.forEach((k, v) -> masked.put(k, secret(k) ? "***" : v));
		return "HubConfig[dataDir=" + dataDir + ", host=" + host + ", port=" + port + ", mongoUri="
				+ (mongoUri != null && mongoUri.contains("@") ? "***" : mongoUri) + ", imageExpiry=" + imageExpiry + ", sweepInterval="
				+ sweepInterval
				+ ", verificationThreads=" + verificationThreads + ", engines=" + engines.size() + ", resourceLease="
				+ resourceLease + ", peers=" + peers + ", defaultEngine=" + defaultEngine + ", settings=" + masked + "]";
	}

	private static boolean secret(String key) {
		String k = key.toLowerCase(java.util.Locale.ROOT);
		return k.contains("secret") || k.contains("token") || k.contains("password") || k.endsWith("key");
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
		private final Map<String, String> cloudSettings = new TreeMap<>();
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
		private String defaultEngine;
		private final Map<String, String> engineSettings = new TreeMap<>();
		private URI publicUrl;
		private HubLimits limits = HubLimits.DEFAULT;
		private String regions;

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

		/**
		 * Sets the S3 cloud's settings: the same as {@link #cloudSetting} for each of
		 * {@link S3Settings#toSettings()}.
		 *
		 * @param value S3 settings, or null to have none
		 * @return this
		 */
		public Builder s3(S3Settings value) {
			cloudSettings.keySet().removeIf(k -> k.startsWith("cloud." + S3Settings.CLOUD + "."));
			if (value != null) {
				cloudSettings.putAll(prefixed(S3Settings.CLOUD, value.toSettings()));
			}
			return this;
		}

		/**
		 * @param id    a cloud's id, e.g. {@code s3}
		 * @param key   one of its settings, e.g. {@code bucket}
		 * @param value the value, or null to remove the setting
		 * @return this
		 */
		public Builder cloudSetting(String id, String key, String value) {
			if (value == null) {
				cloudSettings.remove("cloud." + id + "." + key);
			} else {
				cloudSettings.put("cloud." + id + "." + key, value);
			}
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

		/** @param id the engine that runs tasks whose client names none, or null @return this */
		public Builder defaultEngine(String id) {
			defaultEngine = id;
			return this;
		}

		/**
		 * @param id    an engine's id, e.g. {@code nodeodm}
		 * @param key   one of its settings, e.g. {@code url}
		 * @param value the value, or null to remove the setting
		 * @return this
		 */
		public Builder engineSetting(String id, String key, String value) {
			if (value == null) {
				engineSettings.remove("engine." + id + "." + key);
			} else {
				engineSettings.put("engine." + id + "." + key, value);
			}
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
			return new HubConfig(dataDir, host, port, mongoUri, imageExpiry, sweepInterval, verificationThreads,
					extensionRegistry, engines, firstStart, resourceLease, peers, cloudSettings, defaultEngine, engineSettings,
					publicUrl, limits, regions);
		}

		/**
		 * @param value the region table ordering nearestBuckets by the caller's address ({@code CIDR=REGION;...}),
		 *              or null
		 * @return this
		 */
		public Builder regions(String value) {
			regions = value;
			return this;
		}
	}
}
