package dev.zohoconnect.process;

/** A readable trace of a process instance, one fact a line, for failure messages. */
final class InstanceTrace {

  private final StringBuilder out;

  InstanceTrace(long processInstanceKey) {
    out = new StringBuilder("Process instance ").append(processInstanceKey);
  }

  /** Appended to the first line, e.g. the instance's state. */
  InstanceTrace state(Object state) {
    out.append(' ').append(state);
    return this;
  }

  /** A new line made of {@code parts}, written one after the other. */
  InstanceTrace line(Object... parts) {
    out.append("\n  ");
    for (Object part : parts) {
      out.append(part);
    }
    return this;
  }

  /** {@code " name=value"} at the end of the last line, unless the value is null or empty. */
  InstanceTrace detail(String name, String value) {
    if (value != null && !value.isEmpty()) {
      out.append(' ').append(name).append('=').append(value);
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
