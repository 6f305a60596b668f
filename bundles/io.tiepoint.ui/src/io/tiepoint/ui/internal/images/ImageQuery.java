/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.images;

import java.util.Comparator;
import java.util.Locale;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;

/**
 * What the Images view shows: a project's images, filtered by state, finding and a quick search,
 * sorted on one column.
 *
 * @param project   the project
 * @param state     only images in this state, or null for all
 * @param finding   only images with a finding of this severity ({@code ERROR}, {@code WARNING}) or id, or null
 * @param search    case-insensitive text looked for in name, path, camera, findings, state and error; "" for none
 * @param sort      the sort column
 * @param ascending the sort direction
 */
public record ImageQuery(String project, ImageState state, String finding, String search, ImageColumn sort,
		boolean ascending) {

	/** Normalises the search text. */
	public ImageQuery {
		search = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
		sort = sort == null ? ImageColumn.NAME : sort;
	}

	/**
	 * @param project a project
	 * @return all its images by name
	 */
	public static ImageQuery all(String project) {
		return new ImageQuery(project, null, null, "", ImageColumn.NAME, true);
	}

	/**
	 * @return whether the journal's own paging (by name, no filter) serves this query, so rows can be
	 *         read page by page instead of all at once
	 */
	public boolean paged() {
		return state == null && finding == null && search.isEmpty() && sort == ImageColumn.NAME && ascending;
	}

	/** @param e an image @return whether it passes the filters */
	public boolean matches(ImageEntry e) {
		if (state != null && e.state() != state) {
			return false;
		}
		if (finding != null && !Findings.matches(e.findings(), finding)) {
			return false;
		}
		if (search.isEmpty()) {
			return true;
		}
		return contains(e.name()) || contains(e.path()) || contains(e.camera()) || contains(e.findings())
				|| contains(e.state().label()) || contains(e.error()) || contains(e.sha1()) || contains(e.taken());
	}

	private boolean contains(String s) {
		return s != null && s.toLowerCase(Locale.ROOT).contains(search);
	}

	/** @return the order of the rows */
	public Comparator<ImageEntry> comparator() {
		Comparator<ImageEntry> c = sort.order();
		return ascending ? c : c.reversed();
	}

	/** @param p another project @return this query on that project */
	public ImageQuery withProject(String p) {
		return new ImageQuery(p, state, finding, search, sort, ascending);
	}
}
