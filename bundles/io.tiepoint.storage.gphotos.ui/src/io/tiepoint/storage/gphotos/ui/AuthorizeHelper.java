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

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Shell;

import io.tiepoint.storage.gphotos.internal.LoopbackAuthorization;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.ui.providers.ProviderContext;
import io.tiepoint.ui.providers.ProviderHelper;

/**
 * "Authorize...": OAuth 2.0 for installed apps in the user's browser (a loopback redirect, PKCE), as
 * {@code tiepoint auth gphotos} does it; the client id and secret and the endpoints come from the provider's settings
 * as the workbench keeps them. The refresh token, checked with the token endpoint, goes to Eclipse secure storage
 * (the setting {@code gphotos.refresh.token}), where the Upload job reads it. Waiting for the browser can be canceled.
 */
public final class AuthorizeHelper implements ProviderHelper {

	/** Opens a URL in the user's browser; false when none opened. Tests put a stand-in browser here. */
	static Predicate<URI> browser = url -> Program.launch(url.toString());

	/** For the extension registry. */
	public AuthorizeHelper() {
		// nothing to set up
	}

	@Override
	public Optional<String> run(Shell shell, ProviderContext context) throws Exception {
		PhotosConfig config = PhotosConfig.read(context.settings(), null);
		String[] refresh = new String[1];
		try (LoopbackAuthorization auth = LoopbackAuthorization.start(config, 0)) {
			URI url = auth.url();
			boolean opened = browser.test(url);
			if (!opened) {
				Clipboard clipboard = new Clipboard(shell.getDisplay());
				clipboard.setContents(new Object[] { url.toString() }, new Transfer[] { TextTransfer.getInstance() });
				clipboard.dispose();
			}
			new ProgressMonitorDialog(shell).run(true, true, monitor -> {
				monitor.beginTask(opened ? "Allow Tiepoint in the browser window that opened; waiting for its answer..."
						: "No browser could be opened: the authorization URL is on the clipboard; open it in a browser on"
								+ " this machine and allow Tiepoint...",
						IProgressMonitor.UNKNOWN);
				try {
					refresh[0] = auth.await(Duration.ofMinutes(5), monitor::isCanceled);
					LoopbackAuthorization.verify(config, refresh[0]);
				} catch (Exception e) {
					throw new InvocationTargetException(e);
				} finally {
					monitor.done();
				}
			});
		} catch (InvocationTargetException e) {
			throw e.getCause() instanceof Exception ex ? ex : e;
		} catch (InterruptedException e) {
			throw new IllegalStateException("canceled", e);
		}
		context.store(PhotosConfig.REFRESH_TOKEN, refresh[0]);
		return Optional.empty();
	}
}
