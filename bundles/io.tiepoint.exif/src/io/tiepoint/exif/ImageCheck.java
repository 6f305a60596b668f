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

import java.util.function.Consumer;

/** A check that looks at one image at a time. Implementations must be thread-safe. */
public interface ImageCheck extends Check {
	/**
	 * @param image  the image (already hashed, parsed and decoded)
	 * @param config thresholds
	 * @param out    receives the findings
	 */
	void check(ImageRecord image, CheckConfig config, Consumer<Finding> out);
}
