package dev.zohoconnect.hardening;

import dev.zohoconnect.cancelmeeting.support.TestConnectors;
import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.MeetingCanceller;
import dev.zohoconnect.cancelmeeting.error.DefaultErrorExpression;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The process the hardening tests run: one "Cancel Zoho Meeting" task bound exactly as the element
 * template binds it (inputs, headers, the default error expression, 3 retries), ending at {@code
 * Cancelled}, or at {@code NotCancelled} through a boundary event that catches any BPMN error.
 *
 * <p>Process variables: {@code meetingId}, {@code sendMail}, {@code zohoApiBaseUrl}, {@code
 * zohoAccountsUrl}, and optionally {@code alreadyCancelledIsSuccess}, {@code readTimeoutSeconds},
 * {@code connectTimeoutSeconds}, {@code apiVersion}, {@code cancelledBy}, {@code
 * cancelWithoutMailOnDailyLimit}.
 */
final class CancelProcess {

  static final String ID = "hardening-cancel-meeting";
  static final String TASK = "CancelMeeting";
  static final String CANCELLED = "Cancelled";
  static final String NOT_CANCELLED = "NotCancelled";

  /** The emulator's credentials, as the process references them. */
  static final Map<String, String> SECRETS =
      Map.of(
          "ZOHO_CLIENT_ID", ZohoCrmEmulator.DEFAULT_CLIENT_ID,
          "ZOHO_CLIENT_SECRET", ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
          "ZOHO_REFRESH_TOKEN", ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN);

  private CancelProcess() {}

  static BpmnModelInstance model() {
    return model(ID, "meetingId", "sendMail");
  }

  /**
   * The same process with other FEEL for the meeting id and the mail flag, as a modeler might
   * write them (without the leading {@code =}).
   */
  static BpmnModelInstance model(String processId, String meetingIdFeel, String sendMailFeel) {
    return model(processId, meetingIdFeel, sendMailFeel, Map.of());
  }

  /** The process with further task inputs (target → static value), e.g. an option the template adds. */
  static BpmnModelInstance model(String processId, Map<String, String> moreInputs) {
    return model(processId, "meetingId", "sendMail", moreInputs);
  }

  private static BpmnModelInstance model(
      String processId, String meetingIdFeel, String sendMailFeel, Map<String, String> moreInputs) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .serviceTask(
            TASK,
            task -> {
              task.zeebeJobType(CancelMeetingFunction.JOB_TYPE)
                  .zeebeJobRetries("3")
                  .zeebeInputExpression(meetingIdFeel, "meeting.meetingId")
                  .zeebeInputExpression(sendMailFeel, "meeting.sendCancellingMail")
                  .zeebeInput("refreshToken", "authentication.type")
                  .zeebeInput("{{secrets.ZOHO_CLIENT_ID}}", "authentication.clientId")
                  .zeebeInput("{{secrets.ZOHO_CLIENT_SECRET}}", "authentication.clientSecret")
                  .zeebeInput("{{secrets.ZOHO_REFRESH_TOKEN}}", "authentication.refreshToken")
                  .zeebeInput("US", "dataCenter")
                  .zeebeInputExpression(
                      "if alreadyCancelledIsSuccess = null then false else alreadyCancelledIsSuccess",
                      "options.alreadyCancelledIsSuccess")
                  .zeebeInputExpression(
                      "if cancelWithoutMailOnDailyLimit = null then false"
                          + " else cancelWithoutMailOnDailyLimit",
                      "options.cancelWithoutMailOnDailyLimit")
                  .zeebeInputExpression(
                      "if apiVersion = null then \"V7\" else apiVersion", "options.apiVersion")
                  .zeebeInputExpression(
                      "if cancelledBy = null then \"\" else cancelledBy", "options.cancelledBy")
                  .zeebeInputExpression(
                      "if readTimeoutSeconds = null then 30 else readTimeoutSeconds",
                      "options.readTimeoutSeconds")
                  .zeebeInputExpression(
                      "if connectTimeoutSeconds = null then 10 else connectTimeoutSeconds",
                      "options.connectTimeoutSeconds")
                  .zeebeInputExpression("zohoApiBaseUrl != null", "endpoints.enabled")
                  .zeebeInputExpression("zohoAccountsUrl", "endpoints.accountsUrl")
                  .zeebeInputExpression("zohoApiBaseUrl", "endpoints.apiBaseUrl")
                  .zeebeTaskHeader("resultVariable", "cancellation")
                  .zeebeTaskHeader("errorExpression", DefaultErrorExpression.FEEL)
                  .zeebeTaskHeader("retryBackoff", "PT0S");
              moreInputs.forEach((target, value) -> task.zeebeInput(value, target));
            })
        .boundaryEvent("AnyError")
        .error()
        .endEvent(NOT_CANCELLED)
        .moveToActivity(TASK)
        .endEvent(CANCELLED)
        .done();
  }

  static Map<String, Object> variables(ZohoCrmEmulator zoho, String meetingId, boolean sendMail) {
    return variables(zoho.baseUrl(), zoho.baseUrl(), meetingId, sendMail);
  }

  static Map<String, Object> variables(
      String apiBaseUrl, String accountsUrl, String meetingId, boolean sendMail) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("meetingId", meetingId);
    vars.put("sendMail", sendMail);
    vars.put("zohoApiBaseUrl", apiBaseUrl);
    vars.put("zohoAccountsUrl", accountsUrl);
    return vars;
  }

  /** The connector as the runtime creates it, with a clock and a way of waiting a test chooses. */
  static CancelMeetingFunction connector(Clock clock, MeetingCanceller.Sleeper sleeper, long seed) {
    return TestConnectors.connector(new HttpTransport(clock), clock, sleeper, seed);
  }

  /** The runtime with this connector only, the emulator's secrets, and the test process deployed. */
  static ConnectorRuntimeHarness.Builder runtime(CancelMeetingFunction connector) {
    return ConnectorRuntimeHarness.builder()
        .discoverConnectors(false)
        .connector(connector)
        .secrets(SECRETS);
  }
}
