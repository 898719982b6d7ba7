package dev.zohoconnect.cancelmeeting.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest of credentials: what the runtime keys its per-credentials state by (token cache,
 * concurrency limit), so no map ever holds a secret that a heap dump or a debugger would show.
 */
public final class Fingerprint {

  /** A fresh digest to clone per fingerprint (never updated itself). */
  private static final MessageDigest SHA256 = sha256();

  private Fingerprint() {}

  /** The hex SHA-256 of the parts, each followed by a separator. */
  public static String of(String... parts) {
    MessageDigest digest = newSha256();
    for (String part : parts) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0); // separator: ("ab","c") and ("a","bc") must differ
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  // Every job computes a fingerprint: cloning a digest skips getInstance's provider lookup.
  private static MessageDigest newSha256() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException notCloneable) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
