/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.jface.resource.JFaceResources;

import io.tiepoint.core.TiepointVersion;

/** The About dialog: product, version with its build qualifier, platform, Java, license. */
public class AboutDialog extends Dialog {

	public AboutDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("About Tiepoint");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		TiepointVersion v = TiepointVersion.current();
		Label title = new Label(area, SWT.NONE);
		title.setText(TiepointVersion.PRODUCT + " " + v.shortVersion());
		Font big = JFaceResources.getHeaderFont();
		title.setFont(big);
		Label about = new Label(area, SWT.WRAP);
		about.setText("Photogrammetry ingest workbench: inspect survey photos, upload them once and "
				+ "resumably, watch them become Ready, reconstruct.");
		about.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		((GridData) about.getLayoutData()).widthHint = 420;
		for (String line : v.details()) {
			new Label(area, SWT.NONE).setText(line);
		}
		new Label(area, SWT.NONE).setText("License: Eclipse Public License 2.0 (EPL-2.0)");
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
	}
}
