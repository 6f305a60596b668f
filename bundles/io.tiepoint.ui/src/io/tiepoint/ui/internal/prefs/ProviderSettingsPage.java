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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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

import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.ui.internal.providers.HelperBar;
import io.tiepoint.ui.internal.providers.WorkbenchProviderContext;

/**
 * The preference page of a storage provider that contributes none of its own, built from the settings its
 * extension declares: a text field per setting, in the declared order; secrets masked and kept in Eclipse secure
 * storage (a stored secret is never shown: the field says it is stored, typing replaces it, Restore Defaults
 * removes it); the others in the preferences. A field left empty lets the workspace's settings decide.
 */
public class ProviderSettingsPage extends PreferencePage implements IWorkbenchPreferencePage {

	private final StorageProviderDescriptor provider;
	private final Supplier<ProviderPreferences> store;
	private final Map<ProviderSetting, Text> fields = new LinkedHashMap<>();
	private final Set<ProviderSetting> cleared = new HashSet<>();
	private ProviderPreferences prefs;
	private HelperBar helpers;

	/**
	 * @param provider the provider
	 * @param store    where its values are kept (asked when the page is shown)
	 */
	public ProviderSettingsPage(StorageProviderDescriptor provider, Supplier<ProviderPreferences> store) {
		this.provider = provider;
		this.store = store;
		setTitle(provider.name());
		setDescription(provider.description());
	}

	@Override
	public void init(IWorkbench workbench) {
		// everything comes from the descriptor
	}

	@Override
	protected Control createContents(Composite parent) {
		prefs = store.get();
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		if (provider.settings().isEmpty()) {
			new Label(c, SWT.WRAP).setText(provider.name() + " has no settings.");
			return c;
		}
		for (ProviderSetting s : provider.settings()) {
			Label label = new Label(c, SWT.NONE);
			label.setText(s.label() + (s.required() ? " *" : "") + ":");
			Text text = new Text(c, SWT.BORDER | (s.secret() ? SWT.PASSWORD : SWT.NONE));
			text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			String tip = (s.description().isEmpty() ? "" : s.description() + "\n") + "Also settable as " + s.key()
					+ " in config.properties or " + s.environmentVariable() + " (used when this field is empty)";
			text.setToolTipText(tip);
			label.setToolTipText(tip);
			fields.put(s, text);
		}
		Label note = new Label(c, SWT.WRAP);
		GridData nd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		nd.widthHint = 420;
		nd.verticalIndent = 10;
		note.setLayoutData(nd);
		note.setText((provider.settings().stream().anyMatch(ProviderSetting::required) ? "* required. " : "")
				+ "Secrets are kept in Eclipse secure storage. An empty field takes the value of the workspace's"
				+ " settings (.tiepoint/config.properties, the user's config.properties, TIEPOINT_* variables).");
		// the provider's own steps (e.g. Authorize...), contributed by its .ui twin
		helpers = new HelperBar(c, d -> new WorkbenchProviderContext(d, null, () -> ""), chosen -> {
		});
		GridData hd = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		hd.verticalIndent = 8;
		helpers.control().setLayoutData(hd);
		helpers.afterRun(this::load);
		helpers.show(java.util.Optional.of(provider));
		load();
		return c;
	}

	private void load() {
		cleared.clear();
		fields.forEach((s, text) -> {
			if (s.secret()) {
				text.setText("");
				text.setMessage(prefs.hasSecret(provider, s) ? "stored in secure storage (type to replace)" : "not set");
			} else {
				text.setText(prefs.plain(provider, s));
				text.setMessage(s.description());
			}
		});
	}

	@Override
	public void performDefaults() { // public: Restore Defaults, as tests press it
		fields.forEach((s, text) -> {
			text.setText("");
			if (s.secret()) {
				cleared.add(s);
				text.setMessage("removed when you apply");
			}
		});
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		if (prefs == null) {
			return true; // never shown
		}
		try {
			for (Map.Entry<ProviderSetting, Text> f : fields.entrySet()) {
				ProviderSetting s = f.getKey();
				String v = f.getValue().getText();
				if (!s.secret()) {
					prefs.put(provider, s, v);
				} else if (!v.isEmpty() || cleared.contains(s)) {
					prefs.put(provider, s, v);
				}
			}
		} catch (IOException | RuntimeException e) {
			setErrorMessage("Cannot save the settings of " + provider.name() + ": " + e.getMessage());
			return false;
		}
		setErrorMessage(null);
		load();
		return true;
	}

	/** @return the provider */
	public StorageProviderDescriptor provider() {
		return provider;
	}

	/** @return the provider's helpers (tests) */
	public HelperBar helpers() {
		return helpers;
	}

	/** @return the fields by setting key, in the declared order (tests) */
	public Map<String, Text> fields() {
		Map<String, Text> out = new LinkedHashMap<>();
		fields.forEach((s, t) -> out.put(s.key(), t));
		return out;
	}
}
