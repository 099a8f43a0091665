package com.example.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The app under test: fetches an RTC token from its backend's seed route (Shengwang, seed 001),
 * keeps it until 30 s before it ends, and retries a failed fetch twice. Its time comes from a
 * {@link Clock}, so a test can run it on the sandbox's.
 */
public final class TokenClient {
  private static final int LIFETIME = 60;
  private static final int ATTEMPTS = 3;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final Clock clock;
  private String token;
  private Instant expiresAt = Instant.MIN;
  private int attempts;

  public TokenClient(String baseUrl, Clock clock) {
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** A token good for at least 30 more seconds: the one held, or a fresh one. */
  public String token(String channel, long uid) throws IOException, InterruptedException {
    if (token != null && clock.instant().isBefore(expiresAt.minusSeconds(30))) {
      return token;
    }
    IOException last = null;
    for (attempts = 1; attempts <= ATTEMPTS; attempts++) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          baseUrl
                              + "/api/agora/token?channelName="
                              + channel
                              + "&uid="
                              + uid
                              + "&expireSeconds="
                              + LIFETIME))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        token = answer.body().strip();
        expiresAt = clock.instant().plusSeconds(LIFETIME);
        return token;
      }
      last = new IOException("token route answered " + answer.statusCode());
    }
    throw new IOException("gave up after " + ATTEMPTS + " attempts: " + last.getMessage());
  }

  /** How many attempts the last fetch took. */
  public int attempts() {
    return Math.min(attempts, ATTEMPTS);
  }
}
