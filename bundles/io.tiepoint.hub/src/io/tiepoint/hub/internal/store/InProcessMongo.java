/*******************************************************************************
 * Copyright (c) 2026 Tiepoint contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.tiepoint.hub.internal.store;

import java.util.List;
import java.util.concurrent.Executor;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoDriverInformation;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.internal.Clusters;
import com.mongodb.client.internal.MongoClientImpl;
import com.mongodb.connection.SocketSettings;
import com.mongodb.connection.SslSettings;
import com.mongodb.internal.connection.Cluster;
import com.mongodb.internal.connection.StreamFactory;
import com.mongodb.internal.connection.StreamFactoryFactory;
import com.mongodb.internal.thread.AsyncClientExecutor;

import de.bwaldvogel.mongo.MongoBackend;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;

/**
 * The embedded MongoDB reached without a port: the driver's connections are {@link InProcessStream}s,
 * each a Netty {@link EmbeddedChannel} running mongo-java-server's own wire-protocol pipeline (the
 * handlers its {@code MongoServer} installs on a TCP connection) in the calling thread. No socket is
 * opened, so no other process, local account or not, can reach the database.
 * <p>
 * The driver 5.x offers no public way to supply a transport (its stream factories went internal in 5.0),
 * so this uses the exported {@code com.mongodb.internal.connection} SPI and builds the client as
 * {@code InternalMongoClients.create} does; the hub's manifest pins those packages to the 5.14 line.
 */
final class InProcessMongo implements StreamFactoryFactory {

	private static final ServerAddress ADDRESS = new ServerAddress("embedded.tiepoint.invalid", 27017);
	private final MongoBackend backend;
	private final ChannelGroup channels = new DefaultChannelGroup("tiepoint-embedded-mongo", GlobalEventExecutor.INSTANCE);

	private InProcessMongo(MongoBackend backend) {
		this.backend = backend;
	}

	/**
	 * @param backend the embedded server's backend
	 * @return a client whose every connection runs in-process against it
	 */
	static MongoClient client(MongoBackend backend) {
		MongoClientSettings settings = MongoClientSettings.builder()
				.applyToClusterSettings(b -> b.hosts(List.of(ADDRESS))).build();
		MongoDriverInformation driver = MongoDriverInformation.builder().driverName("sync").build();
		InProcessMongo streams = new InProcessMongo(backend);
		Cluster cluster = Clusters.createCluster(settings, driver, streams, AsyncClientExecutor.NO_OP);
		return new MongoClientImpl(cluster, driver, settings, streams, AsyncClientExecutor.NO_OP);
	}

	/** @return a new server-side pipeline, as mongo-java-server sets one up per TCP connection */
	private EmbeddedChannel connect() {
		return new EmbeddedChannel(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
				new MongoWireProtocolHandler(), new MongoDatabaseHandler(backend, channels), new MongoExceptionHandler());
	}

	@Override
	public StreamFactory create(SocketSettings socketSettings, SslSettings sslSettings) {
		return address -> new InProcessStream(address, this::connect);
	}

	@Override
	public Executor getExecutor() {
		throw new UnsupportedOperationException("the in-process transport is synchronous");
	}

	@Override
	public void close() {
		channels.close().awaitUninterruptibly();
	}
}
