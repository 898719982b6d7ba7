package dev.zohoconnect.hardening;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.MeetingCanceller;
import dev.zohoconnect.cancelmeeting.config.RuntimeSettings;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.support.TestConnectors;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import dev.zohoconnect.process.ConnectorRuntimeHarness;
import dev.zohoconnect.process.TemplateBoundTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
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
  static final Map<String, String> SECRETS = TemplateBoundTask.EMULATOR_SECRETS;

  private CancelProcess() {}

  static BpmnModelInstance model() {
    return model(ID, "meetingId", "sendMail");
  }

  /**
   * The same process with other FEEL for the meeting id and the mail flag, as a modeler might write
   * them (without the leading {@code =}).
   */
  static BpmnModelInstance model(String processId, String meetingIdFeel, String sendMailFeel) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("Start")
        .serviceTask(
            TASK,
            task ->
                TemplateBoundTask.on(task)
                    .meeting(meetingIdFeel, sendMailFeel)
                    .refreshTokenFromSecrets()
                    .and(CancelProcess::optionsWithDefaults)
                    .endpoints("zohoApiBaseUrl != null", "zohoAccountsUrl", "zohoApiBaseUrl")
                    .resultAndErrorHeaders())
        .boundaryEvent("AnyError")
        .error()
        .endEvent(NOT_CANCELLED)
        .moveToActivity(TASK)
        .endEvent(CANCELLED)
        .done();
  }

  /** Each option from the process variable of its name, the template's default without one. */
  private static void optionsWithDefaults(ServiceTaskBuilder task) {
    task.zeebeInputExpression(
            "if alreadyCancelledIsSuccess = null then false else alreadyCancelledIsSuccess",
            "options.alreadyCancelledIsSuccess")
        .zeebeInputExpression(
            "if cancelWithoutMailOnDailyLimit = null then false else cancelWithoutMailOnDailyLimit",
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
            "options.connectTimeoutSeconds");
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

  /** The same in a runtime with the given settings. */
  static CancelMeetingFunction connector(
      RuntimeSettings settings, Clock clock, MeetingCanceller.Sleeper sleeper, long seed) {
    return TestConnectors.connector(settings, new HttpTransport(clock), clock, sleeper, seed);
  }

  /**
   * The runtime with this connector only, the emulator's secrets, and the test process deployed.
   */
  static ConnectorRuntimeHarness.Builder runtime(CancelMeetingFunction connector) {
    return ConnectorRuntimeHarness.builder()
        .discoverConnectors(false)
        .connector(connector)
        .secrets(SECRETS);
  }
}
