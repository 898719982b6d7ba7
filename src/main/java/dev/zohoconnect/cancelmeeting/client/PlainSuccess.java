package dev.zohoconnect.cancelmeeting.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Recognises Zoho's plain success answer by streaming over it, without building a JSON tree: {@code
 * {"data":[{"code":"SUCCESS","details":{...},"message":"...","status":"success"}]}}, the answer to
 * nearly every call. Anything else, however slightly different (another field, a repeated one, a
 * second item, trailing text), is not recognised here and is left to the full reading in {@link
 * ZohoResponseParser}, which reads every answer this accepts the same way.
 */
final class PlainSuccess {

  private PlainSuccess() {}

  /** The cancellation {@code body} reports, or null when it is not the plain success answer. */
  static ZohoAnswer.Cancelled read(JsonFactory json, String body) {
    try (JsonParser parser = json.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT
          || parser.nextToken() != JsonToken.FIELD_NAME
          || !"data".equals(parser.currentName())
          || parser.nextToken() != JsonToken.START_ARRAY
          || parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String code = null;
      String message = null;
      boolean success = false;
      boolean details = false;
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "code" -> {
            if (code != null || value != JsonToken.VALUE_STRING) {
              return null;
            }
            code = parser.getText();
          }
          case "message" -> {
            if (message != null || value != JsonToken.VALUE_STRING) {
              return null;
            }
            message = parser.getText();
          }
          case "status" -> {
            if (success
                || value != JsonToken.VALUE_STRING
                || !"success".equalsIgnoreCase(parser.getText())) {
              return null;
            }
            success = true;
          }
          case "details" -> {
            if (details) {
              return null;
            }
            details = true;
            parser.skipChildren();
          }
          default -> {
            return null;
          }
        }
      }
      if (token != JsonToken.END_OBJECT
          || !success
          || parser.nextToken() != JsonToken.END_ARRAY
          || parser.nextToken() != JsonToken.END_OBJECT
          || parser.nextToken() != null) {
        return null;
      }
      return new ZohoAnswer.Cancelled(
          code == null ? "SUCCESS" : code, message == null ? "" : message);
    } catch (IOException | RuntimeException notPlain) {
      return null;
    }
  }
}
