/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.wizards;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import io.tiepoint.ui.internal.WorkbenchModel;

/** Opens the wizard its command names: newProject, addImages, upload, reconstruct. */
public class OpenWizardHandler extends AbstractHandler {

	/**
	 * @param commandId a command id ending in the wizard's name
	 * @param model     the workspace
	 * @return the wizard
	 */
	public static IWizard wizard(String commandId, WorkbenchModel model) {
		String name = commandId.substring(commandId.lastIndexOf('.') + 1);
		return switch (name) {
		case "newProject" -> new NewProjectWizard(model);
		case "addImages" -> new AddImagesWizard(model);
		case "upload" -> new UploadWizard(model, false);
		case "reconstruct" -> new UploadWizard(model, true);
		default -> throw new IllegalArgumentException("no wizard for the command " + commandId);
		};
	}

	@Override
	public Object execute(ExecutionEvent event) {
		new WizardDialog(HandlerUtil.getActiveShell(event), wizard(event.getCommand().getId(), WorkbenchModel.getDefault()))
				.open();
		return null;
	}
}
