package dev.zohoconnect.benchmark;

import dev.zohoconnect.cancelmeeting.error.DefaultErrorExpression;
import dev.zohoconnect.cancelmeeting.model.ZohoEdition;
import dev.zohoconnect.process.TemplateBoundTask;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * The processes of the engine runs: start, the cancellation, end. Each service task is configured
 * as its element template writes it (this connector: every template default; the REST connector:
 * what a user fills in for Zoho's call). Any BPMN error ends the instance at an error end event
 * with the variable {@code failed} naming the task that failed, so every instance ends and reports
 * how.
 *
 * <p>Process variables: {@code meetingId}, {@code zohoUrl} (Zoho's API host, here the emulator),
 * {@code tokenUrl} (where the REST variant fetches its token).
 */
final class BenchmarkProcesses {

  static final String REST_JOB_TYPE = "io.camunda:http-json:1";

  /**
   * How a REST task reports errors to the process: as a BPMN error with the HTTP status as code.
   */
  static final String REST_ERROR_EXPRESSION =
      "=if error = null then null"
          + " else bpmnError(if error.code = null then \"FAILED\" else error.code, error.message)";

  /** Where the concurrency governor reads the org's edition. */
  static final String EDITION_INPUT = "options.edition";

  /** The retry backoff the element template sets by default. */
  private static final String TEMPLATE_RETRY_BACKOFF =
      DefaultErrorExpression.JOB_BACKOFF.toString();

  /**
   * Fails the job with one retry less and no backoff while retries are left (what the runtime does
   * without an error expression), then raises a BPMN error instead of leaving an incident.
   */
  static final String REST_RETRYING_ERROR_EXPRESSION =
      "=if error = null then null"
          + " else if job.retries > 1 then jobError(error.message, {}, job.retries - 1,"
          + " duration(\"PT0S\"))"
          + " else bpmnError(if error.code = null then \"FAILED\" else error.code, error.message)";

  enum Variant {
    CONNECTOR_ACCESS_TOKEN("bench-connector-access-token", "this connector", "access token"),
    CONNECTOR_REFRESH_TOKEN("bench-connector-refresh-token", "this connector", "refresh token"),
    REST_ACCESS_TOKEN("bench-rest-access-token", "REST connector", "access token"),
    /** A REST task for Zoho's refresh-token grant, then the REST cancel task with that token. */
    REST_REFRESH_TOKEN("bench-rest-refresh-token", "REST connector", "refresh token");

    final String processId;
    final String side;
    final String authentication;

    Variant(String processId, String side, String authentication) {
      this.processId = processId;
      this.side = side;
      this.authentication = authentication;
    }

    boolean isRest() {
      return this == REST_ACCESS_TOKEN || this == REST_REFRESH_TOKEN;
    }
  }

  private BenchmarkProcesses() {}

  /**
   * Starts the variant's process for one meeting; the future answers when the instance ended, with
   * its {@code failed} variable (set by the error paths).
   */
  static CamundaFuture<ProcessInstanceResult> run(
      CamundaClient client, Variant variant, String meetingId, String zohoUrl, String tokenUrl) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(variant.processId)
        .latestVersion()
        .variables(Map.of("meetingId", meetingId, "zohoUrl", zohoUrl, "tokenUrl", tokenUrl))
        .withResult()
        .fetchVariables("failed")
        .requestTimeout(Duration.ofMinutes(5))
        .send();
  }

  static BpmnModelInstance process(Variant variant) {
    var start = Bpmn.createExecutableProcess(variant.processId).startEvent("start");
    var last =
        switch (variant) {
          case CONNECTOR_ACCESS_TOKEN ->
              start.serviceTask("cancelMeeting", task -> connectorTask(task, false));
          case CONNECTOR_REFRESH_TOKEN ->
              start.serviceTask("cancelMeeting", task -> connectorTask(task, true));
          case REST_ACCESS_TOKEN ->
              start.serviceTask(
                  "cancelMeeting",
                  task ->
                      restCancelTask(task, "\"Zoho-oauthtoken {{secrets.ZOHO_ACCESS_TOKEN}}\""));
          case REST_REFRESH_TOKEN ->
              start
                  .serviceTask("fetchToken", BenchmarkProcesses::restTokenTask)
                  .boundaryEvent("tokenFailed")
                  .error()
                  .zeebeOutputExpression("\"fetchToken\"", "failed")
                  .endEvent("tokenFailedEnd")
                  .moveToActivity("fetchToken")
                  .serviceTask(
                      "cancelMeeting",
                      task -> restCancelTask(task, "\"Zoho-oauthtoken \" + zohoToken"));
        };
    return endings(last);
  }

  /**
   * The process of the org-limit runs: this connector's task as {@link #process} writes it for the
   * refresh-token variant, with the element template's retry backoff (10 s) and, unless {@code
   * edition} is null (the template's default, Free), the org's Zoho edition in {@link
   * #EDITION_INPUT}, the input the concurrency governor reads.
   */
  static BpmnModelInstance connectorUnderOrgLimit(String processId, ZohoEdition edition) {
    return endings(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .serviceTask(
                "cancelMeeting",
                task -> {
                  connectorTask(task, true, TEMPLATE_RETRY_BACKOFF);
                  if (edition != null) {
                    task.zeebeInput(edition.name(), EDITION_INPUT);
                  }
                }));
  }

  /**
   * The process of the org-limit runs for the REST connector: its cancel task with an access token,
   * retried as its element template retries a failed call (3 retries, no backoff: {@code
   * retryBackoff} PT0S), the last failure a BPMN error that ends the instance at the error end
   * event, where the template would leave an incident, so that every instance ends and is counted.
   */
  static BpmnModelInstance restUnderOrgLimit(String processId) {
    return endings(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .serviceTask(
                "cancelMeeting",
                task ->
                    restCancelTask(
                        task,
                        "\"Zoho-oauthtoken {{secrets.ZOHO_ACCESS_TOKEN}}\"",
                        REST_RETRYING_ERROR_EXPRESSION)));
  }

  private static BpmnModelInstance endings(ServiceTaskBuilder cancelTask) {
    return cancelTask
        .boundaryEvent("cancelFailed")
        .error()
        .zeebeOutputExpression("\"cancelMeeting\"", "failed")
        .endEvent("failedEnd")
        .moveToActivity("cancelMeeting")
        .endEvent("done")
        .done();
  }

  /** As the element template writes the task, every default included. */
  /**
   * This connector's task in the engine runs, with the edition of the org the emulator stands in
   * for there (Ultimate): left at the template's default, Free, the governor would cap the runs at
   * 5 calls in flight, far below that org's allowance and the 16 job threads.
   */
  private static void connectorTask(ServiceTaskBuilder task, boolean refreshToken) {
    connectorTask(task, refreshToken, "PT0S");
    task.zeebeInput(ZohoEdition.ULTIMATE.name(), EDITION_INPUT);
  }

  private static void connectorTask(
      ServiceTaskBuilder task, boolean refreshToken, String retryBackoff) {
    TemplateBoundTask bound = TemplateBoundTask.on(task).meeting("meetingId", "false");
    if (refreshToken) {
      bound.refreshTokenFromSecrets();
    } else {
      bound.accessTokenFromSecret();
    }
    bound
        .and(BenchmarkProcesses::defaultOptions)
        .endpoints("true", "zohoUrl", "zohoUrl")
        .templateHeaders()
        .resultAndErrorHeaders(retryBackoff);
  }

  private static void defaultOptions(ServiceTaskBuilder task) {
    task.zeebeInput("V7", "options.apiVersion")
        .zeebeInputExpression("false", "options.alreadyCancelledIsSuccess")
        .zeebeInputExpression("false", "options.cancelWithoutMailOnDailyLimit")
        .zeebeInputExpression("10", "options.connectTimeoutSeconds")
        .zeebeInputExpression("30", "options.readTimeoutSeconds");
  }

  /** The REST connector doing Zoho's cancel call, the Zoho header in "headers". */
  private static void restCancelTask(ServiceTaskBuilder task, String authorizationFeel) {
    restCancelTask(task, authorizationFeel, REST_ERROR_EXPRESSION);
  }

  private static void restCancelTask(
      ServiceTaskBuilder task, String authorizationFeel, String errorExpression) {
    restTask(task, errorExpression)
        .zeebeInputExpression(
            "zohoUrl + \"/crm/v7/Events/\" + meetingId + \"/actions/cancel\"", "url")
        .zeebeInputExpression("{\"Authorization\": " + authorizationFeel + "}", "headers")
        .zeebeInputExpression("{data: [{send_cancelling_mail: false}]}", "body")
        .zeebeTaskHeader("resultExpression", "={cancellation: response.body.data[1]}");
  }

  /** The REST connector doing Zoho's refresh-token grant; the token becomes {@code zohoToken}. */
  private static void restTokenTask(ServiceTaskBuilder task) {
    restTask(task, REST_ERROR_EXPRESSION)
        .zeebeInputExpression("tokenUrl + \"/oauth/v2/token\"", "url")
        .zeebeInputExpression(
            "{\"Content-Type\": \"application/x-www-form-urlencoded\"}", "headers")
        .zeebeInputExpression(
            "{grant_type: \"refresh_token\", client_id: \"{{secrets.ZOHO_CLIENT_ID}}\","
                + " client_secret: \"{{secrets.ZOHO_CLIENT_SECRET}}\","
                + " refresh_token: \"{{secrets.ZOHO_REFRESH_TOKEN}}\"}",
            "body")
        .zeebeTaskHeader("resultExpression", "={zohoToken: response.body.access_token}");
  }

  private static ServiceTaskBuilder restTask(ServiceTaskBuilder task, String errorExpression) {
    return task.zeebeJobType(REST_JOB_TYPE)
        .zeebeJobRetries("3")
        .zeebeInput("noAuth", "authentication.type")
        .zeebeInput("POST", "method")
        .zeebeInputExpression("20", "connectionTimeoutInSeconds")
        .zeebeInputExpression("20", "readTimeoutInSeconds")
        .zeebeInputExpression("false", "storeResponse")
        .zeebeInput("false", "skipEncoding")
        .zeebeInputExpression("false", "groupSetCookieHeaders")
        .zeebeInputExpression("false", "ignoreNullValues")
        .zeebeTaskHeader("elementTemplateId", "io.camunda.connectors.HttpJson.v2")
        .zeebeTaskHeader("errorExpression", errorExpression)
        .zeebeTaskHeader("retryBackoff", "PT0S");
  }
}
