package dev.zohoconnect.process;

import dev.zohoconnect.cancelmeeting.CancelMeetingFunction;
import dev.zohoconnect.cancelmeeting.error.DefaultErrorExpression;
import dev.zohoconnect.emulator.ZohoCrmEmulator;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A "Cancel Zoho Meeting" service task bound in a model built with {@code Bpmn} exactly as the
 * element template binds it, one part of the template at a time, so the processes tests build for
 * themselves agree with the template on everything they do not vary on purpose.
 *
 * <pre>{@code
 * .serviceTask("cancel", task -> TemplateBoundTask.on(task)
 *     .meeting("meetingId", "false")
 *     .refreshTokenFromSecrets()
 *     .endpoints("true", "zohoAccountsUrl", "zohoApiBaseUrl")
 *     .resultAndErrorHeaders())
 * }</pre>
 *
 * <p>FEEL arguments are written without the leading {@code =}.
 */
public record TemplateBoundTask(ServiceTaskBuilder task) {

  /** The emulator's credentials under the secret names the bindings reference. */
  public static final Map<String, String> EMULATOR_SECRETS =
      Map.of(
          "ZOHO_CLIENT_ID", ZohoCrmEmulator.DEFAULT_CLIENT_ID,
          "ZOHO_CLIENT_SECRET", ZohoCrmEmulator.DEFAULT_CLIENT_SECRET,
          "ZOHO_REFRESH_TOKEN", ZohoCrmEmulator.DEFAULT_REFRESH_TOKEN);

  /** The connector's job type with the template's 3 retries. */
  public static TemplateBoundTask on(ServiceTaskBuilder task) {
    task.zeebeJobType(CancelMeetingFunction.JOB_TYPE).zeebeJobRetries("3");
    return new TemplateBoundTask(task);
  }

  /** The meeting to cancel and whether Zoho mails the participants. */
  public TemplateBoundTask meeting(String meetingIdFeel, String sendMailFeel) {
    task.zeebeInputExpression(meetingIdFeel, "meeting.meetingId")
        .zeebeInputExpression(sendMailFeel, "meeting.sendCancellingMail");
    return this;
  }

  /** Refresh-token authentication from the secrets of {@link #EMULATOR_SECRETS}, data center US. */
  public TemplateBoundTask refreshTokenFromSecrets() {
    task.zeebeInput("refreshToken", "authentication.type")
        .zeebeInput("{{secrets.ZOHO_CLIENT_ID}}", "authentication.clientId")
        .zeebeInput("{{secrets.ZOHO_CLIENT_SECRET}}", "authentication.clientSecret")
        .zeebeInput("{{secrets.ZOHO_REFRESH_TOKEN}}", "authentication.refreshToken")
        .zeebeInput("US", "dataCenter");
    return this;
  }

  /** Access-token authentication from secret {@code ZOHO_ACCESS_TOKEN}, data center US. */
  public TemplateBoundTask accessTokenFromSecret() {
    task.zeebeInput("accessToken", "authentication.type")
        .zeebeInput("{{secrets.ZOHO_ACCESS_TOKEN}}", "authentication.accessToken")
        .zeebeInput("US", "dataCenter");
    return this;
  }

  /** Bindings of the test's own, in this place among the template's (e.g. options). */
  public TemplateBoundTask and(Consumer<ServiceTaskBuilder> bindings) {
    bindings.accept(task);
    return this;
  }

  /** The endpoint override, on when {@code enabledFeel} holds (e.g. to reach the emulator). */
  public TemplateBoundTask endpoints(
      String enabledFeel, String accountsUrlFeel, String apiBaseUrlFeel) {
    task.zeebeInputExpression(enabledFeel, "endpoints.enabled");
    if (accountsUrlFeel != null) {
      task.zeebeInputExpression(accountsUrlFeel, "endpoints.accountsUrl");
    }
    task.zeebeInputExpression(apiBaseUrlFeel, "endpoints.apiBaseUrl");
    return this;
  }

  /** The headers Desktop/Web Modeler write to name the template and version the task uses. */
  public TemplateBoundTask templateHeaders() {
    task.zeebeTaskHeader("elementTemplateId", CancelMeetingFunction.TEMPLATE_ID)
        .zeebeTaskHeader(
            "elementTemplateVersion", String.valueOf(CancelMeetingFunction.TEMPLATE_VERSION));
    return this;
  }

  /**
   * The template's headers: the result in {@code cancellation}, the default error expression, and
   * no retry backoff (tests need not wait for one).
   */
  public TemplateBoundTask resultAndErrorHeaders() {
    return resultAndErrorHeaders("PT0S");
  }

  /** The same with another retry backoff (an ISO-8601 duration). */
  public TemplateBoundTask resultAndErrorHeaders(String retryBackoff) {
    task.zeebeTaskHeader("resultVariable", "cancellation")
        .zeebeTaskHeader("errorExpression", DefaultErrorExpression.FEEL)
        .zeebeTaskHeader("retryBackoff", retryBackoff);
    return this;
  }
}
