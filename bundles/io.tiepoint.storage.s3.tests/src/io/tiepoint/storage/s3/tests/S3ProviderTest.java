/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.storage.s3.tests;

import static io.tiepoint.testing.storage.StorageProviderConformance.failingAfter;
import static io.tiepoint.testing.storage.StorageProviderConformance.hex;
import static io.tiepoint.testing.storage.StorageProviderConformance.objectOf;
import static io.tiepoint.testing.storage.StorageProviderConformance.randomBytes;
import static io.tiepoint.testing.storage.StorageProviderConformance.withContent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.PlatformBinding;
import io.tiepoint.core.storage.ProviderSetting;
import io.tiepoint.core.storage.StorageProviderDescriptor;
import io.tiepoint.core.storage.StorageProviders;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StorageTarget;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;
import io.tiepoint.storage.s3.S3StorageProvider;
import io.tiepoint.testing.storage.StorageProviderConformance.Counting;
import io.tiepoint.testing.storage.StorageProviderConformance.Recorder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** What is particular to S3: ListParts resumes, metadata, Content-MD5, ranged downloads, credentials. */
public class S3ProviderTest {

	private static final int MIB = 1 << 20;

	@Test
	void contributedToTheExtensionPoint() throws Exception {
		StorageProviders providers = new StorageProviders(RegistryFactory.getRegistry(), s -> fail(s.toString()));
		StorageProviderDescriptor d = providers.descriptor("s3").orElseThrow();
		assertEquals("Amazon S3", d.name());
		assertEquals(Set.of(Capability.PUT, Capability.MULTIPART, Capability.CHECKSUM, Capability.DOWNLOAD),
				d.capabilities());
		assertEquals(new PlatformBinding("s3", "uploadImageS3", "BucketS3", "url", false), d.platformBinding().orElseThrow());
		assertEquals(List.of("s3"), d.schemes());
		assertEquals(List.of("s3.endpoint", "s3.region", "s3.access.key", "s3.secret.key", "s3.session.token",
				"s3.multipart.threshold"), d.settings().stream().map(ProviderSetting::key).toList());
		assertTrue(d.setting("s3.secret.key").orElseThrow().secret());
		assertTrue(d.iconUrl().isPresent(), "the icon is in the bundle");
		assertEquals("io.tiepoint.storage.s3", d.contributor());
		assertEquals(d, providers.forDestination(java.net.URI.create("s3://bucket/prefix")).orElseThrow());
		assertInstanceOf(S3StorageProvider.class, providers.provider("s3"));
		providers.dispose();
	}

	@Test
	void sessionsOfferTheirFlowsCapabilities() throws Exception {
		try (StorageSession direct = new S3StorageProvider()
				.open(S3Fixture.direct(S3Fixture.freshBucket(), "", Map.of()));
				StorageSession platform = new S3StorageProvider().open(new StorageTarget(null, null, null, null, null))) {
			for (Class<?> c : new Class<?>[] { SinglePut.class, MultipartPut.class, ExistsByChecksum.class,
					RangedDownload.class }) {
				assertTrue(direct.feature(c).isPresent(), c.getSimpleName());
			}
			assertFalse(direct.feature(OffsetResumable.class).isPresent());
			assertEquals(16L * MIB, direct.feature(MultipartPut.class).orElseThrow().threshold(), "default threshold");
			assertTrue(platform.feature(SinglePut.class).isPresent());
			assertFalse(platform.feature(MultipartPut.class).isPresent());
			assertFalse(platform.feature(ExistsByChecksum.class).isPresent());
		}
	}

	@Test
	void resumeSendsOnlyThePartsTheStoreLacks() throws Exception {
		String bucket = S3Fixture.freshBucket();
		int part = 5 * MIB;
		byte[] bytes = randomBytes(3 * part + MIB, 21);
		StorageObject object = object("resume/listed.jpg", bytes);
		S3Client admin = S3Fixture.admin();
		String key = "ingest/" + object.key();
		String uploadId = admin.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType("image/jpeg")
				.metadata(Map.of("sha1", object.sha1(), "md5", object.md5()))).uploadId();
		for (int n : new int[] { 1, 3 }) {
			admin.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
					RequestBody.fromBytes(Arrays.copyOfRange(bytes, (n - 1) * part, n * part)));
		}
		// part 2 of the wrong size (an earlier attempt with other settings): sent again
		admin.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
				RequestBody.fromBytes(Arrays.copyOfRange(bytes, part, part + 1000)));
		// pages of 2 parts: ListParts is paginated
		try (StorageSession s = open(bucket, Map.of("multipart.listPageSize", "2"))) {
			Counting counting = new Counting(object.content());
			Recorder rec = new Recorder();
			StoredObject stored = s.feature(MultipartPut.class).orElseThrow()
					.upload(withContent(object, counting), uploadId, rec, new NullProgressMonitor());
			assertEquals(bytes.length, stored.size());
			assertEquals(part + MIB, counting.distinct(), "only parts 2 and 4 are sent (an HTTP retry re-reads a part: not counted)");
			assertEquals(List.of((long) part, 3L * part, (long) bytes.length), rec.committed());
			assertArrayEquals(bytes, admin.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
		}
	}

	@Test
	void canceledMultipartUploadResumesFromItsToken() throws Exception {
		String bucket = S3Fixture.freshBucket();
		int part = 5 * MIB;
		byte[] bytes = randomBytes(2 * part + 123, 22);
		StorageObject object = object("resume/canceled.jpg", bytes);
		try (StorageSession s = open(bucket, Map.of())) {
			MultipartPut put = s.feature(MultipartPut.class).orElseThrow();
			NullProgressMonitor monitor = new NullProgressMonitor();
			Recorder first = new Recorder();
			StorageException e = assertThrows(StorageException.class, () -> put.upload(
					withContent(object, new Counting(object.content(), part + 10, monitor)), null, first, monitor));
			assertEquals(Kind.CANCELED, e.kind());
			assertEquals(part, first.maxCommitted());
			Counting counting = new Counting(object.content());
			put.upload(withContent(object, counting), first.token(), TransferListener.NONE, new NullProgressMonitor());
			assertEquals(bytes.length - (long) part, counting.distinct(),
					"the parts after the first (an HTTP retry re-reads a part: not counted)");
			assertArrayEquals(bytes, S3Fixture.admin()
					.getObjectAsBytes(b -> b.bucket(bucket).key("ingest/" + object.key())).asByteArray());
		}
	}

	@Test
	void abortedUploadIsNotFound() throws Exception {
		String bucket = S3Fixture.freshBucket();
		byte[] bytes = randomBytes(3 * MIB, 23);
		StorageObject object = object("resume/aborted.jpg", bytes);
		try (StorageSession s = open(bucket, Map.of())) {
			MultipartPut put = s.feature(MultipartPut.class).orElseThrow();
			Recorder first = new Recorder();
			assertThrows(StorageException.class, () -> put.upload(
					withContent(object, failingAfter(object.content(), MIB + 5)), null, first, new NullProgressMonitor()));
			S3Fixture.admin().abortMultipartUpload(
					b -> b.bucket(bucket).key("ingest/" + object.key()).uploadId(first.token()));
			StorageException e = assertThrows(StorageException.class,
					() -> put.upload(object, first.token(), TransferListener.NONE, new NullProgressMonitor()));
			assertEquals(Kind.NOT_FOUND, e.kind(), e.getMessage());
			assertTrue(e.getMessage().contains(object.name()) || e.getMessage().contains(object.key()), e.getMessage());
		}
	}

	@Test
	void sha1AndMd5AreStoredAsMetadata() throws Exception {
		String bucket = S3Fixture.freshBucket();
		try (StorageSession s = open(bucket, Map.of())) {
			byte[] small = randomBytes(100_000, 24);
			StorageObject a = object("meta/small.jpg", small);
			s.feature(SinglePut.class).orElseThrow().put(a, TransferListener.NONE, new NullProgressMonitor());
			byte[] large = randomBytes(3 * MIB, 25);
			StorageObject b = object("meta/large.jpg", large);
			s.feature(MultipartPut.class).orElseThrow().upload(b, null, TransferListener.NONE, new NullProgressMonitor());
			for (StorageObject o : new StorageObject[] { a, b }) {
				HeadObjectResponse head = S3Fixture.admin().headObject(r -> r.bucket(bucket).key("ingest/" + o.key()));
				assertEquals(o.sha1(), head.metadata().get("sha1"), "x-amz-meta-sha1 of " + o.key());
				assertEquals(o.md5(), head.metadata().get("md5"), "x-amz-meta-md5 of " + o.key());
				assertEquals("image/jpeg", head.contentType());
				assertEquals(o.size(), head.contentLength());
			}
		}
	}

	@Test
	void existingObjectsAreSkippedBySha1() throws Exception {
		String bucket = S3Fixture.freshBucket();
		S3Client admin = S3Fixture.admin();
		byte[] bytes = randomBytes(50_000, 26);
		StorageObject object = object("skip/a.jpg", bytes);
		try (StorageSession s = open(bucket, Map.of())) {
			ExistsByChecksum exists = s.feature(ExistsByChecksum.class).orElseThrow();
			// stored by another client with the sha1 metadata: found
			admin.putObject(b -> b.bucket(bucket).key("ingest/" + object.key()).metadata(Map.of("sha1", object.sha1())),
					RequestBody.fromBytes(bytes));
			Optional<StoredObject> found = exists.find(object, new NullProgressMonitor());
			assertEquals(object.sha1(), found.orElseThrow().sha1());
			// the same key with another sha1 recorded: sent again
			admin.putObject(b -> b.bucket(bucket).key("ingest/" + object.key())
					.metadata(Map.of("sha1", hex("SHA-1", new byte[] { 1 }))), RequestBody.fromBytes(bytes));
			assertEquals(Optional.empty(), exists.find(object, new NullProgressMonitor()));
			// no sha1 metadata: the plain ETag (MD5) decides
			admin.putObject(b -> b.bucket(bucket).key("ingest/" + object.key()), RequestBody.fromBytes(bytes));
			assertTrue(exists.find(object, new NullProgressMonitor()).isPresent());
		}
	}

	@Test
	void wrongMd5IsRefusedByTheStore() throws Exception {
		String bucket = S3Fixture.freshBucket();
		byte[] bytes = randomBytes(70_000, 27);
		StorageObject good = object("md5/a.jpg", bytes);
		StorageObject bad = new StorageObject(good.name(), good.key(), good.content(), good.sha1(),
				hex("MD5", new byte[] { 7 }), good.contentType(), null, null);
		try (StorageSession s = open(bucket, Map.of())) {
			StorageException e = assertThrows(StorageException.class,
					() -> s.feature(SinglePut.class).orElseThrow().put(bad, TransferListener.NONE, new NullProgressMonitor()));
			assertEquals(Kind.INTEGRITY, e.kind(), e.getMessage());
			assertEquals(Optional.empty(), s.feature(ExistsByChecksum.class).orElseThrow().find(good, null));
		}
	}

	@Test
	void rangedDownloadResumesAPartialFile(@TempDir Path dir) throws Exception {
		String bucket = S3Fixture.freshBucket();
		byte[] bytes = randomBytes(3 * MIB + 5, 28);
		StorageObject object = object("dl/a.jpg", bytes);
		try (StorageSession s = open(bucket, Map.of())) {
			s.feature(SinglePut.class).orElseThrow().put(object, TransferListener.NONE, new NullProgressMonitor());
			RangedDownload dl = s.feature(RangedDownload.class).orElseThrow();
			Path part = dir.resolve("a.jpg");
			Files.write(part, Arrays.copyOf(bytes, MIB + 7));
			StoredObject got = dl.download(object.key(), part, new NullProgressMonitor());
			assertEquals(object.sha1(), got.sha1());
			assertArrayEquals(bytes, Files.readAllBytes(part));
			// complete already: nothing to fetch
			assertEquals(bytes.length, dl.download(object.key(), part, new NullProgressMonitor()).size());
			// a partial file that is not a prefix of the object: caught by the SHA-1, removed
			byte[] wrong = Arrays.copyOf(bytes, MIB);
			wrong[10] ^= 1;
			Files.write(part, wrong);
			StorageException e = assertThrows(StorageException.class,
					() -> dl.download(object.key(), part, new NullProgressMonitor()));
			assertEquals(Kind.INTEGRITY, e.kind(), e.getMessage());
			assertFalse(Files.exists(part));
			assertEquals(Kind.NOT_FOUND, assertThrows(StorageException.class,
					() -> dl.download("dl/absent.jpg", dir.resolve("b"), new NullProgressMonitor())).kind());
		}
	}

	@Test
	void wrongCredentialsAreUnauthorizedAndNeverPrinted() throws Exception {
		String bucket = S3Fixture.freshBucket();
		String secret = "wrong-secret-0123456789";
		StorageTarget target = new StorageTarget(S3Fixture.endpoint(), bucket, "ingest", Map.of(),
				Map.of("accessKey", "AKIDLOCAL", "secretKey", secret));
		StorageObject object = object("creds/a.jpg", randomBytes(1000, 29));
		try (StorageSession s = new S3StorageProvider().open(target)) {
			StorageException e = assertThrows(StorageException.class,
					() -> s.feature(SinglePut.class).orElseThrow().put(object, TransferListener.NONE, null));
			assertEquals(Kind.UNAUTHORIZED, e.kind(), e.getMessage());
			assertFalse(e.retryable());
			StringWriter trace = new StringWriter();
			e.printStackTrace(new PrintWriter(trace));
			assertFalse(trace.toString().contains(secret), "the secret is not in the failure");
			assertFalse(s.toString().contains(secret));
			assertFalse(target.toString().contains(secret));
		}
	}

	/**
	 * A bucket that does not exist is a wrong destination, not a transient failure: S3Proxy answers the PUT before
	 * reading its body, the client sees a broken write; the provider asks and says so at once (an ingest to a
	 * mistyped bucket had retried every image for ten minutes).
	 */
	@Test
	void aMissingBucketIsPermanentAtOnce() throws Exception {
		StorageTarget target = S3Fixture.direct("no-such-bucket-" + System.nanoTime(), "ingest", Map.of());
		// refused when the session opens, before any image is inspected or sent
		StorageException e = assertThrows(StorageException.class, () -> new S3StorageProvider().open(target).close());
		assertEquals(Kind.PERMANENT, e.kind(), e.getMessage());
		assertFalse(e.retryable());
		assertTrue(e.getMessage().contains("the bucket does not exist"), e.getMessage());
	}

	@Test
	void incompleteTargetsArePermanent() throws Exception {
		S3StorageProvider provider = new S3StorageProvider();
		URI endpoint = S3Fixture.endpoint();
		StorageException noSecret = assertThrows(StorageException.class, () -> provider
				.open(new StorageTarget(endpoint, "b", "", Map.of(), Map.of("accessKey", "AKIDLOCAL"))));
		assertEquals(Kind.PERMANENT, noSecret.kind());
		assertTrue(noSecret.getMessage().contains("secretKey"), noSecret.getMessage());
		StorageException noBucket = assertThrows(StorageException.class, () -> provider.open(new StorageTarget(endpoint,
				null, "", Map.of(), Map.of("accessKey", "AKIDLOCAL", "secretKey", "x"))));
		assertEquals(Kind.PERMANENT, noBucket.kind());
		assertTrue(noBucket.getMessage().contains("bucket"), noBucket.getMessage());
		Map<String, String> badSize = new HashMap<>();
		badSize.put("multipart.partSize", "lots");
		StorageException bad = assertThrows(StorageException.class, () -> provider.open(new StorageTarget(endpoint, "b",
				"", badSize, Map.of("accessKey", "AKIDLOCAL", "secretKey", "x"))));
		assertTrue(bad.getMessage().contains("multipart.partSize"), bad.getMessage());
	}

	@Test
	void presignedUrlPastItsExpiryIsNotSent() throws Exception {
		String bucket = S3Fixture.freshBucket();
		byte[] bytes = randomBytes(10_000, 30);
		URI url = URI.create(S3Fixture.presigner().presignPutObject(r -> r.signatureDuration(Duration.ofHours(3))
				.putObjectRequest(p -> p.bucket(bucket).key("late.jpg").contentType("image/jpeg"))).url().toString());
		StorageObject object = objectOf("late.jpg", "late.jpg", bytes, "image/jpeg", url,
				Instant.now().minusSeconds(1));
		Counting counting = new Counting(object.content());
		try (StorageSession s = new S3StorageProvider().open(new StorageTarget(null, null, null, null, null))) {
			StorageException e = assertThrows(StorageException.class, () -> s.feature(SinglePut.class).orElseThrow()
					.put(withContent(object, counting), TransferListener.NONE, new NullProgressMonitor()));
			assertEquals(Kind.EXPIRED, e.kind());
			assertEquals(0, counting.given());
			assertFalse(e.getMessage().contains("X-Amz-"), e.getMessage());
		}
	}

	@Test
	void presignedPutCarriesTheContentTypeAndAWrongOneIsRefused() throws Exception {
		String bucket = S3Fixture.freshBucket();
		byte[] bytes = randomBytes(20_000, 31);
		URI url = URI.create(S3Fixture.presigner().presignPutObject(r -> r.signatureDuration(Duration.ofHours(3))
				.putObjectRequest(p -> p.bucket(bucket).key("p/a.jpg").contentType("image/jpeg"))).url().toString());
		try (StorageSession s = new S3StorageProvider().open(new StorageTarget(null, null, null, null, null))) {
			SinglePut put = s.feature(SinglePut.class).orElseThrow();
			StorageObject png = objectOf("a.jpg", "p/a.jpg", bytes, "image/png", url, null);
			StorageException e = assertThrows(StorageException.class,
					() -> put.put(png, TransferListener.NONE, new NullProgressMonitor()));
			assertEquals(Kind.UNAUTHORIZED, e.kind(), e.getMessage());
			assertFalse(e.getMessage().contains("Signature="), e.getMessage());
			StoredObject stored = put.put(objectOf("a.jpg", "p/a.jpg", bytes, "image/jpeg", url, null),
					TransferListener.NONE, new NullProgressMonitor());
			assertEquals(hex("MD5", bytes), stored.md5());
			assertEquals("image/jpeg", S3Fixture.admin().headObject(r -> r.bucket(bucket).key("p/a.jpg")).contentType());
		}
	}

	/**
	 * The inspection's MD5 goes along as Content-MD5 and the store checks it: a file that changed after it
	 * was inspected (same size, one byte different) is refused and nothing is stored under the key.
	 */
	@Test
	void presignedPutOfContentThatChangedSinceInspectionIsRefusedByTheStore() throws Exception {
		String bucket = S3Fixture.freshBucket();
		byte[] inspected = randomBytes(300_000, 32);
		byte[] now = inspected.clone();
		now[123_456] ^= 1;
		URI url = URI.create(S3Fixture.presigner().presignPutObject(r -> r.signatureDuration(Duration.ofHours(3))
				.putObjectRequest(p -> p.bucket(bucket).key("p/changed.jpg").contentType("image/jpeg"))).url().toString());
		StorageObject asInspected = objectOf("changed.jpg", "p/changed.jpg", inspected, "image/jpeg", url, null);
		StorageObject changed = new StorageObject(asInspected.name(), asInspected.key(),
				objectOf("changed.jpg", "p/changed.jpg", now, "image/jpeg", url, null).content(), asInspected.sha1(),
				asInspected.md5(), asInspected.contentType(), url, null);
		try (StorageSession s = new S3StorageProvider().open(new StorageTarget(null, null, null, null, null))) {
			SinglePut put = s.feature(SinglePut.class).orElseThrow();
			StorageException e = assertThrows(StorageException.class,
					() -> put.put(changed, TransferListener.NONE, new NullProgressMonitor()));
			assertEquals(Kind.INTEGRITY, e.kind(), e.getMessage());
			assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
					() -> S3Fixture.admin().headObject(r -> r.bucket(bucket).key("p/changed.jpg")));
			assertEquals(hex("MD5", inspected),
					put.put(asInspected, TransferListener.NONE, new NullProgressMonitor()).md5());
		}
	}

	private static StorageSession open(String bucket, Map<String, String> extra) throws Exception {
		Map<String, String> options = new HashMap<>(S3DirectConformanceTest.OPTIONS);
		options.putAll(extra);
		return new S3StorageProvider().open(S3Fixture.direct(bucket, "ingest", options));
	}

	private static StorageObject object(String key, byte[] bytes) {
		return objectOf(key.substring(key.lastIndexOf('/') + 1), key, bytes, "image/jpeg", null, null);
	}
}
