package dev.zohoconnect.process;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;

/** Told of every job the runtime fails, i.e. hands back to the engine rather than completing. */
@FunctionalInterface
public interface JobFailedListener {
  /**
   * @param retries the retries the job has left
   * @param backoff how long the engine waits before the job can be activated again (zero when the
   *     failure named none; the task's {@code retryBackoff} header then applies)
   */
  void failed(ActivatedJob job, int retries, Duration backoff);
}
