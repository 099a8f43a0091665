package dev.tokensandbox.client.session;

/** A session's running counts, for the lab, the desktop's devices and the soak. */
public final class SessionStats {
  int fetches;
  int tokensIssued;
  int retries;
  int gaveUp;
  int coalesced;
  int joins;
  int rejoins;
  int renewals;
  int renewRejected;
  int willExpire;
  int kicks;

  SessionStats() {}

  public int fetches() {
    return fetches;
  }

  public int tokensIssued() {
    return tokensIssued;
  }

  public int retries() {
    return retries;
  }

  public int gaveUp() {
    return gaveUp;
  }

  public int coalesced() {
    return coalesced;
  }

  public int joins() {
    return joins;
  }

  public int rejoins() {
    return rejoins;
  }

  public int renewals() {
    return renewals;
  }

  public int renewRejected() {
    return renewRejected;
  }

  public int willExpire() {
    return willExpire;
  }

  public int kicks() {
    return kicks;
  }
}
