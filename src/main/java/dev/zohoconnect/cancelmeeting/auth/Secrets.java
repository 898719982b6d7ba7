package dev.zohoconnect.cancelmeeting.auth;

/** Conventions for credentials in the element template and in logs. */
public final class Secrets {

  /** What {@code toString()} shows in place of a credential. */
  public static final String REDACTED = "***";

  /**
   * A credential field in the template takes a secret reference or a FEEL expression, never the
   * secret itself: a literal would be stored in the BPMN file for anyone who can read it.
   */
  public static final String REFERENCE_PATTERN = "^(\\{\\{secrets\\.[^{}]+\\}\\}|=.+)$";

  public static final String REFERENCE_MESSAGE =
      "Reference a secret such as {{secrets.ZOHO_REFRESH_TOKEN}} or use a FEEL expression;"
          + " never paste the credential itself";

  private Secrets() {}
}
