/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.project;

/** Told after each committed change; called on the committing thread, so return quickly. */
@FunctionalInterface
public interface JournalListener {

	/**
	 * @param project  the project whose images changed
	 * @param imageIds the changed images (empty when many changed at once: reload)
	 */
	void changed(String project, long[] imageIds);
}
