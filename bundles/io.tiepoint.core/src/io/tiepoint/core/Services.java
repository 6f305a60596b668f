/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Looks up an OSGi service for code that the framework does not inject (picocli commands, workbench
 * handlers): waits briefly for Declarative Services to register it, and keeps it in use for the life of
 * the process (a Declarative Services component is not deactivated under its caller).
 */
public final class Services {

	private static final long WAIT_MS = 5_000;

	private Services() {
	}

	/**
	 * @param <T>  the service type
	 * @param type the service interface or class
	 * @return the service
	 * @throws IllegalStateException naming the service when none is registered (its bundle is missing or
	 *                               could not start)
	 */
	public static <T> T get(Class<T> type) {
		Bundle b = FrameworkUtil.getBundle(Services.class);
		BundleContext ctx = b == null ? null : b.getBundleContext();
		if (ctx == null) {
			throw new IllegalStateException("no OSGi framework: the service " + type.getName() + " is not available");
		}
		ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
		tracker.open();
		try {
			if (tracker.waitForService(WAIT_MS) == null) {
				throw new IllegalStateException("the service " + type.getName() + " is not available (is its bundle installed?)");
			}
			// a use of our own, kept for the life of the process: the component stays active for its callers
			T service = ctx.getService(tracker.getServiceReference());
			if (service == null) {
				throw new IllegalStateException("the service " + type.getName() + " went away");
			}
			return service;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + type.getName(), e);
		} finally {
			tracker.close();
		}
	}
}
