/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.server;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A part of the hub's start that needs nothing the rest of the start makes, run on its own thread beside it
 * (the GraphQL schema's parse beside the database's opening, the clouds' SDK clients beside the stores).
 *
 * @param <T> what it makes
 */
final class Beside<T> {

	private final FutureTask<T> task;

	private Beside(Callable<T> work, String name) {
		task = new FutureTask<>(work);
		Thread t = new Thread(task, name);
		t.setDaemon(true);
		t.start();
	}

	/**
	 * @param name the thread's name
	 * @param work the part
	 * @return the part, running
	 */
	static <T> Beside<T> start(String name, Callable<T> work) {
		return new Beside<>(work, name);
	}

	/**
	 * @return what the part made, once it has
	 * @throws IOException as the part threw it (a runtime exception or an error is thrown as it was)
	 */
	T get() throws IOException {
		try {
			return task.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while the hub started", e);
		} catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof IOException io) {
				throw io;
			} else if (c instanceof RuntimeException re) {
				throw re;
			} else if (c instanceof Error er) {
				throw er;
			}
			throw new IOException(c);
		}
	}

	/** The start failed elsewhere: waits for the part and closes what it made, if anything. */
	void abandon() {
		try {
			if (get() instanceof AutoCloseable c) {
				c.close();
			}
		} catch (Exception e) {
			// the start's own failure is the one reported
		}
	}
}
