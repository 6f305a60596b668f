/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.operations;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * One of the core's operations on a workspace: inspect, ingest (platform or direct), retry, exclude,
 * launch and cancel a reconstruction. The command line runs them in its commands and the workbench in its
 * jobs; neither has a copy of their rules. An operation reports progress with {@code SubMonitor.split}, so
 * canceling the monitor stops it between steps with an {@code OperationCanceledException}; what it did
 * before stays in the journal and a new run resumes from there.
 */
public interface TiepointOperation {

	/**
	 * @param monitor progress and cancellation, may be null
	 * @throws IOException naming what failed and why (a usage error is an {@link IllegalArgumentException})
	 */
	void execute(IProgressMonitor monitor) throws IOException;
}
