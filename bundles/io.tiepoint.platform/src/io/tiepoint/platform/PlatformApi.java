/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.platform;

import java.util.List;
import java.util.Optional;

/**
 * The operations of the platform API ({@code ../shared/reference/altizure-api.md}) a client of the
 * platform uses: projects, the image upload flow, verification and reconstruction tasks. {@link PlatformClient}
 * speaks it over GraphQL; tests may stand in for a platform without a network. Implementations are
 * thread-safe and never show the key or the token.
 */
public interface PlatformApi extends AutoCloseable {

	/**
	 * @param kind {@code Image}, {@code Model} or {@code Meta}
	 * @return the clouds the platform accepts (the names of its clouds, as in its nearestBuckets)
	 * @throws PlatformException when the call fails
	 */
	List<String> supportedClouds(String kind) throws PlatformException;

	/**
	 * @param cloud a cloud, e.g. {@code s3}
	 * @return the first bucket {@code getGeoIPInfo.nearestBuckets} lists for it
	 * @throws PlatformException when the call fails
	 */
	Optional<String> nearestBucket(String cloud) throws PlatformException;

	/**
	 * @param name the project name
	 * @return the new project's id
	 * @throws PlatformException when the call fails
	 */
	String createProject(String name) throws PlatformException;

	/**
	 * @param pid a project id
	 * @return its name, or empty when it does not exist (for this user)
	 * @throws PlatformException when the call fails
	 */
	Optional<String> projectName(String pid) throws PlatformException;

	/**
	 * @param name a project name
	 * @return the id of the caller's oldest project of that exact name
	 * @throws PlatformException when the call fails
	 */
	Optional<String> findProject(String name) throws PlatformException;

	/**
	 * @param pid      project id
	 * @param checksum the image's SHA-1
	 * @return the project's image with that checksum
	 * @throws PlatformException when the call fails
	 */
	Optional<RemoteImage> hasImage(String pid, String checksum) throws PlatformException;

	/**
	 * Registers an image for an upload: the cloud's {@code uploadImage*} mutation. Idempotent per checksum.
	 *
	 * @param request the mutation, its arguments and the payload to ask for
	 * @return the image and where to send its bytes
	 * @throws PlatformException when the call fails
	 */
	Registration register(UploadRequest request) throws PlatformException;

	/**
	 * Asks the registering mutation for its payload alone (e.g. a fresh STS), as the official clients refresh
	 * temporary credentials: {@code request} names a random file and no checksum, and only the payload is
	 * selected, so no image needs to be registered. The default registers and keeps the grant.
	 *
	 * @param request the mutation, its arguments (a random file name, no checksum) and the payload
	 * @return the payload's scalar fields (e.g. {@code sts.id}, {@code sts.expire}); may hold secrets, never shown
	 * @throws PlatformException when the call fails
	 */
	default java.util.Map<String, String> refreshGrant(UploadRequest request) throws PlatformException {
		return register(request).grant();
	}

	/**
	 * @param iid image id
	 * @return the image, now {@code Uploading}
	 * @throws PlatformException when the call fails
	 */
	RemoteImage startImageUpload(String iid) throws PlatformException;

	/**
	 * @param iid image id
	 * @return the image, now {@code Uploaded} (verification follows) or already verified
	 * @throws PlatformException when the call fails
	 */
	RemoteImage doneImageUpload(String iid) throws PlatformException;

	/**
	 * @param pid project id
	 * @param iid image id
	 * @return the image, or empty when it is gone
	 * @throws PlatformException when the call fails
	 */
	Optional<RemoteImage> image(String pid, String iid) throws PlatformException;

	/**
	 * @param pid   project id
	 * @param state only images in this state, or null
	 * @return every such image of the project
	 * @throws PlatformException when a call fails
	 */
	List<RemoteImage> allImages(String pid, String state) throws PlatformException;

	/**
	 * @param pid      project id
	 * @param taskType a TASK_TYPE, or null for the platform's default
	 * @return the started task
	 * @throws PlatformException {@code REJECTED} with the platform's code when it refuses
	 */
	RemoteTask startReconstruction(String pid, String taskType) throws PlatformException;

	/**
	 * Starts a reconstruction with a chosen engine (a hub extension: {@code options.engine}).
	 *
	 * @param pid      project id
	 * @param taskType a TASK_TYPE, or null for the platform's default
	 * @param engine   an engine id of {@link #engines()}, or null for the platform's choice
	 * @return the started task
	 * @throws PlatformException {@code REJECTED} with the platform's code when it refuses; {@code NO_ENGINE} when an
	 *                           engine is named and this platform cannot choose one (the default implementation)
	 */
	default RemoteTask startReconstruction(String pid, String taskType, String engine) throws PlatformException {
		if (engine == null) {
			return startReconstruction(pid, taskType);
		}
		throw new PlatformException(PlatformException.Kind.REJECTED, "NO_ENGINE",
				"this platform does not let a client choose the engine (" + engine + ")", null);
	}

	/**
	 * {@code preStartReconstruction}: the platform starts the task itself once every image that arrived is verified
	 * (Ready or Invalid), with the Ready ones. The task exists from now on, {@code Pending} until then.
	 *
	 * @param pid      project id
	 * @param taskType a TASK_TYPE, or null for the platform's default
	 * @param engine   an engine id of {@link #engines()}, or null for the platform's choice
	 * @return the task as the platform answered it ({@code Pending}, or already queued when everything was verified);
	 *         empty when the platform answered without one
	 * @throws PlatformException {@code REJECTED} with the platform's code when it refuses (e.g. {@code NO_IMAGES},
	 *                           {@code ALREADY_RUNNING})
	 */
	Optional<RemoteTask> preStartReconstruction(String pid, String taskType, String engine) throws PlatformException;

	/**
	 * @return the platform's reconstruction engines (a hub extension); empty when it does not list them (the default)
	 * @throws PlatformException when the call fails
	 */
	default List<RemoteEngine> engines() throws PlatformException {
		return List.of();
	}

	/**
	 * @param pid project id
	 * @return the stopped task
	 * @throws PlatformException when the call fails
	 */
	RemoteTask stopReconstruction(String pid) throws PlatformException;

	/**
	 * @param pid         project id
	 * @param extraFields further Task fields (e.g. the engine's results), or ""
	 * @return the latest task, or empty before the first
	 * @throws PlatformException when the call fails
	 */
	Optional<RemoteTask> latestTask(String pid, String extraFields) throws PlatformException;

	/**
	 * @param pid project id
	 * @return every task of the project
	 * @throws PlatformException when the call fails
	 */
	List<RemoteTask> tasks(String pid) throws PlatformException;

	@Override
	void close();
}
