/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.p2;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The running Tiepoint installation as p2 sees it: its provisioning agent (the p2 data area named in
 * {@code config.ini}, {@code eclipse.p2.data.area}) and its profile ({@code eclipse.p2.profile}).
 *
 * @param agent   the agent
 * @param profile the installation's profile, as it is now
 */
public record Installation(IProvisioningAgent agent, IProfile profile) {

	private static final String ROOT = "org.eclipse.equinox.p2.type.root";

	/**
	 * @return the installation this process runs from
	 * @throws PluginException when it is not a p2-managed installation (no profile), naming what is missing
	 */
	public static Installation running() throws PluginException {
		Bundle bundle = FrameworkUtil.getBundle(Installation.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			throw new PluginException("p2 is not running (no OSGi framework)");
		}
		ServiceReference<IProvisioningAgentProvider> ref = context.getServiceReference(IProvisioningAgentProvider.class);
		if (ref == null) {
			throw new PluginException("p2 is not running: no provisioning agent provider (org.eclipse.equinox.p2.core)");
		}
		IProvisioningAgent agent;
		try {
			agent = context.getService(ref).createAgent(null); // the running installation's agent
		} catch (ProvisionException e) {
			throw new PluginException("p2 cannot open this installation's data area (" + context.getProperty(
					"eclipse.p2.data.area") + "): " + e.getMessage());
		}
		if (agent == null) {
			throw new PluginException("this installation is not managed by p2: config.ini names no eclipse.p2.data.area");
		}
		IProfileRegistry registry = agent.getService(IProfileRegistry.class);
		IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
		if (profile == null) {
			throw new PluginException("this installation is not managed by p2: no profile "
					+ context.getProperty("eclipse.p2.profile") + " in " + context.getProperty("eclipse.p2.data.area"));
		}
		Sites.register(agent);
		return new Installation(agent, profile);
	}

	/** @return the profile as it is now (after a change, a new snapshot) */
	public Installation refreshed() {
		IProfile now = agent.getService(IProfileRegistry.class).getProfile(profile.getProfileId());
		return new Installation(agent, now == null ? profile : now);
	}

	/**
	 * @return the features installed as roots that are not the product's own (those of the first snapshot of the
	 *         profile that holds the product, i.e. as materialized, and those a product requires): the plug-ins a
	 *         user added
	 */
	Set<IInstallableUnit> plugins() {
		IProfile now = refreshed().profile();
		Set<String> own = productFeatures();
		Set<IInstallableUnit> out = new LinkedHashSet<>();
		for (IInstallableUnit iu : now.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet()) {
			if ("true".equals(now.getInstallableUnitProperty(iu, ROOT)) && !own.contains(iu.getId())
					&& !QueryUtil.isProduct(iu)) {
				out.add(iu);
			}
		}
		return out;
	}

	/** @return the ids of the root features the product was installed with, and those its products require */
	Set<String> productFeatures() {
		IProfileRegistry registry = agent.getService(IProfileRegistry.class);
		Set<String> own = new HashSet<>();
		for (long ts : registry.listProfileTimestamps(profile.getProfileId())) {
			IProfile snapshot = registry.getProfile(profile.getProfileId(), ts);
			if (snapshot != null && !snapshot.query(QueryUtil.createIUProductQuery(), null).isEmpty()) {
				snapshot.query(QueryUtil.createIUGroupQuery(), null).forEach(iu -> {
					if ("true".equals(snapshot.getInstallableUnitProperty(iu, ROOT))) {
						own.add(iu.getId());
					}
				});
				break; // the earliest with the product: as materialized
			}
		}
		IProfile now = refreshed().profile();
		for (IInstallableUnit product : now.query(QueryUtil.createIUProductQuery(), null).toUnmodifiableSet()) {
			for (IRequirement r : product.getRequirements()) {
				now.query(QueryUtil.createMatchQuery(r.getMatches()), null).forEach(iu -> own.add(iu.getId()));
			}
		}
		return own;
	}
}
