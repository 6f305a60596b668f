/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.ingest;

/** Receives progress about twice a second, from an engine thread. */
@FunctionalInterface
public interface IngestListener {

	/** @param p the current progress */
	void progress(IngestProgress p);
}
