/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.nodeodm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * ODM options as NodeODM serves them ({@code GET /options}: {@code name, type, value, domain, help}, built by
 * {@code libs/odmInfo.js getOptions} from ODM's argument parser) and checks them ({@code filterOptions}: each option
 * the node knows is converted to its type and checked against its domain, when it has one; an error list
 * {@code [{"name", "error"}]} is the message; an option the node does not know is dropped without a word). A subset
 * of ODM 3's options, with their real types and domains.
 */
final class StandInOptions {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final List<String> QUALITY = List.of("ultra", "high", "medium", "low", "lowest");
	private final ArrayNode list = JSON.createArrayNode();

	StandInOptions() {
		add("fast-orthophoto", "bool", "false", "", "Skips dense reconstruction and 3D model generation.");
		add("skip-3dmodel", "bool", "false", "", "Skip generation of a full 3D model.");
		add("dsm", "bool", "false", "", "Use this tag to build a DSM (Digital Surface Model, ground + objects).");
		add("dtm", "bool", "false", "", "Use this tag to build a DTM (Digital Terrain Model, ground only).");
		add("pc-las", "bool", "false", "", "Export the georeferenced point cloud in LAS format.");
		add("pc-ept", "bool", "false", "", "Export the georeferenced point cloud in Entwine Point Tile format.");
		add("cog", "bool", "false", "", "Create Cloud-Optimized GeoTIFFs instead of normal GeoTIFFs.");
		add("skip-report", "bool", "false", "", "Skip generation of PDF report.");
		addEnum("pc-quality", "medium", QUALITY, "Set point cloud quality.");
		addEnum("feature-quality", "high", QUALITY, "Set feature extraction quality.");
		add("orthophoto-resolution", "float", "5", "float > 0.0", "Orthophoto resolution in cm / pixel.");
		add("dem-resolution", "float", "5", "float", "DSM/DTM resolution in cm / pixel.");
		add("mesh-size", "int", "200000", "positive integer", "The maximum vertex count of the output mesh.");
		add("max-concurrency", "int", "4", "positive integer", "The maximum number of processes to use.");
		add("min-num-features", "int", "10000", "integer", "Minimum number of features to extract per image.");
	}

	private void add(String name, String type, String value, String domain, String help) {
		list.addObject().put("name", name).put("type", type).put("value", value).put("domain", domain).put("help", help);
	}

	private void addEnum(String name, String value, List<String> values, String help) {
		ObjectNode o = list.addObject().put("name", name).put("type", "enum").put("value", value);
		values.forEach(o.putArray("domain")::add);
		o.put("help", help);
	}

	/** @return the {@code GET /options} answer */
	ArrayNode list() {
		return list;
	}

	/**
	 * @param options the {@code options} field (NodeODM's JSON array text), or null
	 * @return the options kept, by name, converted to their types
	 * @throws IllegalArgumentException with NodeODM's error text
	 */
	Map<String, Object> filter(String options) {
		JsonNode given;
		try {
			given = options == null ? JSON.createArrayNode() : JSON.readTree(options);
		} catch (java.io.IOException e) {
			throw new IllegalArgumentException("Unexpected token in JSON at position 0", e);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		ArrayNode errors = JSON.createArrayNode();
		for (JsonNode known : list) {
			String name = known.path("name").asText();
			JsonNode opt = null;
			for (JsonNode o : given.isArray() ? given : JSON.createArrayNode()) {
				if (name.equals(o.path("name").asText())) {
					opt = o;
					break;
				}
			}
			if (opt == null) {
				continue;
			}
			try {
				Object value = convert(known.path("type").asText(), opt.path("value"));
				check(known.path("domain"), value);
				out.put(name, value);
			} catch (IllegalArgumentException e) {
				errors.addObject().put("name", name).put("error", e.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException(errors.toString());
		}
		return out;
	}

	private static Object convert(String type, JsonNode v) {
		String text = v.asText();
		return switch (type) {
		case "bool" -> {
			if (v.isBoolean()) {
				yield v.asBoolean();
			}
			if (text.equals("true") || text.equals("1")) {
				yield true;
			}
			if (text.equals("false") || text.equals("0")) {
				yield false;
			}
			throw new IllegalArgumentException("Cannot convert " + text + " to boolean");
		}
		case "int" -> v.isNumber() ? (Object) v.asInt() : parse(text, true);
		case "float" -> v.isNumber() ? (Object) v.asDouble() : parse(text, false);
		default -> text;
		};
	}

	/** JavaScript's parseInt/parseFloat: NaN for text that is not a number (then out of range). */
	private static Object parse(String text, boolean integer) {
		try {
			return integer ? (Object) Integer.parseInt(text.strip()) : (Object) Double.parseDouble(text.strip());
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	private static final Pattern SIGNED = Pattern.compile("^(positive |negative )?(integer|float)$");
	private static final Pattern BOUND = Pattern.compile("^(float|integer) (>=|>|<|<=) ([\\-+.\\d]+)$");

	private static void check(JsonNode domain, Object value) {
		if (domain.isArray()) {
			List<String> values = new ArrayList<>();
			domain.forEach(d -> values.add(d.asText()));
			if (!values.contains(String.valueOf(value))) {
				throw new IllegalArgumentException("Invalid value " + value + " (not in enum)");
			}
			return;
		}
		String d = domain.asText();
		if (d.isEmpty() || d.equals("string") || d.equals("path")) { // ODM's store_true flags have no metavar
			return;
		}
		double x = value instanceof Number n ? n.doubleValue() : Double.NaN;
		Matcher m = SIGNED.matcher(d);
		Matcher b = BOUND.matcher(d);
		boolean ok;
		if (m.matches()) {
			ok = "positive ".equals(m.group(1)) ? x >= 0 : "negative ".equals(m.group(1)) ? x <= 0 : !Double.isNaN(x);
		} else if (b.matches()) {
			double bound = Double.parseDouble(b.group(3));
			ok = switch (b.group(2)) {
			case ">=" -> x >= bound;
			case ">" -> x > bound;
			case "<=" -> x <= bound;
			default -> x < bound;
			};
		} else {
			throw new IllegalArgumentException("Domain value cannot be handled: '" + d + "' : '" + value + "'");
		}
		if (!ok) {
			throw new IllegalArgumentException("Invalid value " + value + " (out of range)");
		}
	}
}
