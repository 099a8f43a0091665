package dev.tokensandbox.backend.internal.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers only requests addressed to a name the sandbox is reachable by, against DNS rebinding: a
 * web page on {@code attacker.example} whose name is made to resolve to 127.0.0.1 would otherwise
 * be same-origin with the sandbox and could read its journal. Accepted: {@code localhost}, the
 * loopback addresses, {@code 10.0.2.2} (the Android emulator's name for this machine), in LAN mode
 * this machine's addresses and host name, and the names given with {@code --allow-host}. Anything
 * else is 421 JSON. The port is not checked.
 */
public final class HostCheck implements Filter {
  private final Set<String> names;
  private final String summary;

  HostCheck(Set<String> names, String summary) {
    this.names = Set.copyOf(names);
    this.summary = summary;
  }

  /** The names for a server on loopback only, or on the LAN too, plus {@code extra}. */
  public static HostCheck forMode(boolean lan, Collection<String> extra) {
    Set<String> names = new TreeSet<>();
    names.add("localhost");
    names.add("127.0.0.1");
    names.add(normalized("::1"));
    names.add("10.0.2.2");
    if (lan) {
      names.addAll(localNames());
    }
    extra.forEach(name -> names.add(normalized(name)));
    String summary =
        "localhost, 127.0.0.1, [::1], 10.0.2.2"
            + (lan ? ", this machine's addresses and host name" : "")
            + (extra.isEmpty() ? "" : ", " + String.join(", ", extra));
    return new HostCheck(names, summary);
  }

  /** Every address of this machine's interfaces, and its host name. */
  static Set<String> localNames() {
    Set<String> names = new TreeSet<>();
    try {
      for (NetworkInterface nic :
          java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
          names.add(normalized(address.getHostAddress()));
        }
      }
    } catch (java.net.SocketException | RuntimeException e) {
      // no interfaces to list: only the other names apply
    }
    try {
      String host = InetAddress.getLocalHost().getHostName();
      names.add(normalized(host));
      names.add(normalized(host) + ".local");
    } catch (java.net.UnknownHostException e) {
      // no host name
    }
    return names;
  }

  public Set<String> names() {
    return names;
  }

  /** Whether a {@code Host} header value names this sandbox. */
  boolean accepts(String hostHeader) {
    return hostHeader != null && names.contains(normalized(hostOnly(hostHeader)));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String host = ((HttpServletRequest) request).getHeader("Host");
    if (accepts(host)) {
      chain.doFilter(request, response);
      return;
    }
    BodyReader.refuse(
        (HttpServletResponse) response,
        421,
        "misdirected_request",
        "Host",
        "this sandbox answers to "
            + summary
            + " (serve --allow-host NAME adds one), not "
            + clip(host));
  }

  private static String hostOnly(String header) {
    String h = header.strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(1, end);
    }
    int colon = h.lastIndexOf(':');
    return colon >= 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
  }

  private static String normalized(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    int zone = n.indexOf('%'); // fe80::1%eth0
    if (zone >= 0) {
      n = n.substring(0, zone);
    }
    if (n.startsWith("[") && n.endsWith("]")) {
      n = n.substring(1, n.length() - 1);
    }
    if (n.indexOf(':') >= 0 && n.matches("[0-9a-f:.]+")) {
      try {
        return InetAddress.getByName(n).getHostAddress(); // an IPv6 literal: one spelling
      } catch (java.net.UnknownHostException notAnAddress) {
        return n;
      }
    }
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static String clip(String s) {
    if (s == null) {
      return "no Host header";
    }
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
