/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.oss;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An access policy in Aliyun's RAM form ({@code {"Version":"1","Statement":[{"Effect":"Allow","Action":[...],
 * "Resource":[...]}]}}), as AssumeRole takes it inline and as the gateway enforces it on an STS: an action
 * ({@code oss:PutObject}) on a resource ({@code acs:oss:*:*:BUCKET/KEY}) is allowed when an Allow statement matches
 * and no Deny does; {@code *} matches any characters, case matters in resources, not in actions.
 */
public final class Policy {

	/** What the hub's STS allows: writing objects and the multipart actions, nothing else. */
	public static final List<String> WRITE_ONLY = List.of("oss:PutObject", "oss:ListParts", "oss:AbortMultipartUpload");
	private static final ObjectMapper JSON = new ObjectMapper();
	private final List<Statement> statements;
	private final String text;

	private record Statement(boolean allow, List<Pattern> actions, List<Pattern> resources) {
	}

	private Policy(List<Statement> statements, String text) {
		this.statements = statements;
		this.text = text;
	}

	/**
	 * @param bucket a bucket
	 * @param prefix a key prefix, e.g. {@code PID/}
	 * @return the policy of the hub's STS: {@link #WRITE_ONLY} on {@code acs:oss:*:*:BUCKET/PREFIX*}
	 */
	public static String writeOnly(String bucket, String prefix) {
		StringBuilder actions = new StringBuilder();
		for (String a : WRITE_ONLY) {
			actions.append(actions.length() == 0 ? "" : ",").append('"').append(a).append('"');
		}
		return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + actions
				+ "],\"Resource\":[\"acs:oss:*:*:" + bucket + "/" + prefix + "*\"]}]}";
	}

	/**
	 * @param text a policy document
	 * @return it, parsed
	 * @throws IllegalArgumentException naming what is malformed
	 */
	public static Policy parse(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		} catch (JsonProcessingException e) {
			throw new IllegalArgumentException("the policy is not JSON");
		}
		JsonNode list = root == null ? null : root.get("Statement");
		if (list == null || !list.isArray() || list.isEmpty()) {
			throw new IllegalArgumentException("the policy has no Statement list");
		}
		List<Statement> statements = new ArrayList<>();
		for (JsonNode s : list) {
			String effect = s.path("Effect").asText("");
			if (!effect.equals("Allow") && !effect.equals("Deny")) {
				throw new IllegalArgumentException("a policy statement's Effect must be Allow or Deny, not '" + effect + "'");
			}
			statements.add(new Statement(effect.equals("Allow"), patterns(s.get("Action"), "Action", true),
					patterns(s.get("Resource"), "Resource", false)));
		}
		return new Policy(List.copyOf(statements), root.toString());
	}

	private static List<Pattern> patterns(JsonNode node, String what, boolean ignoreCase) {
		List<Pattern> out = new ArrayList<>();
		if (node != null && node.isTextual()) {
			out.add(glob(node.asText(), ignoreCase));
		} else if (node != null && node.isArray()) {
			node.forEach(n -> out.add(glob(n.asText(), ignoreCase)));
		}
		if (out.isEmpty()) {
			throw new IllegalArgumentException("a policy statement has no " + what);
		}
		return out;
	}

	private static Pattern glob(String glob, boolean ignoreCase) {
		String[] parts = glob.split("\\*", -1);
		StringBuilder re = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			re.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
		}
		return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL);
	}

	/**
	 * @param action e.g. {@code oss:PutObject}
	 * @param bucket the bucket
	 * @param key    the object key, or "" for the bucket itself
	 * @return whether the policy allows it
	 */
	public boolean allows(String action, String bucket, String key) {
		String resource = "acs:oss:*:*:" + bucket + (key.isEmpty() ? "" : "/" + key);
		boolean allowed = false;
		for (Statement s : statements) {
			if (s.actions.stream().anyMatch(p -> p.matcher(action).matches())
					&& s.resources.stream().anyMatch(p -> p.matcher(resource).matches())) {
				if (!s.allow) {
					return false;
				}
				allowed = true;
			}
		}
		return allowed;
	}

	/** @return the document, compact */
	public String text() {
		return text;
	}

	@Override
	public String toString() {
		return text.length() > 300 ? text.substring(0, 300) + "..." : text;
	}
}
