package dev.tokensandbox.backend.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.internal.faults.FaultInjector;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A route that fails with an Error, not an exception, still answers in the JSON shape. */
class RoutesErrorTest {
  @Test
  void anErrorInAHandlerIsAJson500WithoutInternals() throws Exception {
    Javalin app = Javalin.create();
    Routes routes = new Routes(app, new FaultInjector(), Runnable::run);
    ErrorMapping.install(app, routes);
    routes.add(
        dev.tokensandbox.protocol.Route.GIN_PING,
        ctx -> {
          throw new StackOverflowError("deep inside a handler");
        });
    app.start("127.0.0.1", 0);
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ping"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(answer.body())
          .contains("\"error\":\"internal_error\"")
          .contains("StackOverflowError")
          .doesNotContain("deep inside")
          .doesNotContain("at dev.");
    } finally {
      app.stop();
    }
  }
}
