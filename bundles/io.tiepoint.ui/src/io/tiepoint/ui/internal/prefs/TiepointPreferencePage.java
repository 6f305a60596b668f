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
 * Preferences > Tiepoint (providers): S3 endpoint, region, bucket and access key in the preferences,
 * the S3 secret key in secure storage; transfer threads and rate limit.
 */
public class ProvidersPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private static final String[][] FIELDS = { { TiepointPreferences.S3_ENDPOINT, "S3 endpoint URL:" },
			{ TiepointPreferences.S3_REGION, "S3 region:" }, { TiepointPreferences.S3_BUCKET, "S3 bucket:" },
			{ TiepointPreferences.S3_ACCESS_KEY, "S3 access key id:" }, { TiepointPreferences.THREADS, "Parallel transfers:" },
			{ TiepointPreferences.RATE_LIMIT, "Rate limit (KiB/s, 0 = none):" } };

	private final Text[] texts = new Text[FIELDS.length];
	private Text secret;

	@Override
	public void init(IWorkbench workbench) {
		setDescription("Storage providers and transfers. The secret key is kept in Eclipse secure storage.");
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
		new Label(c, SWT.NONE).setText("S3 secret key:");
		secret = new Text(c, SWT.BORDER | SWT.PASSWORD);
		secret.setMessage("unchanged");
		secret.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return c;
	}

	@Override
	public boolean performOk() {
		try {
			for (int i = 0; i < FIELDS.length; i++) {
				String v = texts[i].getText().strip();
				if ((FIELDS[i][0].equals(TiepointPreferences.THREADS) || FIELDS[i][0].equals(TiepointPreferences.RATE_LIMIT))
						&& !v.isEmpty() && !v.matches("\\d+")) {
					setErrorMessage(FIELDS[i][1] + " must be a whole number");
					return false;
				}
				TiepointPreferences.put(FIELDS[i][0], v.isEmpty() ? null : v);
			}
			if (!secret.getText().isEmpty()) {
				SecretStore.getDefault().put("providers/s3", "secretKey", secret.getText());
				secret.setText("");
			}
			return true;
		} catch (BackingStoreException | IOException | RuntimeException e) {
			setErrorMessage("cannot save: " + e.getMessage());
			return false;
		}
	}
}
