package dev.tokensandbox.backend.server;

/**
 * Switches the sandbox API can flip at run time. {@code demoMode}: token routes accept the seeds'
 * unauthenticated requests (as the seeds' {@code requireCustomer} stub does). {@code
 * ginLegacyTokens}: the Gin-tutorial routes issue legacy 006 tokens.
 */
public final class ServerSettings {
  private volatile boolean demoMode;
  private volatile boolean ginLegacyTokens;

  public ServerSettings(boolean demoMode) {
    this.demoMode = demoMode;
  }

  public boolean demoMode() {
    return demoMode;
  }

  public void setDemoMode(boolean demoMode) {
    this.demoMode = demoMode;
  }

  public boolean ginLegacyTokens() {
    return ginLegacyTokens;
  }

  public void setGinLegacyTokens(boolean ginLegacyTokens) {
    this.ginLegacyTokens = ginLegacyTokens;
  }
}
