package dev.zohoconnect.emulator;

import static dev.zohoconnect.emulator.ZohoErrors.CANCELLED_BY;
import static dev.zohoconnect.emulator.ZohoErrors.SEND_CANCELLING_MAIL;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The validated body of a cancel call: {@code
 * {"data":[{"send_cancelling_mail":true,"cancelled_by":{"id":"..."}}]}}.
 *
 * @param cancelledBy the v8-only {@code cancelled_by.id}; v7 does not know the field and ignores it
 */
record CancelRequestBody(boolean sendCancellingMail, Optional<String> cancelledBy) {

  /**
   * Validates in Zoho's order: readable JSON, a {@code data} array, the mandatory flag, its type,
   * dependencies.
   */
  static CancelRequestBody parse(byte[] body, boolean v8) {
    JsonNode item = firstDataItem(readJson(body));
    JsonNode mail = item.get(SEND_CANCELLING_MAIL);
    if (mail == null || mail.isNull()) {
      throw ZohoErrors.mandatoryNotFound(SEND_CANCELLING_MAIL).asException();
    }
    if (!mail.isBoolean()) {
      throw ZohoErrors.invalidField(SEND_CANCELLING_MAIL, "boolean").asException();
    }
    Optional<String> cancelledBy = v8 ? cancelledBy(item) : Optional.empty();
    if (cancelledBy.isPresent() && !mail.booleanValue()) {
      throw ZohoErrors.cancelledByNeedsMail().asException();
    }
    return new CancelRequestBody(mail.booleanValue(), cancelledBy);
  }

  private static JsonNode readJson(byte[] body) {
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw ZohoErrors.unreadableBody().asException();
      }
      return root;
    } catch (IOException e) {
      throw ZohoErrors.unreadableBody().asException();
    }
  }

  private static JsonNode firstDataItem(JsonNode root) {
    JsonNode data = root.path("data");
    if (!data.isArray() || data.isEmpty() || !data.get(0).isObject()) {
      throw ZohoErrors.invalidDataArray().asException();
    }
    return data.get(0);
  }

  private static Optional<String> cancelledBy(JsonNode item) {
    JsonNode cancelledBy = item.get(CANCELLED_BY);
    if (cancelledBy == null || cancelledBy.isNull()) {
      return Optional.empty();
    }
    JsonNode id = cancelledBy.path("id");
    if (!cancelledBy.isObject() || !id.isValueNode() || id.isNull()) {
      throw ZohoErrors.invalidField(CANCELLED_BY, "jsonobject").asException();
    }
    return Optional.of(id.asText());
  }
}
