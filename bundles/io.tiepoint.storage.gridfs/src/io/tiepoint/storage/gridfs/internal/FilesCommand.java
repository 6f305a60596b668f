/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gridfs.internal;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiepoint.core.config.ConfigException;
import io.tiepoint.core.config.TiepointConfig;
import io.tiepoint.core.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tiepoint files}: a user's files on a resource server of seed 003, a thin front over
 * {@link ResourceFiles}. The APPID, License and PackageName come from the settings {@code gridfs.appid},
 * {@code gridfs.license}, {@code gridfs.package} (or {@code TIEPOINT_GRIDFS_APPID}, ...) and are never
 * printed. Contributed to the command line's extension point by this bundle.
 */
@Command(name = "files", mixinStandardHelpOptions = true, subcommands = { FilesCommand.List.class,
		FilesCommand.Info.class, FilesCommand.Get.class, FilesCommand.Put.class, FilesCommand.Convert.class,
		FilesCommand.PlayUrl.class }, description = {
				"Your files on a resource server (seed 003): list, info, get (resumes, checks the md5), put (resumable),",
				"convert, play-url. APPID, License and PackageName: settings gridfs.appid, gridfs.license, gridfs.package",
				"(or TIEPOINT_GRIDFS_APPID, TIEPOINT_GRIDFS_LICENSE, TIEPOINT_GRIDFS_PACKAGE)." })
public final class FilesCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--server", required = true, paramLabel = "URL", description = "The resource server, e.g. http://hub:8090/.")
	private URI server;

	@Option(names = "--workspace", paramLabel = "DIR", description = "Workspace whose settings to read (default: the current folder).")
	private Path workspace = Path.of("");

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "Per request (default: ${DEFAULT-VALUE}).")
	private int timeout;

	/** For the command line's extension point. */
	public FilesCommand() {
		// picocli sets the options
	}

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getErr());
		return 2;
	}

	/** A subcommand's work. */
	interface Work {
		void run(ResourceFiles files, PrintWriter out) throws StorageException;
	}

	int run(String name, Work work) {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try {
			Map<String, String> env = System.getenv();
			TiepointConfig settings = TiepointConfig.load(Map.of(), TiepointConfig.userFile(env),
					workspace.toAbsolutePath(), env, Map.of());
			String appId = required(settings, "gridfs.appid", "TIEPOINT_GRIDFS_APPID");
			String license = required(settings, "gridfs.license", "TIEPOINT_GRIDFS_LICENSE");
			if (server.getHost() == null || !server.getScheme().matches("https?")) {
				err.println("tiepoint files: --server must be an http(s)://host:port/ URL");
				return 2;
			}
			work.run(new ResourceFiles(server, appId, license, settings.get("gridfs.package").orElse("tiepoint"),
					Duration.ofSeconds(Math.max(1, timeout))), out);
			out.flush();
			return 0;
		} catch (ConfigException | StorageException e) {
			out.flush();
			err.println("tiepoint files " + name + ": " + e.getMessage());
			err.flush();
			return 1;
		}
	}

	private static String required(TiepointConfig settings, String key, String env) throws ConfigException {
		return settings.get(key).filter(v -> !v.isBlank()).orElseThrow(() -> new ConfigException("the setting " + key
				+ " is not set: put it in the settings file or the environment variable " + env, null));
	}

	/** Prints a conversion: its Type and state, then its results by level. */
	static void printConversion(PrintWriter out, String indent, JsonNode c) {
		int waiting = c.path("Waiting").asInt();
		out.println(indent + c.path("Type").asText() + ": " + (waiting == -1 ? "done"
				: waiting == 0 ? "converting"
						: waiting == -2 ? "failed (" + c.path("Error").asText() + ")" : "queued, place " + waiting));
		for (JsonNode f : c.path("FileList")) {
			out.println(indent + "  level " + f.path("Level").asInt() + ": " + f.path("FileID").asText());
		}
	}

	/** {@code files list}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List your files: FileID, directory/name, description, conversions.")
	static final class List implements Callable<Integer> {
		@ParentCommand
		private FilesCommand parent;

		@Override
		public Integer call() {
			return parent.run("list", (files, out) -> {
				JsonNode data = files.list();
				for (JsonNode f : data.path("FileList")) {
					String dir = f.path("Directory").asText("/");
					out.println(f.path("FileID").asText() + "  " + (dir.endsWith("/") ? dir : dir + "/")
							+ f.path("FileName").asText() + (f.path("FileInfo").asText("").isEmpty() ? ""
									: "  (" + f.path("FileInfo").asText() + ")"));
					for (JsonNode c : f.path("Conversions")) {
						printConversion(out, "    ", c);
					}
				}
				out.println(data.path("Count").asInt() + " file(s)");
			});
		}
	}

	/** {@code files info FID}. */
	@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a file's name, size, md5, time, directory and description.")
	static final class Info implements Callable<Integer> {
		@ParentCommand
		private FilesCommand parent;
		@Parameters(paramLabel = "FID", description = "The FileID.")
		private String fid;

		@Override
		public Integer call() {
			return parent.run("info", (files, out) -> files.info(fid).fields().forEachRemaining(e -> {
				if ("Conversions".equals(e.getKey())) {
					e.getValue().forEach(c -> printConversion(out, "Conversion: ", c));
				} else {
					out.println(e.getKey() + ": " + e.getValue().asText());
				}
			}));
		}
	}

	/** {@code files get FID [-o FILE]}. */
	@Command(name = "get", mixinStandardHelpOptions = true, description = {
			"Download a file; run again after an interruption to resume from the bytes on disk. The md5 is checked." })
	static final class Get implements Callable<Integer> {
		@ParentCommand
		private FilesCommand parent;
		@Parameters(paramLabel = "FID", description = "The FileID.")
		private String fid;
		@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Where to write (default: the FileID).")
		private Path output;

		@Override
		public Integer call() {
			return parent.run("get", (files, out) -> {
				Path to = output != null ? output : Path.of(fid);
				ResourceFiles.Fetched f = files.get(fid, to, new NullProgressMonitor());
				out.println(to + ": " + f.size() + " bytes, md5 " + f.md5() + " checked; fetched " + f.fetched()
						+ " bytes now" + (f.fetched() < f.size() ? " (resumed at " + (f.size() - f.fetched()) + ")" : ""));
			});
		}
	}

	/** {@code files put FILE}. */
	@Command(name = "put", mixinStandardHelpOptions = true, description = {
			"Upload a file (resumable: run again after an interruption; the upload's URL is kept in the workspace's",
			".tiepoint/uploads until it is done)." })
	static final class Put implements Callable<Integer> {
		@ParentCommand
		private FilesCommand parent;
		@Parameters(paramLabel = "FILE", description = "The local file.")
		private Path file;
		@Option(names = "--directory", paramLabel = "DIR", description = "The directory on the server (default: /).")
		private String directory;
		@Option(names = "--info", paramLabel = "TEXT", description = "The file's description (FileInfo).")
		private String info;

		@Override
		public Integer call() {
			return parent.run("put", (files, out) -> out.println(files.put(file, directory, info,
					parent.workspace.toAbsolutePath().resolve(".tiepoint").resolve("uploads"), new NullProgressMonitor())));
		}
	}

	/** {@code files convert FID --type T}. */
	@Command(name = "convert", mixinStandardHelpOptions = true, description = {
			"Convert a file (video: H.264 MP4 360p/720p/1080p; audio: MP3, --level 3/2/1 = 320/256/128 kbps;",
			"document: plain text to UTF-8; image: PNG and thumbnail), or show how far its conversion is." })
	static final class Convert implements Callable<Integer> {
		@ParentCommand
		private FilesCommand parent;
		@Parameters(paramLabel = "FID", description = "The FileID.")
		private String fid;
		@Option(names = "--type", required = true, paramLabel = "TYPE", description = "video, audio, document or image.")
		private String type;
		@Option(names = "--level", paramLabel = "N", description = "Audio quality 1..3 (default 3, 320 kbps).")
		private Integer level;
		@Option(names = "--wait", description = "Wait until it is done.")
		private boolean wait;

		@Override
		public Integer call() {
			int t = switch (type) {
			case "video" -> 0;
			case "audio" -> 1;
			case "document" -> 2;
			case "image" -> 3;
			default -> -1;
			};
			if (t < 0) {
				parent.spec.commandLine().getErr().println("tiepoint files convert: --type must be video, audio, document or image");
				return 2;
			}
			return parent.run("convert", (files, out) -> {
				JsonNode data = files.convert(fid, t, level);
				while (wait && data.path("Waiting").asInt() != -1) {
					try {
						Thread.sleep(1000);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new StorageException(StorageException.Kind.CANCELED, "file " + fid + ": interrupted");
					}
					data = files.convert(fid, t, level);
				}
				printConversion(out, "", data);
			});
		}
	}

	/** {@code files play-url FID --host A|B}. */
	@Command(name = "play-url", mixinStandardHelpOptions = true, description = "Print a URL that plays the file from the given addresses until it expires.")
	static final class PlayUrl implements Callable<Integer> {
		@ParentCommand
		private FilesCommand parent;
		@Parameters(paramLabel = "FID", description = "The FileID.")
		private String fid;
		@Option(names = "--host", required = true, paramLabel = "A.B.C.D|E.F.G.H", description = "The addresses allowed to play.")
		private String host;

		@Override
		public Integer call() {
			return parent.run("play-url", (files, out) -> out.println(files.playUrl(fid, host)));
		}
	}
}
