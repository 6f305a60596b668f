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

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;

/**
 * The master password of the secure storage, asked from the user (the platform's own dialogs are not
 * part of this product). Without a display (headless), no password: secrets cannot be stored.
 */
public class MasterPasswordProvider extends PasswordProvider {

	@Override
	public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
		Display d = Display.getCurrent() != null ? Display.getCurrent() : Display.getDefault();
		if (d == null || d.isDisposed()) {
			return null;
		}
		boolean create = (passwordType & CREATE_NEW_PASSWORD) != 0;
		String[] out = new String[1];
		d.syncExec(() -> {
			InputDialog dlg = new InputDialog(d.getActiveShell(), "Tiepoint secure storage",
					create ? "Choose a master password for the tokens and keys Tiepoint keeps:"
							: "Master password of Tiepoint's secure storage:",
					"", v -> v.length() < 6 ? "At least 6 characters" : null) {
				@Override
				protected int getInputTextStyle() {
					return super.getInputTextStyle() | org.eclipse.swt.SWT.PASSWORD;
				}
			};
			if (dlg.open() == Window.OK) {
				out[0] = dlg.getValue();
			}
		});
		return out[0] == null ? null : new PBEKeySpec(out[0].toCharArray());
	}
}
