package dev.zohoconnect.cancelmeeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zohoconnect.cancelmeeting.error.ErrorCodes;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a job that Zeebe hands out again after this connector failed it transiently.
 *
 * <p>When the runtime fails a job it stores the failure as the local variable {@code error}: the
 * message (after {@code jobError}) or a map with the code (after a plain failure). Our messages
 * start with {@code [CODE]}. If the failed attempt's request reached Zoho before the answer was
 * lost, the meeting is cancelled already, and Zoho's NOT_ALLOWED for it must complete the task
 * rather than fail it.
 */
final class PriorFailure {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LEADING_CODE = Pattern.compile("^\\[([A-Z_]+)]");

  private PriorFailure() {}

  static boolean wasTransient(String jobVariablesJson) {
    if (jobVariablesJson == null || !jobVariablesJson.contains("\"error\"")) {
      return false;
    }
    try {
      JsonNode error = JSON.readTree(jobVariablesJson).path("error");
      String code =
          error.isTextual() ? leadingCode(error.asText()) : error.path("code").asText(null);
      return code != null && ErrorCodes.isTransient(code);
    } catch (IOException unreadable) {
      return false;
    }
  }

  private static String leadingCode(String message) {
    Matcher matcher = LEADING_CODE.matcher(message);
    return matcher.find() ? matcher.group(1) : null;
  }
}
