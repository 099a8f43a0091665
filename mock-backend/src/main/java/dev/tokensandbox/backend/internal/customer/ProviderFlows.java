package dev.tokensandbox.backend.internal.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.protocol.Route;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The customer-backend routes that mint nothing themselves but call a provider over real HTTP:
 * Ringnity ({@code POST /ringnity/runtime-token}, seed 000) and ChatSDK ({@code POST
 * /api/auth/chat-token}, seed 003: logged-in users only, 10 per 15 minutes per user).
 */
public final class ProviderFlows {
  public static final int CHAT_TOKEN_LIMIT = 10;
  public static final Duration CHAT_TOKEN_WINDOW = Duration.ofMinutes(15);

  private final CustomerAuth auth;
  private final ProviderClient client;
  private final Workspace workspace;
  private final Supplier<String> ringnityBaseUrl;
  private final Supplier<String> chatSdkBaseUrl;
  private final RateLimiter chatLimiter;

  public ProviderFlows(
      CustomerAuth auth,
      ProviderClient client,
      Workspace workspace,
      Supplier<String> ringnityBaseUrl,
      Supplier<String> chatSdkBaseUrl,
      Clock clock) {
    this.auth = auth;
    this.client = client;
    this.workspace = workspace;
    this.ringnityBaseUrl = ringnityBaseUrl;
    this.chatSdkBaseUrl = chatSdkBaseUrl;
    this.chatLimiter = new RateLimiter(CHAT_TOKEN_LIMIT, CHAT_TOKEN_WINDOW, clock);
  }

  public void register(Routes routes) {
    routes.add(Route.RINGNITY_RUNTIME, this::ringnity);
    routes.add(Route.CHATSDK_CUSTOMER, this::chatToken);
  }

  private void ringnity(Context ctx) {
    Customer customer = auth.requireCustomer(ctx, Http.objectBody(ctx));
    Map<String, Object> visitor = new LinkedHashMap<>();
    visitor.put("externalId", customer.id());
    visitor.put("name", customer.name());
    visitor.put("email", customer.email());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("visitor", visitor);
    payload.put("metadata", Map.of("source", "android-app"));
    payload.put("expiresIn", 900);
    Routes.defer(
        ctx,
        client
            .postJsonAsync(
                ringnityBaseUrl.get() + Route.RINGNITY_PROVIDER.path(),
                Map.of("Authorization", "Bearer " + workspace.ringnityApiKey()),
                payload,
                "Ringnity token exchange failed")
            .thenAccept(answer -> ringnityAnswer(ctx, answer)));
  }

  private static void ringnityAnswer(Context ctx, ProviderClient.Answer answer) {
    JsonNode data = answer.body().path("data");
    if (answer.status() >= 400
        || !answer.body().path("success").asBoolean(false)
        || !data.path("contextToken").isTextual()) {
      throw ApiError.badGateway(
          "upstream_failed",
          "Ringnity token exchange failed: provider answered " + answer.status());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", data.path("contextToken").asText());
    out.put("expiresIn", data.path("expiresIn").asInt());
    out.put("tokenType", data.path("tokenType").asText("Bearer"));
    Http.json(ctx, 200, out);
  }

  private void chatToken(Context ctx) {
    Customer customer = auth.requireLogin(ctx);
    long retryAfter = chatLimiter.acquire(customer.id());
    if (retryAfter > 0) {
      throw ApiError.tooManyRequests(retryAfter, "Too many token requests, please try again later");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("userId", customer.id());
    payload.put("name", customer.name());
    payload.put("image", customer.avatarUrl());
    payload.put("custom", Map.of("email", customer.email()));
    Routes.defer(
        ctx,
        client
            .postJsonAsync(
                chatSdkBaseUrl.get() + Route.CHATSDK_PROVIDER.path(),
                Map.of("X-API-Key", workspace.chatsdkApiKey()),
                payload,
                "Failed to generate chat token")
            .thenAccept(
                answer -> {
                  if (answer.status() >= 400 || !answer.body().path("token").isTextual()) {
                    throw chatTokenFailed("provider answered " + answer.status());
                  }
                  Http.json(ctx, 200, answer.body());
                })
            .exceptionally(
                failure -> {
                  // The seed's route answers 500 {error: 'Failed to generate chat token'} when its
                  // provider call fails; the sandbox adds why in "message".
                  Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                  if (cause instanceof ApiError e && e.status() == 500) {
                    throw e;
                  }
                  throw chatTokenFailed(
                      cause instanceof ApiError e ? e.getMessage() : "provider unreachable");
                }));
  }

  private static ApiError chatTokenFailed(String why) {
    return new ApiError(500, "Failed to generate chat token", null, why);
  }
}
