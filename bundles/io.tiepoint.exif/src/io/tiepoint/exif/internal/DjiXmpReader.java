/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.exif.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;

/**
 * Reads the simple properties of the DJI namespace ({@code drone-dji:GimbalPitchDegree="-89.90"} on a
 * top-level {@code rdf:Description}, or {@code <drone-dji:GimbalPitchDegree>-89.90</...>} inside one) from
 * the first XMP packet of a JPEG, with a namespace-aware SAX parser kept per thread. metadata-extractor's
 * own XMP reader builds a DOM with a new parser, then XMPCore's whole RDF tree, for every image: a third of
 * a metadata pass over DJI photos, for eight numbers. A packet the SAX parser refuses (a stray control
 * character, Latin-1 text in a UTF-8 packet) is given to XMPCore, which repairs those; one neither can
 * read is a {@link #problem()}.
 */
public final class DjiXmpReader implements JpegSegmentMetadataReader {

	private static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
	private static final byte[] PREAMBLE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
	private static final ThreadLocal<SAXParser> PARSERS = ThreadLocal.withInitial(DjiXmpReader::newParser);

	private final Map<String, String> values = new HashMap<>();
	private boolean seen;
	private String problem;

	@Override
	public Iterable<JpegSegmentType> getSegmentTypes() {
		return List.of(JpegSegmentType.APP1);
	}

	@Override
	public void readJpegSegments(Iterable<byte[]> segments, Metadata metadata, JpegSegmentType type) {
		for (byte[] s : segments) {
			if (!seen && s.length > PREAMBLE.length && Arrays.equals(s, 0, PREAMBLE.length, PREAMBLE, 0, PREAMBLE.length)) {
				seen = true; // the first packet, as metadata-extractor's first XMP directory; extended XMP never holds these
				read(s, PREAMBLE.length, s.length - PREAMBLE.length);
			}
		}
	}

	/**
	 * @param name a property of the DJI namespace, e.g. {@code GimbalPitchDegree}
	 * @return its text, or null when absent
	 */
	public String property(String name) {
		return values.get(name);
	}

	/** @return why the XMP packet could not be read, or null when it was read or there was none */
	public String problem() {
		return problem;
	}

	void read(byte[] packet, int offset, int length) {
		values.clear();
		SAXParser parser = PARSERS.get();
		try {
			parser.parse(new InputSource(new ByteArrayInputStream(packet, offset, length)), new Handler(values));
		} catch (SAXException | IOException | RuntimeException e) {
			values.clear();
			repair(packet, offset, length);
		} finally {
			parser.reset();
		}
	}

	/** XMPCore's lenient parse (control characters, Latin-1), only for the packets SAX refuses. */
	private void repair(byte[] packet, int offset, int length) {
		try {
			XMPMeta meta = XMPMetaFactory.parseFromBuffer(Arrays.copyOfRange(packet, offset, offset + length));
			values.putAll(MetadataMapper.djiProperties(meta));
		} catch (XMPException | RuntimeException e) {
			problem = "XMP packet unreadable (" + (e.getMessage() == null ? e.getClass().getSimpleName()
					: e.getMessage().trim()) + ")";
		}
	}

	private static SAXParser newParser() {
		try {
			SAXParserFactory f = SAXParserFactory.newInstance();
			f.setNamespaceAware(true);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // as XMPCore: no DTD, no entities
			return f.newSAXParser();
		} catch (ParserConfigurationException | SAXException e) {
			throw new IllegalStateException("no namespace-aware SAX parser: " + e.getMessage(), e);
		}
	}

	/** Collects the DJI properties of the {@code rdf:Description} elements right under {@code rdf:RDF}. */
	private static final class Handler extends DefaultHandler {
		private final Map<String, String> values;
		private final StringBuilder text = new StringBuilder();
		private int depth;
		private int rdfDepth = -1;
		private int descriptionDepth = -1;
		private String property; // a DJI property element being read, null otherwise
		private boolean simple;

		Handler(Map<String, String> values) {
			this.values = values;
		}

		@Override
		public void startElement(String uri, String local, String qName, Attributes atts) {
			depth++;
			if (rdfDepth < 0 && RDF_NS.equals(uri) && "RDF".equals(local)) {
				rdfDepth = depth;
			} else if (depth == rdfDepth + 1 && rdfDepth > 0 && RDF_NS.equals(uri) && "Description".equals(local)) {
				descriptionDepth = depth;
				for (int i = 0; i < atts.getLength(); i++) {
					if (MetadataMapper.DJI_NS.equals(atts.getURI(i))) {
						values.putIfAbsent(atts.getLocalName(i), atts.getValue(i));
					}
				}
			} else if (depth == descriptionDepth + 1 && descriptionDepth > 0 && MetadataMapper.DJI_NS.equals(uri)) {
				property = local;
				simple = atts.getIndex(RDF_NS, "resource") < 0 && atts.getIndex(RDF_NS, "parseType") < 0;
				text.setLength(0);
			} else if (property != null) {
				simple = false; // a structure or an array: not one of the numbers read here
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (property != null) {
				text.append(ch, start, length);
			}
		}

		@Override
		public void endElement(String uri, String local, String qName) {
			if (property != null && depth == descriptionDepth + 1) {
				if (simple) {
					values.putIfAbsent(property, text.toString());
				}
				property = null;
			} else if (depth == descriptionDepth) {
				descriptionDepth = -1;
			} else if (depth == rdfDepth) {
				rdfDepth = Integer.MAX_VALUE - 1; // one rdf:RDF per packet
			}
			depth--;
		}
	}
}
