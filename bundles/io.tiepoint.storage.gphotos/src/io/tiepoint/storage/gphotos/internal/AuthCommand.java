/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint auth}: authorizations of storage providers that need a user's consent. Contributed to the command
 * line's extension point by this bundle; its one subcommand is {@code gphotos}.
 */
@Command(name = "auth", mixinStandardHelpOptions = true, subcommands = AuthCommand.Gphotos.class, description = "Authorize Tiepoint to send to a storage provider that asks for your consent (OAuth).")
public final class AuthCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	/** For the command line's extension point. */
	public AuthCommand() {
		// picocli sets the options
	}

	@Override
	public Integer call() {
		throw new ParameterException(spec.commandLine(), "missing provider (tiepoint auth gphotos)");
	}

	/**
	 * {@code tiepoint auth gphotos}: OAuth 2.0 for installed apps with a loopback redirect and PKCE (the URL printed,
	 * and opened in a browser when one can be), or a refresh token obtained elsewhere from standard input; the
	 * refresh token is checked with the token endpoint, then kept in the command line's secret store (a file of mode
	 * 600). The client id and secret and the endpoints come from the settings ({@code gphotos.*},
	 * {@code TIEPOINT_GPHOTOS_*}).
	 */
	@Command(name = "gphotos", mixinStandardHelpOptions = true, description = {
			"Authorize Tiepoint to add photos to your Google Photos library (scopes photoslibrary.appendonly and",
			"photoslibrary.readonly.appcreateddata: albums and items Tiepoint created). Needs gphotos.client.id and",
			"gphotos.client.secret (settings or TIEPOINT_GPHOTOS_CLIENT_ID/_SECRET). The refresh token is kept in the",
			"secret store (mode 600): $XDG_CONFIG_HOME/tiepoint/secrets.properties or ~/.config/tiepoint/secrets.properties." })
	public static final class Gphotos implements Callable<Integer> {

		@Spec
		private CommandSpec spec;

		@Option(names = "--workspace", paramLabel = "DIR", description = "Workspace whose settings to read (default: the current folder).")
		private Path workspace = Path.of("");

		@Option(names = "--refresh-token-from-stdin", description = "Read a refresh token obtained elsewhere from standard input instead.")
		private boolean fromStdin;

		@Option(names = "--no-browser", description = "Only print the URL to open (on another machine, or a server without a browser).")
		private boolean noBrowser;

		@Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Loopback port for the browser's redirect (default: any free one).")
		private int port;

		@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "How long to wait for the browser (default: ${DEFAULT-VALUE}).")
		private int timeout;

		/** For picocli. */
		public Gphotos() {
			// options set by picocli
		}

		@Override
		public Integer call() throws IOException {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			Map<String, String> env = System.getenv();
			PhotosConfig config;
			try {
				TiepointConfig settings = TiepointConfig.load(Map.of(), TiepointConfig.userFile(env),
						workspace.toAbsolutePath(), env, Map.of());
				config = PhotosConfig.read(k -> settings.get(k).filter(v -> !v.isBlank()), null);
			} catch (ConfigException | StorageException e) {
				err.println("tiepoint auth gphotos: " + e.getMessage());
				return 1;
			}
			SecretFile store = SecretFile.user(env);
			try {
				String refresh = fromStdin ? stdin(err) : browser(config, out);
				if (refresh == null) {
					return 2;
				}
				LoopbackAuthorization.verify(config, refresh);
				store.put(PhotosConfig.REFRESH_TOKEN, refresh);
			} catch (StorageException e) {
				err.println("tiepoint auth gphotos: " + e.getMessage());
				return 1;
			} catch (IOException e) {
				err.println("tiepoint auth gphotos: cannot write the secret store " + store.file() + ": " + e.getMessage());
				return 1;
			}
			out.println("authorized: the refresh token is in " + store.file() + " (mode 600); checked with "
					+ config.tokenEndpoint());
			out.flush();
			return 0;
		}

		private String stdin(PrintWriter err) throws IOException {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isBlank()) {
				err.println("tiepoint auth gphotos: --refresh-token-from-stdin: standard input holds no refresh token");
				return null;
			}
			return line.strip();
		}

		private String browser(PhotosConfig config, PrintWriter out) throws IOException, StorageException {
			try (LoopbackAuthorization auth = LoopbackAuthorization.start(config, port)) {
				URI url = auth.url();
				out.println("Open this URL in a browser and allow Tiepoint to add to your Google Photos library:");
				out.println("  " + url);
				boolean opened = !noBrowser && open(url);
				out.println(opened ? "(a browser was opened; waiting for its answer on " + auth.redirectUri() + ")"
						: "(waiting for the browser's answer on " + auth.redirectUri() + "; from another machine, forward"
								+ " that port, e.g. ssh -L " + auth.redirectUri().getPort() + ":127.0.0.1:"
								+ auth.redirectUri().getPort() + ")");
				out.flush();
				return auth.await(Duration.ofSeconds(Math.max(1, timeout)), () -> Thread.currentThread().isInterrupted());
			}
		}

		private static boolean open(URI url) {
			String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
			List<String> cmd = os.contains("mac") ? List.of("open", url.toString())
					: os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
							: System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
									? List.of("xdg-open", url.toString())
									: null;
			if (cmd == null) {
				return false;
			}
			try {
				new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
				return true;
			} catch (IOException e) {
				return false;
			}
		}
	}
}
