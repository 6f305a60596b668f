/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.exif.CheckConfig;
import io.tiepoint.exif.InspectionResult;
import io.tiepoint.exif.InspectionRun;
import io.tiepoint.exif.report.CsvReport;
import io.tiepoint.exif.report.GeoJsonReport;
import io.tiepoint.exif.report.JsonReport;
import io.tiepoint.exif.report.TextSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint check DIR...}: inspects every file under the folders (hashes, metadata, decode)
 * and reports quality findings. Findings are results: every file is reported and the exit code is
 * 0 unless {@code --strict} is given and an error-severity finding exists (then 1).
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
		"Inspect survey images: checksums, EXIF/XMP, decode, quality findings, footprints and overlap.",
		"Exit code 0, or 1 with --strict when a file has an error-severity finding." })
public final class CheckCommand implements Callable<Integer> {

	private static final String STDOUT = "-";

	@Spec
	CommandSpec spec;

	// 0..* so that "--json DIR" (picocli gives DIR to --json) can be repaired in call(); at least one is checked there
	@Parameters(arity = "0..*", paramLabel = "DIR", description = "Folders (walked recursively) or files; at least one.")
	List<Path> dirs = new ArrayList<>();

	@Option(names = "--json", arity = "0..1", fallbackValue = STDOUT, paramLabel = "FILE", description = "Write one JSON record per file (no value or '-' = stdout).")
	String json;

	@Option(names = "--csv", arity = "0..1", fallbackValue = STDOUT, paramLabel = "FILE", description = "Write CSV, one row per file (no value or '-' = stdout).")
	String csv;

	@Option(names = "--geojson", arity = "0..1", fallbackValue = STDOUT, paramLabel = "FILE", description = "Write a GeoJSON FeatureCollection of positions and footprints (no value or '-' = stdout).")
	String geojson;

	@Option(names = "--threads", paramLabel = "N", description = "Inspection threads (default: the check.threads setting, see 'tiepoint config').")
	Integer threads;

	@Option(names = "--strict", description = "Exit 1 when any file has an error-severity finding.")
	boolean strict;

	@Option(names = "--config", paramLabel = "FILE", description = "Thresholds as Java properties.")
	Path config;

	@Option(names = "--hash-only", hidden = true, description = "Benchmark: only hash the files.")
	boolean hashOnly;

	@Option(names = "--no-decode", hidden = true, description = "Benchmark: hash and parse metadata, skip pixels.")
	boolean noDecode;

	@Option(names = "--metadata-only", hidden = true, description = "Benchmark: parse metadata and stop reading after it (no checksums, no decode).")
	boolean metadataOnly;

	@Override
	public Integer call() throws IOException, ConfigException {
		json = reclaimDir(json);
		csv = reclaimDir(csv);
		geojson = reclaimDir(geojson);
		if (dirs.isEmpty()) {
			throw new ParameterException(spec.commandLine(), "Missing required parameter: DIR");
		}
		if (threads == null) {
			threads = ConfigCommand.load(Path.of("")).getInt("check.threads", 1);
		}
		if (threads < 1) {
			throw new ParameterException(spec.commandLine(), "threads must be at least 1 (--threads or the check.threads setting)");
		}
		CheckConfig cfg = loadConfig();
		if (hashOnly) {
			cfg = cfg.with(CheckConfig.Key.METADATA_ENABLED, 0).with(CheckConfig.Key.DECODE_ENABLED, 0);
		} else if (metadataOnly) {
			cfg = cfg.with(CheckConfig.Key.HASH_ENABLED, 0).with(CheckConfig.Key.DECODE_ENABLED, 0);
		} else if (noDecode) {
			cfg = cfg.with(CheckConfig.Key.DECODE_ENABLED, 0);
		}
		InspectionResult result = new InspectionRun(cfg, threads, RegistryFactory.getRegistry()).run(dirs,
				new NullProgressMonitor());
		PrintWriter out = spec.commandLine().getOut();
		boolean machineOnStdout = STDOUT.equals(json) || STDOUT.equals(csv) || STDOUT.equals(geojson);
		if (json != null) {
			write(json, w -> JsonReport.write(result, w));
		}
		if (csv != null) {
			write(csv, w -> CsvReport.write(result, w));
		}
		if (geojson != null) {
			write(geojson, w -> GeoJsonReport.write(result, w));
		}
		TextSummary.write(result, machineOnStdout ? spec.commandLine().getErr() : out);
		return strict && result.hasErrors() ? 1 : 0;
	}

	/** "--json DIR": an existing folder is never an output file, so it is a DIR and the report goes to stdout. */
	private String reclaimDir(String target) {
		if (target != null && !STDOUT.equals(target) && Files.isDirectory(Path.of(target))) {
			dirs.add(0, Path.of(target));
			return STDOUT;
		}
		return target;
	}

	private CheckConfig loadConfig() {
		if (config == null) {
			return CheckConfig.defaults();
		}
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
			p.load(r);
			return CheckConfig.fromProperties(p);
		} catch (IOException | IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), "--config " + config + ": " + e.getMessage(), e, null,
					config.toString());
		}
	}

	private interface ReportBody {
		void write(Writer w) throws IOException;
	}

	private void write(String target, ReportBody body) throws IOException {
		if (STDOUT.equals(target)) {
			PrintWriter out = spec.commandLine().getOut();
			body.write(out);
			out.flush();
			return;
		}
		try (Writer w = Files.newBufferedWriter(Path.of(target), StandardCharsets.UTF_8)) {
			body.write(w);
		}
	}
}
