/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.folder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import io.tiepoint.core.storage.ProviderSettings;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageProvider;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.storage.folder.internal.FolderSession;

/**
 * Copies images into a folder (a local disk or a mounted NAS share), {@code folder:///mnt/nas/surveys}: each one
 * under {@code YYYY/MM/DD/SHA[0..2]/SHA-NAME}, by the day it was stored and its SHA-1, written to a temporary file,
 * checked against its SHA-1 (and MD5) and moved in place, so that a file present is complete. An index beside the
 * files ({@code .tiepoint/keys}) maps the engine's keys to where they went, for the look-up by checksum and for
 * downloads. Contributed by this bundle's {@code plugin.xml} as provider {@code folder}.
 */
public final class FolderStorageProvider implements StorageProvider {

	/** The destination URI scheme. */
	public static final String SCHEME = "folder";

	/** Creates the provider (the extension registry does). */
	public FolderStorageProvider() {
	}

	@Override
	public StorageSession open(StorageTarget target) throws StorageException {
		if (target == null || target.bucket() == null || target.bucket().isEmpty()) {
			throw new StorageException(Kind.PERMANENT, "folder: no folder given (folder:///path/to/folder)");
		}
		Path root = Path.of(target.bucket());
		if (!Files.isDirectory(root)) {
			throw new StorageException(Kind.PERMANENT, "folder://" + root + ": no such folder (create it, or mount the"
					+ " share, first)");
		}
		if (!Files.isWritable(root)) {
			throw new StorageException(Kind.UNAUTHORIZED, "folder://" + root + ": not writable by this user");
		}
		return new FolderSession(target.prefix().isEmpty() ? root : root.resolve(target.prefix()));
	}

	@Override
	public StorageTarget destination(URI destination, ProviderSettings settings) throws StorageException {
		String shown = destination.getScheme() + "://" + (destination.getRawAuthority() == null ? ""
				: destination.getRawAuthority()) + (destination.getRawPath() == null ? "" : destination.getRawPath());
		if (!SCHEME.equalsIgnoreCase(destination.getScheme())) {
			throw new StorageException(Kind.PERMANENT, shown + ": not a folder:// destination");
		}
		if (destination.getRawAuthority() != null && !destination.getRawAuthority().isEmpty()) {
			throw new StorageException(Kind.PERMANENT, shown + ": a folder:// destination names a folder of this"
					+ " machine, with three slashes: folder:///mnt/nas/surveys (mount a share first)");
		}
		if (destination.getRawQuery() != null || destination.getRawFragment() != null) {
			throw new StorageException(Kind.PERMANENT, shown + ": takes no query or fragment");
		}
		String path = destination.getPath();
		if (path == null || path.isEmpty() || path.equals("/")) {
			throw new StorageException(Kind.PERMANENT, shown + ": names no folder (folder:///path/to/folder)");
		}
		Path root;
		try {
			root = Path.of(path).toAbsolutePath().normalize();
		} catch (InvalidPathException e) {
			throw new StorageException(Kind.PERMANENT, shown + ": not a path of this machine: " + e.getReason());
		}
		return new StorageTarget(root.toUri(), root.toString(), "", Map.of(), Map.of());
	}
}
