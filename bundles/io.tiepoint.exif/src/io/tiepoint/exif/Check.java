/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif;

/**
 * A quality check. Implement {@link ImageCheck} for per-file checks or {@link SetCheck} for checks
 * over the whole set; contribute either through the {@code io.tiepoint.exif.checks} extension point.
 */
public interface Check {
	/** @return a stable identifier of the check (used in logs) */
	String id();
}
