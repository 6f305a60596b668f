/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Tiepoint's settings, layered: built-in defaults, then the user's file, then the workspace's
 * {@code .tiepoint/config.properties}, then {@code TIEPOINT_*} environment variables, then explicit
 * overrides (command-line options). The last layer that sets a key wins, and every value remembers
 * where it came from so that {@code tiepoint config} can say why a setting has its value.
 * <p>
 * Keys are lower-case and dotted ({@code hub.url}); the environment variable of a key is
 * {@code TIEPOINT_} plus the key upper-cased with dots as underscores ({@code TIEPOINT_HUB_URL}).
 * Values of keys that look secret are never shown in clear ({@link #display(String)}).
 */
public final class TiepointConfig {

	/** Where a value came from. */
	public enum Source {
		DEFAULT, USER_FILE, WORKSPACE_FILE, ENVIRONMENT, OVERRIDE
	}

	/** A value and its origin. */
	public record Entry(String value, Source source, String origin) {
	}

	/** Name of the per-workspace state folder. */
	public static final String STATE_DIR = ".tiepoint";
	/** Name of the settings file, in the user's config folder and in a workspace's state folder. */
	public static final String FILE_NAME = "config.properties";

	private static final String ENV_PREFIX = "TIEPOINT_";

	private final Map<String, Entry> entries;

	private TiepointConfig(Map<String, Entry> entries) {
		this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
	}

	/**
	 * Loads the layered settings.
	 *
	 * @param defaults  built-in defaults
	 * @param userFile  the user's settings file (may not exist), or {@code null}
	 * @param workspace the workspace folder (its {@code .tiepoint/config.properties} may not exist), or {@code null}
	 * @param env       the environment, usually {@link System#getenv()}
	 * @param overrides explicit values, e.g. from command-line options
	 * @throws ConfigException when a settings file exists but cannot be read
	 */
	public static TiepointConfig load(Map<String, String> defaults, Path userFile, Path workspace,
			Map<String, String> env, Map<String, String> overrides) throws ConfigException {
		Map<String, Entry> map = new LinkedHashMap<>();
		defaults.forEach((k, v) -> map.put(k, new Entry(v, Source.DEFAULT, "built-in")));
		if (userFile != null) {
			readFile(userFile, Source.USER_FILE, map);
		}
		if (workspace != null) {
			readFile(workspace.resolve(STATE_DIR).resolve(FILE_NAME), Source.WORKSPACE_FILE, map);
		}
		env.forEach((name, value) -> {
			if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
				String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
				map.put(key, new Entry(value, Source.ENVIRONMENT, name));
			}
		});
		overrides.forEach((k, v) -> map.put(k, new Entry(v, Source.OVERRIDE, "command line")));
		return new TiepointConfig(map);
	}

	/**
	 * @param env the environment
	 * @return the user's settings file: {@code $XDG_CONFIG_HOME/tiepoint/config.properties}, else
	 *         {@code ~/.config/tiepoint/config.properties}
	 */
	public static Path userFile(Map<String, String> env) {
		String xdg = env.get("XDG_CONFIG_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
		return base.resolve("tiepoint").resolve(FILE_NAME);
	}

	private static void readFile(Path file, Source source, Map<String, Entry> map) throws ConfigException {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(r);
		} catch (NoSuchFileException e) {
			return;
		} catch (IOException | IllegalArgumentException e) {
			throw new ConfigException(file + ": cannot read settings: " + e.getMessage(), e);
		}
		for (String k : p.stringPropertyNames()) {
			map.put(k.trim(), new Entry(p.getProperty(k).trim(), source, file.toString()));
		}
	}

	/** @return the value of {@code key}, if set */
	public Optional<String> get(String key) {
		return Optional.ofNullable(entries.get(key)).map(Entry::value);
	}

	/** @return the value of {@code key} and where it came from, if set */
	public Optional<Entry> entry(String key) {
		return Optional.ofNullable(entries.get(key));
	}

	/**
	 * @return the integer value of {@code key}, or {@code fallback} when unset
	 * @throws ConfigException when the value is not an integer
	 */
	public int getInt(String key, int fallback) throws ConfigException {
		Optional<Entry> e = entry(key);
		if (e.isEmpty()) {
			return fallback;
		}
		try {
			return Integer.parseInt(e.get().value());
		} catch (NumberFormatException ex) {
			throw new ConfigException(key + "=" + e.get().value() + " (from " + e.get().origin()
					+ "): not an integer", ex);
		}
	}

	/** @return every key and its entry, sorted by key */
	public Map<String, Entry> entries() {
		return entries;
	}

	/** @return whether values of {@code key} are secrets that must never be shown or logged */
	public static boolean isSecret(String key) {
		String k = key.toLowerCase(Locale.ROOT);
		return k.contains("secret") || k.contains("token") || k.contains("password") || k.endsWith("key");
	}

	/** @return the value of {@code key} as it may be shown: secrets masked, unset as {@code <unset>} */
	public String display(String key) {
		return get(key).map(v -> isSecret(key) ? "********" : v).orElse("<unset>");
	}
}
