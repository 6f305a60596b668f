/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import graphql.GraphQL;
import graphql.schema.idl.TypeDefinitionRegistry;

import io.tiepoint.hub.Hub;
import io.tiepoint.hub.HubConfig;
import io.tiepoint.hub.HubDiagnostics;
import io.tiepoint.hub.ReconstructionEngine;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.cloud.CloudContext;
import io.tiepoint.hub.internal.cloud.CloudRegistry;
import io.tiepoint.hub.internal.cloud.Clouds;
import io.tiepoint.hub.internal.cloud.GridFsCloud;
import io.tiepoint.hub.internal.cloud.OssCloudFactory;
import io.tiepoint.hub.internal.cloud.RegionTable;
import io.tiepoint.hub.internal.graphql.GraphQLHandler;
import io.tiepoint.hub.internal.graphql.SchemaFactory;
import io.tiepoint.hub.internal.graphql.Services;
import io.tiepoint.hub.internal.images.Access;
import io.tiepoint.hub.internal.images.GridFsUploads;
import io.tiepoint.hub.internal.images.ImageService;
import io.tiepoint.hub.internal.images.ImageSweeper;
import io.tiepoint.hub.internal.images.Projects;
import io.tiepoint.hub.internal.images.Removal;
import io.tiepoint.hub.internal.images.Verifier;
import io.tiepoint.hub.internal.oss.OssGateway;
import io.tiepoint.hub.internal.resource.Converter;
import io.tiepoint.hub.internal.resource.ResourceHandler;
import io.tiepoint.hub.internal.resource.Uploads;
import io.tiepoint.hub.internal.store.Database;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.ProjectStore;
import io.tiepoint.hub.internal.store.TaskStore;
import io.tiepoint.hub.internal.store.files.ChunkStore;
import io.tiepoint.hub.internal.tasks.EngineRegistry;
import io.tiepoint.hub.internal.tasks.TaskService;

/** Assembles and runs a hub; {@link #close()} stops everything it started, in reverse order. */
public final class HubServer implements Hub {

	private static final HubLog LOG = HubLog.of(HubServer.class);
	private final Closeable log;
	private final CredentialsFile credentials;
	private final Database db;
	private final EngineRegistry engines;
	private Clouds clouds;
	private Verifier verifier;
	private TaskService tasks;
	private GridFsUploads gridFsUploads;
	private Uploads resourceUploads;
	private Converter converter;
	private OssGateway ossGateway;
	private ScheduledExecutorService sweeper;
	private Server jetty;
	private volatile URI uri;
	private volatile URI publicUrl;
	private boolean closed;
	private volatile boolean closing;
	/** Start phases' times (nanoTime): begin, credentials and engines read, database open. */
	private long[] startedAt;

	private HubServer(Closeable log, CredentialsFile credentials, Database db, EngineRegistry engines) {
		this.log = log;
		this.credentials = credentials;
		this.db = db;
		this.engines = engines;
	}

	/**
	 * @param config what to run
	 * @return the running hub
	 * @throws IOException when the data directory, database, bucket or port cannot be opened
	 */
	public static HubServer start(HubConfig config) throws IOException {
		long t0 = System.nanoTime();
		// the SDL's parse and the clouds (an S3 client: a third of a cold start) need nothing of the hub: they run
		// beside the database's opening; a cloud that asks for the database (GridFS, OSS) waits for it
		Beside<TypeDefinitionRegistry> sdl = Beside.start("tiepoint-hub-schema", SchemaFactory::parse);
		EngineRegistry engines = new EngineRegistry(config.extensionRegistry(), config.defaultEngine(),
				config::engineSettings);
		config.engines().forEach(engines::register);
		checkDefaultEngine(config, engines); // before the credentials are created and the clouds start (buckets)
		CompletableFuture<Map<Class<?>, Object>> cloudServices = new CompletableFuture<>();
		AtomicReference<HubServer> self = new AtomicReference<>();
		IExtensionRegistry registry = config.extensionRegistry() != null ? config.extensionRegistry()
				: RegistryFactory.getRegistry();
		Beside<Clouds> clouds = Beside.start("tiepoint-hub-clouds", () -> new CloudRegistry(registry).start(
				id -> new CloudContext(id, config.cloudSettings(id), () -> self.get() == null ? null : self.get().uri,
						cloudServices::join),
				SchemaFactory.uploadMutations(sdl.get()).servable()));
		HubServer hub;
		long t1;
		try {
			CredentialsFile credentials = CredentialsFile.openOrCreate(config.dataDir(), config.firstStart());
			Closeable log = HubLog.toFile(config.dataDir());
			try {
				t1 = System.nanoTime();
				hub = new HubServer(log, credentials, Database.opening(config.dataDir(), config.mongoUri()), engines);
			} catch (IOException | RuntimeException e) {
				log.close();
				throw e;
			}
		} catch (IOException | RuntimeException e) {
			cloudServices.complete(Map.of()); // the clouds that need the database decline
			clouds.abandon();
			throw e;
		}
		self.set(hub);
		hub.startedAt = new long[] { t0, t1, System.nanoTime() };
		try {
			hub.startServices(config, sdl.get(), cloudServices, clouds);
			return hub;
		} catch (IOException | RuntimeException e) {
			if (hub.clouds == null) {
				cloudServices.complete(Map.of());
				clouds.abandon();
			}
			hub.close();
			throw e;
		}
	}

	/** A hub told to run an engine by default starts only when that engine is installed and takes its settings. */
	private static void checkDefaultEngine(HubConfig config, EngineRegistry engines) throws IOException {
		String id = config.defaultEngine();
		if (id == null) {
			return;
		}
		ReconstructionEngine engine = engines.byId(id).orElseThrow(() -> new IOException("no reconstruction engine '" + id
				+ "' is installed (installed: " + engines.list().stream().map(EngineRegistry.Info::id).toList() + ")"));
		try {
			engine.check(config.engineSettings(id));
		} catch (org.eclipse.core.runtime.CoreException e) {
			throw new IOException("engine " + id + ": " + e.getStatus().getMessage(), e);
		}
	}

	private void startServices(HubConfig config, TypeDefinitionRegistry types,
			CompletableFuture<Map<Class<?>, Object>> cloudServices, Beside<Clouds> starting) throws IOException {
		OssGateway gateway = ossGateway(config);
		ossGateway = gateway;
		cloudServices.complete(gateway == null ? Map.of(Database.class, db)
				: Map.of(Database.class, db, OssGateway.class, gateway));
		ProjectStore projects = new ProjectStore(db);
		ImageStore images = new ImageStore(db, config.mongoUri() == null);
		TaskStore taskStore = new TaskStore(db);
		Path tasksDir = Files.createDirectories(config.dataDir().resolve("tasks"));
		clouds = starting.get();
		long tClouds = System.nanoTime();
		tasks = new TaskService(projects, images, taskStore, clouds, engines, tasksDir, config::engineSettings);
		verifier = new Verifier(images, projects, clouds, config.verificationThreads(), this::settled);
		Access access = new Access(clouds, projects, images);
		ImageService service = new ImageService(access, images, verifier);
		gridFsUploads = new GridFsUploads(images, service);
		ImageSweeper imageSweeper = new ImageSweeper(images, service, access, verifier, config.imageExpiry(),
				this::settled);
		Services services = new Services(access, service, new Removal(access, images, projects), tasks,
				new Projects(projects), this::publicUrl, RegionTable.parse(config.regions()));
		jetty = new Server();
		ServerConnector connector = JsonErrors.connector(jetty);
		connector.setHost(config.host());
		connector.setPort(config.port());
		jetty.addConnector(connector);
		ChunkStore chunkStore = new ChunkStore(db);
		resourceUploads = new Uploads(db, chunkStore, gridFsUploads, config.resourceLease(), config.limits());
		converter = new Converter(db, chunkStore, 200, config.limits().maxImagePixels(),
				config.dataDir().resolve("convert"), config.cloudSettings(GridFsCloud.ID));
		long tStores = System.nanoTime();
		GraphQL graphQL = SchemaFactory.create(types, services, config.limits().maxQueryCost());
		long tSchema = System.nanoTime();
		jetty.setHandler(new Handler.Sequence(gateway != null ? gateway : new Handler.Sequence(),
				new GraphQLHandler(graphQL, credentials, config.limits().queryTimeout()),
				new ResourceHandler(credentials, resourceUploads, chunkStore, projects, converter, config.limits(),
						config.peers(), this::publicUrl, () -> closing)));
		db.awaitIndexes(); // created beside the services and the schema; before any image is written
		images.releaseClaims();
		long tReady = System.nanoTime();
		try {
			jetty.start();
		} catch (Exception e) {
			throw new IOException("cannot start the HTTP endpoint on " + config.host() + ":" + config.port(), e);
		}
		String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
		uri = URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
		publicUrl = config.publicUrl() != null ? config.publicUrl() : uri;
		if (config.publicUrl() == null && ("0.0.0.0".equals(config.host()) || "::".equals(config.host()))) {
			LOG.warn("the hub listens on every address without a public URL: the URLs it hands out name " + uri
					+ "; set one (tiepoint hub --public-url URL)");
		}
		sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "tiepoint-hub-sweeper");
			t.setDaemon(true);
			return t;
		});
		long period = Math.max(50, config.sweepInterval().toMillis());
		sweeper.scheduleWithFixedDelay(() -> sweep(imageSweeper), 0, period, TimeUnit.MILLISECONDS);
		long[] t = startedAt;
		// where a start's time goes (on 2 cores: ~0.7 s, class loading mostly; in the Eclipse log)
		LOG.info(String.format(java.util.Locale.ROOT, "hub listening on %s after %d ms (credentials and engines %d,"
				+ " database %d, stores and beside them clouds %s %d, services %d, GraphQL schema %d, then the indexes %d,"
				+ " HTTP %d)", uri, ms(t[0], System.nanoTime()), ms(t[0], t[1]), ms(t[1], t[2]), clouds.ids(),
				ms(t[2], tClouds), ms(tClouds, tStores), ms(tStores, tSchema), ms(tSchema, tReady),
				ms(tReady, System.nanoTime())));
	}

	/**
	 * @return the hub's OSS gateway: on in every hub without a real OSS ({@code cloud.oss.endpoint}), its bytes in the
	 *         hub's database, its STS key derived from the server-only link secret
	 * @throws IOException naming a bad {@code cloud.oss.*} setting
	 */
	private OssGateway ossGateway(HubConfig config) throws IOException {
		Map<String, String> settings = config.cloudSettings(OssCloudFactory.ID);
		if (settings.containsKey("endpoint")) {
			return null;
		}
		try {
			return new OssGateway(settings, db, credentials.linkSecret(), config.limits().maxUploadBytes(),
					this::publicUrl);
		} catch (IllegalArgumentException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	private static long ms(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private void sweep(ImageSweeper imageSweeper) {
		try {
			imageSweeper.sweep();
			tasks.sweep();
			resourceUploads.expire();
		} catch (RuntimeException e) {
			if (closing) {
				LOG.info("sweep interrupted by close: " + e);
			} else {
				LOG.error("sweep failed; retrying next period", e);
			}
		}
	}

	private void settled(String pid) {
		tasks.settled(pid);
	}

	@Override
	public URI uri() {
		return uri;
	}

	/** @return the base URL of the URLs the hub hands out: the configured public URL, else {@link #uri()} */
	private URI publicUrl() {
		URI p = publicUrl;
		return p != null ? p : uri;
	}

	@Override
	public String appKey() {
		return credentials.appKey();
	}

	@Override
	public String packageName() {
		return credentials.packageName();
	}

	@Override
	public String userToken() {
		return credentials.firstUserToken();
	}

	@Override
	public void registerEngine(ReconstructionEngine engine) {
		engines.register(engine);
	}

	/** @return the GridFS upload side, for the resource service */
	public GridFsUploads gridFsUploads() {
		return gridFsUploads;
	}

	/** @return the resource service's uploads (GetUploadState, Upload) */
	public Uploads resourceUploads() {
		return resourceUploads;
	}

	/** @return the database (the resource service writes GridFS chunks into it) */
	public Database database() {
		return db;
	}

	/** @return the hub's OSS gateway, or null when the hub's OSS cloud is a real OSS */
	public OssGateway ossGateway() {
		return ossGateway;
	}

	/** @return images verified, bytes read, nanoseconds spent (benchmark) */
	public long[] verificationStats() {
		return verifier.stats();
	}

	@Override
	public HubDiagnostics diagnostics() {
		return new Diagnostics(db, resourceUploads, gridFsUploads, verifier);
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		closing = true;
		if (jetty != null) {
			try {
				jetty.stop();
			} catch (Exception e) {
				LOG.error("stopping the HTTP endpoint failed", e);
			}
			jetty = null;
		}
		if (sweeper != null) {
			sweeper.shutdownNow();
			try {
				if (!sweeper.awaitTermination(10, TimeUnit.SECONDS)) {
					LOG.warn("the sweeper did not stop within 10 s");
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			sweeper = null;
		}
		if (converter != null) {
			converter.close();
		}
		if (verifier != null) {
			verifier.close();
		}
		if (tasks != null) {
			tasks.close();
		}
		if (clouds != null) {
			clouds.close();
		}
		db.close();
		try {
			log.close();
		} catch (IOException e) {
			// nothing held
		}
	}
}
