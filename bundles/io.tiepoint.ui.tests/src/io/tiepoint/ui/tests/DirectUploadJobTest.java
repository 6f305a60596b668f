/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.Services;
import io.tiepoint.core.ingest.IngestOptions;
import io.tiepoint.core.operations.InspectOperation;
import io.tiepoint.core.project.ImageState;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.testing.TestData;
import io.tiepoint.testing.ui.Ui;
import io.tiepoint.ui.internal.WorkbenchModel;
import io.tiepoint.ui.internal.jobs.UploadRequest;
import io.tiepoint.ui.internal.jobs.UploadServices;
import io.tiepoint.ui.internal.prefs.ProviderPreferences;
import io.tiepoint.ui.internal.prefs.SecretStore;
import io.tiepoint.ui.internal.prefs.TiepointPreferences;

/**
 * The Upload job of a project with its own destination (the test fragment's provider): the settings the user
 * stored in the workbench (here the secret token, in secure storage) reach the provider; without them the job
 * says which setting is missing.
 */
class DirectUploadJobTest {

	@TempDir
	Path tmp;

	private Ui ui;
	private WorkbenchModel model;
	private StorageProviderDescriptor provider;

	@BeforeEach
	void open() throws Exception {
		SecretStore.setDefault(SecretStore.open(tmp.resolve("secure_storage"), "test-master-password".toCharArray()));
		ui = Ui.open();
		model = WorkbenchModel.open(tmp.resolve("ws"), ui.display);
		provider = Services.get(StorageProviders.class).descriptor(TestStorageProvider.ID).orElseThrow();
	}

	@AfterEach
	void close() throws Exception {
		SecretStore.setDefault(null);
		InstanceScope.INSTANCE.getNode(TiepointPreferences.NODE).node(ProviderPreferences.NODE).removeNode();
		model.close();
		ui.close();
	}

	private IStatus upload(String project, String destination) throws Exception {
		model.workspace().journal().createProject(project, null, null, destination);
		new InspectOperation(model.workspace(), project, List.of(TestData.sampleImages()), false,
				IngestOptions.builder().build()).execute(new NullProgressMonitor());
		Job job = UploadServices.get().createUploadJob(model.workspace(), project,
				new UploadRequest(null, null, null, 4, 0, false, false));
		job.schedule();
		ui.spinUntil(() -> job.getResult() != null, 120_000, "the upload job");
		return job.getResult();
	}

	@Test
	void theSettingsStoredInTheWorkbenchReachTheProvider() throws Exception {
		String token = "job-" + UUID.randomUUID();
		ProviderPreferences.workbench().put(provider, provider.setting(TestStorageProvider.TOKEN).orElseThrow(), token);
		IStatus status = upload("own", "uitest://job/own");
		assertTrue(status.getSeverity() <= IStatus.INFO, status.toString());
		assertTrue(status.getMessage().contains("16 Stored"), status.getMessage());
		assertFalse(status.getMessage().contains(token));
		assertTrue(TestStorageProvider.TOKENS.contains(token), "the provider got the token from secure storage");
		assertEquals(16, TestStorageProvider.OBJECTS.keySet().stream().filter(k -> k.startsWith("job/own/")).count());
		assertEquals(Map.of(ImageState.STORED, 16), model.workspace().journal().counts("own"));
	}

	@Test
	void withoutTheSettingTheJobSaysWhichOneIsMissing() throws Exception {
		IStatus status = upload("none", "uitest://job/none");
		assertEquals(IStatus.ERROR, status.getSeverity(), status.toString());
		assertTrue(status.getMessage().contains(TestStorageProvider.TOKEN + " is not set"), status.getMessage());
		assertTrue(status.getMessage().contains(provider.name()), status.getMessage());
	}
}
