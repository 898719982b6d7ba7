package dev.zohoconnect.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Zoho CRM error reply: its HTTP status and its body in either of Zoho's two shapes.
 *
 * @param topLevel {@code true} for {@code
 *     {"code":...,"details":...,"message":...,"status":"error"}}, {@code false} for the same object
 *     as the only item of {@code data[]}
 */
record ZohoErrorReply(
    int status, boolean topLevel, String code, ObjectNode details, String message) {

  /** Keys in Zoho's order: code, details, message, status. */
  ObjectNode body() {
    ObjectNode error =
        Json.object("code", code, "details", details, "message", message, "status", "error");
    return topLevel ? error : Json.dataEnvelope(error);
  }

  EmulatorReply toReply() {
    return EmulatorReply.json(status, body());
  }

  /** Lets endpoint code bail out from any depth; the dispatcher turns it into the reply. */
  ZohoErrorException asException() {
    return new ZohoErrorException(this);
  }
}
