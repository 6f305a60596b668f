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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeInfo;
import io.tiepoint.hub.internal.HubException;
import io.tiepoint.hub.internal.HubLog;

/**
 * Builds the executable schema from {@code schema/altizure.graphqls} (a bundle resource) and the
 * resolvers, with the request limits of {@link QueryLimits} and the bounded {@link DocumentCache}. The schema's {@code uploadImage*}
 * mutations are the clouds' ({@link #uploadMutations()}): each is
 * served by the cloud that names it, the others answer {@code CLOUD_NOT_SUPPORTED}; the {@code Bucket*} scalars
 * are bucket names. Refusals ({@link HubException}, {@link IllegalArgumentException}) become GraphQL errors
 * with their message; anything else is logged and answered as an internal error.
 */
public final class SchemaFactory {

	/** Resource path of the SDL. */
	public static final String SDL = "schema/altizure.graphqls";
	private static final String UPLOAD = "uploadImage";
	private static final HubLog LOG = HubLog.of(SchemaFactory.class);
	private static volatile Uploads uploads;

	/**
	 * The schema's upload mutations.
	 *
	 * @param all      every {@code uploadImage*} mutation, in schema order
	 * @param servable those a cloud can serve: their payload type has an {@code image} field beside the
	 *                 cloud's own ({@code url}, {@code sts})
	 */
	public record Uploads(List<String> all, Set<String> servable) {
	}

	private SchemaFactory() {
	}

	/** @return the SDL text */
	public static String sdl() {
		try (InputStream in = SchemaFactory.class.getClassLoader().getResourceAsStream(SDL)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + SDL);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read " + SDL, e);
		}
	}

	/** @return the SDL, parsed */
	public static TypeDefinitionRegistry parse() {
		return new SchemaParser().parse(sdl());
	}

	/** @return the schema's upload mutations (read once) */
	public static Uploads uploadMutations() {
		Uploads u = uploads;
		if (u == null) {
			u = uploads(parse());
			uploads = u;
		}
		return u;
	}

	/**
	 * @param types the SDL, parsed ({@link #parse()})
	 * @return the schema's upload mutations
	 */
	public static Uploads uploadMutations(TypeDefinitionRegistry types) {
		Uploads u = uploads(types);
		uploads = u;
		return u;
	}

	private static Uploads uploads(TypeDefinitionRegistry types) {
		List<String> all = new ArrayList<>();
		Set<String> servable = new LinkedHashSet<>();
		ObjectTypeDefinition mutation = types.getType("Mutation", ObjectTypeDefinition.class).orElseThrow();
		for (FieldDefinition f : mutation.getFieldDefinitions()) {
			if (f.getName().startsWith(UPLOAD)) {
				all.add(f.getName());
				types.getType(TypeInfo.typeInfo(f.getType()).getName(), ObjectTypeDefinition.class)
						.filter(t -> t.getFieldDefinitions().stream().anyMatch(p -> p.getName().equals("image")))
						.ifPresent(t -> servable.add(f.getName()));
			}
		}
		return new Uploads(List.copyOf(all), Set.copyOf(servable));
	}

	/**
	 * @param services what resolvers use
	 * @param maxCost  the largest estimated cost of a request ({@link QueryLimits})
	 * @return the executable GraphQL
	 */
	public static GraphQL create(Services services, int maxCost) {
		return create(parse(), services, maxCost);
	}

	/**
	 * @param types    the SDL, parsed ({@link #parse()}; this schema's own, not shared with another)
	 * @param services what resolvers use
	 * @param maxCost  the largest estimated cost of a request ({@link QueryLimits})
	 * @return the executable GraphQL
	 */
	public static GraphQL create(TypeDefinitionRegistry types, Services services, int maxCost) {
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		for (String scalar : types.scalars().keySet()) {
			if (scalar.startsWith("Bucket")) {
				wiring.scalar(BucketScalar.named(scalar));
			}
		}
		new QueryWiring(services).wire(wiring);
		new MutationWiring(services).wire(wiring, uploads(types).all());
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
		DocumentCache documents = new DocumentCache();
		return GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new Errors())
				.preparsedDocumentProvider(documents).instrumentation(new QueryLimits(maxCost, documents)).build();
	}

	private static final class Errors implements DataFetcherExceptionHandler {
		@Override
		public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
				DataFetcherExceptionHandlerParameters p) {
			Throwable t = p.getException();
			String code;
			String message;
			if (t instanceof HubException h) {
				code = h.code();
				message = h.getMessage();
			} else if (t instanceof IllegalArgumentException) {
				code = "BAD_REQUEST";
				message = t.getMessage();
			} else {
				LOG.error("resolver " + p.getPath() + " failed", t);
				code = "INTERNAL";
				message = "internal error";
			}
			var error = GraphqlErrorBuilder.newError().message(message).path(p.getPath())
					.location(p.getSourceLocation()).extensions(Map.of("code", code)).build();
			return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
		}
	}
}
