/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.tests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * The workbench tests' own storage provider ({@code fragment.xml}: id {@value #ID}, scheme {@code uitest}): objects
 * in this JVM's memory, sent whole. A destination needs the secret setting {@value #TOKEN}, so a test can tell
 * which settings reached the operation.
 */
public final class TestStorageProvider implements StorageProvider {

	/** The provider id. */
	public static final String ID = "uitest";
	/** The secret setting a destination needs. */
	public static final String TOKEN = "uitest.token";

	/** Objects by {@code bucket/prefix/key}. */
	static final Map<String, byte[]> OBJECTS = new ConcurrentHashMap<>();
	/** The tokens sessions were opened with. */
	static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

	@Override
	public StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		if (destination.getRawUserInfo() != null || destination.getRawQuery() != null) {
			throw new StorageException(StorageException.Kind.PERMANENT, "uitest://: no user or query in a destination");
		}
		String token = settings.get(TOKEN).orElseThrow(() -> new StorageException(StorageException.Kind.PERMANENT,
				TOKEN + " is not set (Preferences, config.properties or TIEPOINT_UITEST_TOKEN)"));
		String path = destination.getPath() == null ? "" : destination.getPath().replaceAll("^/+|/+$", "");
		return new StorageTarget(null, destination.getHost(), path, Map.of(), Map.of("token", token));
	}

	@Override
	public StorageSession open(StorageTarget target) throws StorageException {
		target.secret("token").ifPresent(TOKENS::add);
		String base = target.bucket() + (target.prefix().isEmpty() ? "" : "/" + target.prefix());
		return new StorageSession() {
			@Override
			public <T> Optional<T> feature(Class<T> capability) {
				return capability == SinglePut.class ? Optional.of(capability.cast((SinglePut) this::put)) : Optional.empty();
			}

			private StoredObject put(StorageObject o, TransferListener l, IProgressMonitor m) throws StorageException {
				try (InputStream in = o.content().open(0)) {
					byte[] bytes = in.readAllBytes();
					OBJECTS.put(base + "/" + o.key(), bytes);
					l.committed(bytes.length);
					return new StoredObject(o.key(), bytes.length, digest("SHA-1", bytes), digest("MD5", bytes));
				} catch (IOException e) {
					throw new StorageException(StorageException.Kind.TRANSIENT, o.name() + ": " + e.getMessage(), e);
				}
			}

			@Override
			public void close() {
				// nothing held
			}
		};
	}

	private static String digest(String algorithm, byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
