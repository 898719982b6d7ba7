package dev.zohoconnect.benchmark;

import dev.zohoconnect.emulator.ZohoCrmEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Zoho CRM emulator on loopback as every benchmark uses it: a fixed answer latency, an org
 * concurrency limit, one access token minted for the default user, and a fresh cancellable meeting
 * for every call (a meeting can be cancelled only once).
 */
final class ZohoFixture implements AutoCloseable {

  /** Zoho's Ultimate edition: 16 parallel jobs never meet the org limit, so no 429 skews a run. */
  static final int ULTIMATE_CONCURRENCY_LIMIT = 25;

  private static final long FIRST_MEETING_ID = 4876876000100000000L;

  private final ZohoCrmEmulator zoho;
  private final String accessToken;
  private final AtomicLong meetings = new AtomicLong(FIRST_MEETING_ID);

  private ZohoFixture(Duration latency, int concurrencyLimit) {
    zoho = ZohoCrmEmulator.start();
    zoho.settings().globalLatency(latency).concurrencyLimit(concurrencyLimit);
    accessToken = zoho.issueAccessToken();
  }

  static ZohoFixture start(Duration latency) {
    return start(latency, ULTIMATE_CONCURRENCY_LIMIT);
  }

  /** The same with another org concurrency limit (Zoho answers 429 to calls beyond it). */
  static ZohoFixture start(Duration latency, int concurrencyLimit) {
    return new ZohoFixture(latency, concurrencyLimit);
  }

  ZohoCrmEmulator emulator() {
    return zoho;
  }

  String baseUrl() {
    return zoho.baseUrl();
  }

  /** A minted access token (1 h on the emulator clock), for the bearer-token configurations. */
  String accessToken() {
    return accessToken;
  }

  /** Adds a meeting that can be cancelled now and returns its id. */
  String newMeeting() {
    String id = Long.toString(meetings.incrementAndGet());
    zoho.meetings().put(zoho.upcomingMeeting(id).build());
    return id;
  }

  void forget(String meetingId) {
    if (meetingId != null) {
      zoho.meetings().remove(meetingId);
    }
  }

  /** The secrets both connectors' configurations refer to as {@code {{secrets.NAME}}}. */
  Map<String, String> secrets() {
    return Map.of(
        "ZOHO_CLIENT_ID", ZohoCrmEmulator.DEFAULT_CLIENT_ID,
        "ZOHO_CLIENT_SECRET", ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
        "ZOHO_REFRESH_TOKEN", ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN,
        "ZOHO_ACCESS_TOKEN", accessToken);
  }

  @Override
  public void close() {
    zoho.close();
  }
}
