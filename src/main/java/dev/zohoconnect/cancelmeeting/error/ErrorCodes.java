package dev.zohoconnect.cancelmeeting.error;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The codes of {@link ErrorCode} as strings, for code that compares or raises an {@code
 * error.code}, and what the connector derives from them by code. The facts about each code live in
 * {@link ErrorCode}, never here.
 */
public final class ErrorCodes {

  public static final String INVALID_URL_PATTERN = ErrorCode.INVALID_URL_PATTERN.code();
  public static final String OAUTH_SCOPE_MISMATCH = ErrorCode.OAUTH_SCOPE_MISMATCH.code();
  public static final String INTERNAL_ERROR = ErrorCode.INTERNAL_ERROR.code();
  public static final String INVALID_REQUEST_METHOD = ErrorCode.INVALID_REQUEST_METHOD.code();
  public static final String INVALID_DATA = ErrorCode.INVALID_DATA.code();
  public static final String MANDATORY_NOT_FOUND = ErrorCode.MANDATORY_NOT_FOUND.code();
  public static final String NOT_ALLOWED = ErrorCode.NOT_ALLOWED.code();
  public static final String CANNOT_PERFORM_ACTION = ErrorCode.CANNOT_PERFORM_ACTION.code();
  public static final String NO_PERMISSION = ErrorCode.NO_PERMISSION.code();
  public static final String DAILY_LIMIT_EXCEEDED = ErrorCode.DAILY_LIMIT_EXCEEDED.code();
  public static final String DEPENDENT_MISMATCH = ErrorCode.DEPENDENT_MISMATCH.code();
  public static final String INVALID_TOKEN = ErrorCode.INVALID_TOKEN.code();
  public static final String AUTHENTICATION_FAILURE = ErrorCode.AUTHENTICATION_FAILURE.code();
  public static final String TOO_MANY_REQUESTS = ErrorCode.TOO_MANY_REQUESTS.code();
  public static final String LIMIT_EXCEEDED = ErrorCode.LIMIT_EXCEEDED.code();
  public static final String API_NOT_SUPPORTED = ErrorCode.API_NOT_SUPPORTED.code();
  public static final String CONNECTION_FAILED = ErrorCode.CONNECTION_FAILED.code();
  public static final String TIMEOUT = ErrorCode.TIMEOUT.code();
  public static final String SERVER_ERROR = ErrorCode.SERVER_ERROR.code();
  public static final String HTTP_ERROR = ErrorCode.HTTP_ERROR.code();
  public static final String INVALID_RESPONSE = ErrorCode.INVALID_RESPONSE.code();
  public static final String EXECUTION_STOPPED = ErrorCode.EXECUTION_STOPPED.code();
  public static final String OAUTH_INVALID_CLIENT = ErrorCode.OAUTH_INVALID_CLIENT.code();
  public static final String OAUTH_INVALID_REFRESH_TOKEN =
      ErrorCode.OAUTH_INVALID_REFRESH_TOKEN.code();
  public static final String TOKEN_REJECTED = ErrorCode.TOKEN_REJECTED.code();
  public static final String OAUTH_RATE_LIMITED = ErrorCode.OAUTH_RATE_LIMITED.code();
  public static final String OAUTH_UNAVAILABLE = ErrorCode.OAUTH_UNAVAILABLE.code();
  public static final String OAUTH_ERROR = ErrorCode.OAUTH_ERROR.code();
  public static final String CONCURRENCY_LIMIT_WAIT = ErrorCode.CONCURRENCY_LIMIT_WAIT.code();

  /**
   * Codes whose cause is expected to go away by itself. Everything else is a business failure: a
   * second attempt would fail the same way, so it is never retried.
   */
  public static final Set<String> TRANSIENT =
      Arrays.stream(ErrorCode.values())
          .filter(row -> row.retry().isTransient())
          .map(ErrorCode::code)
          .collect(Collectors.toUnmodifiableSet());

  private ErrorCodes() {}

  public static boolean isTransient(String code) {
    return TRANSIENT.contains(code);
  }

  /** Whether {@code code} reports a rate limit, which only a longer wait mends. */
  public static boolean isRateLimit(String code) {
    return ErrorCode.of(code).map(row -> row.retry() == ErrorCode.Retry.RATE_LIMIT).orElse(false);
  }
}
