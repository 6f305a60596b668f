/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.ui.providers.ProviderContext;

/**
 * A row of the buttons a storage provider's helpers contribute ({@link ProviderHelpers}), for the provider chosen
 * now, and a line saying how the last one went (its failure in its own words). A destination a helper returns goes
 * to the consumer (the wizard's field).
 */
public final class HelperBar {

	private final Composite row;
	private final Composite buttons;
	private final Label status;
	private final Function<StorageProviderDescriptor, ProviderContext> contexts;
	private final Consumer<String> destination;
	private final List<Button> shown = new ArrayList<>();
	private Runnable after = () -> {
	};

	/**
	 * @param parent      where the row goes (it lays itself out as one control)
	 * @param contexts    the context a provider's helper runs with
	 * @param destination receives a destination a helper chose
	 */
	public HelperBar(Composite parent, Function<StorageProviderDescriptor, ProviderContext> contexts,
			Consumer<String> destination) {
		this.contexts = contexts;
		this.destination = destination;
		row = new Composite(parent, SWT.NONE);
		GridLayout l = new GridLayout(2, false);
		l.marginWidth = 0;
		l.marginHeight = 0;
		row.setLayout(l);
		buttons = new Composite(row, SWT.NONE);
		buttons.setLayout(new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL));
		status = new Label(row, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
	}

	/** @return the row */
	public Control control() {
		return row;
	}

	/** @param r runs after a helper ran (a page reloads its fields) */
	public void afterRun(Runnable r) {
		after = r;
	}

	/** @param provider the provider chosen now (empty: none), whose helpers' buttons are shown */
	public void show(Optional<StorageProviderDescriptor> provider) {
		shown.forEach(Button::dispose);
		shown.clear();
		status.setText("");
		provider.ifPresent(d -> ProviderHelpers.of(d.id()).forEach(c -> {
			Button b = new Button(buttons, SWT.PUSH);
			b.setText(c.label());
			b.setToolTipText(c.tooltip());
			b.addListener(SWT.Selection, e -> run(d, c));
			shown.add(b);
		}));
		row.setVisible(!shown.isEmpty());
		if (row.getLayoutData() instanceof GridData gd) {
			gd.exclude = shown.isEmpty();
		}
		row.getParent().layout(true, true);
	}

	private void run(StorageProviderDescriptor d, ProviderHelpers.Contribution c) {
		status.setText(c.label().replace("...", "").replace("\u2026", "") + ": working...");
		try {
			Optional<String> chosen = c.helper().run(row.getShell(), contexts.apply(d));
			chosen.ifPresent(destination);
			status.setText(c.label().replace("...", "").replace("\u2026", "") + ": done"
					+ chosen.map(s -> " (" + s + ")").orElse(""));
		} catch (Exception e) {
			status.setText(c.label().replace("...", "").replace("\u2026", "") + ": " + (e.getMessage() == null
					? e.getClass().getSimpleName()
					: e.getMessage()));
		}
		if (!row.isDisposed()) {
			row.getParent().layout(true, true);
			after.run();
		}
	}

	/** @return the buttons shown now (tests) */
	public List<Button> buttons() {
		return List.copyOf(shown);
	}

	/** @return how the last helper went (tests) */
	public String status() {
		return status.getText();
	}
}
