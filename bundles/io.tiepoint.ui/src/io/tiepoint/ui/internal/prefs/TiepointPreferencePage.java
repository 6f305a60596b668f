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

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Preferences > Tiepoint: how uploads run (parallel transfers, a bandwidth limit). Hubs and storage providers have
 * their own pages under it.
 */
public class TiepointPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private static final String[][] FIELDS = { { TiepointPreferences.THREADS, "Parallel transfers:" },
			{ TiepointPreferences.RATE_LIMIT, "Rate limit (KiB/s, 0 = none):" } };

	private final Text[] texts = new Text[FIELDS.length];

	@Override
	public void init(IWorkbench workbench) {
		setDescription("How uploads run. Hubs and storage providers are configured on the pages under this one.");
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		for (int i = 0; i < FIELDS.length; i++) {
			new Label(c, SWT.NONE).setText(FIELDS[i][1]);
			texts[i] = new Text(c, SWT.BORDER);
			texts[i].setText(TiepointPreferences.get(FIELDS[i][0], ""));
			texts[i].setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		}
		return c;
	}

	@Override
	public boolean performOk() {
		try {
			for (int i = 0; i < FIELDS.length; i++) {
				String v = texts[i].getText().strip();
				if (!v.isEmpty() && !v.matches("\\d+")) {
					setErrorMessage(FIELDS[i][1] + " must be a whole number");
					return false;
				}
				TiepointPreferences.put(FIELDS[i][0], v.isEmpty() ? null : v);
			}
			setErrorMessage(null);
			return true;
		} catch (BackingStoreException e) {
			setErrorMessage("cannot save: " + e.getMessage());
			return false;
		}
	}
}
