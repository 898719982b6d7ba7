package dev.zohoconnect.cancelmeeting.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server that speaks just enough HTTP/1.1 to read whole requests and then does what a
 * test asks: answer, close, or say nothing. It records each request it read completely.
 */
final class RawServer implements AutoCloseable {

  /** What to do with a connection once its request is read. */
  @FunctionalInterface
  interface Behaviour {
    void afterRequest(Socket connection, String request) throws IOException;
  }

  static final Behaviour CLOSE = (connection, request) -> connection.close();

  /** Says nothing until the client gives up or the server closes. */
  static final Behaviour STALL = (connection, request) -> connection.getInputStream().read();

  private final ServerSocket server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();

  private RawServer(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> serve(behaviour), "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static RawServer start(Behaviour behaviour) {
    try {
      return new RawServer(behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The requests read completely, head and body, as text. */
  List<String> requests() {
    return requests;
  }

  /** The next request read completely, waiting a few seconds for it; null if none came. */
  String awaitRequest() throws InterruptedException {
    return arrivals.poll(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }

  private void serve(Behaviour behaviour) {
    while (!server.isClosed()) {
      try (Socket connection = server.accept()) {
        connections.add(connection);
        String request = readRequest(connection.getInputStream());
        requests.add(request);
        arrivals.add(request);
        behaviour.afterRequest(connection, request);
      } catch (IOException e) {
        // the client or the test closed the connection: next one
      }
    }
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("request ended in its head");
      }
      head.write(next);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("request ended in its body");
    }
    return text + new String(body, StandardCharsets.UTF_8);
  }
}
