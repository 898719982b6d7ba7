package dev.zohoconnect.runtime;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Wraps a worker's job handler: every log line written while a job is handled (by Camunda's runtime
 * and by the connector) carries the job's key, type, process instance, element and, for the
 * cancel-meeting connector, the Zoho meeting id in the MDC; structured (JSON) logs show them as
 * fields. Also counts the job as in flight for a graceful shutdown.
 *
 * <p>Only identifiers go into the MDC, never variable values: the meeting id is taken only when it
 * is a Zoho record id (digits), so a secret or a misplaced credential can never land there.
 */
final class ObservedJobHandler implements JobHandler {

  static final String JOB_KEY = "jobKey";
  static final String JOB_TYPE = "jobType";
  static final String PROCESS_INSTANCE_KEY = "processInstanceKey";
  static final String BPMN_PROCESS_ID = "bpmnProcessId";
  static final String ELEMENT_ID = "elementId";
  static final String TENANT_ID = "tenantId";
  static final String MEETING_ID = "meetingId";

  private static final Pattern ZOHO_RECORD_ID = Pattern.compile("\\d{1,19}");

  private final JobHandler delegate;
  private final InFlightJobs inFlight;

  ObservedJobHandler(JobHandler delegate, InFlightJobs inFlight) {
    this.delegate = delegate;
    this.inFlight = inFlight;
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) throws Exception {
    inFlight.handlerStarted();
    try (var ignored = mdc(job)) {
      delegate.handle(CommandTracking.track(client, inFlight), job);
    } finally {
      inFlight.handlerFinished();
    }
  }

  private static MdcScope mdc(ActivatedJob job) {
    MdcScope scope = new MdcScope();
    scope.put(JOB_KEY, String.valueOf(job.getKey()));
    scope.put(JOB_TYPE, job.getType());
    scope.put(PROCESS_INSTANCE_KEY, String.valueOf(job.getProcessInstanceKey()));
    scope.put(BPMN_PROCESS_ID, job.getBpmnProcessId());
    scope.put(ELEMENT_ID, job.getElementId());
    scope.put(TENANT_ID, job.getTenantId());
    scope.put(MEETING_ID, meetingId(job));
    return scope;
  }

  /** {@code meeting.meetingId} of the job's variables, if it is a Zoho record id. */
  static String meetingId(ActivatedJob job) {
    try {
      if (job.getVariablesAsMap().get("meeting") instanceof Map<?, ?> meeting) {
        Object id = meeting.get("meetingId");
        if (id instanceof Number || id instanceof String) {
          String text = id.toString().trim();
          return ZOHO_RECORD_ID.matcher(text).matches() ? text : null;
        }
      }
    } catch (RuntimeException unreadable) {
      // The connector reports unusable input itself; logging context is best effort.
    }
    return null;
  }

  /** Sets MDC entries and restores what was there before on close. */
  private static final class MdcScope implements AutoCloseable {
    private final Map<String, String> previous = MDC.getCopyOfContextMap();

    void put(String key, String value) {
      if (value != null && !value.isEmpty()) {
        MDC.put(key, value);
      }
    }

    @Override
    public void close() {
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }
}
