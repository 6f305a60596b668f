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

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.FrameworkUtil;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;

/**
 * The installation's own update sites, preconfigured: the property {@value #PROPERTY} of the product's
 * {@code config.ini} (an organization's site, set once for every user of an installation) and the setting
 * {@value #SETTING} (the user's settings file, or {@code TIEPOINT_PLUGINS_REPOSITORIES}); each a comma-separated
 * list of URLs, folders or zips. They are known to p2 (the workbench's "Work with" lists them) and are where
 * {@code tiepoint plugins install} without {@code --repository} and {@code update} look.
 */
public final class Sites {

	/** The product's property (config.ini). */
	public static final String PROPERTY = "tiepoint.plugins.repositories";
	/** The user's setting. */
	public static final String SETTING = "plugins.repositories";

	private Sites() {
	}

	/**
	 * @return the configured sites; one that is not a repository location is logged, naming it, and left out
	 */
	public static List<URI> configured() {
		Set<String> texts = new LinkedHashSet<>();
		var bundle = FrameworkUtil.getBundle(Sites.class);
		String property = bundle == null || bundle.getBundleContext() == null ? System.getProperty(PROPERTY)
				: bundle.getBundleContext().getProperty(PROPERTY);
		split(property, texts);
		try {
			Map<String, String> env = System.getenv();
			split(TiepointConfig.load(Map.of(), TiepointConfig.userFile(env), null, env, Map.of()).get(SETTING)
					.orElse(null), texts);
		} catch (ConfigException e) {
			ILog.of(Sites.class).warn("the user's settings cannot be read for " + SETTING + ": " + e.getMessage());
		}
		List<URI> out = new ArrayList<>();
		for (String t : texts) {
			try {
				out.add(Repositories.location(t));
			} catch (PluginException e) {
				ILog.of(Sites.class).warn(PROPERTY + " / " + SETTING + ": " + e.getMessage());
			}
		}
		return out;
	}

	/**
	 * Makes the configured sites known to p2 (idempotent).
	 *
	 * @param agent the installation's agent
	 * @return the configured sites
	 */
	public static List<URI> register(IProvisioningAgent agent) {
		List<URI> sites = configured();
		IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
		IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
		for (URI site : sites) {
			if (!metadata.contains(site)) {
				metadata.addRepository(site);
				metadata.setRepositoryProperty(site, org.eclipse.equinox.p2.repository.IRepository.PROP_NICKNAME, "Tiepoint update site");
			}
			if (!artifacts.contains(site)) {
				artifacts.addRepository(site);
			}
		}
		return sites;
	}

	private static void split(String value, Set<String> into) {
		if (value != null) {
			for (String s : value.split(",")) {
				if (!s.isBlank()) {
					into.add(s.strip());
				}
			}
		}
	}
}
