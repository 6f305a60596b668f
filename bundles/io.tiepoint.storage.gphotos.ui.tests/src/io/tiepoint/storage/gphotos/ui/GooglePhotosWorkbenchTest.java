/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.gphotos.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.wizard.ProgressMonitorPart;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.Services;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.operations.InspectOperation;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.project.Project;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.storage.gphotos.internal.PhotosConfig;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.gphotos.PhotosServer;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.images.ImagesPanel;
import io.tiepoint.ui.internal.jobs.UploadRequest;
import io.tiepoint.ui.internal.jobs.UploadServices;
import io.tiepoint.ui.internal.prefs.ProviderPreferences;
import io.tiepoint.ui.internal.prefs.SecretStore;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;
import io.tiepoint.ui.internal.providers.HelperBar;
import io.tiepoint.ui.internal.wizards.NewProjectWizard;
import io.tiepoint.ui.internal.wizards.ProjectDestinationPage;

/**
 * Google Photos in the workbench against the stand-in: New Project offers it with "Authorize..." (the loopback flow
 * through a stand-in browser; the refresh token lands in secure storage) and "Choose Album..." (the albums Tiepoint
 * created; the destination becomes {@code gphotos://Flight%2042}); the Upload job sends the sample survey there with
 * the stored settings while the Images view and a progress part follow it. Screenshots go to docs/screenshots when
 * {@code tiepoint.screenshots} says so.
 */
class GooglePhotosWorkbenchTest {

	private static final String CLIENT = "tiepoint-workbench-test.apps.example.org";
	private static final String SECRET = "workbench-test-client-secret";

	@TempDir
	Path tmp;
	private Ui ui;
	private PhotosServer server;
	private WorkbenchModel model;
	private WizardDialog dialog;
	private Predicate<URI> browser;

	@BeforeEach
	void open() throws Exception {
		server = PhotosServer.start(CLIENT, SECRET);
		server.library().createAlbum(CLIENT, "Flight 41");
		server.library().createAlbum(CLIENT, "Flight 42");
		server.library().createAlbum("someone-else", "Not Tiepoint's");
		SecretStore.setDefault(SecretStore.open(tmp.resolve("secure_storage"), "test-master-password".toCharArray()));
		StorageProviderDescriptor d = provider();
		ProviderPreferences prefs = ProviderPreferences.workbench();
		for (Map.Entry<String, String> e : Map.of(PhotosConfig.CLIENT_ID, CLIENT, PhotosConfig.CLIENT_SECRET, SECRET,
				PhotosConfig.ENDPOINT, server.uri().toString(), PhotosConfig.TOKEN_ENDPOINT, server.tokenEndpoint()
						.toString(),
				PhotosConfig.AUTH_ENDPOINT, server.authEndpoint().toString()).entrySet()) {
			prefs.put(d, d.setting(e.getKey()).orElseThrow(), e.getValue());
		}
		ui = Ui.open();
		model = WorkbenchModel.open(tmp.resolve("ws"), ui.display);
		browser = AuthorizeHelper.browser;
	}

	@AfterEach
	void close() throws Exception {
		AuthorizeHelper.browser = browser;
		Job.getJobManager().setProgressProvider(null);
		if (dialog != null) {
			dialog.close();
		}
		SecretStore.setDefault(null);
		InstanceScope.INSTANCE.getNode(TiepointPreferences.NODE).node(ProviderPreferences.NODE).removeNode();
		model.close();
		ui.close();
		server.close();
	}

	private static StorageProviderDescriptor provider() {
		return Services.get(StorageProviders.class).descriptor(PhotosConfig.ID).orElseThrow();
	}

	private static Button button(HelperBar bar, String label) {
		return bar.buttons().stream().filter(b -> b.getText().equals(label)).findFirst().orElseThrow(
				() -> new AssertionError("no " + label + " among " + bar.buttons()));
	}

	@Test
	void authorizePickTheAlbumAndUploadWithTheWorkbench() throws Exception {
		NewProjectWizard wizard = new NewProjectWizard(model, Services.get(StorageProviders.class));
		dialog = new WizardDialog(ui.shell, wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		ui.spin(200);
		ProjectDestinationPage page = wizard.page();
		page.fill("flight", null, null);
		page.fill("flight", "gphotos://", null);
		page.stores().select(PhotosConfig.ID);
		HelperBar bar = page.helpers();
		assertEquals(List.of("Authorize...", "Choose Album..."), bar.buttons().stream().map(Button::getText).toList());

		// Authorize...: the stand-in browser opens the URL, the user consents, the redirect reaches the workbench
		AuthorizeHelper.browser = url -> {
			Thread t = new Thread(() -> {
				try {
					HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(HttpRequest
							.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}, "stand-in browser");
			t.setDaemon(true);
			t.start();
			return true;
		};
		button(bar, "Authorize...").notifyListeners(SWT.Selection, null);
		assertTrue(bar.status().contains("done"), bar.status());
		String stored = SecretStore.getDefault().get("providers/" + PhotosConfig.ID, PhotosConfig.REFRESH_TOKEN);
		assertTrue(stored != null && server.auth().refreshTokens().contains(stored), "the refresh token is in secure storage");
		assertTrue(SecretStore.getDefault().isEncrypted("providers/" + PhotosConfig.ID, PhotosConfig.REFRESH_TOKEN));
		assertFalse(bar.status().contains(stored), "the token is not shown");

		// Choose Album...: the albums Tiepoint created, one picked
		List<String> listed = new ArrayList<>();
		ui.display.timerExec(100, new Runnable() {
			@Override
			public void run() {
				AlbumDialog d = AlbumDialog.current;
				if (d == null) {
					ui.display.timerExec(100, this);
					return;
				}
				listed.addAll(d.listed());
				try {
					ui.screenshot(d.getShell(), "gphotos-album");
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
				d.choose("Flight 42");
			}
		});
		button(bar, "Choose Album...").notifyListeners(SWT.Selection, null);
		assertEquals(List.of("Flight 41", "Flight 42"), listed, "only the albums Tiepoint created");
		assertEquals("gphotos://Flight%2042", page.destination(), bar.status());
		assertTrue(page.isPageComplete(), String.valueOf(page.getErrorMessage()));
		ui.screenshot(dialog.getShell(), "gphotos-new-project");
		assertTrue(wizard.performFinish());
		dialog = null;
		Project p = model.workspace().journal().project("flight").orElseThrow();
		assertEquals("gphotos://Flight%2042", p.destination());

		upload(p.name());
	}

	/** The Upload job with the stored settings, the Images view and a progress part following it. */
	private void upload(String project) throws Exception {
		new InspectOperation(model.workspace(), project, List.of(TestData.sampleImages()), false, IngestOptions.builder()
				.build()).execute(new NullProgressMonitor());
		model.setCurrentProject(project);
		SashForm sash = new SashForm(ui.shell, SWT.VERTICAL);
		ImagesPanel images = new ImagesPanel(sash, model);
		ProgressMonitorPart progress = new ProgressMonitorPart(sash, new GridLayout(), true);
		sash.setWeights(6, 1);
		ui.shell.layout(true, true);
		ui.shell.open();
		Job.getJobManager().setProgressProvider(new ProgressProvider() {
			@Override
			public IProgressMonitor createMonitor(Job job) {
				return new UiMonitor(progress, ui.display);
			}
		});
		Job job = UploadServices.get().createUploadJob(model.workspace(), project, new UploadRequest(null, null, null, 2,
				600_000, false, false));
		AtomicReference<IStatus> result = new AtomicReference<>();
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				result.set(event.getResult());
			}
		});
		job.schedule();
		// half way: the bytes of the first images arrived, their media items wait for the album's batchCreate
		ui.spinUntil(() -> result.get() != null || server.uploads().bytesReceived() >= 1_800_000
				&& images.rows().counts().getOrDefault(ImageState.UPLOADING, 0) >= 2, 120_000, "half the bytes sent");
		assertEquals(0, images.rows().counts().getOrDefault(ImageState.STORED, 0), "nothing Stored before its media item"
				+ " exists");
		ui.screenshot(ui.shell, "gphotos-upload");
		ui.spinUntil(() -> result.get() != null, 180_000, "the upload job");
		IStatus status = result.get();
		assertTrue(status.getSeverity() <= IStatus.INFO, status.toString());
		assertTrue(status.getMessage().contains("16 Stored"), status.getMessage());
		assertEquals(16, server.library().items("Flight 42").size(), "each image a media item of the album");
		assertEquals(Map.of(ImageState.STORED, 16), model.workspace().journal().counts(project));
		ui.spinUntil(() -> !images.isLoading() && images.rows().counts().getOrDefault(ImageState.STORED, 0) == 16, 10_000,
				"16 Stored rows");
	}
}
