/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.ingest.HubConnector;
import io.tiepoint.core.ingest.HubEndpoint;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.ingest.RejectPolicy;
import io.tiepoint.core.operations.ImagesOperation;
import io.tiepoint.core.operations.IngestOperation;
import io.tiepoint.core.operations.LaunchOperation;
import io.tiepoint.core.operations.ReadyCheck;
import io.tiepoint.core.project.ImageEntry;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Workspace;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.platform.PlatformStandIn;
import io.tiepoint.testing.storage.memory.MemoryStore;

/**
 * Starting a reconstruction the way the seeds describe: compared with what the journal meant to send (refused,
 * naming the missing images, unless started anyway), or left to the hub ({@code preStartReconstruction}).
 */
class LaunchOperationTest {

	@TempDir
	Path tmp;
	private Workspace ws;
	private StorageProviders providers;
	private PlatformStandIn platform;
	private final HubConnector hubs = hub -> new HubEndpoint(URI.create(hub), "key", "token");
	private List<Path> late;

	@BeforeEach
	void ingestThenFindThreeMore() throws Exception {
		Path images = Files.createDirectories(tmp.resolve("images"));
		TestData.distinctCopies(TestData.sampleImages(), images, 2);
		ws = Workspace.open(tmp.resolve("ws"));
		providers = new StorageProviders(RegistryFactory.getRegistry(), s -> {
			throw new AssertionError(s.toString());
		});
		platform = new PlatformStandIn(MemoryStore.named("launch-" + System.nanoTime()));
		IngestOptions o = IngestOptions.builder().threads(4).readThreads(2).policy(RejectPolicy.defaults())
				.stallTimeout(Duration.ofSeconds(5)).connector(hubs).platforms((endpoint, timeout) -> platform).build();
		IngestOperation op = new IngestOperation(ws, new IngestOperation.Request("flight", List.of(images),
				"http://stand-in.invalid/", null, null, false), o, providers, List.of());
		op.execute(new NullProgressMonitor());
		assertEquals(Map.of(ImageState.READY, 32), op.summary().counts(), op.summary().failures().toString());
		// three more photos of the flight the journal knows of, never sent (a card read after the upload)
		late = new ArrayList<>();
		Path more = Files.createDirectories(tmp.resolve("late"));
		List<Path> samples;
		try (var s = Files.list(images)) {
			samples = s.sorted().limit(3).toList();
		}
		for (Path f : samples) {
			late.add(Files.copy(f, more.resolve("LATE_" + f.getFileName())));
		}
		ws.journal().discover("flight", late);
	}

	@AfterEach
	void tearDown() {
		ws.close();
	}

	private LaunchOperation launch() {
		return new LaunchOperation(ws, "flight", "Native", true, hubs, providers)
				.platforms((endpoint, timeout) -> platform);
	}

	@Test
	void missingImagesAreNamedAndNothingStarts() throws Exception {
		ReadyCheck.Incomplete refused = assertThrows(ReadyCheck.Incomplete.class,
				() -> launch().execute(new NullProgressMonitor()));
		ReadyCheck check = refused.check();
		assertEquals(35, check.meant());
		assertEquals(32, check.ready());
		assertEquals(late.stream().map(p -> p.getFileName().toString()).sorted().toList(),
				check.missing().stream().map(ReadyCheck.Missing::name).toList());
		assertTrue(check.missing().stream().allMatch(m -> m.why().equals("not sent yet")), check.missing().toString());
		for (Path p : late) {
			assertTrue(refused.getMessage().contains(p.getFileName().toString()), refused.getMessage());
		}
		assertEquals(0, platform.calls(PlatformStandIn.Op.START_RECONSTRUCTION)
				+ platform.calls(PlatformStandIn.Op.PRE_START_RECONSTRUCTION), "nothing was started");
	}

	@Test
	void anywayStartsWithTheReadyImagesAndSaysWhatIsLeftOut() throws Exception {
		LaunchOperation op = launch().anyway(true);
		op.execute(new NullProgressMonitor());
		assertEquals("Done", op.task().state());
		assertEquals(3, op.readyCheck().missing().size());
		assertEquals(1, platform.calls(PlatformStandIn.Op.START_RECONSTRUCTION));
	}

	@Test
	void whenReadyLetsTheHubStartOnceWhatArrivedIsVerified() throws Exception {
		// the user leaves the late ones out: then nothing is missing
		List<Long> ids = ws.journal().images("flight").stream().filter(e -> e.name().startsWith("LATE_"))
				.map(ImageEntry::id).toList();
		ImagesOperation.exclude(ws, "flight", ids, true).execute(new NullProgressMonitor());
		LaunchOperation op = launch().whenReady(true);
		op.execute(new NullProgressMonitor());
		assertTrue(op.readyCheck().complete());
		assertEquals("Done", op.task().state());
		assertEquals(1, platform.calls(PlatformStandIn.Op.PRE_START_RECONSTRUCTION));
		assertEquals(0, platform.calls(PlatformStandIn.Op.START_RECONSTRUCTION));
	}

	@Test
	void anImageInvalidOnTheHubIsMissingWithTheHubsReason() throws Exception {
		ImagesOperation.exclude(ws, "flight", ws.journal().images("flight").stream()
				.filter(e -> e.name().startsWith("LATE_")).map(ImageEntry::id).toList(), true)
				.execute(new NullProgressMonitor());
		ImageEntry victim = ws.journal().images("flight", ImageState.READY).get(0);
		platform.invalidate(victim.sha1(), "checksum mismatch (test)");
		ReadyCheck.Incomplete refused = assertThrows(ReadyCheck.Incomplete.class,
				() -> launch().execute(new NullProgressMonitor()));
		assertEquals(List.of(new ReadyCheck.Missing(victim.name(), victim.path(), "Invalid on the hub: checksum mismatch (test)")),
				refused.check().missing());
	}
}
