package dev.zohoconnect.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import dev.zohoconnect.cancelmeeting.error.ZohoConnectorException;
import dev.zohoconnect.cancelmeeting.support.ZohoWireTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read timeout is the longest wait for Zoho's answer, whatever the connect timeout: a slow
 * answer must not be waited for as long as both timeouts together.
 */
class ReadTimeoutTest extends ZohoWireTest {

  @Test
  void aSlowAnswerTimesOutAfterTheReadTimeoutNotAfterConnectPlusRead() {
    givenCancelAnswers(json(200, successBody()).withFixedDelay(4_000));
    Map<String, Object> vars = variables();
    section(vars, "options").putAll(Map.of("connectTimeoutSeconds", 10, "readTimeoutSeconds", 1));

    long started = System.nanoTime();
    ZohoConnectorException error = cancelRefused(vars);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(error).as("a 4 s answer with a 1 s read timeout").isNotNull();
    assertThat(error.getErrorCode()).isEqualTo(ErrorCodes.TIMEOUT);
    assertThat(error.getErrorVariables()).containsEntry("retryable", true);
    assertThat(cancelCalls()).as("three attempts in the job").isEqualTo(3);
    // Three attempts of about 1 s each (the test's sleeper does not wait between them), not of
    // 4 s each as when every attempt waited for the slow answer; slack for a loaded machine.
    assertThat(took).isLessThan(Duration.ofSeconds(8));
  }
}
