/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.ui;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import io.tiepoint.core.storage.StorageException;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.storage.gphotos.internal.PhotosSession;
import io.tiepoint.ui.providers.ProviderContext;
import io.tiepoint.ui.providers.ProviderHelper;

/**
 * "Choose Album...": the albums Tiepoint created in the user's library (listed with the stored authorization), or a
 * new title; the destination becomes {@code gphotos://Title} (the album is created at the first upload when it does
 * not exist yet).
 */
public final class AlbumHelper implements ProviderHelper {

	/** For the extension registry. */
	public AlbumHelper() {
		// nothing to set up
	}

	@Override
	public Optional<String> run(Shell shell, ProviderContext context) throws Exception {
		PhotosConfig config = PhotosConfig.read(context.settings(), null);
		if (config.refreshToken() == null) {
			throw new IOException("not authorized yet: press Authorize... first");
		}
		List<String> titles = new ArrayList<>();
		try {
			new ProgressMonitorDialog(shell).run(true, true, monitor -> {
				monitor.beginTask("Listing the albums Tiepoint created...", 1);
				try (PhotosSession s = new PhotosSession(config, "")) {
					titles.addAll(s.albumTitles(monitor));
				} catch (StorageException e) {
					throw new InvocationTargetException(e);
				} finally {
					monitor.done();
				}
			});
		} catch (InvocationTargetException e) {
			throw e.getCause() instanceof Exception ex ? ex : e;
		}
		AlbumDialog dialog = new AlbumDialog(shell, titles, current(context.destination()));
		if (dialog.open() != Window.OK || dialog.title().isBlank()) {
			return Optional.empty();
		}
		return Optional.of(destination(dialog.title()));
	}

	/** @return {@code gphotos://} and the title, percent-encoded (a space as %20) */
	static String destination(String title) {
		return "gphotos://" + URLEncoder.encode(title.strip(), StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String current(String destination) {
		try {
			return PhotosConfig.album(URI.create(destination));
		} catch (StorageException | RuntimeException e) {
			return "";
		}
	}
}
