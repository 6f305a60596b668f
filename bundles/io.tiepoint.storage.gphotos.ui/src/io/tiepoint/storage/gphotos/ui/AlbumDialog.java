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

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** The album picker: the albums Tiepoint created, and the title to use (one of them, or a new one). */
final class AlbumDialog extends Dialog {

	/** The dialog open now (tests drive it). */
	static volatile AlbumDialog current;

	private final List<String> titles;
	private final String initial;
	private org.eclipse.swt.widgets.List list;
	private Text text;
	private String title = "";

	AlbumDialog(Shell parent, List<String> titles, String initial) {
		super(parent);
		this.titles = titles;
		this.initial = initial == null ? "" : initial;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Google Photos album");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite c = (Composite) super.createDialogArea(parent);
		c.setLayout(new GridLayout(1, false));
		new Label(c, SWT.NONE).setText(titles.isEmpty() ? "Tiepoint has created no album yet." : "Albums Tiepoint created:");
		list = new org.eclipse.swt.widgets.List(c, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
		GridData ld = new GridData(SWT.FILL, SWT.FILL, true, true);
		ld.heightHint = 160;
		ld.widthHint = 360;
		list.setLayoutData(ld);
		titles.forEach(list::add);
		new Label(c, SWT.NONE).setText("Album (an existing title, or a new one, created at the first upload):");
		text = new Text(c, SWT.BORDER);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		text.setText(initial);
		list.addListener(SWT.Selection, e -> {
			if (list.getSelectionIndex() >= 0) {
				text.setText(list.getItem(list.getSelectionIndex()));
			}
		});
		list.addListener(SWT.DefaultSelection, e -> okPressed());
		current = this;
		return c;
	}

	@Override
	protected void okPressed() {
		title = text.getText().strip();
		super.okPressed();
	}

	@Override
	public boolean close() {
		current = null;
		return super.close();
	}

	/** @return the title chosen (after OK) */
	String title() {
		return title;
	}

	/** @return the titles listed (tests) */
	List<String> listed() {
		return List.of(list.getItems());
	}

	/**
	 * Picks a listed album and presses OK, as a user would (tests).
	 *
	 * @param album a listed title
	 */
	void choose(String album) {
		list.setSelection(list.indexOf(album));
		list.notifyListeners(SWT.Selection, null);
		okPressed();
	}
}
