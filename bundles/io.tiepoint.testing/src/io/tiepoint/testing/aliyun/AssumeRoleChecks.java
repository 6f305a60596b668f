/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.testing.aliyun;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tiepoint.testing.aliyun.AssumeRoleStandIn.Refused;

/** AssumeRole's own parameters, checked as STS checks them, and its XML answers. */
final class AssumeRoleChecks {

	private AssumeRoleChecks() {
	}

	static AssumeRoleStandIn.Credentials credentials(Map<String, String> p, AssumeRoleStandIn.Issuer issuer)
			throws Refused {
		String arn = p.get("RoleArn");
		if (arn == null || arn.isEmpty()) {
			throw new Refused(400, "MissingRoleArn", "RoleArn is mandatory for this action.");
		}
		if (!arn.matches("acs:ram::\\d+:role/[A-Za-z0-9.@_-]{1,64}")) {
			throw new Refused(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
		}
		String session = p.get("RoleSessionName");
		if (session == null || session.isEmpty()) {
			throw new Refused(400, "MissingRoleSessionName", "RoleSessionName is mandatory for this action.");
		}
		if (!session.matches("[\\w.@-]{2,64}")) {
			throw new Refused(400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
		}
		long seconds;
		try {
			seconds = Long.parseLong(p.getOrDefault("DurationSeconds", "3600"));
		} catch (NumberFormatException e) {
			seconds = -1;
		}
		if (seconds < 900 || seconds > 3600) {
			throw new Refused(400, "InvalidParameter.DurationSeconds", "The Min/Max value of DurationSeconds is 15min/1hr.");
		}
		String policy = p.get("Policy");
		if (policy != null) {
			try {
				JsonNode json = new ObjectMapper().readTree(policy);
				if (!json.path("Statement").isArray() || json.path("Version").asText().isEmpty()) {
					throw new IllegalArgumentException("no Version or Statement");
				}
			} catch (Exception e) {
				throw new Refused(400, "InvalidParameter.PolicyGrammar", "The parameter Policy has not passed grammar check.");
			}
		}
		try {
			return issuer.issue(policy, Duration.ofSeconds(seconds));
		} catch (IllegalArgumentException e) {
			throw new Refused(400, "InvalidParameter.PolicyGrammar", "The parameter Policy has not passed grammar check: "
					+ e.getMessage());
		}
	}

	static String xml(Map<String, Object> body) {
		StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		String root = body.containsKey("Code") ? "Error" : "AssumeRoleResponse";
		s.append('<').append(root).append('>');
		append(s, body);
		return s.append("</").append(root).append('>').toString();
	}

	private static void append(StringBuilder s, Map<?, ?> m) {
		m.forEach((k, v) -> {
			s.append('<').append(k).append('>');
			if (v instanceof Map<?, ?> inner) {
				append(s, inner);
			} else {
				s.append(String.valueOf(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
			}
			s.append("</").append(k).append('>');
		});
	}
}
