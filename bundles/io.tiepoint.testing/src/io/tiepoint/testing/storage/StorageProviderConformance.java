/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import io.tiepoint.core.storage.BatchCommit;
import io.tiepoint.core.storage.Capability;
import io.tiepoint.core.storage.Content;
import io.tiepoint.core.storage.ExistsByChecksum;
import io.tiepoint.core.storage.MultipartPut;
import io.tiepoint.core.storage.OffsetResumable;
import io.tiepoint.core.storage.RangedDownload;
import io.tiepoint.core.storage.SinglePut;
import io.tiepoint.core.storage.StorageException;
import io.tiepoint.core.storage.StorageException.Kind;
import io.tiepoint.core.storage.StorageObject;
import io.tiepoint.core.storage.StorageSession;
import io.tiepoint.core.storage.StoredObject;
import io.tiepoint.core.storage.TransferListener;

/**
 * The conformance tests of a storage provider (JUnit 5). A provider's test fragment subclasses this
 * class once per flow and implements the factory methods; the tests then run against the real
 * destination.
 * <p>
 * Every test opens its own session with {@link #openSession()} (a fresh destination: a new bucket,
 * album, database...); {@link #object(String, byte[])} and {@link #expiredObject(String, byte[])} make
 * objects for the destination of the last session opened. A test needing a capability the session does
 * not offer, or one the subclass declares in {@link #optOuts()} (the {@link Capability capabilities} a
 * provider's extension declares), is skipped with the reason ({@link #optOutReason(Capability)}); so is the
 * expiry test when {@link #expires()} is false ({@link #noExpiryReason()}).
 * <p>
 * What is checked:
 * <ul>
 * <li>put then read back (SinglePut; MultipartPut): sizes, checksums, the bytes, each byte of the
 * content streamed once, the resume token reported before the first committed offset, committed
 * offsets increasing up to the size;</li>
 * <li>resume after an interruption (MultipartPut, else OffsetResumable): the second attempt streams no
 * more than what was not committed by the first, i.e. it re-sends at most the part that was cut
 * (counted as the bytes the {@link Content} streams gave out);</li>
 * <li>an unknown resume token fails with {@code NOT_FOUND} (MultipartPut);</li>
 * <li>exists-by-checksum: found with the same SHA-1, not found with another content or key;</li>
 * <li>expiry: an expired URL or lease fails with {@code EXPIRED}, without its query string in the
 * message;</li>
 * <li>cancellation: before the start nothing is streamed; in the middle of a transfer it fails with
 * {@code CANCELED} and no complete object is left behind;</li>
 * <li>batched commits (a session with {@link BatchCommit}; its uploads are committed before they are read back or
 * looked up): each object of a batch is committed once, with the handle its upload reported; a handle committed
 * already, or unknown, fails for its own object alone (NOT_FOUND or EXPIRED: send again) while the others
 * commit; a batch larger than {@link BatchCommit#batchSize()} is refused as a whole.</li>
 * </ul>
 */
public abstract class StorageProviderConformance {

	// ------------------------------------------------------------------ what a provider's tests implement

	/**
	 * Opens a session on a fresh destination (nothing stored yet). Called once per test; the test closes
	 * the session.
	 *
	 * @return the session
	 * @throws Exception when the destination cannot be prepared
	 */
	protected abstract StorageSession openSession() throws Exception;

	/**
	 * Makes an object for the destination of the last session opened (with its URL when the flow needs
	 * one). {@link #objectOf(String, String, byte[], String, URI, Instant)} does the checksums.
	 *
	 * @param key   the provider-relative key
	 * @param bytes the content
	 * @return the object
	 * @throws Exception when it cannot be made (e.g. presigning fails)
	 */
	protected abstract StorageObject object(String key, byte[] bytes) throws Exception;

	/**
	 * Makes the transfer of an object break after about {@code afterBytes} bytes, as a dropped
	 * connection would; by default {@code withContent(object, failingAfter(object.content(), afterBytes))}.
	 *
	 * @param object     an object from {@link #object(String, byte[])}
	 * @param afterBytes where the transfer breaks
	 * @return the object whose transfer breaks
	 * @throws Exception when it cannot be made
	 */
	protected StorageObject interrupt(StorageObject object, long afterBytes) throws Exception {
		return withContent(object, failingAfter(object.content(), afterBytes));
	}

	/**
	 * Makes an object whose URL, lease or credentials have expired (for example a URL presigned for one
	 * second, after waiting). Not called when {@link #expires()} is false; a class whose flow expires
	 * overrides this.
	 *
	 * @param key   the provider-relative key
	 * @param bytes the content
	 * @return the object
	 * @throws Exception when it cannot be made
	 */
	protected StorageObject expiredObject(String key, byte[] bytes) throws Exception {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " says its flow expires (expires()) but does"
				+ " not override expiredObject");
	}

	/**
	 * @return the capabilities (those of the provider's extension, {@link Capability}) whose tests are skipped
	 *         for this provider or flow, each with a reason from {@link #optOutReason(Capability)}
	 */
	protected abstract Set<Capability> optOuts();

	/**
	 * @param capability one of {@link #optOuts()}
	 * @return why it is opted out (required: a test of an opted-out capability fails without a reason)
	 */
	protected String optOutReason(Capability capability) {
		return null;
	}

	/**
	 * @return whether something the flow uses expires (URLs, leases, temporary credentials): then
	 *         {@link #expiredObject(String, byte[])} makes an expired object and the expiry test runs; true by
	 *         default. A class returning false gives the reason in {@link #noExpiryReason()}.
	 */
	protected boolean expires() {
		return true;
	}

	/**
	 * @return why nothing of the flow expires (required when {@link #expires()} is false: the expiry test
	 *         fails without a reason)
	 */
	protected String noExpiryReason() {
		return null;
	}

	/**
	 * Reads an object back from the destination. The default downloads it with the session's
	 * {@link RangedDownload} and skips the test when the session has none: override it then.
	 *
	 * @param session the session
	 * @param key     the provider-relative key
	 * @return the bytes, or empty when the destination does not hold the object
	 * @throws Exception when it cannot be read
	 */
	protected Optional<byte[]> readBack(StorageSession session, String key) throws Exception {
		Optional<RangedDownload> download = session.feature(RangedDownload.class);
		Assumptions.assumeTrue(download.isPresent(),
				"the session has no RangedDownload and the test class does not override readBack");
		Path dir = Files.createTempDirectory("conformance");
		Path file = dir.resolve("read-back.bin");
		try {
			download.get().download(key, file, new NullProgressMonitor());
			return Optional.of(Files.readAllBytes(file));
		} catch (StorageException e) {
			if (e.kind() == Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw e;
		} finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(dir);
		}
	}

	/**
	 * @return true when the destination stores objects by their content (the key is a name, the same
	 *         content is one object whatever its key: the GridFS resource service); false by default
	 */
	protected boolean contentAddressed() {
		return false;
	}

	/** @return the size of small objects (single PUTs, look-ups); 256 KiB by default */
	protected int smallSize() {
		return 256 * 1024;
	}

	/**
	 * @return the size of large objects (multipart and resumable uploads, cancellation); 3 MiB by default.
	 *         It should span at least three parts or chunks of the provider under test.
	 */
	protected int largeSize() {
		return 3 * 1024 * 1024;
	}

	// ------------------------------------------------------------------ tests

	/**
	 * SinglePut, then read back: the size and checksums reported, the bytes stored, each byte streamed
	 * once, the whole size committed.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void singlePutThenReadBack() throws Exception {
		skipIfOptedOut(Capability.PUT);
		try (StorageSession session = openSession()) {
			SinglePut put = require(session, Capability.PUT);
			byte[] bytes = randomBytes(smallSize(), 1);
			StorageObject object = object("conformance/single.bin", bytes);
			Counting counting = new Counting(object.content());
			Recorder rec = new Recorder();
			StoredObject stored = put.put(withContent(object, counting), rec, new NullProgressMonitor());
			assertStored(object, stored);
			assertEquals(bytes.length, counting.distinct(), "SinglePut streams every byte of the content");
			// once: more only when the HTTP client retried a request, which opens the content again
			assertTrue(counting.given() == bytes.length || counting.opened() > 1, "SinglePut read the content "
					+ counting.given() + " bytes in one stream for " + bytes.length);
			assertEquals(List.of((long) bytes.length), rec.committedTail(1), "the whole size is committed");
			assertArrayEquals(bytes, readBack(session, object.key()).orElseThrow(
					() -> new AssertionError("the destination does not hold " + object.key() + " after SinglePut")));
		}
	}

	/**
	 * MultipartPut from scratch, then read back: the token is reported before the first committed offset,
	 * committed offsets increase up to the size, each byte is streamed once.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void multipartPutThenReadBack() throws Exception {
		skipIfOptedOut(Capability.MULTIPART);
		try (StorageSession session = openSession()) {
			MultipartPut put = require(session, Capability.MULTIPART);
			byte[] bytes = randomBytes(largeSize(), 2);
			StorageObject object = object("conformance/multipart.bin", bytes);
			Counting counting = new Counting(object.content());
			Recorder rec = new Recorder();
			StoredObject stored = put.upload(withContent(object, counting), null, rec, new NullProgressMonitor());
			assertStored(object, stored);
			assertNotNull(rec.token(), "MultipartPut reports a resume token");
			assertTrue(rec.tokenBeforeFirstProgress(), "the resume token is reported before any part is committed");
			assertTrue(rec.increasing(), "committed offsets never decrease: " + rec.committed());
			assertEquals(bytes.length, rec.maxCommitted(), "the whole size is committed at the end");
			assertTrue(rec.steps() >= 2, "an object of " + bytes.length + " bytes is sent in several parts: "
					+ rec.committed());
			assertEquals(bytes.length, counting.distinct(), "MultipartPut streams every byte of the content");
			// once: more only when the HTTP client retried a request, which opens the content again
			assertTrue(counting.given() == bytes.length || counting.opened() > 1, "MultipartPut read the content "
					+ counting.given() + " bytes in one stream for " + bytes.length);
			assertArrayEquals(bytes, readBack(session, object.key()).orElseThrow(
					() -> new AssertionError("the destination does not hold " + object.key() + " after MultipartPut")));
		}
	}

	/**
	 * An upload cut in the middle is resumed from its token: the second attempt streams no more than
	 * what the first one had not committed (so it re-sends at most the part or chunk that was cut), and
	 * the result is complete.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void resumeAfterInterruptionResendsAtMostOnePart() throws Exception {
		try (StorageSession session = openSession()) {
			Resumable up = resumable(session);
			byte[] bytes = randomBytes(largeSize(), 3);
			StorageObject object = object("conformance/resume.bin", bytes);
			long cut = bytes.length * 3L / 5 + 4321;
			StorageObject broken = interrupt(object, cut);
			Recorder first = new Recorder();
			StorageException e = assertThrows(StorageException.class,
					() -> up.upload(broken, null, first, new NullProgressMonitor()),
					"an upload whose transfer breaks fails");
			assertNotEquals(Kind.CANCELED, e.kind(), "an interruption is not a cancellation: " + e.getMessage());
			assertNotNull(first.token(), "a resume token is reported before the transfer breaks");
			long committed = first.maxCommitted();
			assertTrue(committed > 0 && committed <= cut, "the first attempt committed the parts acknowledged before"
					+ " the cut at " + cut + ": " + first.committed());
			assertTrue(cut - committed <= first.largestStep(), "a part is committed as soon as it is acknowledged:"
					+ " cut at " + cut + ", committed " + first.committed());

			Counting counting = new Counting(object.content());
			Recorder second = new Recorder();
			StoredObject stored = up.upload(withContent(object, counting), first.token(), second,
					new NullProgressMonitor());
			assertStored(object, stored);
			commitIfBatched(session, object, second.token() != null ? second.token() : first.token());
			long resent = counting.distinct() - (bytes.length - cut);
			System.out.printf("%s resume: %d bytes, cut at %d, %d committed, second attempt streamed %d of the content"
					+ " (%d read in all over %d streams; re-sent %d)%n", getClass().getSimpleName(), bytes.length, cut,
					committed, counting.distinct(), counting.given(), counting.opened(), resent);
			assertTrue(counting.distinct() <= bytes.length - committed, "the second attempt streamed "
					+ counting.distinct() + " bytes; " + (bytes.length - committed) + " were not committed");
			assertTrue(resent <= first.largestStep(), "at most one part is re-sent: re-sent " + resent);
			assertEquals(bytes.length, second.maxCommitted(), "the whole size is committed at the end");
			assertArrayEquals(bytes, readBack(session, object.key()).orElseThrow(
					() -> new AssertionError("the destination does not hold " + object.key() + " after the resume")));
		}
	}

	/**
	 * A multipart upload resumed from a token the destination does not know fails with
	 * {@code NOT_FOUND} (restart from zero), and leaves nothing behind.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void unknownResumeTokenIsNotFound() throws Exception {
		skipIfOptedOut(Capability.MULTIPART);
		try (StorageSession session = openSession()) {
			MultipartPut put = require(session, Capability.MULTIPART);
			byte[] bytes = randomBytes(largeSize(), 4);
			StorageObject object = object("conformance/unknown-token.bin", bytes);
			StorageException e = assertThrows(StorageException.class, () -> put.upload(object,
					"conformance-no-such-upload", TransferListener.NONE, new NullProgressMonitor()));
			assertEquals(Kind.NOT_FOUND, e.kind(), e.getMessage());
			assertNothingComplete(session, object);
		}
	}

	/**
	 * ExistsByChecksum finds an object stored with the same content.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void existsByChecksumFindsTheSameContent() throws Exception {
		skipIfOptedOut(Capability.CHECKSUM);
		try (StorageSession session = openSession()) {
			ExistsByChecksum exists = require(session, Capability.CHECKSUM);
			byte[] bytes = randomBytes(smallSize(), 5);
			StorageObject object = object("conformance/exists.bin", bytes);
			store(session, object);
			StoredObject found = exists.find(object(object.key(), bytes), new NullProgressMonitor())
					.orElseThrow(() -> new AssertionError("the same content is found"));
			assertEquals(bytes.length, found.size());
			if (found.sha1() != null) {
				assertEquals(object.sha1(), found.sha1());
			}
		}
	}

	/**
	 * ExistsByChecksum does not find an object under another key, nor one whose stored content differs.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void existsByChecksumIgnoresOtherContent() throws Exception {
		skipIfOptedOut(Capability.CHECKSUM);
		try (StorageSession session = openSession()) {
			ExistsByChecksum exists = require(session, Capability.CHECKSUM);
			byte[] bytes = randomBytes(smallSize(), 6);
			StorageObject object = object("conformance/other.bin", bytes);
			assertEquals(Optional.empty(), exists.find(object, new NullProgressMonitor()), "nothing stored yet");
			store(session, object);
			byte[] other = bytes.clone();
			other[other.length / 2] ^= 0x5a;
			assertEquals(Optional.empty(), exists.find(object(object.key(), other), new NullProgressMonitor()),
					"another content under the same key is not found");
			Optional<StoredObject> underAnotherKey = exists.find(object("conformance/absent.bin", bytes),
					new NullProgressMonitor());
			if (contentAddressed()) {
				assertTrue(underAnotherKey.isPresent(), "a content-addressed store finds the same content under any key");
			} else {
				assertEquals(Optional.empty(), underAnotherKey, "a key never stored is not found");
			}
		}
	}

	/**
	 * An expired URL, lease or credential fails with {@code EXPIRED}; the message names the object but
	 * not the URL's query string.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void expiredUrlIsExpired() throws Exception {
		if (!expires()) {
			abortWithReason("expiry", noExpiryReason());
		}
		try (StorageSession session = openSession()) {
			Sender sender = sender(session);
			byte[] bytes = randomBytes(smallSize(), 7);
			StorageObject object = expiredObject("conformance/expired.bin", bytes);
			StorageException e = assertThrows(StorageException.class,
					() -> sender.send(object, new Recorder(), new NullProgressMonitor()));
			assertEquals(Kind.EXPIRED, e.kind(), e.getMessage());
			assertTrue(e.retryable(), "EXPIRED is retryable with a new URL");
			assertTrue(e.getMessage().contains(object.name()) || e.getMessage().contains(object.key()),
					"the message names the object: " + e.getMessage());
			if (object.url() != null && object.url().getRawQuery() != null) {
				assertFalse(e.getMessage().contains(object.url().getRawQuery()), "the message shows no query string");
				assertFalse(e.getMessage().contains("Signature="), "the message shows no signature");
			}
		}
	}

	/**
	 * Canceled before it starts: {@code CANCELED}, nothing streamed.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void canceledBeforeStartSendsNothing() throws Exception {
		try (StorageSession session = openSession()) {
			Sender sender = sender(session);
			byte[] bytes = randomBytes(smallSize(), 8);
			StorageObject object = object("conformance/canceled-early.bin", bytes);
			Counting counting = new Counting(object.content());
			IProgressMonitor monitor = new NullProgressMonitor();
			monitor.setCanceled(true);
			StorageException e = assertThrows(StorageException.class,
					() -> sender.send(withContent(object, counting), new Recorder(), monitor));
			assertEquals(Kind.CANCELED, e.kind(), e.getMessage());
			assertEquals(0, counting.given(), "nothing is streamed once canceled");
			assertNothingComplete(session, object);
		}
	}

	/**
	 * SinglePut canceled in the middle of the stream: {@code CANCELED}, no object left behind.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void cancelDuringSinglePutLeavesNothing() throws Exception {
		skipIfOptedOut(Capability.PUT);
		try (StorageSession session = openSession()) {
			SinglePut put = require(session, Capability.PUT);
			byte[] bytes = randomBytes(largeSize(), 9);
			StorageObject object = object("conformance/canceled-single.bin", bytes);
			IProgressMonitor monitor = new NullProgressMonitor();
			Counting counting = new Counting(object.content(), bytes.length / 2, monitor);
			StorageException e = assertThrows(StorageException.class,
					() -> put.put(withContent(object, counting), new Recorder(), monitor));
			assertEquals(Kind.CANCELED, e.kind(), e.getMessage());
			assertTrue(counting.given() < bytes.length, "the stream stops once canceled: " + counting.given());
			assertNothingComplete(session, object);
		}
	}

	/**
	 * A multipart or resumable upload canceled in the middle: {@code CANCELED} between or within parts,
	 * no complete object left behind.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void cancelDuringResumableUploadLeavesNothing() throws Exception {
		try (StorageSession session = openSession()) {
			Resumable up = resumable(session);
			byte[] bytes = randomBytes(largeSize(), 10);
			StorageObject object = object("conformance/canceled-resumable.bin", bytes);
			IProgressMonitor monitor = new NullProgressMonitor();
			Counting counting = new Counting(object.content(), bytes.length / 2, monitor);
			Recorder rec = new Recorder();
			StorageException e = assertThrows(StorageException.class,
					() -> up.upload(withContent(object, counting), null, rec, monitor));
			assertEquals(Kind.CANCELED, e.kind(), e.getMessage());
			assertTrue(counting.given() < bytes.length, "the upload stops once canceled: " + counting.given());
			assertTrue(rec.maxCommitted() < bytes.length, "not everything is committed: " + rec.committed());
			assertNothingComplete(session, object);
		}
	}

	/**
	 * Batched commits: three objects sent, committed in one call, each stored once and found by checksum; the same
	 * handles committed again fail one by one (NOT_FOUND or EXPIRED) and make no second object; an unknown handle
	 * fails alone while the others of its batch commit.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void batchCommitCommitsEachObjectOnce() throws Exception {
		try (StorageSession session = openSession()) {
			BatchCommit commit = session.feature(BatchCommit.class).orElse(null);
			Assumptions.assumeTrue(commit != null, "the session has no BatchCommit");
			Assumptions.assumeTrue(commit.batchSize() >= 3, "batches of fewer than 3");
			Sender sender = sender(session);
			List<BatchCommit.Pending> batch = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				StorageObject o = object("conformance/batch-" + i + ".bin", randomBytes(smallSize() / 4, 20 + i));
				Recorder rec = new Recorder();
				sender.send(o, rec, new NullProgressMonitor());
				assertNotNull(rec.token(), "the upload reports a handle");
				batch.add(new BatchCommit.Pending(o, rec.token()));
			}
			Optional<ExistsByChecksum> exists = session.feature(ExistsByChecksum.class);
			if (exists.isPresent()) {
				assertEquals(Optional.empty(), exists.get().find(batch.get(0).object(), new NullProgressMonitor()),
						"nothing is there before its commit");
			}
			List<BatchCommit.Outcome> out = commit.commit(batch, new NullProgressMonitor());
			assertEquals(3, out.size(), "one outcome per object");
			for (int i = 0; i < 3; i++) {
				assertNotNull(out.get(i).stored(), "committed: " + out.get(i).failure());
				assertStored(batch.get(i).object(), out.get(i).stored());
				if (exists.isPresent()) {
					assertTrue(exists.get().find(batch.get(i).object(), new NullProgressMonitor()).isPresent(),
							"found by checksum once committed");
				}
			}
			StorageObject fresh = object("conformance/batch-fresh.bin", randomBytes(smallSize() / 4, 30));
			Recorder rec = new Recorder();
			sender.send(fresh, rec, new NullProgressMonitor());
			List<BatchCommit.Pending> again = List.of(batch.get(0), new BatchCommit.Pending(fresh, rec.token()),
					new BatchCommit.Pending(batch.get(1).object(), "conformance-no-such-handle"));
			List<BatchCommit.Outcome> second = commit.commit(again, new NullProgressMonitor());
			assertEquals(3, second.size(), "one outcome per object");
			for (int i : new int[] { 0, 2 }) {
				StorageException f = second.get(i).failure();
				assertNotNull(f, "a used or unknown handle is not committed (again)");
				assertTrue(f.kind() == Kind.NOT_FOUND || f.kind() == Kind.EXPIRED, f.kind() + ": " + f.getMessage());
			}
			assertNotNull(second.get(1).stored(), "the good handle of the batch commits: " + second.get(1).failure());
		}
	}

	/**
	 * Batched commits: a batch larger than the session takes is refused as a whole, before anything is
	 * committed.
	 *
	 * @throws Exception on failure
	 */
	@Test
	public void batchCommitRefusesAnOversizedBatch() throws Exception {
		try (StorageSession session = openSession()) {
			BatchCommit commit = session.feature(BatchCommit.class).orElse(null);
			Assumptions.assumeTrue(commit != null, "the session has no BatchCommit");
			List<BatchCommit.Pending> batch = new ArrayList<>();
			byte[] bytes = randomBytes(64, 40);
			for (int i = 0; i <= commit.batchSize(); i++) {
				batch.add(new BatchCommit.Pending(object("conformance/oversized-" + i + ".bin", bytes), "handle-" + i));
			}
			StorageException e = assertThrows(StorageException.class, () -> commit.commit(batch, new NullProgressMonitor()),
					"a batch of " + batch.size() + " is refused");
			assertFalse(e.retryable(), "an oversized batch is not retried as it is: " + e.getMessage());
		}
	}

	// ------------------------------------------------------------------ helpers for subclasses

	/**
	 * @param name        the name shown in messages
	 * @param key         the key
	 * @param bytes       the content (kept, not copied)
	 * @param contentType the media type, or null
	 * @param url         the platform's URL, or null
	 * @param urlExpires  when it expires, or null
	 * @return an object over the bytes, with its SHA-1 and MD5
	 */
	public static StorageObject objectOf(String name, String key, byte[] bytes, String contentType, URI url,
			Instant urlExpires) {
		return new StorageObject(name, key, bytesContent(bytes), hex("SHA-1", bytes), hex("MD5", bytes), contentType,
				url, urlExpires);
	}

	/**
	 * @param object  an object
	 * @param content another content
	 * @return the object with that content (its URL and grant kept)
	 */
	public static StorageObject withContent(StorageObject object, Content content) {
		return new StorageObject(object.name(), object.key(), content, object.sha1(), object.md5(),
				object.contentType(), object.url(), object.urlExpires(), object.grant());
	}

	/**
	 * @param bytes the bytes (kept, not copied)
	 * @return a content over them
	 */
	public static Content bytesContent(byte[] bytes) {
		return new Content() {
			@Override
			public long length() {
				return bytes.length;
			}

			@Override
			public InputStream open(long offset) throws IOException {
				if (offset < 0 || offset > bytes.length) {
					throw new IOException("offset " + offset + " outside 0.." + bytes.length);
				}
				return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
			}
		};
	}

	/**
	 * @param content    a content
	 * @param afterBytes where the connection drops: a read at or past this byte of the content fails with an
	 *                   {@link IOException}, however often the content is opened (an HTTP client that retries
	 *                   an earlier part on a stale keep-alive connection re-reads it without reaching the break,
	 *                   so the cut is where the test put it, not earlier by a retry's worth)
	 * @return the failing content
	 */
	public static Content failingAfter(Content content, long afterBytes) {
		return new Content() {
			@Override
			public long length() {
				return content.length();
			}

			@Override
			public InputStream open(long offset) throws IOException {
				return new FilterInputStream(content.open(offset)) {
					private long position = offset;

					@Override
					public int read() throws IOException {
						byte[] b = new byte[1];
						int n = read(b, 0, 1);
						return n < 0 ? -1 : b[0] & 0xff;
					}

					@Override
					public int read(byte[] b, int off, int len) throws IOException {
						long left = afterBytes - position;
						if (left <= 0 && len > 0) {
							throw new IOException("connection reset (simulated at byte " + afterBytes + ")");
						}
						int n = super.read(b, off, (int) Math.min(len, left));
						if (n > 0) {
							position += n;
						}
						return n;
					}
				};
			}
		};
	}

	/**
	 * @param size the length
	 * @param seed the seed
	 * @return reproducible random bytes
	 */
	public static byte[] randomBytes(int size, long seed) {
		byte[] b = new byte[size];
		new Random(seed).nextBytes(b);
		return b;
	}

	/**
	 * @param algorithm e.g. {@code SHA-1}, {@code MD5}
	 * @param bytes     the bytes
	 * @return the lower-case hex digest
	 */
	public static String hex(String algorithm, byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A content that counts the bytes its streams give out, and can cancel a monitor once a number of
	 * bytes has been given out.
	 */
	public static final class Counting implements Content {
		private final Content content;
		private final long cancelAfter;
		private final IProgressMonitor monitor;
		private final AtomicLong given = new AtomicLong();
		private final AtomicLong opened = new AtomicLong();
		private final TreeMap<Long, Long> covered = new TreeMap<>();

		/** @param content the content to count */
		public Counting(Content content) {
			this(content, Long.MAX_VALUE, null);
		}

		/**
		 * @param content     the content to count
		 * @param cancelAfter cancel the monitor once this many bytes were given out
		 * @param monitor     the monitor
		 */
		public Counting(Content content, long cancelAfter, IProgressMonitor monitor) {
			this.content = content;
			this.cancelAfter = cancelAfter;
			this.monitor = monitor;
		}

		@Override
		public long length() {
			return content.length();
		}

		@Override
		public InputStream open(long offset) throws IOException {
			opened.incrementAndGet();
			return new FilterInputStream(content.open(offset)) {
				private long position = offset;

				@Override
				public int read() throws IOException {
					byte[] b = new byte[1];
					int n = read(b, 0, 1);
					return n < 0 ? -1 : b[0] & 0xff;
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					int n = super.read(b, off, len);
					if (n > 0) {
						cover(position, position + n);
						position += n;
					}
					if (n > 0 && given.addAndGet(n) >= cancelAfter && monitor != null) {
						monitor.setCanceled(true);
					}
					return n;
				}

				@Override
				public long skip(long n) throws IOException {
					throw new IOException("providers open the content at an offset instead of skipping");
				}
			};
		}

		/** @return the bytes given out so far, over all streams */
		public long given() {
			return given.get();
		}

		/** @return how many streams were opened */
		public long opened() {
			return opened.get();
		}

		/**
		 * @return the bytes of the content given out at least once: what the provider chose to send, without
		 *         the re-reads of its HTTP client's own retries (a stale keep-alive connection)
		 */
		public synchronized long distinct() {
			return covered.entrySet().stream().mapToLong(e -> e.getValue() - e.getKey()).sum();
		}

		private synchronized void cover(long from, long to) {
			Map.Entry<Long, Long> before = covered.floorEntry(from);
			long start = from;
			long end = to;
			if (before != null && before.getValue() >= from) {
				start = before.getKey();
				end = Math.max(end, before.getValue());
			}
			for (Map.Entry<Long, Long> e = covered.ceilingEntry(start); e != null && e.getKey() <= end; e = covered.ceilingEntry(start)) {
				end = Math.max(end, e.getValue());
				covered.remove(e.getKey());
			}
			covered.put(start, end);
		}
	}

	/** Records what a provider reports. */
	public static final class Recorder implements TransferListener {
		private final List<Long> committed = Collections.synchronizedList(new ArrayList<>());
		private volatile String token;
		private volatile int committedBeforeToken = -1;

		@Override
		public void committed(long offset) {
			committed.add(offset);
		}

		@Override
		public void resumeToken(String t) {
			if (token == null) {
				committedBeforeToken = (int) committed.stream().filter(o -> o > 0).count();
			}
			token = t;
		}

		/** @return the last token reported, or null */
		public String token() {
			return token;
		}

		/** @return the committed offsets, in order */
		public List<Long> committed() {
			synchronized (committed) {
				return List.copyOf(committed);
			}
		}

		/** @return whether the first token came before any positive committed offset */
		public boolean tokenBeforeFirstProgress() {
			return committedBeforeToken == 0;
		}

		/** @return the largest committed offset, 0 when none */
		public long maxCommitted() {
			return committed().stream().mapToLong(Long::longValue).max().orElse(0);
		}

		/** @return whether the offsets never decrease */
		public boolean increasing() {
			List<Long> c = committed();
			for (int i = 1; i < c.size(); i++) {
				if (c.get(i) < c.get(i - 1)) {
					return false;
				}
			}
			return true;
		}

		/** @return the largest increase between consecutive offsets (from 0) */
		public long largestStep() {
			long prev = 0;
			long max = 0;
			for (long c : committed()) {
				max = Math.max(max, c - prev);
				prev = Math.max(prev, c);
			}
			return max;
		}

		/** @return how many times the offset increased */
		public int steps() {
			long prev = 0;
			int n = 0;
			for (long c : committed()) {
				if (c > prev) {
					n++;
					prev = c;
				}
			}
			return n;
		}

		/**
		 * @param n how many
		 * @return the last n committed offsets
		 */
		public List<Long> committedTail(int n) {
			List<Long> c = committed();
			return c.subList(Math.max(0, c.size() - n), c.size());
		}
	}

	// ------------------------------------------------------------------ internals

	/** MultipartPut and OffsetResumable have the same shape. */
	@FunctionalInterface
	private interface Resumable {
		StoredObject upload(StorageObject object, String token, TransferListener listener, IProgressMonitor monitor)
				throws StorageException;
	}

	/** Whichever way the session sends a whole object. */
	@FunctionalInterface
	private interface Sender {
		StoredObject send(StorageObject object, TransferListener listener, IProgressMonitor monitor)
				throws StorageException;
	}

	private Resumable resumable(StorageSession session) {
		if (!optedOut(Capability.MULTIPART)) {
			Optional<MultipartPut> m = session.feature(MultipartPut.class);
			if (m.isPresent()) {
				return m.get()::upload;
			}
		}
		if (!optedOut(Capability.OFFSET)) {
			Optional<OffsetResumable> o = session.feature(OffsetResumable.class);
			if (o.isPresent()) {
				return o.get()::upload;
			}
		}
		throw new TestAbortedException("no resumable upload: " + reasonAbsent(session, Capability.MULTIPART)
				+ "; " + reasonAbsent(session, Capability.OFFSET));
	}

	private Sender sender(StorageSession session) {
		if (!optedOut(Capability.PUT)) {
			Optional<SinglePut> s = session.feature(SinglePut.class);
			if (s.isPresent()) {
				return s.get()::put;
			}
		}
		try {
			Resumable r = resumable(session);
			return (o, l, m) -> r.upload(o, null, l, m);
		} catch (TestAbortedException e) {
			throw new TestAbortedException("no way to send: " + reasonAbsent(session, Capability.PUT) + "; "
					+ e.getMessage());
		}
	}

	private void store(StorageSession session, StorageObject object) throws StorageException {
		Recorder rec = new Recorder();
		sender(session).send(object, rec, new NullProgressMonitor());
		commitIfBatched(session, object, rec.token());
	}

	/** A session with batched commits: commits one object whose bytes arrived, and checks it was. */
	private static void commitIfBatched(StorageSession session, StorageObject object, String handle)
			throws StorageException {
		Optional<BatchCommit> commit = session.feature(BatchCommit.class);
		if (commit.isPresent()) {
			assertNotNull(handle, "an upload to a destination with batched commits reports a handle (its resume token)");
			List<BatchCommit.Outcome> out = commit.get().commit(List.of(new BatchCommit.Pending(object, handle)),
					new NullProgressMonitor());
			assertEquals(1, out.size(), "one outcome per object");
			if (out.get(0).failure() != null) {
				throw out.get(0).failure();
			}
			assertStored(object, out.get(0).stored());
		}
	}

	private String reasonAbsent(StorageSession session, Capability c) {
		if (optedOut(c)) {
			return c.id() + " opted out: " + optOutReason(c);
		}
		return session.feature(c.feature()).isPresent() ? c + " present" : "the session has no " + c.feature().getSimpleName();
	}

	private boolean optedOut(Capability c) {
		Set<Capability> out = optOuts();
		return out != null && out.contains(c);
	}

	private void skipIfOptedOut(Capability c) {
		if (optedOut(c)) {
			abortWithReason(c.id(), optOutReason(c));
		}
	}

	private void abortWithReason(String what, String reason) {
		if (reason == null || reason.isBlank()) {
			fail(getClass().getSimpleName() + " opts out of " + what + " without a reason: override "
					+ ("expiry".equals(what) ? "noExpiryReason" : "optOutReason"));
		}
		Assumptions.abort(what + " opted out: " + reason);
	}

	private <T> T require(StorageSession session, Capability c) {
		skipIfOptedOut(c);
		@SuppressWarnings("unchecked")
		Optional<T> f = (Optional<T>) session.feature(c.feature());
		Assumptions.assumeTrue(f.isPresent(), () -> "the session has no " + c.feature().getSimpleName());
		return f.get();
	}

	private static void assertStored(StorageObject object, StoredObject stored) {
		assertNotNull(stored, "the provider returns what it stored");
		assertEquals(object.size(), stored.size(), "stored size");
		if (stored.sha1() != null) {
			assertEquals(object.sha1(), stored.sha1(), "stored SHA-1");
		}
		if (stored.md5() != null && object.md5() != null) {
			assertEquals(object.md5(), stored.md5(), "stored MD5");
		}
	}

	/** No complete object is visible: neither read back nor found by checksum. */
	private void assertNothingComplete(StorageSession session, StorageObject object) throws Exception {
		boolean checked = false;
		try {
			Optional<byte[]> read = readBack(session, object.key());
			assertTrue(read.isEmpty() || read.get().length != object.size() || !object.sha1().equals(
					hex("SHA-1", read.get())), "no complete object is left behind under " + object.key());
			checked = true;
		} catch (TestAbortedException e) {
			// cannot read back: ask by checksum below
		}
		Optional<ExistsByChecksum> exists = session.feature(ExistsByChecksum.class);
		if (exists.isPresent()) {
			assertEquals(Optional.empty(), exists.get().find(object, new NullProgressMonitor()),
					"no complete object is found by checksum under " + object.key());
			checked = true;
		}
		Assumptions.assumeTrue(checked, "cannot look at the destination: no readBack, no ExistsByChecksum");
	}
}
