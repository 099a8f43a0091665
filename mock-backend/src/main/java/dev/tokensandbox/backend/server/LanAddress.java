package dev.tokensandbox.backend.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** This machine's address as a phone on the same Wi-Fi would reach it. */
public final class LanAddress {
  private LanAddress() {}

  /**
   * The first site-local IPv4 address (192.168.x, 10.x, 172.16–31.x) of an interface that is up and
   * not loopback or virtual; empty when there is none.
   */
  public static Optional<String> find() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
            return Optional.of(address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
