package dev.tokensandbox.client.backend;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * What went wrong talking to a server, in words with what to do about it: one place for the app,
 * the desktop's screens and {@code check}, so they say the same thing the same way.
 */
public final class FailureWords {
  private FailureWords() {}

  /** A problem and its fix. */
  public record Said(String problem, String fix) {
    /** "problem — fix", for a status line or a log. */
    public String line() {
      return problem + " — " + fix;
    }
  }

  /** No answer from {@code baseUrl}: {@code e} says why (connection refused, DNS, TLS, timeout). */
  public static Said unreachable(String baseUrl, IOException e) {
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new Said(
          "no answer: nothing accepts connections at " + baseUrl,
          "start the server, and check the URL and port");
    }
    if (e instanceof UnknownHostException) {
      return new Said(
          "no answer: the host name in " + baseUrl + " does not resolve",
          "check the URL's host name (on an emulator, this machine is 10.0.2.2)");
    }
    if (e instanceof SSLException) {
      return new Said(
          "no answer: the TLS handshake with " + baseUrl + " failed (" + e.getMessage() + ")",
          "use http:// for a server without TLS, or give it a certificate this client trusts");
    }
    if (e instanceof InterruptedIOException || isTimeout(e)) {
      return new Said(
          "no answer in time from " + baseUrl,
          "answer token requests promptly (the app waits for them), or check the network");
    }
    return new Said(
        "no answer: "
            + baseUrl
            + " closed the connection ("
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + ")",
        "answer every request, with a 4xx naming what is wrong if it is bad; a crash in the"
            + " handler drops the connection");
  }

  /**
   * True when {@code e} means no server is there at all (refused, no route, no such host, no TLS
   * peer), rather than one that took the request and failed it (a timeout, a dropped connection).
   */
  public static boolean nothingThere(IOException e) {
    return e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException
        || e instanceof SSLException;
  }

  /** A 404 without a JSON body: the server has no route for {@code request} ("GET /path"). */
  public static Said notFound(String request, String baseUrl) {
    return new Said(
        "404: " + baseUrl + " has no route for " + request,
        "check the path and the base URL (a prefix such as /api missing or doubled?)");
  }

  /** A token whose signature the RTC service refused. */
  public static Said wrongCertificate() {
    return new Said(
        "the token was signed with another certificate than the one given here",
        "check which App Certificate your server signs with");
  }

  private static boolean isTimeout(IOException e) {
    return e.getClass().getSimpleName().endsWith("TimeoutException");
  }
}
