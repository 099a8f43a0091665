package dev.tokensandbox.backend.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Host header spellings: ports, brackets, case, trailing dots, IPv6 written two ways. */
class HostCheckTest {
  private final HostCheck check = HostCheck.forMode(false, List.of("Sandbox.Test", "fd00::2"));

  @Test
  void theSameNameSpelledAnotherWayIsTheSameName() {
    assertThat(check.accepts("localhost:8080")).isTrue();
    assertThat(check.accepts("LOCALHOST.")).isTrue();
    assertThat(check.accepts("[::1]:8080")).isTrue();
    assertThat(check.accepts("[0:0:0:0:0:0:0:1]")).isTrue();
    assertThat(check.accepts("sandbox.test:443")).isTrue();
    assertThat(check.accepts("[FD00:0:0:0:0:0:0:2]:8080")).isTrue();
    assertThat(check.accepts("10.0.2.2:8080")).isTrue();
  }

  @Test
  void otherNamesAndNoHostAreNot() {
    assertThat(check.accepts("attacker.example")).isFalse();
    assertThat(check.accepts("localhost.attacker.example")).isFalse();
    assertThat(check.accepts("192.0.2.99")).isFalse(); // not this machine's, not in LAN mode anyway
    assertThat(check.accepts("")).isFalse();
    assertThat(check.accepts(null)).isFalse();
  }
}
