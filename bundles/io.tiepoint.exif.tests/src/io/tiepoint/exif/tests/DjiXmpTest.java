/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tiepoint.exif.Finding;
import io.tiepoint.exif.Finding.Severity;
import io.tiepoint.exif.FindingIds;
import io.tiepoint.exif.ImageInspector;
import io.tiepoint.exif.ImageRecord;

/**
 * The DJI values of a JPEG's XMP packet, in both forms DJI and exiftool write, through the whole
 * inspection: what is not a simple DJI property stays absent, a packet with a stray control character
 * is still read, one that no parser can read is a warning naming the file, and no DTD is followed.
 */
class DjiXmpTest {

	private static final String HEAD = "<?xpacket begin='\uFEFF' id='W5M0MpCehiHzreSzNTczkc9d'?>"
			+ "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>";
	private static final String TAIL = "</rdf:RDF></x:xmpmeta><?xpacket end='w'?>";

	private final ImageInspector inspector = new ImageInspector();

	@Test
	void attributesOfTheDescriptionAsDjiCamerasWriteThem() throws IOException {
		ImageRecord r = inspect(HEAD + "<rdf:Description rdf:about='' xmlns:drone-dji='http://www.dji.com/drone-dji/1.0/'"
				+ " drone-dji:AbsoluteAltitude='+547.92' drone-dji:RelativeAltitude='+59.92'"
				+ " drone-dji:GimbalRollDegree='+0.00' drone-dji:GimbalYawDegree='-0.69' drone-dji:GimbalPitchDegree='-89.66'"
				+ " drone-dji:FlightRollDegree='-1.11' drone-dji:FlightYawDegree='-0.50' drone-dji:FlightPitchDegree='-2.01'/>"
				+ TAIL);
		assertEquals(547.92, r.absoluteAltitude());
		assertEquals(59.92, r.relativeAltitude());
		assertEquals(0.0, r.gimbalRoll());
		assertEquals(-0.69, r.gimbalYaw());
		assertEquals(-89.66, r.gimbalPitch());
		assertEquals(-1.11, r.flightRoll());
		assertEquals(-0.5, r.flightYaw());
		assertEquals(-2.01, r.flightPitch());
		assertNoMetadataError(r);
	}

	@Test
	void elementsUnderAnyPrefixAsExiftoolWritesThem() throws IOException {
		ImageRecord r = inspect(HEAD + "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
				+ "<dc:format>image/jpeg</dc:format></rdf:Description>"
				+ "<rdf:Description rdf:about='' xmlns:d='http://www.dji.com/drone-dji/1.0/'>"
				+ "<d:GimbalPitchDegree> -45.5 </d:GimbalPitchDegree><d:RelativeAltitude>+1.2E2</d:RelativeAltitude>"
				+ "<d:GimbalYawDegree><rdf:Seq><rdf:li>12</rdf:li></rdf:Seq></d:GimbalYawDegree>" // an array: no number
				+ "<d:FlightYawDegree rdf:resource='http://example.org/yaw'/>" // a URI: no number
				+ "<d:GimbalRollDegree>&#x2B;3.25</d:GimbalRollDegree>" // a character reference
				+ "</rdf:Description>" + TAIL);
		assertEquals(-45.5, r.gimbalPitch());
		assertEquals(120.0, r.relativeAltitude());
		assertEquals(3.25, r.gimbalRoll());
		assertNull(r.gimbalYaw());
		assertNull(r.flightYaw());
		assertNull(r.absoluteAltitude());
		assertNoMetadataError(r);
	}

	@Test
	void propertiesOutsideTheDjiNamespaceOrNestedDeeperAreNotTaken() throws IOException {
		ImageRecord r = inspect(HEAD + "<rdf:Description rdf:about='' xmlns:o='http://example.org/other/'"
				+ " xmlns:drone-dji='http://www.dji.com/drone-dji/1.0/' o:GimbalPitchDegree='-10'>"
				+ "<o:Struct rdf:parseType='Resource'><drone-dji:GimbalPitchDegree>-20</drone-dji:GimbalPitchDegree></o:Struct>"
				+ "</rdf:Description>" + TAIL);
		assertNull(r.gimbalPitch());
		assertNoMetadataError(r);
	}

	@Test
	void aStrayControlCharacterIsRepairedAsXmpCoreDoes() throws IOException {
		ImageRecord r = inspect(HEAD + "<rdf:Description rdf:about='' xmlns:drone-dji='http://www.dji.com/drone-dji/1.0/'>"
				+ "<drone-dji:SelfData>a\u0001b</drone-dji:SelfData>"
				+ "<drone-dji:GimbalPitchDegree>-89.90</drone-dji:GimbalPitchDegree></rdf:Description>" + TAIL);
		assertEquals(-89.9, r.gimbalPitch());
		assertNoMetadataError(r);
	}

	@Test
	void aPhonesPacketWithoutTheDjiNamespaceIsNoWarning() throws IOException {
		// the control character sends it to XMPCore, which refused to look up an unregistered namespace
		ImageRecord r = inspect(HEAD + "<rdf:Description rdf:about='' xmlns:tiff='http://ns.adobe.com/tiff/1.0/'>"
				+ "<tiff:Make>Phone\u0002</tiff:Make></rdf:Description>" + TAIL);
		assertNull(r.gimbalPitch());
		assertNoMetadataError(r);
	}

	@Test
	void anUnreadablePacketIsAWarningNamingTheFileAndTheRestIsKept() throws IOException {
		ImageRecord r = inspect(HEAD + "<rdf:Description rdf:about='' xmlns:drone-dji='http://www.dji.com/drone-dji/1.0/'>"
				+ "<drone-dji:GimbalPitchDegree>-89.90</drone-dji:Gimbal" + TAIL);
		assertNull(r.gimbalPitch());
		Finding f = r.findings().stream().filter(x -> FindingIds.METADATA_ERROR.equals(x.id())).findFirst().orElseThrow();
		assertEquals(Severity.WARNING, f.severity());
		assertTrue(f.message().contains("XMP packet unreadable"), f.message());
		assertTrue(f.path().endsWith("drone.jpg"), f.path());
		assertEquals(Integer.valueOf(64), r.width()); // the EXIF-less JPEG's own values are still there
	}

	@Test
	void noDtdIsFollowed(@TempDir Path tmp) throws IOException {
		Path secret = tmp.resolve("secret.txt");
		Files.writeString(secret, "-12.5");
		ImageRecord r = inspect("<?xml version='1.0'?><!DOCTYPE x:xmpmeta [<!ENTITY e SYSTEM '" + secret.toUri()
				+ "'>]><x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
				+ "<rdf:Description rdf:about='' xmlns:drone-dji='http://www.dji.com/drone-dji/1.0/'>"
				+ "<drone-dji:GimbalPitchDegree>&e;</drone-dji:GimbalPitchDegree></rdf:Description>" + TAIL);
		assertNull(r.gimbalPitch());
	}

	private static void assertNoMetadataError(ImageRecord r) {
		assertTrue(r.findings().stream().noneMatch(f -> FindingIds.METADATA_ERROR.equals(f.id())),
				() -> r.findings().toString());
	}

	/** A 64x48 JPEG with the packet in an APP1 segment right after SOI, inspected whole. */
	private ImageRecord inspect(String packet) throws IOException {
		byte[] jpeg = Images.sharpJpeg(7, 64, 48);
		byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0" + packet).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write((xmp.length + 2) >> 8);
		out.write((xmp.length + 2) & 0xFF);
		out.write(xmp);
		out.write(jpeg, 2, jpeg.length - 2);
		return inspector.inspect(new ByteArrayInputStream(out.toByteArray()), "flights/drone.jpg");
	}
}
