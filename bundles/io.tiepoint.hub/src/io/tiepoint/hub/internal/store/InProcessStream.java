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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

import org.bson.ByteBuf;
import org.bson.ByteBufNIO;

import com.mongodb.ServerAddress;
import com.mongodb.connection.AsyncCompletionHandler;
import com.mongodb.internal.connection.OperationContext;
import com.mongodb.internal.connection.Stream;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * One driver connection to the embedded server, in-process: a write hands the message's bytes to the
 * server's pipeline, which decodes it, runs the command on the backend and encodes the reply, all in
 * the calling thread; reads take the reply's bytes. The driver uses a connection from one thread at a
 * time; the methods are synchronized for the pool's own calls (close from a maintenance thread).
 */
final class InProcessStream implements Stream {

	private final ServerAddress address;
	private final Supplier<EmbeddedChannel> connect;
	private final ArrayDeque<io.netty.buffer.ByteBuf> replies = new ArrayDeque<>();
	private EmbeddedChannel channel;
	private boolean closed;

	/** @param address the server's nominal address @param connect opens the server side */
	InProcessStream(ServerAddress address, Supplier<EmbeddedChannel> connect) {
		this.address = address;
		this.connect = connect;
	}

	@Override
	public ByteBuf getBuffer(int size) {
		return new ByteBufNIO(ByteBuffer.allocate(size));
	}

	@Override
	public synchronized void open(OperationContext context) throws IOException {
		if (closed) {
			throw new IOException("connection to the embedded database closed");
		}
		channel = connect.get();
	}

	@Override
	public void openAsync(OperationContext context, AsyncCompletionHandler<Void> handler) {
		try {
			open(context);
			handler.completed(null);
		} catch (IOException | RuntimeException e) {
			handler.failed(e);
		}
	}

	@Override
	public synchronized void write(List<ByteBuf> buffers, OperationContext context) throws IOException {
		if (channel == null || closed) {
			throw new IOException("connection to the embedded database closed");
		}
		// the driver's buffers, wrapped without a copy: the server decodes the whole message before this returns
		ByteBuffer[] parts = new ByteBuffer[buffers.size()];
		for (int i = 0; i < parts.length; i++) {
			parts[i] = buffers.get(i).asNIO();
		}
		io.netty.buffer.ByteBuf message = Unpooled.wrappedBuffer(parts);
		try {
			channel.writeInbound(message);
		} catch (RuntimeException e) {
			throw new IOException("the embedded database failed: " + e, e);
		}
		for (Object o; (o = channel.readOutbound()) != null;) {
			replies.add((io.netty.buffer.ByteBuf) o); // released once read
		}
	}

	@Override
	public synchronized ByteBuf read(int numBytes, OperationContext context) throws IOException {
		ByteBuffer out = ByteBuffer.allocate(numBytes);
		while (out.hasRemaining()) {
			io.netty.buffer.ByteBuf head = replies.peek();
			if (head == null) {
				throw new IOException("the embedded database sent " + out.position() + " of the " + numBytes
						+ " bytes expected" + (closed ? " (closed)" : ""));
			}
			int n = Math.min(head.readableBytes(), out.remaining());
			head.readBytes(out.array(), out.position(), n);
			out.position(out.position() + n);
			if (!head.isReadable()) {
				replies.poll().release();
			}
		}
		return new ByteBufNIO(out.flip());
	}

	@Override
	public void writeAsync(List<ByteBuf> buffers, OperationContext context, AsyncCompletionHandler<Void> handler) {
		try {
			write(buffers, context);
			handler.completed(null);
		} catch (IOException | RuntimeException e) {
			handler.failed(e);
		}
	}

	@Override
	public void readAsync(int numBytes, OperationContext context, AsyncCompletionHandler<ByteBuf> handler) {
		try {
			handler.completed(read(numBytes, context));
		} catch (IOException | RuntimeException e) {
			handler.failed(e);
		}
	}

	@Override
	public ServerAddress getAddress() {
		return address;
	}

	@Override
	public synchronized void close() {
		if (!closed) {
			closed = true;
			replies.forEach(b -> b.release());
			replies.clear();
			if (channel != null) {
				channel.close();
			}
		}
	}

	@Override
	public synchronized boolean isClosed() {
		return closed;
	}
}
