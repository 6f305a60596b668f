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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.internal.p2.garbagecollector.GarbageCollector;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.IRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;

/**
 * Installs, lists, updates and uninstalls plug-ins (features from p2 repositories) in the running Tiepoint
 * installation, with p2's planner and engine ({@link ProvisioningSession} and its operations): the logic behind
 * {@code tiepoint plugins}, for any front. A plug-in is a feature installed as a root of the installation's profile
 * that the product does not include; the product's own features are never touched. Changes take effect at the
 * next start. Every failure leaves the installation as it was and says why (the requirement that cannot be met,
 * the repository that cannot be read).
 */
public final class PluginOperations {

	private static final String GROUP = ".feature.group";

	private final Installation installation;

	/**
	 * @param installation the running installation ({@link Installation#running()})
	 */
	public PluginOperations(Installation installation) {
		this.installation = installation;
	}

	/** A plug-in: a feature, by its id without {@code .feature.group}. */
	public record Plugin(String id, String version, String name) {
	}

	/**
	 * @return the plug-ins installed, by id; the files of those uninstalled before (which the uninstalling process
	 *         still had open) are deleted first
	 */
	public List<Plugin> list() {
		collectGarbage(null);
		List<Plugin> out = new ArrayList<>();
		for (IInstallableUnit iu : installation.plugins()) {
			out.add(plugin(iu));
		}
		out.sort(Comparator.comparing(Plugin::id));
		return out;
	}

	/**
	 * Installs features from one repository, with what they require from it.
	 *
	 * @param repository a repository's URI ({@link Repositories#location(String)}); null: the installation's
	 *                   update sites ({@link Sites}) and the repositories installed from before
	 * @param features   feature ids, with or without {@code .feature.group}
	 * @param monitor    progress and cancellation
	 * @return the plug-ins installed
	 * @throws PluginException naming the repository, the unknown feature or the requirement that cannot be met
	 */
	public List<Plugin> install(URI repository, Collection<String> features, IProgressMonitor monitor)
			throws PluginException {
		if (repository == null) {
			return installFromKnown(features, monitor);
		}
		SubMonitor sub = SubMonitor.convert(monitor, "Installing " + String.join(", ", features), 100);
		IProvisioningAgent agent = installation.agent();
		IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
		IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
		boolean known = metadata.contains(repository);
		boolean done = false;
		try {
			IMetadataRepository repo;
			try {
				sub.subTask("Reading " + repository);
				repo = metadata.loadRepository(repository, sub.split(10));
				artifacts.loadRepository(repository, sub.split(5));
			} catch (ProvisionException e) {
				throw new PluginException(repository + " is not a p2 repository that can be read: " + e.getMessage());
			}
			Set<IInstallableUnit> units = new LinkedHashSet<>();
			for (String feature : features) {
				String id = feature.endsWith(GROUP) ? feature : feature + GROUP;
				var found = repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), sub.split(1))
						.toUnmodifiableSet();
				if (found.isEmpty()) {
					throw new PluginException(repository + " has no feature " + strip(id) + available(repo, sub.split(1)));
				}
				units.addAll(found);
			}
			ProvisioningContext context = new ProvisioningContext(agent);
			context.setMetadataRepositories(repository);
			context.setArtifactRepositories(repository);
			InstallOperation op = new InstallOperation(new ProvisioningSession(agent), units);
			run(op, context, "install " + String.join(", ", features), sub.split(80));
			done = true; // the repository stays known, for tiepoint plugins update
			return units.stream().map(PluginOperations::plugin).toList();
		} finally {
			if (!done && !known) { // loading it made it known: a failed install leaves no trace
				metadata.removeRepository(repository);
				artifacts.removeRepository(repository);
			}
		}
	}

	private List<Plugin> installFromKnown(Collection<String> features, IProgressMonitor monitor) throws PluginException {
		SubMonitor sub = SubMonitor.convert(monitor, "Installing " + String.join(", ", features), 100);
		IProvisioningAgent agent = installation.agent();
		URI[] known = agent.getService(IMetadataRepositoryManager.class)
				.getKnownRepositories(IRepositoryManager.REPOSITORIES_NON_SYSTEM);
		if (known.length == 0) {
			throw new PluginException("no --repository given and no update site configured (" + Sites.PROPERTY
					+ " in the product's config.ini, or the setting " + Sites.SETTING + ")");
		}
		IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
		Set<IInstallableUnit> units = new LinkedHashSet<>();
		for (String feature : features) {
			String id = feature.endsWith(GROUP) ? feature : feature + GROUP;
			var found = metadata.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), sub.split(10))
					.toUnmodifiableSet();
			if (found.isEmpty()) {
				throw new PluginException("no update site has the feature " + strip(id) + " (sites: "
						+ java.util.Arrays.toString(known) + ")");
			}
			units.addAll(found);
		}
		ProvisioningContext context = new ProvisioningContext(agent);
		context.setMetadataRepositories(known);
		context.setArtifactRepositories(agent.getService(IArtifactRepositoryManager.class)
				.getKnownRepositories(IRepositoryManager.REPOSITORIES_NON_SYSTEM));
		run(new InstallOperation(new ProvisioningSession(agent), units), context,
				"install " + String.join(", ", features), sub.split(70));
		return units.stream().map(PluginOperations::plugin).toList();
	}

	/**
	 * Uninstalls plug-ins (and what only they required).
	 *
	 * @param features feature ids, with or without {@code .feature.group}
	 * @param monitor  progress and cancellation
	 * @return the plug-ins uninstalled
	 * @throws PluginException when one is not an installed plug-in (or is part of the product), or p2 fails
	 */
	public List<Plugin> uninstall(Collection<String> features, IProgressMonitor monitor) throws PluginException {
		SubMonitor sub = SubMonitor.convert(monitor, "Uninstalling " + String.join(", ", features), 100);
		Set<IInstallableUnit> units = new LinkedHashSet<>();
		Set<IInstallableUnit> plugins = installation.plugins();
		for (String feature : features) {
			String id = feature.endsWith(GROUP) ? feature : feature + GROUP;
			IInstallableUnit iu = plugins.stream().filter(u -> u.getId().equals(id)).findFirst().orElse(null);
			if (iu == null) {
				boolean product = !installation.profile().query(QueryUtil.createIUQuery(id), null).isEmpty();
				throw new PluginException(strip(id) + (product ? " is part of Tiepoint itself, not a plug-in: it cannot be"
						+ " uninstalled" : " is not installed") + installedList(plugins));
			}
			units.add(iu);
		}
		ProvisioningContext context = new ProvisioningContext(installation.agent());
		context.setMetadataRepositories(); // the profile's own units are all it needs
		context.setArtifactRepositories();
		run(new UninstallOperation(new ProvisioningSession(installation.agent()), units), context,
				"uninstall " + String.join(", ", features), sub.split(90));
		collectGarbage(sub.split(10));
		return units.stream().map(PluginOperations::plugin).toList();
	}

	/**
	 * Updates the plug-ins to the newest versions their known repositories (those installed from) offer.
	 *
	 * @param monitor progress and cancellation
	 * @return the plug-ins as updated; empty when there was nothing to update
	 * @throws PluginException when a newer version cannot be installed, or p2 fails
	 */
	public List<Plugin> update(IProgressMonitor monitor) throws PluginException {
		SubMonitor sub = SubMonitor.convert(monitor, "Looking for updates", 100);
		Set<IInstallableUnit> plugins = installation.plugins();
		if (plugins.isEmpty()) {
			return List.of();
		}
		IProvisioningAgent agent = installation.agent();
		UpdateOperation op = new UpdateOperation(new ProvisioningSession(agent), plugins);
		op.setProfileId(installation.profile().getProfileId());
		ProvisioningContext context = new ProvisioningContext(agent);
		URI[] known = agent.getService(IMetadataRepositoryManager.class)
				.getKnownRepositories(IRepositoryManager.REPOSITORIES_NON_SYSTEM);
		context.setMetadataRepositories(known);
		context.setArtifactRepositories(agent.getService(IArtifactRepositoryManager.class)
				.getKnownRepositories(IRepositoryManager.REPOSITORIES_NON_SYSTEM));
		op.setProvisioningContext(context);
		IStatus resolved = op.resolveModal(sub.split(40));
		if (resolved.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
			return List.of();
		}
		if (resolved.getSeverity() == IStatus.ERROR || resolved.getSeverity() == IStatus.CANCEL) {
			throw new PluginException(Explanations.of("cannot update", resolved, op.getResolutionDetails()));
		}
		execute(op, "update", sub.split(60));
		return java.util.Arrays.stream(op.getSelectedUpdates()).map(u -> plugin(u.replacement)).toList();
	}

	private void run(ProfileChangeOperation op, ProvisioningContext context, String what, IProgressMonitor monitor)
			throws PluginException {
		SubMonitor sub = SubMonitor.convert(monitor, 100);
		op.setProfileId(installation.profile().getProfileId());
		op.setProvisioningContext(context);
		IStatus resolved = op.resolveModal(sub.split(30));
		if (resolved.getSeverity() == IStatus.CANCEL) {
			throw new PluginException("canceled: nothing was changed");
		}
		if (resolved.getSeverity() == IStatus.ERROR) {
			throw new PluginException(Explanations.of("cannot " + what, resolved, op.getResolutionDetails()));
		}
		execute(op, what, sub.split(70));
	}

	private static void execute(ProfileChangeOperation op, String what, IProgressMonitor monitor) throws PluginException {
		var job = op.getProvisioningJob(null);
		if (job == null) {
			throw new PluginException("cannot " + what + ": p2 made no plan (" + op.getResolutionDetails() + ")");
		}
		IStatus done = job.runModal(monitor);
		if (done.getSeverity() == IStatus.CANCEL) {
			throw new PluginException("canceled: nothing was changed");
		}
		if (done.getSeverity() == IStatus.ERROR) {
			throw new PluginException(Explanations.of(what + " failed (the installation was rolled back)", done, null));
		}
	}

	/**
	 * Deletes the files the installation no longer refers to: a plug-in's, after it was uninstalled, once no running
	 * process uses them (the one that uninstalls it still does: the next plugins command deletes them).
	 */
	private void collectGarbage(IProgressMonitor monitor) {
		SubMonitor.convert(monitor, "Removing the files no longer used", 1);
		GarbageCollector gc = installation.agent().getService(GarbageCollector.class);
		if (gc != null) {
			gc.runGC(installation.refreshed().profile());
		}
	}

	private static String available(IMetadataRepository repo, IProgressMonitor monitor) {
		Set<String> ids = new TreeSet<>();
		repo.query(QueryUtil.createIUGroupQuery(), monitor).forEach(iu -> {
			if (iu.getId().endsWith(GROUP)) {
				ids.add(strip(iu.getId()));
			}
		});
		return ids.isEmpty() ? " (it has no features)" : " (its features: " + String.join(", ", ids) + ")";
	}

	private static String installedList(Set<IInstallableUnit> plugins) {
		if (plugins.isEmpty()) {
			return " (no plug-in is installed)";
		}
		Set<String> ids = new TreeSet<>();
		plugins.forEach(iu -> ids.add(strip(iu.getId())));
		return " (installed plug-ins: " + String.join(", ", ids) + ")";
	}

	static String strip(String id) {
		return id.endsWith(GROUP) ? id.substring(0, id.length() - GROUP.length()) : id;
	}

	private static Plugin plugin(IInstallableUnit iu) {
		String name = iu.getProperty(IInstallableUnit.PROP_NAME, null);
		return new Plugin(strip(iu.getId()), iu.getVersion().toString(), name == null ? strip(iu.getId()) : name);
	}

	/** @return the profile this operates on */
	IProfile profile() {
		return installation.profile();
	}
}
