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

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;

/**
 * The rows behind the Images view for one {@link ImageQuery}. A {@linkplain ImageQuery#paged() paged}
 * query reads the journal {@value #PAGE} rows at a time, only the pages the table asks for, and keeps
 * at most {@value #MAX_PAGES} pages; any other query is evaluated once on a snapshot of the project.
 * Built off the UI thread by {@link #load}; read on the UI thread; missing pages are read by
 * {@link #readPage} off the UI thread and stored with {@link #put}.
 */
public final class ImageRows {

	/** Rows per journal read. */
	public static final int PAGE = 200;
	/** Pages kept in memory (paged mode). */
	public static final int MAX_PAGES = 30;

	private static final AtomicLong ROWS_READ = new AtomicLong();

	private final Journal journal;
	private final ImageQuery query;
	private final int size;
	private final List<ImageEntry> snapshot;
	private final Map<ImageState, Integer> counts;
	private final LinkedHashMap<Integer, List<ImageEntry>> pages = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Integer, List<ImageEntry>> eldest) {
			return size() > MAX_PAGES;
		}
	};

	private ImageRows(Journal journal, ImageQuery query, int size, List<ImageEntry> snapshot,
			Map<ImageState, Integer> counts) {
		this.journal = journal;
		this.query = query;
		this.size = size;
		this.snapshot = snapshot;
		this.counts = counts;
	}

	/** @return an empty set of rows (no project) */
	public static ImageRows empty() {
		return new ImageRows(null, null, 0, List.of(), new EnumMap<>(ImageState.class));
	}

	/**
	 * Reads what the first paint needs (off the UI thread).
	 *
	 * @param journal the journal
	 * @param query   the query
	 * @param warm    pages to read now (paged mode), e.g. those visible
	 * @return the rows
	 * @throws JournalException when the journal fails
	 */
	public static ImageRows load(Journal journal, ImageQuery query, Collection<Integer> warm) throws JournalException {
		Map<ImageState, Integer> counts = journal.counts(query.project());
		if (query.paged()) {
			int n = counts.values().stream().mapToInt(Integer::intValue).sum();
			ImageRows rows = new ImageRows(journal, query, n, null, counts);
			for (int p : warm) {
				if (p >= 0 && p * PAGE < n) {
					rows.pages.put(p, rows.readPage(p));
				}
			}
			return rows;
		}
		List<ImageEntry> all = journal.images(query.project());
		ROWS_READ.addAndGet(all.size());
		List<ImageEntry> kept = new ArrayList<>();
		for (ImageEntry e : all) {
			if (query.matches(e)) {
				kept.add(e);
			}
		}
		kept.sort(query.comparator());
		return new ImageRows(journal, query, kept.size(), List.copyOf(kept), counts);
	}

	/** @return rows read from the journal by all instances (for tests and the benchmark) */
	public static long rowsRead() {
		return ROWS_READ.get();
	}

	/** @return the query, or null when empty */
	public ImageQuery query() {
		return query;
	}

	/** @return number of rows */
	public int size() {
		return size;
	}

	/** @return images per state in the whole project (not only the filtered rows) */
	public Map<ImageState, Integer> counts() {
		return counts;
	}

	/** @return whether rows are read page by page */
	public boolean paged() {
		return snapshot == null;
	}

	/**
	 * @param index a row
	 * @return the image, or null when its page has not been read yet
	 */
	public ImageEntry get(int index) {
		if (index < 0 || index >= size) {
			return null;
		}
		if (snapshot != null) {
			return snapshot.get(index);
		}
		List<ImageEntry> page = pages.get(index / PAGE);
		int i = index % PAGE;
		return page == null || i >= page.size() ? null : page.get(i);
	}

	/** @param index a row @return its page */
	public static int pageOf(int index) {
		return index / PAGE;
	}

	/** @return the pages in memory */
	public Set<Integer> cachedPages() {
		return new TreeSet<>(pages.keySet());
	}

	/**
	 * Reads one page (off the UI thread).
	 *
	 * @param page the page
	 * @return its rows
	 * @throws JournalException when the journal fails
	 */
	public List<ImageEntry> readPage(int page) throws JournalException {
		List<ImageEntry> l = journal.page(query.project(), page * PAGE, PAGE);
		ROWS_READ.addAndGet(l.size());
		return l;
	}

	/** @param page a page @param rows its rows, from {@link #readPage} */
	public void put(int page, List<ImageEntry> rows) {
		pages.put(page, rows);
	}

	/**
	 * @param id an image id
	 * @return its row among the rows in memory, or -1
	 */
	public int indexOf(long id) {
		if (snapshot != null) {
			for (int i = 0; i < snapshot.size(); i++) {
				if (snapshot.get(i).id() == id) {
					return i;
				}
			}
			return -1;
		}
		for (Map.Entry<Integer, List<ImageEntry>> p : pages.entrySet()) {
			List<ImageEntry> l = p.getValue();
			for (int i = 0; i < l.size(); i++) {
				if (l.get(i).id() == id) {
					return p.getKey() * PAGE + i;
				}
			}
		}
		return -1;
	}
}
