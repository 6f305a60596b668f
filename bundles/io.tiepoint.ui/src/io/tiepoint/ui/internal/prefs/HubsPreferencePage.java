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
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.service.prefs.BackingStoreException;

/** Preferences > Tiepoint > Hubs: named hub URLs (preferences) and their tokens (secure storage). */
public class HubsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	private Map<String, String> hubs;
	private List list;
	private Text name;
	private Text url;
	private Text token;

	@Override
	public void init(IWorkbench workbench) {
		setDescription("Hubs projects can use besides the embedded one. Tokens are kept in Eclipse secure storage.");
		hubs = new java.util.LinkedHashMap<>(TiepointPreferences.hubs());
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		list = new List(c, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
		GridData lg = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		lg.heightHint = 120;
		list.setLayoutData(lg);
		hubs.forEach((k, v) -> list.add(k + " = " + v));
		new Label(c, SWT.NONE).setText("Name:");
		name = new Text(c, SWT.BORDER);
		name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(c, SWT.NONE).setText("URL:");
		url = new Text(c, SWT.BORDER);
		url.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(c, SWT.NONE).setText("Token:");
		token = new Text(c, SWT.BORDER | SWT.PASSWORD);
		token.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button save = new Button(c, SWT.PUSH);
		save.setText("Add or Update");
		save.addListener(SWT.Selection, e -> addOrUpdate());
		Button remove = new Button(c, SWT.PUSH);
		remove.setText("Remove");
		remove.addListener(SWT.Selection, e -> {
			int i = list.getSelectionIndex();
			if (i >= 0) {
				String n = list.getItem(i).split(" = ", 2)[0];
				hubs.remove(n);
				list.remove(i);
				storeToken(n, null);
			}
		});
		list.addListener(SWT.Selection, e -> {
			int i = list.getSelectionIndex();
			if (i >= 0) {
				String[] kv = list.getItem(i).split(" = ", 2);
				name.setText(kv[0]);
				url.setText(kv.length > 1 ? kv[1] : "");
				token.setText("");
			}
		});
		return c;
	}

	private void addOrUpdate() {
		String n = name.getText().strip();
		String u = url.getText().strip();
		if (n.isEmpty() || n.contains("=") || n.contains("/") || !(u.startsWith("http://") || u.startsWith("https://"))) {
			setErrorMessage("A hub needs a name (without '=' or '/') and an http(s) URL.");
			return;
		}
		setErrorMessage(null);
		hubs.put(n, u);
		list.removeAll();
		hubs.forEach((k, v) -> list.add(k + " = " + v));
		if (!token.getText().isEmpty()) {
			storeToken(n, token.getText());
			token.setText("");
		}
	}

	private void storeToken(String hub, String value) {
		try {
			SecretStore.getDefault().put("hubs/" + hub, "token", value);
		} catch (IOException | RuntimeException e) {
			MessageDialog.openError(getShell(), "Secure storage", e.getMessage());
		}
	}

	@Override
	public boolean performOk() {
		try {
			TiepointPreferences.put(TiepointPreferences.HUBS, TiepointPreferences.formatHubs(hubs));
			return true;
		} catch (BackingStoreException e) {
			setErrorMessage("cannot save the hubs: " + e.getMessage());
			return false;
		}
	}
}
