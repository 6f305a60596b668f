/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.prefs;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * Secrets (hub tokens, cloud secret keys) in Eclipse secure storage, encrypted, under the node
 * {@value #ROOT}; never in preference or plain files.
 */
public final class SecretStore {

	/** Root node of Tiepoint's secrets. */
	public static final String ROOT = "io.tiepoint";

	private static SecretStore replacement;

	private final ISecurePreferences root;

	private SecretStore(ISecurePreferences root) {
		this.root = root;
	}

	/** @return the store set by {@link #setDefault(SecretStore)}, else the user's default secure storage */
	public static synchronized SecretStore getDefault() {
		return replacement != null ? replacement : new SecretStore(SecurePreferencesFactory.getDefault());
	}

	/**
	 * @param store the store {@link #getDefault()} answers from now on (tests, with {@link #open(Path, char[])}), or
	 *              null for the user's default secure storage again
	 */
	public static synchronized void setDefault(SecretStore store) {
		replacement = store;
	}

	/**
	 * Opens a storage file with a given master password (tests, or a product configured that way).
	 *
	 * @param file     the storage file
	 * @param password the master password
	 * @return the store
	 * @throws IOException when the file cannot be opened
	 */
	public static SecretStore open(Path file, char[] password) throws IOException {
		Map<Object, Object> options = new HashMap<>();
		options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(password));
		options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
		URL url = file.toUri().toURL();
		ISecurePreferences p = SecurePreferencesFactory.open(url, options);
		if (p == null) {
			throw new IOException("cannot open the secure storage " + file);
		}
		return new SecretStore(p);
	}

	/**
	 * @param path  e.g. {@code hubs/team}
	 * @param key   e.g. {@code token}
	 * @param value the secret, or null to remove it
	 * @throws IOException when it cannot be encrypted or saved
	 */
	public void put(String path, String key, String value) throws IOException {
		ISecurePreferences node = root.node(ROOT + "/" + path);
		try {
			if (value == null || value.isEmpty()) {
				node.remove(key);
			} else {
				node.put(key, value, true);
			}
			root.flush();
		} catch (StorageException e) {
			throw new IOException("cannot store the secret " + path + "/" + key + " in secure storage: " + e.getMessage(), e);
		}
	}

	/**
	 * @param path e.g. {@code hubs/team}
	 * @param key  e.g. {@code token}
	 * @return the secret, or null
	 * @throws IOException when it cannot be decrypted
	 */
	public String get(String path, String key) throws IOException {
		if (!root.nodeExists(ROOT + "/" + path)) {
			return null;
		}
		try {
			return root.node(ROOT + "/" + path).get(key, null);
		} catch (StorageException e) {
			throw new IOException("cannot read the secret " + path + "/" + key + " from secure storage: " + e.getMessage(), e);
		}
	}

	/**
	 * Tells whether a secret is stored without decrypting it (no master password is asked).
	 *
	 * @param path e.g. {@code providers/s3}
	 * @param key  e.g. {@code s3.secret.key}
	 * @return whether a value is stored under the key
	 */
	public boolean has(String path, String key) {
		return root.nodeExists(ROOT + "/" + path) && java.util.Arrays.asList(root.node(ROOT + "/" + path).keys()).contains(key);
	}

	/**
	 * @param path a path
	 * @param key  a key
	 * @return whether the value is stored encrypted
	 * @throws IOException when the storage fails
	 */
	public boolean isEncrypted(String path, String key) throws IOException {
		try {
			return root.nodeExists(ROOT + "/" + path) && root.node(ROOT + "/" + path).isEncrypted(key);
		} catch (StorageException e) {
			throw new IOException(e.getMessage(), e);
		}
	}
}
