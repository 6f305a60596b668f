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
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.model.Updates;

import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.HubLog;
import io.tiepoint.hub.internal.auth.CredentialsFile;
import io.tiepoint.hub.internal.cloud.Names;
import io.tiepoint.hub.internal.store.HubImageState;
import io.tiepoint.hub.internal.store.ImageStore;
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
	public Document hasImage(String owner, String pid, String checksum) {
		return images.findByChecksum(access.projectId(owner, pid), Names.checksum(checksum));
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
	public Document register(String owner, String pid, HubCloud cloud, String bucket, String filename, String type,
			String checksum) {
		ObjectId projectId = access.projectId(owner, pid);
		if (bucket != null && !cloud.buckets().contains(bucket)) {
			throw new HubException("BUCKET_NOT_SUPPORTED", "bucket " + bucket + " is not served; see getGeoIPInfo");
		}
		String chosen = bucket != null ? bucket : cloud.buckets().get(0);
		String name = Names.sanitize(filename);
		boolean known = checksum != null;
		String sum = known ? Names.checksum(checksum) : "unknown-" + CredentialsFile.newSecret();
		for (int i = 0; i < ATTEMPTS; i++) {
			// insert first: the unique index (pid, checksum) decides; look up only when it refuses
			Document doc = newImage(projectId, owner, name, type, sum, known, cloud, chosen);
			if (images.insert(doc)) {
				return doc;
			}
			// after a refused insert read the database: the winner may not be in the cache yet
			Document existing = known ? images.readByChecksum(projectId, sum) : null;
			if (existing != null) {
				Document reused = reuse(existing, cloud, chosen);
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
	public UploadTarget target(HubCloud cloud, Document image) {
		if (!HubImageState.WAITING.contains(image.getString("state"))) {
			return new UploadTarget(Map.of());
		}
		try {
			return cloud.register(CloudImages.of(image));
		} catch (IOException e) {
			LOG.error("cannot make an upload target for image " + image.getObjectId("_id"), e);
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
		ObjectId projectId = access.projectId(owner, pid);
		if (bucket != null && !cloud.buckets().contains(bucket)) {
			throw new HubException("BUCKET_NOT_SUPPORTED", "bucket " + bucket + " is not served; see getGeoIPInfo");
		}
		try {
			return grants.grant(projectId.toHexString(), bucket != null ? bucket : cloud.buckets().get(0));
		} catch (IOException e) {
			LOG.error("cannot make an upload grant for project " + projectId, e);
			throw new HubException("STORAGE_UNAVAILABLE", "the storage cannot be reached, try again");
		}
	}

	private Document newImage(ObjectId pid, String owner, String name, String type, String sum, boolean known,
			HubCloud cloud, String bucket) {
		String filename = Names.hashed(sum, name);
		Date now = new Date();
		ObjectId id = new ObjectId();
		return new Document("_id", id).append("pid", pid).append("owner", owner).append("name", name)
				.append("filename", filename).append("checksum", sum).append("checksumKnown", known)
				.append("type", type).append("contentType", Names.contentType(type, name))
				.append("state", HubImageState.Pending.name()).append("error", List.of()).append("cloud", cloud.id())
				.append("bucket", bucket).append("key", Names.key(pid.toHexString(), filename))
				.append(CloudImages.UPLOAD_TOKEN, hosted(cloud) ? GridFsUploads.newUploadId(id) : null)
				.append("registeredAt", now).append("updatedAt", now);
	}

	private static boolean hosted(HubCloud cloud) {
		return cloud.feature(HubCloud.Hosted.class).isPresent();
	}

	/** States an image may be registered again in for another cloud: its bytes are not verified yet. */
	private static final List<String> MOVABLE = List.of(HubImageState.Pending.name(), HubImageState.Uploading.name(),
			HubImageState.Uploaded.name());

	private Document reuse(Document existing, HubCloud cloud, String bucket) {
		String state = existing.getString("state");
		boolean sameTarget = cloud.id().equals(existing.getString("cloud")) && bucket.equals(existing.getString("bucket"));
		if (HubImageState.Invalid.name().equals(state)) {
			deleteStored(existing);
			return images.transition(existing.getObjectId("_id"), List.of(state), reset(existing, cloud, bucket, true));
		}
		if (!sameTarget && MOVABLE.contains(state)) {
			// registered again on another cloud (the client's cloud went away, perhaps with bytes the hub could not
			// verify yet): the newest registration wins, the old target is abandoned
			return images.transition(existing.getObjectId("_id"), MOVABLE, reset(existing, cloud, bucket, false));
		}
		return existing;
	}

	/** Pending again, for this cloud: a hosted cloud's upload token is kept (or made), any other's dropped. */
	private org.bson.conversions.Bson reset(Document existing, HubCloud cloud, String bucket, boolean fresh) {
		String token = existing.getString(CloudImages.UPLOAD_TOKEN);
		if (!hosted(cloud)) {
			token = null;
		} else if (token == null) {
			token = GridFsUploads.newUploadId(existing.getObjectId("_id"));
		}
		var u = Updates.combine(Updates.set("state", HubImageState.Pending.name()), Updates.set("error", List.of()),
				Updates.set("cloud", cloud.id()), Updates.set("bucket", bucket),
				Updates.set(CloudImages.UPLOAD_TOKEN, token), Updates.unset(CloudImages.LOCATION),
				Updates.unset("verifying"));
		return fresh ? Updates.combine(u, Updates.set("registeredAt", new Date())) : u;
	}

	private void deleteStored(Document image) {
		HubCloud c = access.clouds().get(image.getString("cloud")).orElse(null);
		if (c == null) {
			return;
		}
		try {
			c.delete(CloudImages.of(image));
		} catch (IOException e) {
			LOG.warn("could not delete the stale object of image " + image.getObjectId("_id"), e);
		}
	}

	/** @param owner caller @param iid image id @return the image, Uploading when it was Pending */
	public Document start(String owner, String iid) {
		Document image = access.image(owner, iid);
		Document after = images.transition(image.getObjectId("_id"), List.of(HubImageState.Pending.name()),
				Updates.set("state", HubImageState.Uploading.name()));
		return after != null ? after : images.find(image.getObjectId("_id"));
	}

	/**
	 * @param owner caller
	 * @param iid   image id
	 * @return the image, Uploaded (and queued for verification) when its bytes are stored
	 */
	public Document done(String owner, String iid) {
		Document image = access.image(owner, iid);
		if (!HubImageState.WAITING.contains(image.getString("state"))) {
			return image;
		}
		OptionalLong size;
		try {
			size = access.cloud(image.getString("cloud")).stored(CloudImages.of(image));
		} catch (IOException e) {
			LOG.error("cannot check the upload of image " + iid, e);
			throw new HubException("STORAGE_UNAVAILABLE", "the storage cannot be reached, try again");
		}
		if (size.isEmpty()) {
			throw new HubException("NOT_UPLOADED", "no uploaded object for image " + iid);
		}
		Document after = markStored(image.getObjectId("_id"), Updates.set("size", size.getAsLong()));
		return after != null ? after : images.find(image.getObjectId("_id"));
	}

	/**
	 * @param id     an image whose bytes arrived
	 * @param update what else to set
	 * @return the image after, or null when it was no longer waiting
	 */
	Document markStored(ObjectId id, org.bson.conversions.Bson update) {
		Document after = images.transition(id, HubImageState.WAITING,
				Updates.combine(update, Updates.set("state", HubImageState.Uploaded.name())));
		if (after != null) {
			verifier.enqueue(id);
		}
		return after;
	}
}
