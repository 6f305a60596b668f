/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Display;

import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.JournalListener;
import io.tiepoint.core.project.Workspace;

/**
 * The workbench's one open {@link Workspace} and the project the views show. Journal commits
 * (reported on the committing thread) are coalesced and delivered on the UI thread to
 * {@link ChangeListener}s, at most once per {@link #COALESCE_MS}.
 * <p>
 * The workbench uses {@link #getDefault()}, which opens the workspace named by the system property
 * {@value #PROPERTY} or derived from the instance location ({@code -data}); tests create their own
 * with {@link #open(Path, Display)}.
 */
public final class WorkbenchModel implements AutoCloseable {

	/** System property naming the workspace folder. */
	public static final String PROPERTY = "tiepoint.workspace";

	/** Delay that coalesces bursts of journal commits into one UI update. */
	public static final int COALESCE_MS = 150;

	/** Told on the UI thread when images of a project changed. */
	@FunctionalInterface
	public interface ChangeListener {
		/**
		 * @param project the project
		 * @param ids     the changed images, or null when many changed (reload everything)
		 */
		void imagesChanged(String project, Set<Long> ids);
	}

	/** Told on the UI thread when the current project changes. */
	@FunctionalInterface
	public interface ProjectListener {
		/** @param project the new current project, or null */
		void projectChanged(String project);
	}

	private static WorkbenchModel defaultModel;

	private final Display display;
	private final Workspace workspace;
	private final String error;
	private final List<ChangeListener> changeListeners = new CopyOnWriteArrayList<>();
	private final List<ProjectListener> projectListeners = new CopyOnWriteArrayList<>();
	private final JournalListener journalListener = this::committed;
	private final Object lock = new Object();
	private final java.util.Map<String, Set<Long>> pending = new java.util.HashMap<>();
	private boolean scheduled;
	private String currentProject;

	private WorkbenchModel(Display display, Workspace workspace, String error) {
		this.display = display;
		this.workspace = workspace;
		this.error = error;
		if (workspace != null) {
			workspace.journal().addListener(journalListener);
			try {
				currentProject = workspace.journal().projects().stream().findFirst().map(p -> p.name()).orElse(null);
			} catch (JournalException e) {
				currentProject = null;
			}
		}
	}

	/**
	 * Opens a workspace for the given display.
	 *
	 * @param root    the workspace folder
	 * @param display the UI thread's display
	 * @return the model
	 * @throws JournalException when its journal cannot be opened
	 */
	public static WorkbenchModel open(Path root, Display display) throws JournalException {
		return new WorkbenchModel(display, Workspace.open(root), null);
	}

	/**
	 * @return the workbench's model, opened on first use; when the workspace cannot be opened the model
	 *         has no workspace and {@link #error()} says why
	 */
	public static synchronized WorkbenchModel getDefault() {
		if (defaultModel == null) {
			Display d = Display.getDefault();
			Path root = workspaceRoot();
			try {
				defaultModel = open(root, d);
			} catch (JournalException | RuntimeException e) {
				defaultModel = new WorkbenchModel(d, null, "cannot open the workspace " + root + ": " + e.getMessage());
			}
		}
		return defaultModel;
	}

	/** Closes the workbench's model, if it was opened (at workbench shutdown). */
	public static synchronized void shutdownDefault() {
		if (defaultModel != null) {
			defaultModel.close();
			defaultModel = null;
		}
	}

	/**
	 * The workspace folder: the system property {@value #PROPERTY}; else the instance location, whose
	 * {@code .tiepoint/workbench} suffix (what {@code ./tiepoint gui} passes) is dropped so that the
	 * workbench and the command line share one journal; else the current folder.
	 *
	 * @return the workspace folder
	 */
	static Path workspaceRoot() {
		String prop = System.getProperty(PROPERTY);
		if (prop != null && !prop.isBlank()) {
			return Path.of(prop);
		}
		Location loc = Platform.getInstanceLocation();
		if (loc != null && loc.getURL() != null && "file".equals(loc.getURL().getProtocol())) {
			Path p = Path.of(loc.getURL().getPath());
			if (p.getFileName() != null && "workbench".equals(p.getFileName().toString()) && p.getParent() != null
					&& p.getParent().getFileName() != null
					&& ".tiepoint".equals(p.getParent().getFileName().toString())) {
				Path ws = p.getParent().getParent();
				if (ws != null && Files.isDirectory(ws)) {
					return ws;
				}
			}
			return p;
		}
		return Path.of("").toAbsolutePath();
	}

	/** @return the open workspace, or null when it could not be opened */
	public Workspace workspace() {
		return workspace;
	}

	/** @return why there is no workspace, or null */
	public String error() {
		return error;
	}

	/** @return the UI thread's display */
	public Display display() {
		return display;
	}

	/** @return the project the views show, or null */
	public String currentProject() {
		return currentProject;
	}

	/**
	 * Changes the project the views show; listeners are told when it differs (call on the UI thread).
	 *
	 * @param project the project, or null
	 */
	public void setCurrentProject(String project) {
		if (java.util.Objects.equals(project, currentProject)) {
			return;
		}
		currentProject = project;
		for (ProjectListener l : projectListeners) {
			l.projectChanged(project);
		}
	}

	/** @param l told on the UI thread of changed images */
	public void addChangeListener(ChangeListener l) {
		changeListeners.add(l);
	}

	/** @param l no longer told */
	public void removeChangeListener(ChangeListener l) {
		changeListeners.remove(l);
	}

	/** @param l told when the current project changes */
	public void addProjectListener(ProjectListener l) {
		projectListeners.add(l);
	}

	/** @param l no longer told */
	public void removeProjectListener(ProjectListener l) {
		projectListeners.remove(l);
	}

	private void committed(String project, long[] ids) {
		synchronized (lock) {
			Set<Long> set = pending.computeIfAbsent(project, k -> new HashSet<>());
			if (ids.length == 0 || set.contains(null)) {
				set.clear();
				set.add(null); // null marks "reload"
			} else {
				for (long id : ids) {
					set.add(id);
				}
			}
			if (scheduled || display.isDisposed()) {
				return;
			}
			scheduled = true;
		}
		display.asyncExec(() -> display.timerExec(COALESCE_MS, this::deliver));
	}

	private void deliver() {
		java.util.Map<String, Set<Long>> batch;
		synchronized (lock) {
			batch = new java.util.HashMap<>(pending);
			pending.clear();
			scheduled = false;
		}
		for (var e : batch.entrySet()) {
			Set<Long> ids = e.getValue().contains(null) ? null : e.getValue();
			for (ChangeListener l : new ArrayList<>(changeListeners)) {
				l.imagesChanged(e.getKey(), ids);
			}
		}
	}

	/** Stops listening and closes the workspace. */
	@Override
	public void close() {
		if (workspace != null) {
			workspace.journal().removeListener(journalListener);
			workspace.close();
		}
	}
}
