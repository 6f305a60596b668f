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

import java.util.List;
import java.util.function.Consumer;

/** A check over the whole set of images of one run. */
public interface SetCheck extends Check {
	/**
	 * @param images all images of the run, sorted by path
	 * @param config thresholds
	 * @param out    receives the findings; each names the file it is about
	 */
	void check(List<ImageRecord> images, CheckConfig config, Consumer<Finding> out);
}
