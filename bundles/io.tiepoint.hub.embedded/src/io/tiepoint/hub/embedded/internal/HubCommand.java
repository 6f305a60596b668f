/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.embedded.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.eclipse.core.runtime.RegistryFactory;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubCredentials;
import io.tiepoint.hub.S3Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint hub --data DIR [--port N] [--public-url URL] [--mongo URI] [--s3-...] [--peer PREFIXES=URL]...
 * [--engine ID] [--engine-setting ID.KEY=VALUE]... [--nodeodm-url URL]... [--oss-endpoint URL --oss-bucket B
 * --oss-role-arn ARN]}: runs the hub standalone until the process is interrupted. Its OSS cloud is the hub's own
 * gateway, or with {@code --oss-endpoint} a team's real Aliyun OSS whose STS Aliyun's AssumeRole mints for the role;
 * the AccessKey comes from the settings file or the environment ({@link CloudSettings}: {@code hub.oss.access.key},
 * {@code TIEPOINT_HUB_OSS_SECRET_KEY}), never from the command line. On the first start it says where the app key and the first user's
 * token are (never the secrets
 * themselves). The engines' settings come from the user's settings file and the environment ({@link EngineSettings}:
 * {@code nodeodm.url}, {@code TIEPOINT_NODEODM_TOKEN}), then from the command line. {@code tiepoint hub token --data
 * DIR [--add-user NAME [--lifetime D]] [--revoke NAME]} prints the credentials, adds a user or revokes a token. Thin:
 * the logic is the hub's ({@link HubCredentials}, {@link S3Settings#secretKey}).
 */
@Command(name = "hub", mixinStandardHelpOptions = true, subcommands = HubTokenCommand.class, description = "Run the Altizure-compatible hub (GraphQL at /graphql) until interrupted.")
public final class HubCommand implements Callable<Integer> {

	/** For the command line's extension point. */
	public HubCommand() {
		// picocli sets the options
	}

	private static final int OK = 0;
	private static final int FAILED = 1;
	private static final int USAGE = 2;

	@Spec
	private CommandSpec spec;

	@Option(names = "--data", paramLabel = "DIR", description = "Data directory (credentials, database); required.")
	private Path data;

	@Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "Address to bind (default: ${DEFAULT-VALUE}).")
	private String host;

	@Option(names = "--port", defaultValue = "8090", paramLabel = "N", description = "Port, 0 for any (default: ${DEFAULT-VALUE}).")
	private int port;

	@Option(names = "--public-url", paramLabel = "URL", description = "The address clients reach the hub at, for the upload and download URLs it hands out "
			+ "(default: http://ADDR:PORT/ of --host and --port).")
	private URI publicUrl;

	@Option(names = "--mongo", paramLabel = "URI", description = "A MongoDB URI (default: embedded, in the data directory).")
	private String mongo;

	@Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible endpoint (path-style).")
	private URI s3Endpoint;

	@Option(names = "--s3-bucket", paramLabel = "B", description = "S3 bucket.")
	private String s3Bucket;

	@Option(names = "--s3-region", defaultValue = "us-east-1", paramLabel = "R", description = "S3 region (default: ${DEFAULT-VALUE}).")
	private String s3Region;

	@Option(names = "--s3-access-key", paramLabel = "K", description = "S3 access key.")
	private String s3AccessKey;

	@Option(names = "--s3-secret-key-file", paramLabel = "FILE", description = "File holding the S3 secret key (default: environment TIEPOINT_S3_SECRET_KEY).")
	private Path s3SecretKeyFile;

	/** Refused: a secret on the command line is in every local account's process list. */
	@Option(names = "--s3-secret-key", hidden = true, paramLabel = "S")
	private String s3SecretKeyOnCommandLine;

	@Option(names = "--peer", paramLabel = "PREFIXES=URL", description = "Another hub of a partitioned resource service: md5 prefixes (comma-separated lower-case hex, "
			+ "1 to 8 digits) it owns, and its URL, e.g. 0,1,2,3=http://10.0.0.2:8090; repeatable.")
	private List<String> peers = new ArrayList<>();

	@Option(names = "--engine", paramLabel = "ID", description = "The reconstruction engine for tasks whose client names none, e.g. colmap or nodeodm (setting hub.engine).")
	private String engine;

	@Option(names = "--engine-setting", paramLabel = "ID.KEY=VALUE", description = "A setting of an engine, e.g. nodeodm.url=http://10.0.0.5:3000 (also from the settings file or "
			+ "TIEPOINT_ID_KEY; keep secrets such as nodeodm.token there); repeatable.")
	private List<String> engineSettings = new ArrayList<>();

	@Option(names = "--nodeodm-url", paramLabel = "URL", description = "A NodeODM or ClusterODM node for the nodeodm engine (nodeodm.url); repeatable, tried in order.")
	private List<String> nodeOdmUrls = new ArrayList<>();

	@Option(names = "--oss-endpoint", paramLabel = "URL", description = "A real Aliyun OSS endpoint for uploadImageOSS, e.g. https://oss-cn-hangzhou.aliyuncs.com "
			+ "(hub.oss.endpoint; default: the hub's own OSS gateway). Needs --oss-bucket, --oss-role-arn and the "
			+ "AccessKey in the settings (hub.oss.access.key, hub.oss.secret.key or TIEPOINT_HUB_OSS_ACCESS_KEY, "
			+ "TIEPOINT_HUB_OSS_SECRET_KEY).")
	private String ossEndpoint;

	@Option(names = "--oss-bucket", paramLabel = "B", description = "The OSS bucket (hub.oss.bucket).")
	private String ossBucket;

	@Option(names = "--oss-role-arn", paramLabel = "ARN", description = "The RAM role whose STS clients get, e.g. acs:ram::1234567890123456:role/tiepoint-upload "
			+ "(hub.oss.role.arn).")
	private String ossRoleArn;

	/** Refused: a key on the command line is in every local account's process list. */
	@Option(names = { "--oss-access-key", "--oss-secret-key" }, hidden = true, paramLabel = "K")
	private String ossKeyOnCommandLine;

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (data == null) {
			err.println("tiepoint hub: missing required option --data=DIR");
			return USAGE;
		}
		if (s3SecretKeyOnCommandLine != null) {
			err.println("tiepoint hub: --s3-secret-key would show the secret to every local account (ps); put it in a file"
					+ " for --s3-secret-key-file, or in the environment variable " + S3Settings.SECRET_KEY_ENV);
			return USAGE;
		}
		if (ossKeyOnCommandLine != null) {
			err.println("tiepoint hub: the OSS AccessKey is never taken from the command line (every local account sees it"
					+ " in ps); put hub.oss.access.key and hub.oss.secret.key in the settings file, or set "
					+ "TIEPOINT_HUB_OSS_ACCESS_KEY and TIEPOINT_HUB_OSS_SECRET_KEY");
			return USAGE;
		}
		String s3SecretKey;
		try {
			s3SecretKey = S3Settings.secretKey(s3SecretKeyFile, System.getenv()).orElse(null);
		} catch (IOException e) {
			err.println("tiepoint hub: cannot read the S3 secret key: " + e.getMessage());
			return USAGE;
		}
		boolean anyS3 = s3Endpoint != null || s3Bucket != null || s3AccessKey != null;
		if (anyS3 && (s3Endpoint == null || s3Bucket == null || s3AccessKey == null || s3SecretKey == null)) {
			err.println("tiepoint hub: --s3-endpoint, --s3-bucket, --s3-access-key and the secret key (--s3-secret-key-file"
					+ " or " + S3Settings.SECRET_KEY_ENV + ") go together");
			return USAGE;
		}
		HubConfig.Builder config = HubConfig.builder(data).host(host).port(port).mongoUri(mongo)
				.extensionRegistry(RegistryFactory.getRegistry()).firstStart(line -> {
					out.println(line);
					out.flush();
				});
		for (String peer : peers) {
			int eq = peer.indexOf('=');
			URI url;
			try {
				url = eq > 0 ? new URI(peer.substring(eq + 1)) : null;
			} catch (java.net.URISyntaxException e) {
				url = null;
			}
			if (url == null || !"http".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 0) {
				err.println("tiepoint hub: --peer must be PREFIXES=http://host:port, got '" + peer + "'");
				return USAGE;
			}
			for (String prefix : peer.substring(0, eq).split(",")) {
				if (!prefix.trim().matches("[0-9a-f]{1,8}")) {
					err.println("tiepoint hub: --peer prefix '" + prefix + "' must be 1 to 8 lower-case hex digits");
					return USAGE;
				}
				config.peer(prefix.trim(), url);
			}
		}
		if (anyS3) {
			config.s3(new S3Settings(s3Endpoint, s3Bucket, s3Region, s3AccessKey, s3SecretKey));
		}
		Integer engineUsage = engines(config, err);
		if (engineUsage != null) {
			return engineUsage;
		}
		Hub hub;
		try {
			hub = Hub.start(config.publicUrl(publicUrl).build());
		} catch (IllegalArgumentException e) {
			err.println("tiepoint hub: " + e.getMessage());
			return USAGE;
		} catch (IOException e) {
			err.println("tiepoint hub: cannot start: " + e.getMessage());
			return FAILED;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			hub.close();
			stopped.countDown();
		}, "tiepoint-hub-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		out.println("hub listening on " + hub.uri() + "graphql (data " + data.toAbsolutePath() + ")");
		out.flush();
		try {
			stopped.await();
		} finally {
			if (stopped.getCount() > 0) {
				Runtime.getRuntime().removeShutdownHook(hook);
				hub.close();
			}
		}
		return OK;
	}

	/**
	 * Engine and cloud settings: the settings file and environment, then the command line; null when they are usable.
	 */
	private Integer engines(HubConfig.Builder config, PrintWriter err) {
		Map<String, String> overrides = new LinkedHashMap<>();
		for (String s : engineSettings) {
			int eq = s.indexOf('=');
			if (eq < 3 || !s.substring(0, eq).matches("[a-z0-9][a-z0-9_-]*\\.[A-Za-z0-9][A-Za-z0-9._-]*")) {
				err.println("tiepoint hub: --engine-setting must be ID.KEY=VALUE, got '" + s.replaceAll("=.*", "=...") + "'");
				return USAGE;
			}
			overrides.put(s.substring(0, eq), s.substring(eq + 1));
		}
		if (!nodeOdmUrls.isEmpty()) {
			overrides.put("nodeodm.url", String.join(",", nodeOdmUrls));
		}
		if (engine != null) {
			overrides.put(EngineSettings.DEFAULT_ENGINE, engine);
		}
		Map<String, String> oss = new LinkedHashMap<>();
		oss.put("hub.oss.endpoint", ossEndpoint);
		oss.put("hub.oss.bucket", ossBucket);
		oss.put("hub.oss.role.arn", ossRoleArn);
		oss.forEach((k, v) -> {
			if (v != null) {
				overrides.put(k, v);
			}
		});
		Map<String, String> env = System.getenv();
		try {
			TiepointConfig settings = TiepointConfig.load(Map.of(), TiepointConfig.userFile(env), null, env, overrides);
			EngineSettings.apply(config, settings, RegistryFactory.getRegistry());
			CloudSettings.apply(config, settings, RegistryFactory.getRegistry());
			return null;
		} catch (ConfigException e) {
			err.println("tiepoint hub: " + e.getMessage());
			return FAILED;
		} catch (IllegalArgumentException e) {
			err.println("tiepoint hub: " + e.getMessage());
			return USAGE;
		}
	}
}
