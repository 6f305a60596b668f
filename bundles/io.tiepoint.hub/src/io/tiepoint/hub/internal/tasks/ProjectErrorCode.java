/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.tasks;

/** Why a reconstruction could not start ({@code PROJECT_ERROR_CODE}), with help for clients. */
public enum ProjectErrorCode {
	/** No such project of the caller. */
	PROJECT_NOT_FOUND("The project does not exist or is not yours.", "Check the project id and the altitoken."),
	/** No Ready image. */
	NO_IMAGES("The project has no Ready image.", "Upload images and wait until they are Ready."),
	/** Some images' bytes arrived and are being verified. */
	IMAGES_NOT_READY("Some uploaded images are still being verified.",
			"Wait until they are Ready or Invalid, or call preStartReconstruction."),
	/** A task of the project is pending, queued or running. */
	ALREADY_RUNNING("A task of this project is already pending, queued or running.",
			"Wait for it to finish or call stopReconstruction."),
	/** No engine runs the requested task type. */
	NO_ENGINE("No reconstruction engine runs this task type on this hub.",
			"Install an engine contributing to io.tiepoint.hub.reconstructionEngines, or choose another task type."),
	/** The engine failed. */
	ENGINE_FAILED("The reconstruction engine failed.", "Read the task's error list; fix the images and start again."),
	/** The caller does not own the project. */
	NOT_OWNER("The project belongs to another user.", "Use the owner's altitoken."),
	/** The hub accepts no new work. */
	READ_ONLY("The hub is read-only.", "Try again when the hub is back in Normal mode.");

	private final String description;
	private final String solution;

	ProjectErrorCode(String description, String solution) {
		this.description = description;
		this.solution = solution;
	}

	/** @return what the code means */
	public String description() {
		return description;
	}

	/** @return what the user can do */
	public String solution() {
		return solution;
	}
}
