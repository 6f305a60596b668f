/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.recon.nodeodm.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ODM options of a task: the task type's defaults, then {@code nodeodm.options}, then {@code nodeodm.options.TYPE}.
 * Task types (ODM's option names and meanings as {@code GET /options} describes them):
 * <ul>
 * <li>{@code Native}, {@code Sparse}: a fast orthophoto ({@code fast-orthophoto}: "skips dense reconstruction and
 * 3D model generation; an orthophoto directly from the sparse reconstruction");</li>
 * <li>{@code Reconstruction} (the hub's default), {@code Mesh}: ODM's full pipeline (point cloud, textured 3D model,
 * orthophoto) with a DSM ({@code dsm});</li>
 * <li>{@code Full}: the same at high quality ({@code pc-quality=high}, {@code feature-quality=high}) with a DTM too;</li>
 * <li>{@code Dense}: point cloud, DSM and orthophoto without the 3D model ({@code skip-3dmodel}).</li>
 * </ul>
 * NodeODM itself drops an option it does not know without a word ({@code odmInfo.filterOptions} keeps only known
 * names), so {@link #check} refuses such an option before anything is uploaded.
 */
public final class OdmOptions {

	/** The task types this engine runs. */
	public static final Set<String> TYPES = Set.of("Native", "Sparse", "Reconstruction", "Mesh", "Full", "Dense");
	private static final ObjectMapper JSON = new ObjectMapper();
	private final Map<String, String> options;

	private OdmOptions(Map<String, String> options) {
		this.options = options;
	}

	/**
	 * @param taskType a TASK_TYPE
	 * @param settings the engine's settings
	 * @return the options of such a task
	 * @throws IllegalArgumentException when this engine does not run the type
	 */
	public static OdmOptions of(String taskType, NodeSettings settings) {
		Map<String, String> o = new LinkedHashMap<>();
		switch (taskType) {
		case "Native", "Sparse" -> o.put("fast-orthophoto", "true");
		case "Reconstruction", "Mesh" -> o.put("dsm", "true");
		case "Full" -> {
			o.put("dsm", "true");
			o.put("dtm", "true");
			o.put("pc-quality", "high");
			o.put("feature-quality", "high");
		}
		case "Dense" -> {
			o.put("dsm", "true");
			o.put("skip-3dmodel", "true");
		}
		default -> throw new IllegalArgumentException("the NodeODM engine does not run task type " + taskType
				+ " (it runs " + new TreeSet<>(TYPES) + ")");
		}
		o.putAll(settings.options());
		o.putAll(settings.typeOptions().getOrDefault(taskType.toLowerCase(java.util.Locale.ROOT), Map.of()));
		return new OdmOptions(Map.copyOf(o));
	}

	/** @return the options by name */
	public Map<String, String> asMap() {
		return options;
	}

	/**
	 * @param known what the node's {@code GET /options} lists
	 * @param node  the node, for the message
	 * @return the options as NodeODM's {@code options} field takes them: a JSON array of {@code {name, value}}, each
	 *         value typed as the node declares the option (bool, int, float, else text)
	 * @throws IllegalArgumentException naming each option the node does not know
	 */
	public String check(List<NodeOption> known, String node) {
		Map<String, NodeOption> byName = known.stream().collect(Collectors.toMap(NodeOption::name, o -> o, (a, b) -> a));
		Set<String> unknown = new TreeSet<>(options.keySet());
		unknown.removeAll(byName.keySet());
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("node " + node + " does not know the ODM option(s) " + unknown
					+ " (NodeODM would ignore them); it knows " + known.size() + " options, see its /options");
		}
		ArrayNode out = JSON.createArrayNode();
		new java.util.TreeMap<>(options).forEach((name, value) -> {
			ObjectNode o = out.addObject().put("name", name);
			String type = byName.get(name).type();
			try {
				switch (type) {
				case "bool" -> {
					if (!Set.of("true", "false", "1", "0").contains(value)) {
						throw new NumberFormatException(value);
					}
					o.put("value", value.equals("true") || value.equals("1"));
				}
				case "int" -> o.put("value", Integer.parseInt(value));
				case "float" -> o.put("value", Double.parseDouble(value));
				default -> o.put("value", value);
				}
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("ODM option " + name + " takes a " + type + ", not " + value, e);
			}
		});
		return out.toString();
	}
}
