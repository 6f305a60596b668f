/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.images;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.cloud.Names;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.Ids;
import io.tiepoint.hub.internal.store.ImageQuery;
import io.tiepoint.hub.internal.store.ImageRecord;
import io.tiepoint.hub.internal.store.ImageStore;
import io.tiepoint.hub.internal.store.Pages;
import io.tiepoint.hub.spi.HubCloud;
import io.tiepoint.hub.spi.UploadTarget;

/**
 * Image lifecycle calls: register (idempotent per checksum; re-registering an Invalid image resets it
 * to Pending), start, done. All state changes are single-document updates with state preconditions. The
 * cloud an image goes to is a {@link HubCloud}; what differs between clouds is asked of it or of its features.
 */
public final class ImageService {

	private static final HubLog LOG = HubLog.of(ImageService.class);
	private static final int ATTEMPTS = 5;
	private final Access access;
	private final ImageStore images;
	private final Verifier verifier;

	/**
	 * @param access   clouds and ownership
	 * @param images   image store
	 * @param verifier verification pool
	 */
	public ImageService(Access access, ImageStore images, Verifier verifier) {
		this.access = access;
		this.images = images;
		this.verifier = verifier;
	}

	/**
	 * @param owner    caller
	 * @param pid      project id
	 * @param checksum sha1
	 * @return the image with that checksum, or null
	 */
	public ImageRecord hasImage(String owner, String pid, String checksum) {
		return images.findByChecksum(access.projectId(owner, pid), Names.checksum(checksum));
	}

	/**
	 * @param pid a project the caller may see
	 * @param iid image id
	 * @return the project's image with that id, or null
	 */
	public ImageRecord image(String pid, String iid) {
		ImageRecord i = images.find(iid);
		return i != null && i.pid().equals(pid) ? i : null;
	}

	/** @param pid a project the caller may see @param filename a hashed name @return its image, or null */
	public ImageRecord imageByFilename(String pid, String filename) {
		return images.findByFilename(pid, filename);
	}

	/** @param q which images (of a project the caller may see) @param r the page asked for @return the page */
	public Pages.Page<ImageRecord> images(ImageQuery q, Pages.Request r) {
		return images.page(q, r);
	}

	/**
	 * Registers an image, or returns the one already registered with that checksum.
	 *
	 * @param owner    caller
	 * @param pid      project id
	 * @param cloud    where it will be uploaded
	 * @param bucket   the bucket the client named, or null for the cloud's first
	 * @param filename the client's file name
	 * @param type     IMAGE_TYPE or null
	 * @param checksum sha1 or null
	 * @return the image (Pending for a new or reset one)
	 */
	public ImageRecord register(String owner, String pid, HubCloud cloud, String bucket, String filename, String type,
			String checksum) {
		String projectId = access.projectId(owner, pid);
		if (bucket != null && !cloud.buckets().contains(bucket)) {
			throw new HubException("BUCKET_NOT_SUPPORTED", "bucket " + bucket + " is not served; see getGeoIPInfo");
		}
		String chosen = bucket != null ? bucket : cloud.buckets().get(0);
		String name = Names.sanitize(filename);
		boolean known = checksum != null;
		String sum = known ? Names.checksum(checksum) : "unknown-" + CredentialsFile.newSecret();
		for (int i = 0; i < ATTEMPTS; i++) {
			// insert first: the unique index (pid, checksum) decides; look up only when it refuses
			ImageRecord inserted = images.insert(newImage(projectId, owner, name, type, sum, known, cloud, chosen));
			if (inserted != null) {
				return inserted;
			}
			// after a refused insert read the database: the winner may not be in the cache yet
			ImageRecord existing = known ? images.readByChecksum(projectId, sum) : null;
			if (existing != null) {
				ImageRecord reused = reuse(existing, cloud, chosen);
				if (reused != null) {
					return reused;
				}
			}
		}
		throw new HubException("CONFLICT", "could not register " + name + ", try again");
	}

	/**
	 * @param cloud the image's cloud
	 * @param image a registered image
	 * @return what the client needs to send its bytes, or nothing when they are there already
	 */
	public UploadTarget target(HubCloud cloud, ImageRecord image) {
		if (!image.isIn(HubImageState.WAITING)) {
			return new UploadTarget(Map.of());
		}
		try {
			return cloud.register(CloudImages.of(image));
		} catch (IOException e) {
			LOG.error("cannot make an upload target for image " + image.id(), e);
			throw new HubException("STORAGE_UNAVAILABLE", "the storage cannot be reached, try again");
		}
	}

	/**
	 * The payload alone, for a cloud whose payload is the project's ({@link HubCloud.ProjectTargets}): no image is
	 * registered.
	 *
	 * @param owner  caller
	 * @param pid    project id (the caller's)
	 * @param cloud  the cloud
	 * @param bucket the bucket the client named, or null for the cloud's first
	 * @param grants the cloud's feature
	 * @return the payload's fields
	 */
	public UploadTarget grant(String owner, String pid, HubCloud cloud, String bucket, HubCloud.ProjectTargets grants) {
		String projectId = access.projectId(owner, pid);
		if (bucket != null && !cloud.buckets().contains(bucket)) {
			throw new HubException("BUCKET_NOT_SUPPORTED", "bucket " + bucket + " is not served; see getGeoIPInfo");
		}
		try {
			return grants.grant(projectId, bucket != null ? bucket : cloud.buckets().get(0));
		} catch (IOException e) {
			LOG.error("cannot make an upload grant for project " + projectId, e);
			throw new HubException("STORAGE_UNAVAILABLE", "the storage cannot be reached, try again");
		}
	}

	private static ImageRecord newImage(String pid, String owner, String name, String type, String sum, boolean known,
			HubCloud cloud, String bucket) {
		String filename = Names.hashed(sum, name);
		Instant now = Instant.ofEpochMilli(System.currentTimeMillis()); // what the database keeps
		String id = Ids.next();
		return new ImageRecord(id, pid, owner, name, filename, sum, known, type, Names.contentType(type, name),
				HubImageState.Pending, List.of(), cloud.id(), bucket, Names.key(pid, filename),
				hosted(cloud) ? GridFsUploads.newUploadId(id) : null, null, null, null, null, 0.0, now, now, false, null);
	}

	private static boolean hosted(HubCloud cloud) {
		return cloud.feature(HubCloud.Hosted.class).isPresent();
	}

	/** States an image may be registered again in for another cloud: its bytes are not verified yet. */
	private static final List<HubImageState> MOVABLE = List.of(HubImageState.Pending, HubImageState.Uploading,
			HubImageState.Uploaded);

	private ImageRecord reuse(ImageRecord existing, HubCloud cloud, String bucket) {
		boolean sameTarget = cloud.id().equals(existing.cloud()) && bucket.equals(existing.bucket());
		if (existing.state() == HubImageState.Invalid) {
			deleteStored(existing);
			return images.reset(existing.id(), List.of(HubImageState.Invalid), cloud.id(), bucket, token(existing, cloud), true);
		}
		if (!sameTarget && existing.isIn(MOVABLE)) {
			// registered again on another cloud (the client's cloud went away, perhaps with bytes the hub could not
			// verify yet): the newest registration wins, the old target is abandoned
			return images.reset(existing.id(), MOVABLE, cloud.id(), bucket, token(existing, cloud), false);
		}
		return existing;
	}

	/** Pending again, for this cloud: a hosted cloud's upload token is kept (or made), any other's dropped. */
	private static String token(ImageRecord existing, HubCloud cloud) {
		if (!hosted(cloud)) {
			return null;
		}
		return existing.uploadId() != null ? existing.uploadId() : GridFsUploads.newUploadId(existing.id());
	}

	private void deleteStored(ImageRecord image) {
		HubCloud c = access.clouds().get(image.cloud()).orElse(null);
		if (c == null) {
			return;
		}
		try {
			c.delete(CloudImages.of(image));
		} catch (IOException e) {
			LOG.warn("could not delete the stale object of image " + image.id(), e);
		}
	}

	/** @param owner caller @param iid image id @return the image, Uploading when it was Pending */
	public ImageRecord start(String owner, String iid) {
		ImageRecord image = access.image(owner, iid);
		ImageRecord after = images.startUpload(image.id());
		return after != null ? after : images.find(image.id());
	}

	/**
	 * @param owner caller
	 * @param iid   image id
	 * @return the image, Uploaded (and queued for verification) when its bytes are stored
	 */
	public ImageRecord done(String owner, String iid) {
		ImageRecord image = access.image(owner, iid);
		if (!image.isIn(HubImageState.WAITING)) {
			return image;
		}
		OptionalLong size;
		try {
			size = access.cloud(image.cloud()).stored(CloudImages.of(image));
		} catch (IOException e) {
			LOG.error("cannot check the upload of image " + iid, e);
			throw new HubException("STORAGE_UNAVAILABLE", "the storage cannot be reached, try again");
		}
		if (size.isEmpty()) {
			throw new HubException("NOT_UPLOADED", "no uploaded object for image " + iid);
		}
		ImageRecord after = markStored(image.id(), size.getAsLong(), null);
		return after != null ? after : images.find(image.id());
	}

	/**
	 * @param id       an image whose bytes arrived
	 * @param size     their size, or null when not known
	 * @param location where a hosted cloud stored them, or null
	 * @return the image after, or null when it was no longer waiting
	 */
	ImageRecord markStored(String id, Long size, String location) {
		ImageRecord after = images.markUploaded(id, size, location);
		if (after != null) {
			verifier.enqueue(id);
		}
		return after;
	}
}
