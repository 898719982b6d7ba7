package dev.zohoconnect.cancelmeeting.model;

/** What a Zoho CRM record id looks like, shared by validation and the element template. */
public final class MeetingIds {

  /**
   * A Zoho record id: ASCII digits only (a 64-bit number), nothing that could alter the URL path.
   */
  public static final String RECORD_ID_REGEX = "^[0-9]{1,19}$";

  /** The template accepts a literal id or a FEEL expression that yields one at run time. */
  public static final String TEMPLATE_REGEX = "^([0-9]{1,19}|=.+)$";

  public static final String EXPECTATION =
      "a Zoho CRM record id: digits only, at most 19, such as 4876876000001563018";

  private MeetingIds() {}

  /**
   * True for ASCII digits that fit Zoho's 64-bit record ids; rejects anything else. The same rule
   * as {@link #RECORD_ID_REGEX}, checked without a regex: it runs for every job.
   */
  public static boolean isValid(String id) {
    if (id == null || id.isEmpty() || id.length() > 19) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    try {
      return Long.parseLong(id) > 0;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }
}
