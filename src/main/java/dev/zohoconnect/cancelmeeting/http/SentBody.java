package dev.zohoconnect.cancelmeeting.http;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body that records when the HTTP client has pulled its last byte. The JDK's client
 * subscribes to a body only once the connection is established and the headers are handed to it,
 * and asks for the next part only when the previous one has gone to the connection: the last byte
 * pulled means the whole request was handed over.
 */
final class SentBody implements HttpRequest.BodyPublisher {

  private final HttpRequest.BodyPublisher body;
  private volatile boolean pulled;

  SentBody(HttpRequest.BodyPublisher body) {
    this.body = body;
  }

  /** Whether the client has taken the whole body. */
  boolean pulled() {
    return pulled;
  }

  @Override
  public long contentLength() {
    return body.contentLength();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> client) {
    body.subscribe(new Counting(client, body.contentLength()));
  }

  /** Counts what one subscription passes on; the client re-subscribes should it resend. */
  private final class Counting implements Flow.Subscriber<ByteBuffer> {
    private final Flow.Subscriber<? super ByteBuffer> client;
    private final long length;
    private long passed;

    Counting(Flow.Subscriber<? super ByteBuffer> client, long length) {
      this.client = client;
      this.length = length;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      client.onSubscribe(subscription);
    }

    // Recorded before handing the part on: a failure racing the hand-over counts as sent, the side
    // a cancellation can afford to be wrong on.
    @Override
    public void onNext(ByteBuffer part) {
      passed += part.remaining();
      if (length >= 0 && passed >= length) {
        pulled = true;
      }
      client.onNext(part);
    }

    @Override
    public void onError(Throwable failure) {
      client.onError(failure);
    }

    @Override
    public void onComplete() {
      pulled = true;
      client.onComplete();
    }
  }
}
