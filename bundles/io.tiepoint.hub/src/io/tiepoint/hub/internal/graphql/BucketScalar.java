/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.graphql;

import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/** The bucket scalars: a bucket name as a string of at most 63 characters. */
final class BucketScalar {

	private static final int MAX = 63;

	private BucketScalar() {
	}

	@SuppressWarnings("deprecation") // the non-deprecated overloads default to these
	static GraphQLScalarType named(String name) {
		return GraphQLScalarType.newScalar().name(name).description("A bucket name").coercing(new Coercing<String, String>() {
			@Override
			public String serialize(Object v) {
				return v.toString();
			}

			@Override
			public String parseValue(Object v) {
				if (v instanceof String s && !s.isEmpty() && s.length() <= MAX) {
					return s;
				}
				throw new CoercingParseValueException(name + " must be a bucket name of 1.." + MAX + " characters");
			}

			@Override
			public String parseLiteral(Object v) {
				if (v instanceof StringValue s && !s.getValue().isEmpty() && s.getValue().length() <= MAX) {
					return s.getValue();
				}
				throw new CoercingParseLiteralException(name + " must be a bucket name of 1.." + MAX + " characters");
			}
		}).build();
	}
}
