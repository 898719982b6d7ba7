package dev.zohoconnect.cancelmeeting.http;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one answer body, bounded twice: by size ({@link HttpTransport#MAX_ANSWER_BYTES}, beyond
 * which the rest is cancelled instead of buffered, which closes the connection) and by time (a body
 * not complete by the exchange's deadline is cancelled, see {@link BodyDeadlines}).
 */
final class BoundedBody
    implements HttpResponse.BodySubscriber<BoundedBody.Text>, BodyDeadlines.Watched {

  /** A body as read: its text, or nothing when it was longer than the limit. */
  record Text(String text, boolean oversized) {}

  private final long deadlineNanos;
  private final Charset charset;
  private final BodyDeadlines deadlines;
  private final CompletableFuture<Text> result = new CompletableFuture<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile Flow.Subscription subscription;
  private volatile boolean expired;
  // Parts as the client hands them over; Zoho's answers nearly always come in one.
  private ByteBuffer first;
  private List<ByteBuffer> more;
  private int length;

  BoundedBody(long deadlineNanos, Charset charset, BodyDeadlines deadlines) {
    this.deadlineNanos = deadlineNanos;
    this.charset = charset;
    this.deadlines = deadlines;
  }

  /** Whether the body was given up on because its deadline passed. */
  boolean expired() {
    return expired;
  }

  @Override
  public long deadlineNanos() {
    return deadlineNanos;
  }

  @Override
  public void expire() {
    expired = true;
    if (result.completeExceptionally(
        new HttpTimeoutException("answer body not complete in time"))) {
      cancel();
    }
  }

  @Override
  public CompletionStage<Text> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    // Watched before anything is requested: the first parts may be delivered on this very call.
    deadlines.watch(this);
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> parts) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer part : parts) {
      if (!part.hasRemaining()) {
        continue;
      }
      length += part.remaining();
      if (length > HttpTransport.MAX_ANSWER_BYTES) {
        deadlines.forget(this);
        if (result.complete(new Text("", true))) {
          cancel();
        }
        return;
      }
      if (first == null) {
        first = part;
      } else {
        if (more == null) {
          more = new ArrayList<>(4);
        }
        more.add(part);
      }
    }
  }

  @Override
  public void onError(Throwable failure) {
    deadlines.forget(this);
    result.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    deadlines.forget(this);
    result.complete(new Text(decoded(), false));
  }

  private String decoded() {
    if (first == null) {
      return "";
    }
    if (more == null && first.hasArray()) {
      return new String(
          first.array(), first.arrayOffset() + first.position(), first.remaining(), charset);
    }
    byte[] bytes = new byte[length];
    int at = 0;
    for (ByteBuffer part : parts()) {
      int n = part.remaining();
      part.get(bytes, at, n);
      at += n;
    }
    return new String(bytes, charset);
  }

  private List<ByteBuffer> parts() {
    if (more == null) {
      return List.of(first);
    }
    List<ByteBuffer> all = new ArrayList<>(more.size() + 1);
    all.add(first);
    all.addAll(more);
    return all;
  }

  private void cancel() {
    Flow.Subscription current = subscription;
    if (current != null && cancelled.compareAndSet(false, true)) {
      current.cancel();
    }
  }

  /**
   * The charset a {@code Content-Type} names, UTF-8 when it names none or an unknown one. Read
   * parameter by parameter without splitting: this runs for every answer.
   */
  static Charset charsetOf(String contentType) {
    int from = 0;
    while (from <= contentType.length()) {
      int end = contentType.indexOf(';', from);
      if (end < 0) {
        end = contentType.length();
      }
      int equals = contentType.indexOf('=', from);
      if (equals > 0 && equals < end && isCharsetKey(contentType, from, equals)) {
        String name = contentType.substring(equals + 1, end).trim().replace("\"", "");
        if (name.equalsIgnoreCase("UTF-8")) {
          return StandardCharsets.UTF_8;
        }
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
          return StandardCharsets.UTF_8;
        }
      }
      from = end + 1;
    }
    return StandardCharsets.UTF_8;
  }

  private static boolean isCharsetKey(String text, int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to - from == "charset".length()
        && text.regionMatches(true, from, "charset", 0, to - from);
  }
}
