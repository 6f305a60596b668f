/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --workspace DIR} option every command that works on a workspace shares (a picocli mixin). */
public final class WorkspaceOption {

	@Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: the current folder).")
	private Path workspace = Path.of("");

	/** @return the workspace folder, the current folder by default */
	public Path path() {
		return workspace;
	}
}
