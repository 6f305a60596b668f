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

import java.util.List;

/**
 * A conversion of the resource service (a document of {@code resource.conversions}).
 *
 * @param key    the source's FileID for an image, else {@code FileID:kind[:level]}
 * @param source the source's FileID, or null (results of earlier versions: then the key)
 * @param kind   {@code image}, {@code video}, {@code audio}, {@code text}, or null (finished at once)
 * @param level  the audio level (3 when absent)
 * @param type   the seed's Type
 * @param state  {@link ConversionJobs#QUEUED}, {@link ConversionJobs#RUNNING}, {@link ConversionJobs#DONE},
 *               {@link ConversionJobs#FAILED}, or null (results of earlier versions: done)
 * @param seq    its place in the queue's order
 * @param list   the results so far
 * @param error  why it failed, or null
 * @param retry  whether a failed one may be tried again (FFmpeg was missing)
 */
public record ConversionJob(String key, String source, String kind, int level, String type, String state, long seq,
		List<ConversionOutput> list, String error, boolean retry) {

	/** @return the source's FileID */
	public String sourceOrKey() {
		return source != null ? source : key;
	}

	/** @return whether it is finished */
	public boolean done() {
		return state == null || ConversionJobs.DONE.equals(state);
	}

	/** @return whether it failed */
	public boolean failed() {
		return ConversionJobs.FAILED.equals(state);
	}

	/** @return whether a worker runs it */
	public boolean running() {
		return ConversionJobs.RUNNING.equals(state);
	}

	/** @param level a Level @return whether a (resumed) job already has a result of that level */
	public boolean has(int level) {
		for (ConversionOutput o : list) {
			if (o.levelOr(-1) == level) {
				return true;
			}
		}
		return false;
	}
}
