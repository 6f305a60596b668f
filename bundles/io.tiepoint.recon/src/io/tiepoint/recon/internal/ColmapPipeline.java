/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;

import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.ImageInspector;
import io.tiepoint.exif.ImageRecord;
import io.tiepoint.hub.TaskContext;
import io.tiepoint.hub.TaskImage;

/**
 * One COLMAP 3.8 sparse reconstruction, CPU only, in {@code <workDir>/colmap}: EXIF positions ->
 * {@code feature_extractor} -> {@code spatial_matcher} with GPS priors (exhaustive without GPS) ->
 * {@code mapper} -> {@code model_aligner} to the images' GPS in a local ENU frame ->
 * {@code model_analyzer} -> {@code model_converter} (PLY and TXT). Progress is reported across all
 * stages as {@code 3N + 3} steps for N images; results and files go to the {@link TaskContext}.
 */
public final class ColmapPipeline {

	/** The plug-in id, for statuses. */
	public static final String PLUGIN_ID = "io.tiepoint.recon";

	/** How much detail feature extraction looks for. */
	public enum Profile {
		/**
		 * Features at image resolution ({@code first_octave 0}), at most 2500 per image; each image
		 * matched with its 8 nearest neighbours by GPS.
		 */
		FAST(0, 2500, 8),
		/**
		 * COLMAP's default: the image upsampled once ({@code first_octave -1}), at most 8192 features;
		 * 12 nearest neighbours.
		 */
		FULL(-1, 8192, 12);

		private final int firstOctave;
		private final int maxFeatures;
		private final int neighbours;

		Profile(int firstOctave, int maxFeatures, int neighbours) {
			this.firstOctave = firstOctave;
			this.maxFeatures = maxFeatures;
			this.neighbours = neighbours;
		}
	}

	/** The stages, in order, with the names used in logs and timings. */
	public enum Stage {
		/** Reading the images' EXIF positions. */
		INSPECT("inspect"),
		/** {@code feature_extractor}. */
		EXTRACT("extract"),
		/** {@code spatial_matcher} or {@code exhaustive_matcher}. */
		MATCH("match"),
		/** {@code mapper}. */
		MAP("map"),
		/** {@code model_aligner}. */
		ALIGN("align"),
		/** {@code model_analyzer}. */
		ANALYZE("analyze"),
		/** {@code model_converter} and publishing the files. */
		EXPORT("export");

		private final String label;

		Stage(String label) {
			this.label = label;
		}

		/** @return the stage's short name */
		public String label() {
			return label;
		}
	}

	/** A position read from EXIF. */
	private record Gps(String filename, double lat, double lon, double alt) {
	}

	private final Path colmap;
	private final TaskContext context;
	private final Profile profile;
	private final IProgressMonitor monitor;
	private final Path ws;
	private final Map<String, String> env = new LinkedHashMap<>();
	private final Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
	private int imageCount;
	private int lastStep = -1;

	/**
	 * @param colmap  the colmap executable
	 * @param context the task
	 * @param profile the feature profile
	 */
	public ColmapPipeline(Path colmap, TaskContext context, Profile profile) {
		this.colmap = colmap;
		this.context = context;
		this.profile = profile;
		this.monitor = context.monitor();
		this.ws = context.workDir().resolve("colmap");
	}

	/** @return seconds per stage run so far */
	public Map<Stage, Double> seconds() {
		return Map.copyOf(seconds);
	}

	/**
	 * Runs every stage.
	 *
	 * @throws CoreException              when a stage fails; the message carries COLMAP's last lines
	 * @throws OperationCanceledException when the monitor is canceled (no COLMAP process is left)
	 */
	public void run() throws CoreException {
		List<TaskImage> images = context.images();
		imageCount = images.size();
		if (imageCount == 0) {
			throw error("no image to reconstruct", null);
		}
		monitor.beginTask("COLMAP " + profile.name().toLowerCase(Locale.ROOT) + " reconstruction", total());
		try {
			Files.createDirectories(ws.resolve("glog"));
			Files.createDirectories(ws.resolve("logs"));
			env.put("GLOG_log_dir", ws.resolve("glog").toString());
			env.put("QT_QPA_PLATFORM", "offscreen");
			progress(0);

			long t0 = System.nanoTime();
			monitor.subTask("reading EXIF positions");
			Path imageDir = imageDir(images);
			List<Gps> gps = new ArrayList<>();
			boolean oneCamera = inspect(images, gps);
			Path list = ws.resolve("image_list.txt");
			Files.write(list, images.stream().map(TaskImage::filename).toList(), StandardCharsets.UTF_8);
			Path ref = ws.resolve("gps_ref.txt");
			List<String> refLines = new ArrayList<>();
			for (Gps g : gps) {
				refLines.add(String.format(Locale.ROOT, "%s %.9f %.9f %.3f", g.filename(), g.lat(), g.lon(), g.alt()));
			}
			Files.write(ref, refLines, StandardCharsets.UTF_8);
			seconds.put(Stage.INSPECT, (System.nanoTime() - t0) / 1e9);
			boolean geo = gps.size() >= 3;

			Path db = ws.resolve("database.db");
			Files.deleteIfExists(db);
			colmap(Stage.EXTRACT, 0, List.of("feature_extractor", "--database_path", db.toString(), "--image_path",
					imageDir.toString(), "--image_list_path", list.toString(), "--ImageReader.camera_model", "SIMPLE_RADIAL",
					"--ImageReader.single_camera", oneCamera ? "1" : "0", "--SiftExtraction.use_gpu", "0",
					"--SiftExtraction.max_num_features", Integer.toString(profile.maxFeatures),
					"--SiftExtraction.first_octave", Integer.toString(profile.firstOctave)));
			List<String> match = geo
					? List.of("spatial_matcher", "--database_path", db.toString(), "--SiftMatching.use_gpu", "0",
							"--SpatialMatching.is_gps", "1", "--SpatialMatching.max_num_neighbors", Integer.toString(profile.neighbours),
							"--SpatialMatching.max_distance", "150")
					: List.of("exhaustive_matcher", "--database_path", db.toString(), "--SiftMatching.use_gpu", "0",
							"--ExhaustiveMatching.block_size", "10");
			colmap(Stage.MATCH, imageCount, match);
			Path sparse = ws.resolve("sparse");
			Files.createDirectories(sparse);
			ColmapProcess.Outcome mapped = colmap(Stage.MAP, 2 * imageCount, List.of("mapper", "--database_path",
					db.toString(), "--image_path", imageDir.toString(), "--output_path", sparse.toString()));
			Path model = largestModel(sparse);
			if (model == null) {
				throw error("COLMAP mapper registered no images (no model in " + sparse + "):\n" + mapped.tailText(), null);
			}

			Double alignmentError = null;
			String georegistration = geo ? null : "skipped: fewer than 3 images with EXIF GPS";
			if (geo) {
				Path aligned = ws.resolve("geo");
				Files.createDirectories(aligned);
				double[] err = { Double.NaN };
				ColmapProcess.Outcome o = colmapLenient(Stage.ALIGN, 3 * imageCount,
						List.of("model_aligner", "--input_path", model.toString(), "--output_path", aligned.toString(),
								"--ref_images_path", ref.toString(), "--ref_is_gps", "1", "--alignment_type", "enu",
								"--robust_alignment", "1", "--robust_alignment_max_error", "5.0"),
						line -> ColmapLines.alignmentError(line).ifPresent(v -> err[0] = v));
				if (o.exitCode() == 0 && Files.isRegularFile(aligned.resolve("images.bin")) && !Double.isNaN(err[0])) {
					model = aligned;
					alignmentError = err[0];
					georegistration = "enu";
				} else {
					georegistration = "failed: " + (o.tail().isEmpty() ? "exit " + o.exitCode() : o.tail().get(o.tail().size() - 1));
				}
			}
			progress(3 * imageCount + 1);

			Map<String, Number> figures = new LinkedHashMap<>();
			colmap(Stage.ANALYZE, 3 * imageCount + 1, List.of("model_analyzer", "--path", model.toString()), line -> {
				ColmapLines.registeredImages(line).ifPresent(v -> figures.put("registeredImages", v));
				ColmapLines.points(line).ifPresent(v -> figures.put("points", v));
				ColmapLines.observations(line).ifPresent(v -> figures.put("observations", v));
				ColmapLines.meanReprojectionError(line).ifPresent(v -> figures.put("meanReprojectionError", v));
			});
			progress(3 * imageCount + 2);

			long e0 = System.nanoTime();
			Path ply = ws.resolve("points.ply");
			Path txt = ws.resolve("model-txt");
			Files.createDirectories(txt);
			colmap(Stage.EXPORT, 3 * imageCount + 2, List.of("model_converter", "--input_path", model.toString(),
					"--output_path", ply.toString(), "--output_type", "PLY"));
			colmap(Stage.EXPORT, 3 * imageCount + 2, List.of("model_converter", "--input_path", model.toString(),
					"--output_path", txt.toString(), "--output_type", "TXT"));
			Map<String, double[]> centres = TextModel.centres(txt.resolve("images.txt"));
			Path zip = ws.resolve("model.zip");
			zip(zip, model, txt, ref);

			context.result("images", imageCount);
			figures.forEach(context::result);
			context.result("profile", profile.name().toLowerCase(Locale.ROOT));
			context.result("georegistration", georegistration);
			if (alignmentError != null) {
				context.result("alignmentError", alignmentError);
				georegistrationError(gps, centres);
			}
			context.artifact("points.ply", ply);
			context.artifact("model.zip", zip);
			seconds.merge(Stage.EXPORT, (System.nanoTime() - e0) / 1e9, Math::max);
			Map<String, Double> timing = new LinkedHashMap<>();
			seconds.forEach((k, v) -> timing.put(k.label(), Math.round(v * 1000) / 1000.0));
			context.result("stageSeconds", timing);
			writeTimings();
			progress(total());
		} catch (IOException e) {
			throw error("COLMAP reconstruction in " + ws + " failed: " + e.getMessage(), e);
		} finally {
			monitor.done();
		}
	}

	private int total() {
		return 3 * imageCount + 3;
	}

	private void progress(int step) {
		int s = Math.min(step, total());
		if (s > lastStep) {
			lastStep = s;
			context.progress(s, total());
		}
	}

	/** The images' directory: their common parent, or links in {@code colmap/images} when they differ. */
	private Path imageDir(List<TaskImage> images) throws IOException {
		Set<Path> parents = new HashSet<>();
		for (TaskImage i : images) {
			if (!Files.isRegularFile(i.path())) {
				throw new IOException("image " + i.name() + " (" + i.path() + ") is missing");
			}
			if (!i.path().getFileName().toString().equals(i.filename())) {
				parents.add(null);
			}
			parents.add(i.path().toAbsolutePath().getParent());
		}
		if (parents.size() == 1) {
			return parents.iterator().next();
		}
		Path dir = Files.createDirectories(ws.resolve("images"));
		for (TaskImage i : images) {
			Path link = dir.resolve(i.filename());
			Files.deleteIfExists(link);
			Files.createSymbolicLink(link, i.path().toAbsolutePath());
		}
		return dir;
	}

	/** Reads EXIF GPS; @return true when every image has the same make, model and size */
	private boolean inspect(List<TaskImage> images, List<Gps> gps) {
		ImageInspector inspector = new ImageInspector(CheckConfig.defaults(), List.of());
		Set<String> cameras = new HashSet<>();
		for (TaskImage i : images) {
			if (monitor.isCanceled()) {
				throw new OperationCanceledException();
			}
			ImageRecord r = inspector.inspect(i.path());
			cameras.add(r.make() + "|" + r.model() + "|" + r.width() + "x" + r.height());
			Double alt = r.altitude() != null ? r.altitude() : r.absoluteAltitude();
			if (r.latitude() != null && r.longitude() != null && alt != null) {
				gps.add(new Gps(i.filename(), r.latitude(), r.longitude(), alt));
			}
		}
		return cameras.size() == 1;
	}

	private ColmapProcess.Outcome colmap(Stage stage, int offset, List<String> args) throws IOException, CoreException {
		return colmap(stage, offset, args, line -> {
		});
	}

	private ColmapProcess.Outcome colmap(Stage stage, int offset, List<String> args, Consumer<String> extra)
			throws IOException, CoreException {
		ColmapProcess.Outcome o = colmapLenient(stage, offset, args, extra);
		if (o.exitCode() != 0) {
			throw error("COLMAP " + args.get(0) + " failed (exit " + o.exitCode() + "; log " + log(stage, args) + "):\n"
					+ o.tailText(), null);
		}
		return o;
	}

	private ColmapProcess.Outcome colmapLenient(Stage stage, int offset, List<String> args, Consumer<String> extra)
			throws IOException {
		monitor.subTask(stage.label() + ": colmap " + args.get(0));
		List<String> command = new ArrayList<>();
		command.add(colmap.toString());
		command.addAll(args);
		int span = stage == Stage.ALIGN || stage == Stage.ANALYZE || stage == Stage.EXPORT ? 1 : imageCount;
		ColmapProcess.Outcome o = ColmapProcess.run(command, env, ws, log(stage, args), line -> {
			ColmapLines.progress(line).ifPresent(p -> {
				int of = p.total() > 0 ? p.total() : imageCount;
				progress(offset + (int) Math.min(span, (long) span * p.done() / Math.max(1, of)));
			});
			extra.accept(line);
		}, monitor);
		seconds.merge(stage, o.seconds(), Double::sum);
		if (stage != Stage.ALIGN && stage != Stage.ANALYZE && stage != Stage.EXPORT) {
			progress(offset + span);
		}
		return o;
	}

	private Path log(Stage stage, List<String> args) {
		return ws.resolve("logs").resolve(stage.label() + "-" + args.get(0) + ".log");
	}

	/** @return the mapper's model with the most registered images (largest images.bin), or null */
	private static Path largestModel(Path sparse) throws IOException {
		Path best = null;
		long size = -1;
		try (DirectoryStream<Path> models = Files.newDirectoryStream(sparse)) {
			for (Path m : models) {
				Path images = m.resolve("images.bin");
				if (Files.isRegularFile(images) && Files.size(images) > size) {
					size = Files.size(images);
					best = m;
				}
			}
		}
		return best;
	}

	/**
	 * Distance between each registered camera centre (aligned model, ENU with COLMAP's origin: the
	 * first reference position) and its EXIF GPS position.
	 */
	private void georegistrationError(List<Gps> gps, Map<String, double[]> centres) {
		Gps first = gps.get(0);
		Enu enu = new Enu(first.lat(), first.lon(), first.alt());
		double sum = 0;
		double max = 0;
		int n = 0;
		for (Gps g : gps) {
			double[] c = centres.get(g.filename());
			if (c != null) {
				double d = Enu.distance(c, enu.toEnu(g.lat(), g.lon(), g.alt()));
				sum += d;
				max = Math.max(max, d);
				n++;
			}
		}
		if (n > 0) {
			context.result("georegistrationError", sum / n);
			context.result("georegistrationErrorMax", max);
			context.result("georegisteredImages", n);
			context.result("enuOrigin", Map.of("lat", first.lat(), "lon", first.lon(), "alt", first.alt()));
		}
	}

	private static void zip(Path zip, Path model, Path txt, Path ref) throws IOException {
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
			for (String name : List.of("cameras.bin", "images.bin", "points3D.bin")) {
				add(z, model.resolve(name), "model/" + name);
			}
			for (String name : List.of("cameras.txt", "images.txt", "points3D.txt")) {
				add(z, txt.resolve(name), "model/" + name);
			}
			add(z, ref, "gps_ref.txt");
		}
	}

	private static void add(ZipOutputStream z, Path file, String entry) throws IOException {
		if (Files.isRegularFile(file)) {
			z.putNextEntry(new ZipEntry(entry));
			Files.copy(file, z);
			z.closeEntry();
		}
	}

	private void writeTimings() throws IOException {
		StringBuilder sb = new StringBuilder();
		double sum = 0;
		for (Map.Entry<Stage, Double> e : seconds.entrySet()) {
			sb.append(String.format(Locale.ROOT, "%-8s %8.2f s%n", e.getKey().label(), e.getValue()));
			sum += e.getValue();
		}
		sb.append(String.format(Locale.ROOT, "%-8s %8.2f s%n", "total", sum));
		Files.writeString(ws.resolve("timings.txt"), sb.toString(), StandardCharsets.UTF_8);
	}

	/** @param message what failed @param cause or null @return the exception to throw */
	public static CoreException error(String message, Throwable cause) {
		return new CoreException(new Status(IStatus.ERROR, PLUGIN_ID, message, cause));
	}
}
