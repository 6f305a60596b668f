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
	private ContentWindow last;

	Sources(Content content, long offset, long length, IProgressMonitor monitor) {
		this.content = content;
		this.offset = offset;
		this.length = length;
		this.monitor = monitor;
	}

	@Override
	public synchronized InputStream newStream() {
		close();
		last = new ContentWindow(content, offset, length, monitor, true);
		return last;
	}

	@Override
	public String name() {
		return "tiepoint-content";
	}

	/** @return the MD5 of the last stream when it gave out the whole window, else null */
	synchronized String md5IfComplete() {
		return last != null && last.complete() ? last.md5Hex() : null;
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
