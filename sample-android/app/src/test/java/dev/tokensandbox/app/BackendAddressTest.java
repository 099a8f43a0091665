package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendAddressTest {

  @ParameterizedTest
  @CsvSource({
    "192.168.1.20:8080, http://192.168.1.20:8080",
    "http://10.0.2.2:7001/, http://10.0.2.2:7001",
    "  localhost  , http://localhost:8080",
    "https://tokens.example.com, https://tokens.example.com:443",
    "HTTP://Host:9000/base//, http://Host:9000/base"
  })
  void normalisesWhatUsersType(String input, String expected) {
    assertThat(BackendAddress.parse(input)).hasToString(expected);
  }

  @Test
  void emulatorDefaultPointsAtTheHostLoopback() {
    BackendAddress address = BackendAddress.emulator(8080);

    assertThat(address.resolve("/api/agora/token"))
        .isEqualTo("http://10.0.2.2:8080/api/agora/token");
    assertThat(address.isCleartext()).isTrue();
  }

  @Test
  void badInputGetsAMessageFitForTheScreen() {
    assertThatThrownBy(() -> BackendAddress.parse(" "))
        .hasMessageStartingWith("Backend URL: enter");
    assertThatThrownBy(() -> BackendAddress.parse("ftp://x"))
        .hasMessage("Backend URL: must start with http:// or https://");
    assertThatThrownBy(() -> BackendAddress.parse("http://x:1/?a=b")).hasMessageContaining("query");
    assertThatThrownBy(() -> BackendAddress.parse("http://"))
        .hasMessageStartingWith("Backend URL:");
  }
}
