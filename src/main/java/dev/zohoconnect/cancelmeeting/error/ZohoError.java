package dev.zohoconnect.cancelmeeting.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error exactly as Zoho reported it, whichever of its two shapes it came in.
 *
 * @param httpStatus the HTTP status of the answer (Zoho sometimes reports errors with 200)
 * @param code Zoho's {@code code}, for example {@code NOT_ALLOWED}
 * @param message Zoho's {@code message}, may be empty
 * @param details Zoho's {@code details} object, never null
 */
public record ZohoError(int httpStatus, String code, String message, Map<String, Object> details) {

  public ZohoError {
    message = message == null ? "" : message;
    // Zoho's key order is kept: operators compare these details with Zoho's documentation.
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public boolean is(String zohoCode) {
    return zohoCode.equals(code);
  }

  /** The stable reason of a {@code NOT_ALLOWED}, or null for any other code. */
  public NotAllowedReason notAllowedReason() {
    return is(ErrorCodes.NOT_ALLOWED) ? NotAllowedReason.fromDetails(details) : null;
  }
}
