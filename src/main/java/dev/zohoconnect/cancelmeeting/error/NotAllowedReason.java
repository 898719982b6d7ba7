package dev.zohoconnect.cancelmeeting.error;

import java.util.Map;

/**
 * Why Zoho refused a cancellation with {@code NOT_ALLOWED}. Zoho tells the three cases apart only
 * by an optional {@code details.reason}; this gives each a stable name a process can branch on.
 */
public enum NotAllowedReason {
  /** No {@code reason}: the meeting was cancelled before. */
  ALREADY_CANCELLED,
  /** {@code reason: no_participants_invited}. */
  NO_PARTICIPANTS_INVITED,
  /** {@code reason: completed_meeting}: the meeting's end time has passed. */
  MEETING_ENDED,
  /** A reason Zoho has not documented. */
  OTHER;

  public static NotAllowedReason fromDetails(Map<String, Object> details) {
    Object reason = details == null ? null : details.get("reason");
    if (reason == null) {
      return ALREADY_CANCELLED;
    }
    return switch (reason.toString()) {
      case "no_participants_invited" -> NO_PARTICIPANTS_INVITED;
      case "completed_meeting" -> MEETING_ENDED;
      default -> OTHER;
    };
  }
}
