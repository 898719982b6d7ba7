package dev.zohoconnect.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the emulator for the network faults an HTTP server cannot produce itself:
 * a host that does not accept connections (connect timeout), and a connection reset in the middle
 * of an answer whose request the emulator did process.
 */
final class FaultProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fault-proxy");
            t.setDaemon(true);
            return t;
          });
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<Socket> queueFillers = new CopyOnWriteArrayList<>();
  private final AtomicInteger resetsMidBody = new AtomicInteger();
  private final Object gate = new Object();
  private volatile boolean accepting = true;
  private volatile boolean parked;
  private volatile boolean closed;

  private FaultProxy(URI upstream) throws IOException {
    // A backlog of 1: once two connections wait unaccepted, the kernel drops further SYNs.
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
    threads.execute(this::acceptLoop);
  }

  static FaultProxy to(String upstreamBaseUrl) {
    try {
      return new FaultProxy(URI.create(upstreamBaseUrl));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** From now on connecting hangs until the client's connect timeout: nothing is accepted. */
  void stopAccepting() throws IOException {
    accepting = false;
    open.forEach(FaultProxy::closeQuietly);
    // Wake the accept loop so it parks, then fill the accept queue so the kernel drops new SYNs.
    closeQuietly(new Socket("127.0.0.1", server.getLocalPort()));
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (!parked && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    for (int i = 0; i < 3; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 200);
        queueFillers.add(filler);
      } catch (IOException queueFull) {
        closeQuietly(filler);
      }
    }
  }

  void acceptAgain() {
    queueFillers.forEach(FaultProxy::closeQuietly);
    queueFillers.clear();
    synchronized (gate) {
      accepting = true;
      gate.notifyAll();
    }
  }

  /**
   * The next {@code connections} new connections forward the request, then pass on the answer's
   * headers and a few bytes of its body, and reset.
   */
  void resetMidBody(int connections) {
    resetsMidBody.set(connections);
  }

  @Override
  public void close() {
    closed = true;
    acceptAgain();
    closeQuietly(server);
    open.forEach(FaultProxy::closeQuietly);
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        synchronized (gate) {
          while (!accepting && !closed) {
            parked = true;
            gate.wait();
          }
          parked = false;
        }
        Socket client = server.accept();
        if (!accepting) {
          closeQuietly(client); // the wake-up call, or a connection that raced the switch
          continue;
        }
        boolean cut = resetsMidBody.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        threads.execute(() -> relay(client, cut));
      } catch (IOException | InterruptedException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void relay(Socket client, boolean cutMidBody) {
    open.add(client);
    try (Socket target = new Socket(upstream.getAddress(), upstream.getPort())) {
      open.add(target);
      threads.execute(() -> pump(client, target, false));
      pump(target, client, cutMidBody);
    } catch (IOException e) {
      // one side went away: so does the other
    } finally {
      closeQuietly(client);
    }
  }

  private void pump(Socket from, Socket to, boolean cutMidBody) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      StringBuilder head = new StringBuilder();
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (cutMidBody) {
          head.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
          int end = head.indexOf("\r\n\r\n");
          if (end >= 0) {
            byte[] partial =
                head.substring(0, Math.min(head.length(), end + 4 + 5))
                    .getBytes(StandardCharsets.ISO_8859_1);
            out.write(partial);
            out.flush();
            to.setSoLinger(true, 0); // close with RST: "connection reset" mid-body
            to.close();
            return;
          }
          continue;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }
}
