package dev.zohoconnect.cancelmeeting.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port whose connections never complete: it listens but accepts nothing, and its accept
 * queue is full, so the kernel drops further connection attempts and a client waits until its
 * connect timeout. Nothing leaves the machine.
 */
final class UnacceptingPort implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> queued = new ArrayList<>();

  UnacceptingPort() throws IOException {
    // A backlog of 1: once two connections wait unaccepted, the kernel drops further SYNs.
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    for (int i = 0; i < 3; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
        queued.add(filler);
      } catch (IOException queueFull) {
        filler.close();
        return;
      }
    }
    throw new IllegalStateException("the accept queue never filled up: connects would complete");
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : queued) {
      socket.close();
    }
    server.close();
  }
}
