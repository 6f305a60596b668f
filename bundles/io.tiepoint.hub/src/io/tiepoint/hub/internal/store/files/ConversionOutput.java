/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store.files;

/**
 * One result of a conversion ({@code {FileID, Level}} in a job's {@code list}).
 *
 * @param fileId the result's FileID
 * @param level  its Level, or null (absent in results of earlier versions)
 */
public record ConversionOutput(String fileId, Integer level) {

	/** @param absent the level of a result without one @return its Level */
	public int levelOr(int absent) {
		return level == null ? absent : level;
	}
}
