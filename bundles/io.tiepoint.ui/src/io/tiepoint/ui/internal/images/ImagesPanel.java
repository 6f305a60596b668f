/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.images;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Journal;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.core.operations.ImagesOperation;
import io.tiepoint.ui.internal.jobs.InspectJob;
import io.tiepoint.ui.internal.jobs.UploadServices;

/**
 * The Images view's content: a virtual table ({@code SWT.VIRTUAL} with an {@link ILazyContentProvider})
 * over the current project's images, with filters by state and finding, a quick search, sorting by
 * clicking a header, thumbnails drawn in the Name column, and the multi-selection actions. Rows come
 * from {@link ImageRows}, built and paged in by jobs; commits to the journal arrive coalesced through
 * the {@link WorkbenchModel} and refresh only the rows the table shows.
 */
public final class ImagesPanel {

	/** Family of the jobs that read rows, for tests that wait for them. */
	public static final Object LOAD_FAMILY = new Object();

	private static final int THUMB_W = 48;
	private static final int THUMB_H = 36;

	private final WorkbenchModel model;
	private final Composite root;
	private final Label status;
	private final Combo stateFilter;
	private final Combo findingFilter;
	private final Text search;
	private final TableViewer viewer;
	private final ThumbnailCache thumbnails;
	private final Image spacer;
	private final AtomicInteger updateElementCalls = new AtomicInteger();
	private final AtomicInteger labelCalls = new AtomicInteger();
	private final Set<Integer> waiting = new HashSet<>();
	private final Set<Integer> pagesLoading = new HashSet<>();
	private final List<String> findingChoices = new ArrayList<>();
	private final WorkbenchModel.ChangeListener changeListener = this::imagesChanged;
	private final WorkbenchModel.ProjectListener projectListener = p -> setQuery(query().withProject(p));
	private final Map<String, Action> actions = new HashMap<>();
	private ImageQuery query = ImageQuery.all(null);
	private ImageRows rows = ImageRows.empty();
	private int loads;
	private boolean reloadAgain;
	private boolean redrawScheduled;
	private Consumer<List<ImageEntry>> revealHandler = l -> {
	};

	/**
	 * @param parent the parent
	 * @param model  the workspace and current project
	 */
	public ImagesPanel(Composite parent, WorkbenchModel model) {
		this.model = model;
		Display display = parent.getDisplay();
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(6, false);
		gl.marginWidth = 2;
		gl.marginHeight = 2;
		root.setLayout(gl);

		new Label(root, SWT.NONE).setText("State:");
		stateFilter = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
		stateFilter.add("All states");
		for (ImageState s : ImageState.values()) {
			stateFilter.add(s.label());
		}
		stateFilter.select(0);
		stateFilter.addListener(SWT.Selection, e -> setQuery(new ImageQuery(query.project(),
				stateFilter.getSelectionIndex() == 0 ? null : ImageState.values()[stateFilter.getSelectionIndex() - 1],
				query.finding(), query.search(), query.sort(), query.ascending())));

		new Label(root, SWT.NONE).setText("Finding:");
		findingFilter = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
		findingFilter.add("All images");
		findingChoices.add(null);
		findingFilter.add("Any error");
		findingChoices.add("ERROR");
		findingFilter.add("Any warning");
		findingChoices.add("WARNING");
		for (String id : Findings.knownIds()) {
			findingFilter.add(id);
			findingChoices.add(id);
		}
		findingFilter.select(0);
		findingFilter.setVisibleItemCount(16);
		findingFilter.addListener(SWT.Selection, e -> setQuery(new ImageQuery(query.project(), query.state(),
				findingChoices.get(Math.max(0, findingFilter.getSelectionIndex())), query.search(), query.sort(),
				query.ascending())));

		search = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		search.setMessage("Search name, camera, finding, state, error");
		GridData sg = new GridData(SWT.FILL, SWT.CENTER, false, false);
		sg.widthHint = 260;
		search.setLayoutData(sg);
		Runnable applySearch = () -> {
			if (!search.isDisposed() && !search.getText().strip().equalsIgnoreCase(query.search())) {
				setQuery(new ImageQuery(query.project(), query.state(), query.finding(), search.getText(), query.sort(),
						query.ascending()));
			}
		};
		search.addListener(SWT.Modify, e -> display.timerExec(250, applySearch));
		search.addListener(SWT.DefaultSelection, e -> applySearch.run());

		status = new Label(root, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		viewer = new TableViewer(root, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL);
		viewer.setUseHashlookup(false);
		Table table = viewer.getTable();
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
		thumbnails = new ThumbnailCache(display, THUMB_W, THUMB_H, 400);
		spacer = transparent(display, THUMB_W, THUMB_H);
		for (ImageColumn c : ImageColumn.values()) {
			TableViewerColumn vc = new TableViewerColumn(viewer, SWT.LEFT);
			TableColumn tc = vc.getColumn();
			tc.setText(c.title());
			tc.setWidth(c == ImageColumn.NAME ? c.width() + THUMB_W : c.width());
			tc.setMoveable(true);
			tc.setData(c);
			tc.addListener(SWT.Selection, e -> sortBy(c, query.sort() == c ? !query.ascending() : true));
			vc.setLabelProvider(new ColumnLabelProvider() {
				@Override
				public String getText(Object element) {
					if (c == ImageColumn.NAME) {
						labelCalls.incrementAndGet();
					}
					return element instanceof ImageEntry e ? c.text(e) : c == ImageColumn.NAME ? "Loading…" : "";
				}

				@Override
				public Image getImage(Object element) {
					return c == ImageColumn.NAME ? spacer : null;
				}

				@Override
				public Color getForeground(Object element) {
					if (element instanceof ImageEntry e && c == ImageColumn.STATE) {
						return stateColor(display, e);
					}
					return element instanceof ImageEntry e && e.excluded() ? display.getSystemColor(SWT.COLOR_DARK_GRAY)
							: null;
				}

				@Override
				public String getToolTipText(Object element) {
					return element instanceof ImageEntry e ? e.path() : null;
				}
			});
		}
		table.addListener(SWT.PaintItem, this::paintThumbnail);
		viewer.setContentProvider(new ILazyContentProvider() {
			@Override
			public void updateElement(int index) {
				updateElementCalls.incrementAndGet();
				ImageEntry e = rows.get(index);
				if (e != null) {
					viewer.replace(e, index);
				} else {
					viewer.replace(Integer.valueOf(index), index);
					requestPage(index);
				}
			}

			@Override
			public void inputChanged(Viewer v, Object oldInput, Object newInput) {
				// rows are installed by install()
			}
		});
		viewer.setInput(query);
		createActions();
		model.addChangeListener(changeListener);
		model.addProjectListener(projectListener);
		root.addListener(SWT.Dispose, e -> {
			model.removeChangeListener(changeListener);
			model.removeProjectListener(projectListener);
			thumbnails.close();
			spacer.dispose();
		});
		setQuery(ImageQuery.all(model.currentProject()));
	}

	private static Image transparent(Display display, int w, int h) {
		ImageData d = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
		d.alphaData = new byte[w * h];
		return new Image(display, d);
	}

	private static Color stateColor(Display d, ImageEntry e) {
		return switch (e.state()) {
		case READY, EXISTING -> d.getSystemColor(SWT.COLOR_DARK_GREEN);
		case REJECTED, INVALID, FAILED -> d.getSystemColor(SWT.COLOR_RED);
		case UPLOADING, UPLOADED, REGISTERED -> d.getSystemColor(SWT.COLOR_DARK_BLUE);
		default -> null;
		};
	}

	private void paintThumbnail(Event event) {
		if (event.index != 0 || !(event.item instanceof TableItem item) || !(item.getData() instanceof ImageEntry e)) {
			return;
		}
		Rectangle r = item.getImageBounds(0);
		Image img = thumbnails.get(e.path(), this::scheduleRedraw);
		GC gc = event.gc;
		int y = r.y + Math.max(0, (r.height - THUMB_H) / 2);
		if (img != null) {
			gc.drawImage(img, r.x, y);
		} else {
			Color old = gc.getBackground();
			gc.setBackground(event.display.getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
			gc.fillRectangle(r.x + 1, y + 1, THUMB_W - 2, THUMB_H - 2);
			gc.setBackground(old);
		}
	}

	private void scheduleRedraw() {
		if (redrawScheduled || root.isDisposed()) {
			return;
		}
		redrawScheduled = true;
		root.getDisplay().timerExec(60, () -> {
			redrawScheduled = false;
			if (!viewer.getTable().isDisposed()) {
				viewer.getTable().redraw();
			}
		});
	}

	// ------------------------------------------------------------------ rows

	/** @return the current query */
	public ImageQuery query() {
		return query;
	}

	/**
	 * Shows another project, filter or order: the rows are rebuilt by a job.
	 *
	 * @param q the query
	 */
	public void setQuery(ImageQuery q) {
		boolean sameRows = q.equals(query);
		query = q;
		Table t = viewer.getTable();
		t.setSortColumn(null);
		for (TableColumn c : t.getColumns()) {
			if (c.getData() == q.sort()) {
				t.setSortColumn(c);
				t.setSortDirection(q.ascending() ? SWT.UP : SWT.DOWN);
			}
		}
		reload(!sameRows);
	}

	/** @param c the column @param ascending the direction */
	public void sortBy(ImageColumn c, boolean ascending) {
		setQuery(new ImageQuery(query.project(), query.state(), query.finding(), query.search(), c, ascending));
	}

	/** @param s only this state, or null */
	public void filterState(ImageState s) {
		stateFilter.select(s == null ? 0 : s.ordinal() + 1);
		setQuery(new ImageQuery(query.project(), s, query.finding(), query.search(), query.sort(), query.ascending()));
	}

	/** @param f a severity or finding id, or null */
	public void filterFinding(String f) {
		int i = findingChoices.indexOf(f);
		findingFilter.select(Math.max(0, i));
		setQuery(new ImageQuery(query.project(), query.state(), f, query.search(), query.sort(), query.ascending()));
	}

	/** @param text quick search text */
	public void search(String text) {
		search.setText(text);
		setQuery(new ImageQuery(query.project(), query.state(), query.finding(), text, query.sort(), query.ascending()));
	}

	private void reload(boolean reset) {
		Journal journal = model.workspace() == null ? null : model.workspace().journal();
		if (journal == null || query.project() == null) {
			install(ImageRows.empty(), reset);
			return;
		}
		if (loads > 0) {
			reloadAgain = true;
			return;
		}
		Set<Integer> warm = new TreeSet<>();
		Table t = viewer.getTable();
		int top = reset ? 0 : t.getTopIndex();
		int visible = Math.max(1, t.getClientArea().height / Math.max(1, t.getItemHeight())) + 1;
		warm.add(ImageRows.pageOf(top));
		warm.add(ImageRows.pageOf(top + visible));
		if (!reset) {
			warm.addAll(rows.cachedPages().stream().filter(p -> Math.abs(p - ImageRows.pageOf(top)) <= 2)
					.collect(Collectors.toSet()));
		}
		ImageQuery q = query;
		loads++;
		Job job = new Job("Reading images of " + q.project()) {
			@Override
			protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				ImageRows r;
				IStatus result = Status.OK_STATUS;
				try {
					r = ImageRows.load(journal, q, warm);
				} catch (JournalException e) {
					r = null;
					result = Status.error(e.getMessage(), e);
				}
				ImageRows loaded = r;
				String err = result.isOK() ? null : result.getMessage();
				asyncUi(() -> {
					loads--;
					if (loaded != null && q.equals(query)) {
						install(loaded, reset);
					} else if (err != null) {
						status.setText(err);
					}
					if (reloadAgain || !q.equals(query)) {
						reloadAgain = false;
						reload(!q.equals(query));
					}
				});
				return result;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LOAD_FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void install(ImageRows r, boolean reset) {
		rows = r;
		waiting.clear();
		pagesLoading.clear();
		Table t = viewer.getTable();
		t.setItemCount(r.size());
		t.clearAll();
		if (reset && r.size() > 0) {
			t.setTopIndex(0);
		}
		status.setText(describe(r));
		root.layout(new org.eclipse.swt.widgets.Control[] { status });
	}

	private String describe(ImageRows r) {
		if (model.error() != null) {
			return model.error();
		}
		if (query.project() == null) {
			return "No project open. Create one with File > New Project, then add a folder of images.";
		}
		int total = r.counts().values().stream().mapToInt(Integer::intValue).sum();
		StringBuilder sb = new StringBuilder(query.project()).append(": ");
		sb.append(String.format("%,d", total)).append(total == 1 ? " image" : " images");
		if (r.size() != total) {
			sb.append(String.format(", %,d shown", r.size()));
		}
		String states = r.counts().entrySet().stream().map(e -> String.format("%,d %s", e.getValue(), e.getKey().label()))
				.collect(Collectors.joining(", "));
		if (!states.isEmpty()) {
			sb.append(" (").append(states).append(')');
		}
		return sb.toString();
	}

	private void requestPage(int index) {
		waiting.add(index);
		int page = ImageRows.pageOf(index);
		if (!pagesLoading.add(page)) {
			return;
		}
		ImageRows r = rows;
		Job job = new Job("Reading images") {
			@Override
			protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				try {
					List<ImageEntry> l = r.readPage(page);
					asyncUi(() -> pageLoaded(r, page, l));
					return Status.OK_STATUS;
				} catch (JournalException e) {
					asyncUi(() -> status.setText(e.getMessage()));
					return Status.error(e.getMessage(), e);
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LOAD_FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void pageLoaded(ImageRows r, int page, List<ImageEntry> l) {
		if (r != rows) {
			return;
		}
		r.put(page, l);
		pagesLoading.remove(page);
		for (Integer i : new ArrayList<>(waiting)) {
			if (ImageRows.pageOf(i) == page) {
				waiting.remove(i);
				ImageEntry e = r.get(i);
				if (e != null && i < viewer.getTable().getItemCount()) {
					viewer.replace(e, i);
				}
			}
		}
	}

	private void asyncUi(Runnable r) {
		Display d = root.getDisplay();
		if (!d.isDisposed()) {
			d.asyncExec(() -> {
				if (!root.isDisposed()) {
					r.run();
				}
			});
		}
	}

	private void imagesChanged(String project, Set<Long> ids) {
		if (project.equals(query.project())) {
			reload(false);
		}
	}

	// ------------------------------------------------------------------ actions

	private void createActions() {
		actions.put("recheck", action("Re-check", "Inspect the selected files again", this::recheck));
		actions.put("exclude", action("Exclude", "Leave the selected images out of uploads", () -> exclude(true)));
		actions.put("include", action("Include", "Upload the selected images again", () -> exclude(false)));
		actions.put("retry", action("Retry Upload", "Send failed or invalid images again", this::retryUpload));
		actions.put("reveal", action("Reveal in Map", "Show the selected images on the map", this::revealInMap));
		MenuManager menu = new MenuManager();
		menu.add(actions.get("recheck"));
		menu.add(new Separator());
		menu.add(actions.get("exclude"));
		menu.add(actions.get("include"));
		menu.add(actions.get("retry"));
		menu.add(new Separator());
		menu.add(actions.get("reveal"));
		viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
		viewer.addSelectionChangedListener(e -> {
			boolean any = !selection().isEmpty();
			actions.values().forEach(a -> a.setEnabled(any));
		});
		actions.values().forEach(a -> a.setEnabled(false));
	}

	private static Action action(String text, String tip, Runnable run) {
		Action a = new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
		a.setToolTipText(tip);
		return a;
	}

	/** @return the actions by id: recheck, exclude, include, retry, reveal */
	public Map<String, IAction> actions() {
		return Map.copyOf(actions);
	}

	/** @return the selected images */
	public List<ImageEntry> selection() {
		IStructuredSelection s = viewer.getStructuredSelection();
		List<ImageEntry> out = new ArrayList<>();
		for (Object o : s) {
			if (o instanceof ImageEntry e) {
				out.add(e);
			}
		}
		return out;
	}

	/** @param handler shows images on the map */
	public void setRevealHandler(Consumer<List<ImageEntry>> handler) {
		revealHandler = handler;
	}

	/** Inspects the selected files again, as a job. */
	public void recheck() {
		List<ImageEntry> sel = selection();
		if (sel.isEmpty() || model.workspace() == null) {
			return;
		}
		new InspectJob(model.workspace(), query.project(),
				sel.stream().map(e -> java.nio.file.Path.of(e.path())).toList(), true).schedule();
	}

	/** @param excluded whether the selected images are left out of uploads */
	public void exclude(boolean excluded) {
		List<Long> ids = selection().stream().map(ImageEntry::id).toList();
		run((excluded ? "Excluding " : "Including ") + ids.size() + " images",
				ImagesOperation.exclude(model.workspace(), query.project(), ids, excluded));
	}

	/** Puts the selected failed or invalid images back in line (the rule of {@code ingest --retry}) and uploads. */
	public void retryUpload() {
		List<Long> ids = selection().stream().map(ImageEntry::id).toList();
		Job j = run("Retrying " + ids.size() + " images", ImagesOperation.retry(model.workspace(), query.project(), ids));
		if (j != null) {
			String project = query.project();
			j.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
				@Override
				public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
					if (event.getResult().isOK()) {
						UploadServices.get().createUploadJob(model.workspace(), project, null).schedule();
					}
				}
			});
		}
	}

	/** Shows the selected images on the map. */
	public void revealInMap() {
		revealHandler.accept(selection());
	}

	private Job run(String name, ImagesOperation op) {
		if (model.workspace() == null || query.project() == null) {
			return null;
		}
		Job job = Job.create(name, monitor -> {
			try {
				op.execute(monitor);
				return Status.OK_STATUS;
			} catch (java.io.IOException e) {
				return Status.error(e.getMessage(), e);
			}
		});
		job.schedule();
		return job;
	}

	// ------------------------------------------------------------------ accessors

	/** @return the top control */
	public Composite control() {
		return root;
	}

	/** @return the table viewer */
	public TableViewer viewer() {
		return viewer;
	}

	/** @return the status line above the table */
	public String statusText() {
		return status.getText();
	}

	/** @return the rows shown */
	public ImageRows rows() {
		return rows;
	}

	/** @return whether rows are being read */
	public boolean isLoading() {
		return loads > 0 || !pagesLoading.isEmpty();
	}

	/** @return how often the table asked the content provider for a row */
	public int updateElementCalls() {
		return updateElementCalls.get();
	}

	/** @return how often a row's label was computed (Name column) */
	public int labelCalls() {
		return labelCalls.get();
	}

	/** @return the thumbnail cache */
	public ThumbnailCache thumbnails() {
		return thumbnails;
	}

}
