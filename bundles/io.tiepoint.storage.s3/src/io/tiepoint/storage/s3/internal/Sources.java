/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.internal;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.runtime.IProgressMonitor;

import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.ContentWindow;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Gives the SDK a {@link ContentWindow} over one window of a content each time it asks (a retry asks
 * again); remembers the last one.
 */
final class Sources implements ContentStreamProvider, AutoCloseable {

	private final Content content;
	private final long offset;
	private final long length;
	private final IProgressMonitor monitor;
	private final boolean md5;
	private ContentWindow last;

	/**
	 * @param md5 whether to compute the MD5 of what is streamed (not when the request carries the
	 *            {@code Content-MD5} the store checks the bytes against)
	 */
	Sources(Content content, long offset, long length, IProgressMonitor monitor, boolean md5) {
		this.content = content;
		this.offset = offset;
		this.length = length;
		this.monitor = monitor;
		this.md5 = md5;
	}

	@Override
	public synchronized InputStream newStream() {
		close();
		last = new ContentWindow(content, offset, length, monitor, md5);
		return last;
	}

	@Override
	public String name() {
		return "tiepoint-content";
	}

	/** @return the MD5 of the last stream when it gave out the whole window (and computed it), else null */
	synchronized String md5IfComplete() {
		return md5 && last != null && last.complete() ? last.md5Hex() : null;
	}

	/** @return whether the last stream gave out the whole window */
	synchronized boolean complete() {
		return last != null && last.complete();
	}

	@Override
	public synchronized void close() {
		if (last != null) {
			try {
				last.close();
			} catch (IOException e) {
				// the content is only read
			}
		}
	}
}
