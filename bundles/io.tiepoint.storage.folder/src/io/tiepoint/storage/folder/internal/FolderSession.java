/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.folder.internal;

import java.nio.file.Path;
import java.util.Optional;

import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageSession;

/** A session on one folder: SinglePut, ExistsByChecksum and RangedDownload, all on {@link FolderStore}. */
public final class FolderSession implements StorageSession {
	private final FolderStore store;

	/** @param root the folder (exists) */
	public FolderSession(Path root) {
		this.store = new FolderStore(root);
	}

	@Override
	public <T> Optional<T> feature(Class<T> capability) {
		if (capability == SinglePut.class) {
			return Optional.of(capability.cast((SinglePut) store::put));
		}
		if (capability == ExistsByChecksum.class) {
			return Optional.of(capability.cast((ExistsByChecksum) store::find));
		}
		if (capability == RangedDownload.class) {
			return Optional.of(capability.cast((RangedDownload) store::download));
		}
		return Optional.empty();
	}

	@Override
	public void close() {
		// nothing held open between calls
	}
}
