package dev.tokensandbox.client.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Each way a server can be unreachable gets its own words and fix. */
class FailureWordsTest {
  private static final String URL = "https://tokens.example:8443";

  @Test
  void eachCauseIsSaidWithItsFix() {
    assertThat(FailureWords.unreachable(URL, new ConnectException("Connection refused")).line())
        .isEqualTo(
            "no answer: nothing accepts connections at "
                + URL
                + " — start the server, and check the URL and port");
    assertThat(FailureWords.unreachable(URL, new UnknownHostException("tokens.example")).fix())
        .contains("host name");
    assertThat(FailureWords.unreachable(URL, new SSLHandshakeException("PKIX path failed")))
        .satisfies(
            said -> {
              assertThat(said.problem()).contains("TLS handshake").contains("PKIX path failed");
              assertThat(said.fix()).contains("http://");
            });
    assertThat(FailureWords.unreachable(URL, new SocketTimeoutException("timeout")).problem())
        .isEqualTo("no answer in time from " + URL);
    assertThat(FailureWords.unreachable(URL, new IOException("unexpected end of stream")).problem())
        .isEqualTo("no answer: " + URL + " closed the connection (unexpected end of stream)");
    assertThat(FailureWords.notFound("GET /rtc/a/publisher/uid/1", URL).problem())
        .isEqualTo("404: " + URL + " has no route for GET /rtc/a/publisher/uid/1");
  }
}
