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

import com.mongodb.MongoException;

import io.tiepoint.hub.internal.store.StoreException;

/**
 * Failures of the hub's database as the layers above the store see them: a {@link StoreException}, or a
 * driver exception a store below has not translated yet. The stores of this package translate with
 * {@link #call(java.util.function.Supplier)} and {@link #run(Runnable)}.
 */
public final class StoreFailures {

	private StoreFailures() {
	}

	/** @param e an exception @return whether it is a failure of the database */
	public static boolean is(Throwable e) {
		return e instanceof StoreException || e instanceof MongoException;
	}

	/**
	 * @param e a failure ({@link #is(Throwable)})
	 * @return the name of what failed: the driver exception's simple class name
	 */
	public static String name(Throwable e) {
		return e instanceof StoreException && e.getCause() != null ? e.getCause().getClass().getSimpleName()
				: e.getClass().getSimpleName();
	}

	/** Runs a database call, translating the driver's exception. @return what it returns */
	static <T> T call(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		} catch (MongoException e) {
			throw new StoreException(e.getMessage(), e);
		}
	}

	/** Runs a database call, translating the driver's exception. */
	static void run(Runnable call) {
		try {
			call.run();
		} catch (MongoException e) {
			throw new StoreException(e.getMessage(), e);
		}
	}
}
