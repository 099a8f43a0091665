package dev.tokensandbox.backend.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code health}: is a sandbox answering? For a container's health check (OCI images declare none,
 * so {@code docker run --health-cmd} and Compose's {@code healthcheck} call this): {@code GET
 * /ping} within two seconds, exit 0 on 200, 1 otherwise, with one line saying which.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "Exit 0 when the sandbox at --url answers GET /ping with 200 within 2 s, else 1.")
final class HealthCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8080",
      description = "The sandbox's base URL (default: http://127.0.0.1:8080).")
  String url;

  HealthCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(url + dev.tokensandbox.protocol.Route.GIN_PING.path()))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() == 200) {
        context.out().println("healthy: " + url + " answered /ping");
        return 0;
      }
      context.err().println("unhealthy: " + url + "/ping answered " + r.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      context
          .err()
          .println("unhealthy: no answer from " + url + " (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      context.err().println("unhealthy: interrupted");
    }
    return 1;
  }
}
