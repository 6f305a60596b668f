/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.internal.details;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.JournalException;
import io.tiepoint.exif.ImageInspector;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.images.Findings;
import io.tiepoint.ui.internal.images.ImageColumn;
import io.tiepoint.ui.internal.images.ThumbnailCache;

/**
 * The Image details view's content: a thumbnail, the image's journal record, every EXIF/GPS/XMP field
 * (read again from the file by a job, so nothing the journal leaves out is missing), its findings with
 * explanations and its history of states.
 */
public final class DetailsPanel {

	/** Family of the jobs that read the file. */
	public static final Object LOAD_FAMILY = new Object();

	/** Every metadata field of an inspected file, in the order of the reports, under their plain names. */
	static final Map<String, Function<ImageRecord, Object>> FIELDS = new LinkedHashMap<>();

	static {
		FIELDS.put("mediaType", ImageRecord::mediaType);
		FIELDS.put("width", ImageRecord::width);
		FIELDS.put("height", ImageRecord::height);
		FIELDS.put("megapixels", ImageRecord::megapixels);
		FIELDS.put("make", ImageRecord::make);
		FIELDS.put("model", ImageRecord::model);
		FIELDS.put("serial", ImageRecord::serial);
		FIELDS.put("lens", ImageRecord::lens);
		FIELDS.put("focalLength", ImageRecord::focalLength);
		FIELDS.put("focalLength35", ImageRecord::focalLength35);
		FIELDS.put("sensorWidth", ImageRecord::sensorWidth);
		FIELDS.put("dateTimeOriginal", ImageRecord::dateTimeOriginal);
		FIELDS.put("offsetTimeOriginal", ImageRecord::offsetTimeOriginal);
		FIELDS.put("exposureTime", ImageRecord::exposureTime);
		FIELDS.put("iso", ImageRecord::iso);
		FIELDS.put("fNumber", ImageRecord::fNumber);
		FIELDS.put("orientation", ImageRecord::orientation);
		FIELDS.put("latitude", ImageRecord::latitude);
		FIELDS.put("longitude", ImageRecord::longitude);
		FIELDS.put("altitude", ImageRecord::altitude);
		FIELDS.put("relativeAltitude", ImageRecord::relativeAltitude);
		FIELDS.put("absoluteAltitude", ImageRecord::absoluteAltitude);
		FIELDS.put("gimbalYaw", ImageRecord::gimbalYaw);
		FIELDS.put("gimbalPitch", ImageRecord::gimbalPitch);
		FIELDS.put("gimbalRoll", ImageRecord::gimbalRoll);
		FIELDS.put("flightYaw", ImageRecord::flightYaw);
		FIELDS.put("flightPitch", ImageRecord::flightPitch);
		FIELDS.put("flightRoll", ImageRecord::flightRoll);
		FIELDS.put("blurVariance", ImageRecord::blurVariance);
		FIELDS.put("clippedLow", ImageRecord::clippedLow);
		FIELDS.put("clippedHigh", ImageRecord::clippedHigh);
	}

	private final WorkbenchModel model;
	private final Composite root;
	private final Canvas thumb;
	private final Label title;
	private final Tree tree;
	private final ThumbnailCache thumbnails;
	private ImageEntry entry;
	private ImageRecord record;
	private List<Object[]> events = List.of();
	private int loads;

	/**
	 * @param parent the parent
	 * @param model  the workspace
	 */
	public DetailsPanel(Composite parent, WorkbenchModel model) {
		this.model = model;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(2, false));
		thumbnails = new ThumbnailCache(parent.getDisplay(), 240, 180, 8);
		thumb = new Canvas(root, SWT.DOUBLE_BUFFERED);
		GridData tg = new GridData(SWT.LEFT, SWT.TOP, false, false);
		tg.widthHint = 240;
		tg.heightHint = 180;
		thumb.setLayoutData(tg);
		thumb.addListener(SWT.Paint, e -> {
			Image img = entry == null ? null : thumbnails.get(entry.path(), thumb::redraw);
			if (img != null) {
				e.gc.drawImage(img, 0, 0);
			} else {
				e.gc.setBackground(e.display.getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
				e.gc.fillRectangle(0, 0, 240, 180);
				e.gc.drawText(entry == null ? "No image selected" : "No preview", 8, 8, true);
			}
		});
		title = new Label(root, SWT.WRAP);
		title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		tree = new Tree(root, SWT.BORDER | SWT.FULL_SELECTION);
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		TreeColumn c1 = new TreeColumn(tree, SWT.LEFT);
		c1.setText("Field");
		c1.setWidth(210);
		TreeColumn c2 = new TreeColumn(tree, SWT.LEFT);
		c2.setText("Value");
		c2.setWidth(520);
		root.addListener(SWT.Dispose, e -> thumbnails.close());
		show(null);
	}

	/** @return the top control */
	public Composite control() {
		return root;
	}

	/** @return the field tree */
	public Tree tree() {
		return tree;
	}

	/** @return whether the file is being read */
	public boolean isLoading() {
		return loads > 0;
	}

	/** @return the image shown, or null */
	public ImageEntry entry() {
		return entry;
	}

	/** @return the file's metadata once read, or null */
	public ImageRecord record() {
		return record;
	}

	/**
	 * Shows an image (its journal record at once, the file's metadata once read).
	 *
	 * @param e the image, or null
	 */
	public void show(ImageEntry e) {
		entry = e;
		record = null;
		events = List.of();
		fill();
		thumb.redraw();
		if (e == null) {
			return;
		}
		loads++;
		Job job = new Job("Reading " + e.name()) {
			@Override
			protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
				ImageRecord r = Files.isRegularFile(Path.of(e.path())) ? new ImageInspector().inspect(Path.of(e.path())) : null;
				List<Object[]> ev;
				try {
					ev = model.workspace() == null ? List.of() : model.workspace().journal().events(e.id());
				} catch (JournalException ex) {
					ev = List.of();
				}
				List<Object[]> history = ev;
				if (!root.isDisposed()) {
					root.getDisplay().asyncExec(() -> {
						if (root.isDisposed()) {
							return;
						}
						loads--;
						if (entry == e) {
							record = r;
							events = history;
							fill();
						}
					});
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LOAD_FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void fill() {
		tree.setRedraw(false);
		try {
			tree.removeAll();
			if (entry == null) {
				title.setText("Select an image in the Images view or on the map.");
				return;
			}
			ImageEntry e = entry;
			title.setText(e.name() + "\n" + e.state().label() + (e.error() == null ? "" : ": " + e.error()) + "\n"
					+ e.camera() + "\n" + e.path());
			List<String[]> file = new ArrayList<>();
			file.add(row("path", e.path()));
			file.add(row("size", ImageColumn.size(e.size()) + " (" + e.size() + " bytes)"));
			file.add(row("modified", e.mtime() > 0 ? Instant.ofEpochMilli(e.mtime()).toString() : ""));
			file.add(row("sha1", e.sha1()));
			file.add(row("md5", e.md5()));
			file.add(row("state", e.state().label()));
			file.add(row("error", e.error()));
			file.add(row("excluded", Boolean.toString(e.excluded())));
			file.add(row("attempts", Integer.toString(e.attempts())));
			file.add(row("bytes sent", Long.toString(e.bytesSent())));
			file.add(row("platform id", e.remoteId()));
			section("File and journal", file);
			List<String[]> meta = new ArrayList<>();
			if (record != null) {
				for (Map.Entry<String, Function<ImageRecord, Object>> f : FIELDS.entrySet()) {
					Object v = f.getValue().apply(record);
					meta.add(row(f.getKey(), v == null ? "" : v.toString()));
				}
			} else {
				meta.add(row("latitude", str(e.latitude())));
				meta.add(row("longitude", str(e.longitude())));
				meta.add(row("altitude", str(e.altitude())));
				meta.add(row("relativeAltitude", str(e.relAltitude())));
				meta.add(row("yaw", str(e.yaw())));
				meta.add(row("pitch", str(e.pitch())));
				meta.add(row("dateTimeOriginal", e.taken()));
				meta.add(row("(reading the file…)", loads > 0 ? "" : "the file cannot be read"));
			}
			section("EXIF, GPS and XMP", meta);
			TreeItem fi = new TreeItem(tree, SWT.NONE);
			List<Findings.Line> lines = Findings.parse(e.findings());
			fi.setText(new String[] { "Findings", lines.isEmpty() ? "none" : Integer.toString(lines.size()) });
			for (Findings.Line l : lines) {
				TreeItem f = new TreeItem(fi, SWT.NONE);
				f.setText(new String[] { l.severity() + " " + l.id(), l.message() });
				TreeItem why = new TreeItem(f, SWT.NONE);
				why.setText(new String[] { "why it matters", Findings.explain(l.id()) });
				f.setExpanded(true);
			}
			fi.setExpanded(true);
			List<String[]> hist = new ArrayList<>();
			for (Object[] ev : events) {
				hist.add(row(Instant.ofEpochMilli((Long) ev[0]).toString(),
						(ev[1] == null ? "" : ev[1]) + (ev[2] == null ? "" : " " + ev[2])));
			}
			section("History", hist);
		} finally {
			tree.setRedraw(true);
		}
	}

	private static String str(Double d) {
		return d == null ? "" : d.toString();
	}

	private static String[] row(String k, String v) {
		return new String[] { k, v == null ? "" : v };
	}

	private void section(String name, List<String[]> rows) {
		TreeItem s = new TreeItem(tree, SWT.NONE);
		s.setText(new String[] { name, "" });
		for (String[] r : rows) {
			new TreeItem(s, SWT.NONE).setText(r);
		}
		s.setExpanded(true);
	}

	/** @return every (field, value) shown, depth first (for tests) */
	public List<String[]> rows() {
		List<String[]> out = new ArrayList<>();
		for (TreeItem i : tree.getItems()) {
			collect(i, out);
		}
		return out;
	}

	private static void collect(TreeItem i, List<String[]> out) {
		out.add(new String[] { i.getText(0), i.getText(1) });
		for (TreeItem c : i.getItems()) {
			collect(c, out);
		}
	}
}
