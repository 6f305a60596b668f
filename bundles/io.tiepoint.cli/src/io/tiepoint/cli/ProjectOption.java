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

import picocli.CommandLine.Option;

/** The required {@code --project NAME} option of the commands that work on one project (a picocli mixin). */
public final class ProjectOption {

	@Option(names = "--project", required = true, paramLabel = "NAME", description = "The project (ingest creates it when it is new).")
	private String project;

	/** @return the project's name */
	public String name() {
		return project;
	}
}
