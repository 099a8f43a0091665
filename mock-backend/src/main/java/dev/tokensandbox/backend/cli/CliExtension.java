package dev.tokensandbox.backend.cli;

import java.util.List;

/**
 * More commands for {@code token-sandbox}, found with {@link java.util.ServiceLoader}: the headless
 * tools module adds {@code check} and {@code run-preset} this way, so the command line's jar has
 * them while this module knows nothing of them.
 */
public interface CliExtension {
  /** The commands' names, in the order the usage text lists them. */
  List<String> names();

  /** A new picocli command object for {@code name} (one of {@link #names()}). */
  Object command(String name);
}
