package dev.zohoconnect.cancelmeeting.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zohoconnect.cancelmeeting.auth.IssuedToken;
import dev.zohoconnect.cancelmeeting.http.CallTimeouts;
import dev.zohoconnect.cancelmeeting.http.HttpReply;
import dev.zohoconnect.cancelmeeting.http.HttpTransport;
import dev.zohoconnect.cancelmeeting.http.TransportFailure;
import dev.zohoconnect.cancelmeeting.model.ApiVersion;
import java.net.URI;
import java.net.http.HttpRequest;

/** The one Zoho CRM call this connector makes: {@code POST /crm/{v}/Events/{id}/actions/cancel}. */
public final class ZohoCrmClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The two bodies nearly every call sends, as the JSON tree below would write them. */
  private static final String BODY_WITHOUT_MAIL = "{\"data\":[{\"send_cancelling_mail\":false}]}";

  private static final String BODY_WITH_MAIL = "{\"data\":[{\"send_cancelling_mail\":true}]}";

  private final HttpTransport transport;

  public ZohoCrmClient(HttpTransport transport) {
    this.transport = transport;
  }

  /** One cancel request, as Zoho's API receives it. The meeting id is validated digits. */
  public record CancelCall(
      URI apiBaseUrl,
      ApiVersion version,
      String meetingId,
      boolean sendCancellingMail,
      String cancelledBy,
      CallTimeouts timeouts) {

    URI uri() {
      return apiBaseUrl.resolve(
          "/crm/" + version.pathSegment() + "/Events/" + meetingId + "/actions/cancel");
    }

    String body() {
      if (cancelledBy == null) {
        return sendCancellingMail ? BODY_WITH_MAIL : BODY_WITHOUT_MAIL;
      }
      ObjectNode item = JSON.createObjectNode().put("send_cancelling_mail", sendCancellingMail);
      if (cancelledBy != null) {
        item.putObject("cancelled_by").put("id", cancelledBy);
      }
      ObjectNode root = JSON.createObjectNode();
      root.putArray("data").add(item);
      return root.toString();
    }
  }

  public ZohoAnswer cancel(CancelCall call, IssuedToken token) throws TransportFailure {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri())
            .header("Authorization", "Zoho-oauthtoken " + token.value())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    HttpReply reply = transport.post(request, call.body(), call.timeouts());
    return ZohoResponseParser.parse(reply);
  }
}
