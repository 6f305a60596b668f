/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.map;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;

import io.tiepoint.core.project.Footprints;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.images.Findings;

/**
 * The Map view's content: camera positions and nadir footprints of the current project on a local
 * metric plane (east/north metres around the centre of the images; no map tiles), with a scale bar,
 * coloured by state or by finding; clicking a camera selects it.
 */
public final class MapPanel {

	/** Family of the jobs that read the map's data. */
	public static final Object LOAD_FAMILY = new Object();

	private static final double M_PER_DEG_LAT = 110_540.0;
	private static final double M_PER_DEG_LON = 111_320.0;

	/** What the colours mean. */
	public enum Colouring {
		/** By image state. */
		STATE,
		/** By worst finding. */
		FINDING
	}

	/** The data drawn: images with a position, and footprints by path, in metres. */
	record Data(List<ImageEntry> images, double[][] xy, Map<String, List<double[]>> footprints, double lat0, double lon0) {
	}

	private final WorkbenchModel model;
	private final Composite root;
	private final Canvas canvas;
	private final Label info;
	private final Combo colouring;
	private final List<Consumer<ImageEntry>> clickListeners = new CopyOnWriteArrayList<>();
	private final WorkbenchModel.ChangeListener changeListener = (p, ids) -> {
		if (p.equals(this.project)) {
			reload();
		}
	};
	private final WorkbenchModel.ProjectListener projectListener = this::setProject;
	private Data data = new Data(List.of(), new double[0][], Map.of(), 0, 0);
	private Set<Long> selected = new HashSet<>();
	private String project;
	private int loads;
	private boolean reloadAgain;
	private double scale = 1;
	private double originX;
	private double originY;

	/**
	 * @param parent the parent
	 * @param model  the workspace and current project
	 */
	public MapPanel(Composite parent, WorkbenchModel model) {
		this.model = model;
		root = new Composite(parent, SWT.NONE);
		GridLayout gl = new GridLayout(3, false);
		gl.marginWidth = 2;
		gl.marginHeight = 2;
		root.setLayout(gl);
		new Label(root, SWT.NONE).setText("Colour by:");
		colouring = new Combo(root, SWT.READ_ONLY);
		colouring.setItems("State", "Finding");
		colouring.select(0);
		colouring.addListener(SWT.Selection, e -> redraw());
		info = new Label(root, SWT.NONE);
		info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		canvas = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.BORDER);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		canvas.addListener(SWT.Paint, this::paint);
		canvas.addListener(SWT.MouseDown, this::click);
		model.addChangeListener(changeListener);
		model.addProjectListener(projectListener);
		root.addListener(SWT.Dispose, e -> {
			model.removeChangeListener(changeListener);
			model.removeProjectListener(projectListener);
		});
		setProject(model.currentProject());
	}

	private void redraw() {
		canvas.redraw();
	}

	/** @param p the project to show, or null */
	public void setProject(String p) {
		project = p;
		selected = new HashSet<>();
		reload();
	}

	/** @param c how to colour the cameras */
	public void setColouring(Colouring c) {
		colouring.select(c.ordinal());
		canvas.redraw();
	}

	/** @param ids images to highlight */
	public void select(Set<Long> ids) {
		selected = new HashSet<>(ids);
		canvas.redraw();
	}

	/** @return highlighted images */
	public Set<Long> selection() {
		return Set.copyOf(selected);
	}

	/** @param l told of the image clicked */
	public void addClickListener(Consumer<ImageEntry> l) {
		clickListeners.add(l);
	}

	/** @return the top control */
	public Composite control() {
		return root;
	}

	/** @return the drawing */
	public Canvas canvas() {
		return canvas;
	}

	/** @return the line above the map */
	public String infoText() {
		return info.getText();
	}

	/** @return whether data is being read */
	public boolean isLoading() {
		return loads > 0;
	}

	/** @return images with a position on the map */
	public List<ImageEntry> placed() {
		return data.images();
	}

	/** @return footprints drawn */
	public int footprintCount() {
		return data.footprints().size();
	}

	/** @return the footprints drawn by image path, as east/north metres around the centre of the cameras */
	public Map<String, List<double[]>> footprints() {
		return data.footprints();
	}

	private void reload() {
		Workspace ws = model.workspace();
		String p = project;
		if (ws == null || p == null) {
			install(new Data(List.of(), new double[0][], Map.of(), 0, 0), p);
			return;
		}
		if (loads > 0) {
			reloadAgain = true;
			return;
		}
		loads++;
		Job job = new Job("Reading the map of " + p) {
			@Override
			protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				Data d = null;
				String err = null;
				try {
					d = load(ws, p);
				} catch (IOException e) { // JournalException too
					err = e.getMessage();
				}
				Data loaded = d;
				String error = err;
				if (!root.isDisposed()) {
					root.getDisplay().asyncExec(() -> {
						if (root.isDisposed()) {
							return;
						}
						loads--;
						if (loaded != null && p.equals(project)) {
							install(loaded, p);
						} else if (error != null) {
							info.setText(error);
						}
						if (reloadAgain || !p.equals(project)) {
							reloadAgain = false;
							reload();
						}
					});
				}
				return error == null ? Status.OK_STATUS : Status.error(error);
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LOAD_FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	static Data load(Workspace ws, String project) throws JournalException, IOException {
		List<ImageEntry> placed = new ArrayList<>();
		double sumLat = 0;
		double sumLon = 0;
		for (ImageEntry e : ws.journal().images(project)) {
			if (e.latitude() != null && e.longitude() != null && !(e.latitude() == 0 && e.longitude() == 0)) {
				placed.add(e);
				sumLat += e.latitude();
				sumLon += e.longitude();
			}
		}
		double lat0 = placed.isEmpty() ? 0 : sumLat / placed.size();
		double lon0 = placed.isEmpty() ? 0 : sumLon / placed.size();
		double[][] xy = new double[placed.size()][];
		for (int i = 0; i < xy.length; i++) {
			xy[i] = metres(placed.get(i).latitude(), placed.get(i).longitude(), lat0, lon0);
		}
		Map<String, List<double[]>> fps = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, List<double[]>> f : Footprints.read(ws, project).entrySet()) {
			List<double[]> ring = new ArrayList<>();
			for (double[] ll : f.getValue()) {
				ring.add(metres(ll[1], ll[0], lat0, lon0));
			}
			fps.put(Path.of(f.getKey()).toString(), ring);
		}
		return new Data(List.copyOf(placed), xy, fps, lat0, lon0);
	}

	/**
	 * @return east and north metres of a position from an origin (equirectangular, fine over a survey)
	 */
	static double[] metres(double lat, double lon, double lat0, double lon0) {
		return new double[] { (lon - lon0) * M_PER_DEG_LON * Math.cos(Math.toRadians(lat0)), (lat - lat0) * M_PER_DEG_LAT };
	}

	private void install(Data d, String p) {
		data = d;
		if (p == null) {
			info.setText("No project open.");
		} else {
			info.setText(String.format(Locale.ROOT, "%s: %,d cameras placed, %,d nadir footprints; centre %.6f, %.6f",
					p, d.images().size(), d.footprints().size(), d.lat0(), d.lon0()));
		}
		root.layout(new org.eclipse.swt.widgets.Control[] { info });
		canvas.redraw();
	}

	private void fit(Rectangle area) {
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = -Double.MAX_VALUE;
		double maxY = -Double.MAX_VALUE;
		for (double[] p : data.xy()) {
			minX = Math.min(minX, p[0]);
			maxX = Math.max(maxX, p[0]);
			minY = Math.min(minY, p[1]);
			maxY = Math.max(maxY, p[1]);
		}
		for (List<double[]> ring : data.footprints().values()) {
			for (double[] p : ring) {
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
				minY = Math.min(minY, p[1]);
				maxY = Math.max(maxY, p[1]);
			}
		}
		double w = Math.max(1, maxX - minX);
		double h = Math.max(1, maxY - minY);
		int margin = 40;
		scale = Math.min((area.width - 2.0 * margin) / w, (area.height - 2.0 * margin) / h);
		scale = Math.max(scale, 1e-6);
		originX = area.x + area.width / 2.0 - (minX + w / 2) * scale;
		originY = area.y + area.height / 2.0 + (minY + h / 2) * scale;
	}

	private Point screen(double[] m) {
		return new Point((int) Math.round(originX + m[0] * scale), (int) Math.round(originY - m[1] * scale));
	}

	private void paint(Event e) {
		GC gc = e.gc;
		Rectangle area = canvas.getClientArea();
		if (data.xy().length == 0) {
			gc.drawText(project == null ? "No project open." : "No image of " + project + " has a GPS position.", 10, 10, true);
			return;
		}
		gc.setAntialias(SWT.ON);
		fit(area);
		Color fill = new Color(new RGB(120, 170, 230));
		Color edge = new Color(new RGB(60, 110, 190));
		gc.setAlpha(50);
		gc.setBackground(fill);
		for (List<double[]> ring : data.footprints().values()) {
			gc.fillPolygon(polygon(ring));
		}
		gc.setAlpha(140);
		gc.setForeground(edge);
		for (List<double[]> ring : data.footprints().values()) {
			gc.drawPolygon(polygon(ring));
		}
		gc.setAlpha(255);
		boolean byFinding = colouring.getSelectionIndex() == 1;
		int r = data.xy().length > 2000 ? 2 : 4;
		for (int i = 0; i < data.xy().length; i++) {
			ImageEntry img = data.images().get(i);
			Point p = screen(data.xy()[i]);
			gc.setBackground(colour(img, byFinding));
			gc.fillOval(p.x - r, p.y - r, 2 * r + 1, 2 * r + 1);
		}
		gc.setLineWidth(2);
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
		for (int i = 0; i < data.xy().length; i++) {
			if (selected.contains(data.images().get(i).id())) {
				Point p = screen(data.xy()[i]);
				gc.drawOval(p.x - r - 4, p.y - r - 4, 2 * r + 9, 2 * r + 9);
			}
		}
		gc.setLineWidth(1);
		scaleBar(gc, area);
		legend(gc, area);
	}

	private int[] polygon(List<double[]> ring) {
		int[] pts = new int[ring.size() * 2];
		for (int i = 0; i < ring.size(); i++) {
			Point p = screen(ring.get(i));
			pts[2 * i] = p.x;
			pts[2 * i + 1] = p.y;
		}
		return pts;
	}

	/**
	 * @param metresPerPixel ground metres per pixel
	 * @param maxPixels      the longest bar wanted
	 * @return a round length (1, 2 or 5 times a power of ten) in metres that fits
	 */
	static double niceLength(double metresPerPixel, int maxPixels) {
		double max = metresPerPixel * maxPixels;
		double pow = Math.pow(10, Math.floor(Math.log10(max)));
		for (double m : new double[] { 5, 2, 1 }) {
			if (m * pow <= max) {
				return m * pow;
			}
		}
		return pow;
	}

	private void scaleBar(GC gc, Rectangle area) {
		double len = niceLength(1 / scale, area.width / 4);
		int px = (int) Math.round(len * scale);
		int x = area.x + 15;
		int y = area.y + area.height - 20;
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.setLineWidth(2);
		gc.drawLine(x, y, x + px, y);
		gc.drawLine(x, y - 5, x, y + 5);
		gc.drawLine(x + px, y - 5, x + px, y + 5);
		gc.setLineWidth(1);
		String label = len >= 1000 ? String.format(Locale.ROOT, "%.0f km", len / 1000) : String.format(Locale.ROOT, "%.0f m", len);
		gc.drawText(label, x + px + 6, y - gc.getFontMetrics().getHeight() / 2, true);
		int nx = area.x + area.width - 25;
		int ny = area.y + 15;
		gc.drawLine(nx, ny + 25, nx, ny + 5);
		gc.drawLine(nx - 5, ny + 12, nx, ny + 5);
		gc.drawLine(nx + 5, ny + 12, nx, ny + 5);
		gc.drawText("N", nx - 4, ny - 12, true);
	}

	/** @return the lines of the legend as drawn now */
	public List<MapLegend.Row> legend() {
		return colouring.getSelectionIndex() == 1 ? MapLegend.byFinding()
				: MapLegend.byState(data.images().stream().map(ImageEntry::state).toList());
	}

	private void legend(GC gc, Rectangle area) {
		List<MapLegend.Row> rows = legend();
		int lh = gc.getFontMetrics().getHeight() + 2;
		int x = area.x + area.width - 120;
		int y = area.y + area.height - 10 - lh * rows.size();
		for (MapLegend.Row row : rows) {
			gc.setBackground(new Color(row.rgb()));
			gc.fillOval(x, y + lh / 2 - 4, 9, 9);
			gc.drawText(row.label(), x + 14, y, true);
			y += lh;
		}
	}

	private static Color colour(ImageEntry img, boolean byFinding) {
		if (byFinding) {
			return new Color(MapLegend.ofFinding(Findings.matches(img.findings(), "ERROR") ? 2
					: Findings.matches(img.findings(), "WARNING") ? 1 : 0));
		}
		return new Color(MapLegend.of(img.state()));
	}

	private void click(Event e) {
		int best = -1;
		double bestD = 10 * 10;
		for (int i = 0; i < data.xy().length; i++) {
			Point p = screen(data.xy()[i]);
			double d = (p.x - e.x) * (double) (p.x - e.x) + (p.y - e.y) * (double) (p.y - e.y);
			if (d <= bestD) {
				bestD = d;
				best = i;
			}
		}
		if (best < 0) {
			return;
		}
		ImageEntry img = data.images().get(best);
		select(Set.of(img.id()));
		clickListeners.forEach(l -> l.accept(img));
	}

	/**
	 * @param id an image
	 * @return where it is drawn, or null when it is not on the map (for tests)
	 */
	public Point screenPosition(long id) {
		fit(canvas.getClientArea());
		for (int i = 0; i < data.xy().length; i++) {
			if (data.images().get(i).id() == id) {
				return screen(data.xy()[i]);
			}
		}
		return null;
	}
}
