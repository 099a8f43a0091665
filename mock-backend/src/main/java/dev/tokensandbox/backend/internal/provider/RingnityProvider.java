package dev.tokensandbox.backend.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.RouteContext;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.internal.mint.TokenMint;
import dev.tokensandbox.backend.tokens.IssuedToken;
import dev.tokensandbox.backend.tokens.JwtKind;
import dev.tokensandbox.protocol.Route;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mock of the Ringnity Server API (seed 000): {@code POST /api/server/visitor-context-token} with
 * {@code Authorization: Bearer rn_sk_…} → {@code {success, data:{contextToken, expiresIn,
 * tokenType}}}. Its base URL stands in for {@code RINGNITY_API_BASE_URL}.
 */
public final class RingnityProvider {

  private final TokenMint mint;
  private final String apiKey;

  public RingnityProvider(TokenMint mint, String apiKey) {
    this.mint = mint;
    this.apiKey = apiKey;
  }

  public void register(Routes routes) {
    routes.add(Route.RINGNITY_PROVIDER, this::visitorContextToken);
  }

  private void visitorContextToken(Context ctx) {
    if (!ProviderKeys.accepts(ctx, ProviderKeys.bearer(ctx), apiKey)) {
      Map<String, Object> refused = new LinkedHashMap<>();
      refused.put("success", false);
      refused.put("error", "invalid_api_key");
      refused.put("field", "Authorization");
      refused.put("message", "Invalid or revoked Server API key");
      Http.json(ctx, 401, refused);
      return;
    }
    JsonNode body = Http.objectBody(ctx);
    JsonNode visitor = body.path("visitor");
    if (!visitor.isObject()) {
      throw ApiError.badRequest("visitor", "is required: {externalId, name, email}");
    }
    String externalId = Http.text(visitor, "externalId", 255);
    if (externalId == null || externalId.isBlank()) {
      throw ApiError.badRequest("visitor.externalId", "is required");
    }
    Integer expiresIn = Http.integer(body, "expiresIn", 1, 86_400);
    int lifetime = expiresIn == null ? JwtKind.RINGNITY.defaultExpireSeconds() : expiresIn;
    Map<String, Object> claims = new LinkedHashMap<>();
    putIfPresent(claims, "name", Http.text(visitor, "name", 255));
    putIfPresent(claims, "email", Http.text(visitor, "email", 255));
    putIfPresent(claims, "source", Http.text(body.path("metadata"), "source", 255));
    IssuedToken token =
        mint.jwt(
            RouteContext.route(ctx),
            RouteContext.faults(ctx),
            JwtKind.RINGNITY,
            externalId,
            lifetime,
            claims);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contextToken", token.token());
    data.put("expiresIn", token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond());
    data.put("tokenType", "Bearer");
    Http.json(ctx, 200, Map.of("success", true, "data", data));
  }

  private static void putIfPresent(Map<String, Object> claims, String name, String value) {
    if (value != null && !value.isBlank()) {
      claims.put(name, value);
    }
  }
}
