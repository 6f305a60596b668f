/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.ui.internal.WorkbenchModel;

/**
 * The Projects view's content: the workspace's projects (with their hub and cloud, or their own destination, and
 * images per state) and the hubs they use, embedded or remote. Selecting a project makes it the current one.
 */
public final class ProjectsPanel {

	/** A project with what the tree shows under it. @param project the project @param counts images per state */
	public record ProjectNode(Project project, Map<ImageState, Integer> counts) {
		@Override
		public String toString() {
			int n = counts.values().stream().mapToInt(Integer::intValue).sum();
			return project.name() + "  (" + String.format("%,d", n) + " images)";
		}
	}

	/** A hub and the projects that use it. @param hub embedded or URL @param projects names */
	public record HubNode(String hub, List<String> projects) {
		@Override
		public String toString() {
			return "embedded".equals(hub) || hub == null ? "Embedded hub (this workspace)" : "Remote hub " + hub;
		}
	}

	/** A line of detail. @param text the text */
	public record Detail(String text) {
		@Override
		public String toString() {
			return text;
		}
	}

	/** The two roots. @param name the label @param children the nodes */
	public record Group(String name, List<Object> children) {
		@Override
		public String toString() {
			return name;
		}
	}

	private final WorkbenchModel model;
	private final TreeViewer viewer;
	private final WorkbenchModel.ChangeListener changeListener = (p, ids) -> reload();
	private int loads;

	/**
	 * @param parent the parent
	 * @param model  the workspace
	 */
	public ProjectsPanel(Composite parent, WorkbenchModel model) {
		this.model = model;
		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.BORDER);
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object o) {
				if (o instanceof Group g) {
					return g.children().toArray();
				}
				if (o instanceof ProjectNode p) {
					List<Object> l = new ArrayList<>();
					if (p.project().direct()) {
						l.add(new Detail("Destination: " + p.project().destination()));
					} else {
						l.add(new Detail("Hub: " + (p.project().hub() == null ? "embedded" : p.project().hub())));
						l.add(new Detail("Cloud: " + (p.project().cloud() == null ? "default" : p.project().cloud())));
					}
					if (p.project().remoteId() != null) {
						l.add(new Detail("Platform id: " + p.project().remoteId()));
					}
					p.counts().forEach((s, n) -> l.add(new Detail(s.label() + ": " + String.format("%,d", n))));
					return l.toArray();
				}
				if (o instanceof HubNode h) {
					return h.projects().stream().map(n -> new Detail("used by " + n)).toArray();
				}
				return new Object[0];
			}

			@Override
			public Object getParent(Object o) {
				return null;
			}

			@Override
			public boolean hasChildren(Object o) {
				return getChildren(o).length > 0;
			}
		});
		viewer.setLabelProvider(new LabelProvider());
		viewer.addSelectionChangedListener(e -> {
			if (e.getStructuredSelection().getFirstElement() instanceof ProjectNode p) {
				model.setCurrentProject(p.project().name());
			}
		});
		model.addChangeListener(changeListener);
		viewer.getControl().addListener(SWT.Dispose, e -> model.removeChangeListener(changeListener));
		viewer.setInput(List.of());
		reload();
	}

	/** @return the tree viewer */
	public TreeViewer viewer() {
		return viewer;
	}

	/** @return whether the projects are being read */
	public boolean isLoading() {
		return loads > 0;
	}

	/** Reads the projects again (a job). */
	public void reload() {
		Workspace ws = model.workspace();
		if (ws == null) {
			viewer.setInput(List.of(new Detail(model.error() == null ? "No workspace" : model.error())));
			return;
		}
		loads++;
		Job job = new Job("Reading projects") {
			@Override
			protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				List<Object> input = new ArrayList<>();
				try {
					List<Object> projects = new ArrayList<>();
					Map<String, List<String>> hubs = new TreeMap<>();
					for (Project p : ws.journal().projects()) {
						projects.add(new ProjectNode(p, ws.journal().counts(p.name())));
						if (!p.direct()) {
							hubs.computeIfAbsent(p.hub() == null ? "embedded" : p.hub(), k -> new ArrayList<>()).add(p.name());
						}
					}
					input.add(new Group("Projects in " + ws.root(), projects));
					input.add(new Group("Hubs", hubs.entrySet().stream().map(e -> (Object) new HubNode(e.getKey(), e.getValue()))
							.collect(Collectors.toList())));
				} catch (JournalException e) {
					input.add(new Detail(e.getMessage()));
				}
				viewer.getControl().getDisplay().asyncExec(() -> {
					loads--;
					if (!viewer.getControl().isDisposed()) {
						viewer.setInput(input);
						viewer.expandToLevel(2);
						select(model.currentProject());
					}
				});
				return Status.OK_STATUS;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void select(String project) {
		if (project == null || !(viewer.getInput() instanceof List<?> l) || l.isEmpty() || !(l.get(0) instanceof Group g)) {
			return;
		}
		for (Object o : g.children()) {
			if (o instanceof ProjectNode p && p.project().name().equals(project)) {
				viewer.setSelection(new StructuredSelection(p), true);
			}
		}
	}
}
