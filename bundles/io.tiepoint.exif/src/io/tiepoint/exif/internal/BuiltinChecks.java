/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import java.util.List;

import io.tiepoint.exif.ImageCheck;
import io.tiepoint.exif.SetCheck;

/** The checks that are always there, OSGi or not. */
public final class BuiltinChecks {

	private BuiltinChecks() {
	}

	/** @return new instances of the built-in per-image checks */
	public static List<ImageCheck> imageChecks() {
		return List.of(new ImageChecks.Gps(), new ImageChecks.Altitude(), new ImageChecks.View(),
				new ImageChecks.Pixels());
	}

	/** @return new instances of the built-in set checks (overlap is computed by the run itself) */
	public static List<SetCheck> setChecks() {
		return List.of(new SetChecks.Duplicates(), new SetChecks.NearDuplicates(), new SetChecks.Cameras(),
				new SequenceChecks.TimeGaps(), new SequenceChecks.NumberingGaps(), new SequenceChecks.PositionOutliers());
	}
}
